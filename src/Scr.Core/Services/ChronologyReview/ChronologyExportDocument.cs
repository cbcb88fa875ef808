using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Chronology;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Chronology;

namespace Scr.Core.Services.ChronologyReview;

/// <summary>
/// The integrated chronology as files to take away: XLSX in the template's columns (the core writer, so it reads back as a
/// chronology) and DOCX as a landscape table whose header row repeats on every page. Both carry the reader's name and the
/// date in the header and footer of every page: exports are confidential.
/// </summary>
public static class ChronologyExportDocument
{
    private const string Font = "Arial";

    /// <summary>"Confidential — exported by X on 7 December 2026".</summary>
    public static string Watermark(string reader, DateTimeOffset now) => $"Confidential — exported by {reader} on {Labels.Date(UkTime.DateOf(now))}";

    public static byte[] Xlsx(IReadOnlyList<ChronologyEntry> entries, string watermark)
    {
        using var stream = new MemoryStream();
        using (var writer = new XlsxChronologyWriter(stream, leaveOpen: true, guidance: false, watermark))
        {
            foreach (var group in ChronologyMerge.Groups(entries))
            {
                foreach (var entry in group.Entries)
                {
                    writer.Write(entry, group.IsMultiAgency);
                }
            }
            writer.Complete();
        }
        return stream.ToArray();
    }

    private static readonly (string Label, int Width, Func<ChronologyEntry, string> Value)[] Columns =
    [
        ("Date", 1500, e => ChronologyDates.Display(e.When)),
        ("Agency", 1700, e => e.Agency),
        ("Practitioner role", 1600, e => e.PractitionerRole),
        ("Contact type", 1400, e => Labels.Of(e.ContactType)),
        ("Who was present", 1700, e => e.Present ?? ""),
        ("Child seen", 900, e => Labels.Of(e.ChildSeen)),
        ("Child's wishes and feelings", 2000, e => e.Wishes == WishesAndFeelings.Recorded ? e.WishesText ?? "" : "Not recorded"),
        ("What happened", 2900, e => e.WhatHappened),
        ("Decision or action", 1700, e => e.DecisionOrAction ?? ""),
        ("Source document", 1000, e => e.SourceDocument ?? ""),
    ];

    public static byte[] Docx(string reference, IReadOnlyList<ChronologyEntry> entries, string watermark)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document();
            var body = main.Document.AppendChild(new Body());
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Text(watermark, bold: true, size: 18));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Text($"{watermark} · Case {reference}", bold: false, size: 18));

            body.Append(Text($"Integrated chronology: case {reference}", bold: true, size: 32));
            body.Append(Text($"{entries.Count.ToString("N0", CultureInfo.InvariantCulture)} entries, in time order. Entries of several agencies at the same time are shaded.",
                bold: false, size: 20));

            var table = new Table(new TableProperties(
                new TableWidth { Width = Columns.Sum(c => c.Width).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
            table.Append(new TableGrid(Columns.Select(c => new GridColumn { Width = c.Width.ToString(CultureInfo.InvariantCulture) })));
            // The header row repeats at the top of every page (w:tblHeader), and is not split across pages.
            var head = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
            head.Append(Columns.Select(c => Cell(c.Width, c.Label, bold: true, shaded: true)));
            table.Append(head);
            foreach (var group in ChronologyMerge.Groups(entries))
            {
                foreach (var entry in group.Entries)
                {
                    var row = new TableRow();
                    row.Append(Columns.Select(c => Cell(c.Width, c.Value(entry), bold: false, shaded: group.IsMultiAgency)));
                    table.Append(row);
                }
            }
            body.Append(table);
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 851, Right = 720U, Bottom = 851, Left = 720U, Header = 425U, Footer = 425U, Gutter = 0U }));
            document.PackageProperties.Title = $"Integrated chronology: case {reference}";
            document.PackageProperties.Keywords = "CONFIDENTIAL";
            document.PackageProperties.Description = watermark;
        }
        return stream.ToArray();
    }

    private static TableCell Cell(int width, string text, bool bold, bool shaded)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shaded)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9D9D9" });
        }
        var cell = new TableCell(properties);
        foreach (var line in text.Split('\n'))
        {
            cell.Append(Text(line.TrimEnd('\r'), bold, size: 16));
        }
        return cell;
    }

    private static Paragraph Text(string text, bool bold, int size)
    {
        var runProperties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font },
            new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            runProperties.PrependChild(new Bold());
        }
        return new Paragraph(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
