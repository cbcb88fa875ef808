using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Scr.Core.Models;
using Scr.Core.Rules;

namespace Scr.Core.Services.TermsOfReference;

/// <summary>What the Word document of a signed-off version shows: the case by its reference only, never the child's name.</summary>
public sealed record TermsOfReferenceDocumentData(string Reference, string BoardName, ReviewKind Kind, TermsOfReferenceVersion Version, string SignedOffBy,
    DateTimeOffset GeneratedAt);

/// <summary>
/// A signed-off version of the terms of reference as a Word document (WordprocessingML, through DocumentFormat.OpenXml):
/// real heading styles (so a reader's navigation pane and a screen reader find the sections), a numbered list of the key
/// lines of enquiry, tables for who is involved and the approach, and "CONFIDENTIAL" with the case reference, version and
/// sign-off in the header and footer of every page. The case is named by its reference alone.
/// </summary>
public static class TermsOfReferenceDocument
{
    private const string Font = "Arial";
    private const int ListNumbering = 1;

    public static byte[] Build(TermsOfReferenceDocumentData data)
    {
        var version = data.Version;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document();
            var body = main.Document.AppendChild(new Body());
            AddStyles(main);
            AddNumbering(main);
            var signOff = version.SignedOffAt is { } at ? $"signed off by {data.SignedOffBy} on {Labels.Date(UkDate(at))}" : "not signed off";

            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Paragraph("Header", "CONFIDENTIAL", bold: true));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(
                Paragraph("Footer", $"CONFIDENTIAL · Case {data.Reference} · Terms of reference, version {version.Number}, {signOff}"),
                PageNumbers());

            body.Append(Paragraph("Title", "Terms of reference"));
            body.Append(Paragraph("Subtitle", $"{Labels.Of(data.Kind)}, case {data.Reference}"));
            body.Append(Paragraph(null, data.BoardName));
            body.Append(Paragraph(null, $"Version {version.Number}, {signOff}."));

            body.Append(Heading(1, "Key lines of enquiry"));
            body.Append(Paragraph(null, "The review asks:"));
            foreach (var line in version.KeyLinesOfEnquiry)
            {
                body.Append(ListItem(line));
            }

            body.Append(Heading(1, "Period and who is involved"));
            body.Append(Table(
            [
                ("Period under review", [Period(version)]),
                ("Lead board", [version.LeadBoardName ?? "Not recorded"]),
                ("Other boards involved", version.OtherBoards.Count == 0 ? ["None"] : version.OtherBoards.Select(b => b.Name).ToList()),
                ("Agencies included", version.Agencies.Count == 0 ? ["None listed"] : version.Agencies.Select(a => a.Name).ToList()),
                ("Other agencies and organisations", Lines(version.OtherAgencies ?? "None")),
            ]));
            if (version.BoardsNote is { } boardsNote)
            {
                body.Append(Heading(2, "How the other boards take part"));
                body.Append(Paragraphs(boardsNote));
            }

            body.Append(Heading(1, "Methodology and evidence"));
            var methodology = version.Methodology is { } m ? Methodologies.Of(m) : null;
            body.Append(Table(
            [
                ("Methodology", [methodology?.Name ?? "Not recorded"]),
                ("Agency reports", [version.AgencyReports is { } reports ? Labels.Of(reports) : "Not recorded"]),
                ("Chronology", [version.Chronology is { } chronology ? Labels.Of(chronology) : "Not recorded"]),
            ]));
            if (methodology is not null)
            {
                body.Append(Heading(2, methodology.Name));
                body.Append(Paragraph(null, methodology.Description));
            }
            if (version.MethodologyNote is { } note)
            {
                body.Append(Heading(2, "How the methodology will be used"));
                body.Append(Paragraphs(note));
            }

            Section(body, "The family's contribution", version.FamilyContribution);
            Section(body, "Parallel processes", version.ParallelProcesses ?? "None known.");
            Section(body, "Timetable", version.Timetable);
            Section(body, "Publication", version.Publication);

            body.Append(Heading(1, "Sign-off"));
            body.Append(Paragraph(null, version.SignedOffAt is { } signed
                ? $"The chair, {data.SignedOffBy}, signed off version {version.Number} on {Labels.Date(UkDate(signed))}."
                : "This version has not been signed off."));
            if (version.SignOffNote is { } chairsNote)
            {
                body.Append(Paragraphs(chairsNote));
            }
            body.Append(Paragraph(null, $"Made by the serious case reviews service on {Labels.Date(UkDate(data.GeneratedAt))}. "
                + "Confidential: do not share beyond those the board has agreed."));

            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Right = 1247U, Bottom = 1440, Left = 1247U, Header = 709U, Footer = 709U, Gutter = 0U }));

            document.PackageProperties.Title = $"Terms of reference: case {data.Reference}";
            document.PackageProperties.Subject = $"{Labels.Of(data.Kind)}, version {version.Number}";
            document.PackageProperties.Creator = "Serious case reviews";
            document.PackageProperties.Keywords = "CONFIDENTIAL";
            document.PackageProperties.Created = data.GeneratedAt.UtcDateTime;
            document.PackageProperties.Modified = data.GeneratedAt.UtcDateTime;
        }
        return stream.ToArray();
    }

    private static DateOnly UkDate(DateTimeOffset instant) => Rules.Timescales.UkTime.DateOf(instant);

    private static string Period(TermsOfReferenceVersion version) => (version.PeriodFrom, version.PeriodTo) switch
    {
        ({ } from, { } to) => $"{Labels.Date(from)} to {Labels.Date(to)}",
        ({ } from, null) => $"From {Labels.Date(from)}",
        (null, { } to) => $"Up to {Labels.Date(to)}",
        _ => "Not recorded",
    };

    private static List<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();

    private static void Section(Body body, string title, string? text)
    {
        body.Append(Heading(1, title));
        body.Append(Paragraphs(text ?? "Not recorded."));
    }

    private static IEnumerable<Paragraph> Paragraphs(string text) => Lines(text).Select(l => Paragraph(null, l));

    private static Paragraph Heading(int level, string text) => Paragraph($"Heading{level}", text);

    private static Paragraph Paragraph(string? style, string text, bool bold = false)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.ParagraphProperties = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } };
        }
        paragraph.Append(TextRun(text, bold));
        return paragraph;
    }

    private static Run TextRun(string text, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.RunProperties = new RunProperties { Bold = new Bold() };
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Paragraph ListItem(string text)
    {
        var paragraph = new Paragraph
        {
            ParagraphProperties = new ParagraphProperties
            {
                ParagraphStyleId = new ParagraphStyleId { Val = "ListParagraph" },
                NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = ListNumbering }),
            },
        };
        paragraph.Append(TextRun(text));
        return paragraph;
    }

    /// <summary>"Page 1 of 3", from fields Word and LibreOffice fill in.</summary>
    private static Paragraph PageNumbers()
    {
        var paragraph = new Paragraph { ParagraphProperties = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "Footer" } } };
        paragraph.Append(TextRun("Page "));
        paragraph.Append(new SimpleField(TextRun("1")) { Instruction = " PAGE " });
        paragraph.Append(TextRun(" of "));
        paragraph.Append(new SimpleField(TextRun("1")) { Instruction = " NUMPAGES " });
        return paragraph;
    }

    /// <summary>
    /// A two-column table under its heading: a header row (repeated on each page), then one row per item, each value a
    /// paragraph of its own. (No table caption: it is not in the 2007 schema the document keeps to.)
    /// </summary>
    private static Table Table(IReadOnlyList<(string Key, List<string> Values)> rows)
    {
        const int keyWidth = 3200;
        const int valueWidth = 6212;
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = (keyWidth + valueWidth).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLook { Val = "04A0" }),
            new TableGrid(new GridColumn { Width = keyWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new GridColumn { Width = valueWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var head = new TableRow(new TableRowProperties(new TableHeader()),
            Cell(keyWidth, ["Item"], bold: true, shaded: true), Cell(valueWidth, ["Detail"], bold: true, shaded: true));
        table.Append(head);
        foreach (var (key, values) in rows)
        {
            table.Append(new TableRow(Cell(keyWidth, [key], bold: true, shaded: false), Cell(valueWidth, values, bold: false, shaded: false)));
        }
        return table;
    }

    private static TableCell Cell(int width, IReadOnlyList<string> paragraphs, bool bold, bool shaded)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shaded)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9D9D9" });
        }
        var cell = new TableCell(properties);
        foreach (var text in paragraphs.DefaultIfEmpty(""))
        {
            cell.Append(Paragraph(null, text, bold));
        }
        return cell;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle
                {
                    RunFonts = new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    FontSize = new FontSize { Val = "22" },
                    FontSizeComplexScript = new FontSizeComplexScript { Val = "22" },
                    Languages = new Languages { Val = "en-GB" },
                }),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
                {
                    SpacingBetweenLines = new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto },
                })),
            ParagraphStyle("Normal", "Normal", basedOn: null, isDefault: true),
            ParagraphStyle("Title", "Title", "Normal", size: 48, bold: true, spacingAfter: 120),
            ParagraphStyle("Subtitle", "Subtitle", "Normal", size: 28, spacingAfter: 240),
            ParagraphStyle("Heading1", "heading 1", "Normal", size: 32, bold: true, spacingBefore: 360, spacingAfter: 120, outline: 0),
            ParagraphStyle("Heading2", "heading 2", "Normal", size: 26, bold: true, spacingBefore: 240, spacingAfter: 80, outline: 1),
            ParagraphStyle("ListParagraph", "List Paragraph", "Normal", indent: 720),
            ParagraphStyle("Header", "header", "Normal", size: 20, centred: true),
            ParagraphStyle("Footer", "footer", "Normal", size: 18, centred: true),
            new Style(
                new StyleName { Val = "Table Grid" },
                new BasedOn { Val = "TableNormal" },
                new UIPriority { Val = 39 },
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "60", After = "60" }),
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                        new LeftBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                        new RightBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" }),
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableGrid" },
            new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
                new StyleTableProperties(
                    new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault = false, int? size = null, bool bold = false,
        int? spacingBefore = null, int? spacingAfter = null, int? outline = null, int? indent = null, bool centred = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }
        style.StyleName = new StyleName { Val = name };
        if (basedOn is not null)
        {
            style.BasedOn = new BasedOn { Val = basedOn };
            style.NextParagraphStyle = new NextParagraphStyle { Val = "Normal" };
        }
        style.PrimaryStyle = new PrimaryStyle();
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.KeepNext = new KeepNext();
            paragraph.KeepLines = new KeepLines();
        }
        if (spacingBefore is not null || spacingAfter is not null)
        {
            var spacing = new SpacingBetweenLines();
            if (spacingBefore is { } before)
            {
                spacing.Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (spacingAfter is { } after)
            {
                spacing.After = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            paragraph.SpacingBetweenLines = spacing;
        }
        if (indent is not null)
        {
            paragraph.Indentation = new Indentation { Left = indent.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            paragraph.ContextualSpacing = new ContextualSpacing();
        }
        if (centred)
        {
            paragraph.Justification = new Justification { Val = JustificationValues.Center };
        }
        if (outline is not null)
        {
            paragraph.OutlineLevel = new OutlineLevel { Val = outline };
        }
        if (paragraph.HasChildren)
        {
            style.StyleParagraphProperties = paragraph;
        }
        if (size is not null || bold)
        {
            var run = new StyleRunProperties();
            if (bold)
            {
                run.Bold = new Bold();
                run.BoldComplexScript = new BoldComplexScript();
            }
            if (size is { } points)
            {
                run.FontSize = new FontSize { Val = points.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                run.FontSizeComplexScript = new FontSizeComplexScript { Val = points.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
            style.StyleRunProperties = run;
        }
        return style;
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = NumberFormatValues.Decimal },
                    new LevelText { Val = "%1." },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
                { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = ListNumbering });
    }
}
