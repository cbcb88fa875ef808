using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Chronology;

namespace Scr.Core.Services.Chronology;

/// <summary>
/// An Excel workbook (.xlsx) in the template's columns, written as it goes: the sheet's XML streams into its entry of the
/// zip package (no document tree, and no package held in memory), each text in its cell (no table of shared strings to
/// hold); the workbook's other parts, all small, follow it. The header row is bold and frozen, with
/// a filter; the fixed columns (approximate date, contact type, child seen, wishes and feelings) offer the template's
/// values in a list and refuse others; the page is landscape. Dates known to the day are Excel dates (dd/mm/yyyy) and
/// times Excel times (hh:mm), so that Excel can sort and filter them; a month or a year alone is text (Mar 2003, 2003).
/// Entries of several agencies at the same time are shaded. The template itself has no rows, keeps the date and time
/// columns as typed text, and has a Guidance sheet.
/// </summary>
internal sealed class XlsxChronologyWriter : ChronologyWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string SheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    /// <summary>Rows the template's lists and text columns reach: all of Excel's.</summary>
    private const int LastRow = 1048576;

    // Cell styles (cellXfs) of styles.xml, below.
    private const int StyleHeader = 1;
    private const int StyleDate = 2;
    private const int StyleTime = 3;
    private const int StyleText = 4;
    private const int StyleShaded = 5;

    private static readonly string[] Letters = ChronologyTemplate.Columns.Select((_, i) => ((char)('A' + i)).ToString()).ToArray();

    private static readonly DateOnly Epoch = new(1899, 12, 30);

    private readonly bool _template;
    private readonly ZipArchive _zip;
    private readonly Stream _sheetStream;
    private readonly XmlWriter _sheet;
    private int _row;
    private bool _completed;

    private readonly string? _watermark;

    /// <param name="watermark">Text printed in the header and footer of every page (an export's "Confidential — exported by…"), or null.</param>
    public XlsxChronologyWriter(Stream stream, bool leaveOpen, bool guidance, string? watermark = null)
    {
        _template = guidance;
        _watermark = watermark;
        _zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen);
        _sheetStream = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        _sheet = XmlWriter.Create(_sheetStream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        _sheet.WriteStartDocument(true);
        _sheet.WriteStartElement("worksheet", Main);
        _sheet.WriteAttributeString("xmlns", "r", null, Relationships);
        _sheet.WriteStartElement("sheetViews", Main);
        _sheet.WriteStartElement("sheetView", Main);
        _sheet.WriteAttributeString("workbookViewId", "0");
        _sheet.WriteStartElement("pane", Main);
        _sheet.WriteAttributeString("ySplit", "1");
        _sheet.WriteAttributeString("topLeftCell", "A2");
        _sheet.WriteAttributeString("activePane", "bottomLeft");
        _sheet.WriteAttributeString("state", "frozen");
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("cols", Main);
        for (var i = 0; i < ChronologyTemplate.Columns.Count; i++)
        {
            var column = ChronologyTemplate.Columns[i];
            _sheet.WriteStartElement("col", Main);
            _sheet.WriteAttributeString("min", Number(i + 1));
            _sheet.WriteAttributeString("max", Number(i + 1));
            _sheet.WriteAttributeString("width", column.Width.ToString(CultureInfo.InvariantCulture));
            _sheet.WriteAttributeString("customWidth", "1");
            if (_template && column.Column is ChronologyColumn.Date or ChronologyColumn.Time)
            {
                // Kept as typed: Excel would otherwise turn "03/2003" into 1 March 2003, losing that only the month is known.
                _sheet.WriteAttributeString("style", Number(StyleText));
            }
            _sheet.WriteEndElement();
        }
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("sheetData", Main);
        StartRow();
        foreach (var label in Header)
        {
            TextCell(label, StyleHeader);
        }
        _sheet.WriteEndElement();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write(ChronologyEntry entry, bool sameTimeAsOtherAgencies = false)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The workbook is complete.");
        }
        var shade = sameTimeAsOtherAgencies ? StyleShaded : 0;
        StartRow();
        if (entry.Precision == DatePrecision.Day)
        {
            NumberCell(Serial(entry.Date), StyleDate + shade);
        }
        else
        {
            TextCell(ChronologyDates.FormatDate(entry.When), shade);
        }
        if (entry.Time is { } time)
        {
            NumberCell(time.ToTimeSpan().TotalDays, StyleTime + shade);
        }
        else
        {
            Skip(shade);
        }
        TextCell(YesNo(entry.Approximate), shade);
        TextCell(entry.Agency, shade);
        TextCell(entry.PractitionerRole, shade);
        TextCell(Labels.Of(entry.ContactType), shade);
        TextCell(entry.Present, shade);
        TextCell(Labels.Of(entry.ChildSeen), shade);
        TextCell(Labels.Of(entry.Wishes), shade);
        TextCell(entry.WishesText, shade);
        TextCell(entry.WhatHappened, shade);
        TextCell(entry.DecisionOrAction, shade);
        TextCell(entry.SourceDocument, shade);
        _sheet.WriteEndElement();
        Count++;
    }

    public override void Complete()
    {
        if (_completed)
        {
            return;
        }
        _completed = true;
        var last = Letters[^1];
        _sheet.WriteEndElement(); // sheetData
        _sheet.WriteStartElement("autoFilter", Main);
        _sheet.WriteAttributeString("ref", $"A1:{last}{Math.Max(_row, 2)}");
        _sheet.WriteEndElement();
        WriteValidations();
        _sheet.WriteStartElement("pageMargins", Main);
        foreach (var (name, value) in new[] { ("left", "0.4"), ("right", "0.4"), ("top", "0.6"), ("bottom", "0.6"), ("header", "0.3"), ("footer", "0.3") })
        {
            _sheet.WriteAttributeString(name, value);
        }
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("pageSetup", Main);
        _sheet.WriteAttributeString("paperSize", "9");
        _sheet.WriteAttributeString("orientation", "landscape");
        _sheet.WriteEndElement();
        if (_watermark is not null)
        {
            // "&C" centres the text; "&" itself is written "&&" in a header.
            var text = "&C" + _watermark.Replace("&", "&&", StringComparison.Ordinal);
            _sheet.WriteStartElement("headerFooter", Main);
            _sheet.WriteElementString("oddHeader", Main, text);
            _sheet.WriteElementString("oddFooter", Main, text);
            _sheet.WriteEndElement();
        }
        _sheet.WriteEndElement(); // worksheet
        _sheet.WriteEndDocument();
        _sheet.Flush();
        _sheet.Dispose();
        _sheetStream.Dispose();

        if (_template)
        {
            WritePart("xl/worksheets/sheet2.xml", WriteGuidance);
        }
        WritePart("xl/styles.xml", Styles);
        WritePart("xl/workbook.xml", xml =>
        {
            xml.WriteStartElement("workbook", Main);
            xml.WriteAttributeString("xmlns", "r", null, Relationships);
            xml.WriteStartElement("sheets", Main);
            Sheet(xml, ChronologyTemplate.SheetName, 1);
            if (_template)
            {
                Sheet(xml, ChronologyTemplate.GuidanceSheetName, 2);
            }
            xml.WriteEndElement();
            xml.WriteStartElement("definedNames", Main);
            xml.WriteStartElement("definedName", Main);
            xml.WriteAttributeString("name", "_xlnm._FilterDatabase");
            xml.WriteAttributeString("localSheetId", "0");
            xml.WriteAttributeString("hidden", "1");
            xml.WriteString($"{ChronologyTemplate.SheetName}!$A$1:${last}${Math.Max(_row, 2)}");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
        WritePart("xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            Relationship(xml, "rId1", "worksheet", "worksheets/sheet1.xml");
            if (_template)
            {
                Relationship(xml, "rId2", "worksheet", "worksheets/sheet2.xml");
            }
            Relationship(xml, "rId3", "styles", "styles.xml");
            xml.WriteEndElement();
        });
        WritePart("_rels/.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            Relationship(xml, "rId1", "officeDocument", "xl/workbook.xml");
            xml.WriteEndElement();
        });
        WritePart("[Content_Types].xml", xml =>
        {
            xml.WriteStartElement("Types", ContentTypes);
            foreach (var (extension, type) in new[] { ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml") })
            {
                xml.WriteStartElement("Default", ContentTypes);
                xml.WriteAttributeString("Extension", extension);
                xml.WriteAttributeString("ContentType", type);
                xml.WriteEndElement();
            }
            var parts = new List<(string, string)>
            {
                ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
                ("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
                ("/xl/worksheets/sheet1.xml", SheetContentType),
            };
            if (_template)
            {
                parts.Add(("/xl/worksheets/sheet2.xml", SheetContentType));
            }
            foreach (var (part, type) in parts)
            {
                xml.WriteStartElement("Override", ContentTypes);
                xml.WriteAttributeString("PartName", part);
                xml.WriteAttributeString("ContentType", type);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
        _zip.Dispose();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", PackageRelationships);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", $"{Relationships}/{type}");
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    private static void Sheet(XmlWriter xml, string name, int id)
    {
        xml.WriteStartElement("sheet", Main);
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("sheetId", Number(id));
        xml.WriteAttributeString("id", Relationships, $"rId{id}");
        xml.WriteEndElement();
    }

    /// <summary>Lists for the fixed columns, from the second row down, with a prompt saying what to enter.</summary>
    private void WriteValidations()
    {
        var lists = ChronologyTemplate.Columns.Select((c, i) => (Column: c, Letter: Letters[i])).Where(c => c.Column.Values is not null).ToList();
        _sheet.WriteStartElement("dataValidations", Main);
        _sheet.WriteAttributeString("count", Number(lists.Count));
        foreach (var (column, letter) in lists)
        {
            _sheet.WriteStartElement("dataValidation", Main);
            _sheet.WriteAttributeString("type", "list");
            _sheet.WriteAttributeString("allowBlank", "1");
            _sheet.WriteAttributeString("showInputMessage", "1");
            _sheet.WriteAttributeString("showErrorMessage", "1");
            _sheet.WriteAttributeString("errorTitle", column.Label);
            _sheet.WriteAttributeString("error", $"Choose one of: {string.Join(", ", column.Values!)}");
            _sheet.WriteAttributeString("promptTitle", column.Label);
            _sheet.WriteAttributeString("prompt", column.Guidance.Length <= 250 ? column.Guidance : column.Guidance[..247] + "...");
            _sheet.WriteAttributeString("sqref", $"{letter}2:{letter}{LastRow}");
            _sheet.WriteElementString("formula1", Main, $"\"{string.Join(",", column.Values!)}\"");
            _sheet.WriteEndElement();
        }
        _sheet.WriteEndElement();
    }

    private static void WriteGuidance(XmlWriter xml)
    {
        xml.WriteStartElement("worksheet", Main);
        xml.WriteStartElement("cols", Main);
        foreach (var (column, width) in new[] { (1, 30), (2, 12), (3, 40), (4, 100) })
        {
            xml.WriteStartElement("col", Main);
            xml.WriteAttributeString("min", Number(column));
            xml.WriteAttributeString("max", Number(column));
            xml.WriteAttributeString("width", Number(width));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("sheetData", Main);
        var rows = new List<(string[] Cells, int Style)>
        {
            (["Agency chronology: one row for every contact with the child or family, on the Chronology sheet."], StyleHeader),
            (["Say on every row whether the child was seen, and record the child's wishes and feelings whenever they were sought or expressed."], 0),
            (["Name practitioners by their role, never by name. Leave no row empty between entries. Save as Excel Workbook (.xlsx) or CSV UTF-8."], 0),
            ([], 0),
            (["Column", "Required", "Values", "What to enter"], StyleHeader),
        };
        rows.AddRange(ChronologyTemplate.Columns.Select(c => (new[] { c.Label, c.Required ? "Yes" : "No", c.Values is null ? "" : string.Join(", ", c.Values), c.Guidance }, 0)));
        var number = 0;
        foreach (var (cells, style) in rows)
        {
            number++;
            xml.WriteStartElement("row", Main);
            xml.WriteAttributeString("r", Number(number));
            for (var i = 0; i < cells.Length; i++)
            {
                WriteTextCell(xml, $"{Letters[i]}{number}", cells[i], style);
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private void WritePart(string name, Action<XmlWriter> write)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        write(xml);
        xml.WriteEndDocument();
    }

    /// <summary>Fonts, fills and number formats: the header (bold, grey), dates, times, text, and each shaded for same-time groups.</summary>
    private static void Styles(XmlWriter xml)
    {
        xml.WriteStartElement("styleSheet", Main);
        xml.WriteStartElement("numFmts", Main);
        xml.WriteAttributeString("count", "2");
        NumberFormat(xml, 164, "dd/mm/yyyy");
        NumberFormat(xml, 165, "hh:mm");
        xml.WriteEndElement();

        xml.WriteStartElement("fonts", Main);
        xml.WriteAttributeString("count", "2");
        foreach (var bold in new[] { false, true })
        {
            xml.WriteStartElement("font", Main);
            if (bold)
            {
                xml.WriteStartElement("b", Main);
                xml.WriteEndElement();
            }
            Value(xml, "sz", "11");
            Value(xml, "name", "Arial");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("fills", Main);
        xml.WriteAttributeString("count", "4");
        Fill(xml, "none", null);
        Fill(xml, "gray125", null);
        Fill(xml, "solid", "FFD9D9D9");
        Fill(xml, "solid", "FFDDEBF7");
        xml.WriteEndElement();

        xml.WriteStartElement("borders", Main);
        xml.WriteAttributeString("count", "1");
        xml.WriteStartElement("border", Main);
        foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" })
        {
            xml.WriteStartElement(side, Main);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("cellStyleXfs", Main);
        xml.WriteAttributeString("count", "1");
        Xf(xml, 0, 0, 0, false, cellStyle: true);
        xml.WriteEndElement();

        // 0 normal, 1 header, 2 date, 3 time, 4 text; 5 to 8 the same shaded (5 + style, for 0, 2, 3).
        xml.WriteStartElement("cellXfs", Main);
        xml.WriteAttributeString("count", "9");
        Xf(xml, 0, 0, 0, false);
        Xf(xml, 0, 1, 2, true);
        Xf(xml, 164, 0, 0, false);
        Xf(xml, 165, 0, 0, false);
        Xf(xml, 49, 0, 0, false);
        Xf(xml, 0, 0, 3, false);
        Xf(xml, 0, 0, 0, false);
        Xf(xml, 164, 0, 3, false);
        Xf(xml, 165, 0, 3, false);
        xml.WriteEndElement();

        xml.WriteStartElement("cellStyles", Main);
        xml.WriteAttributeString("count", "1");
        xml.WriteStartElement("cellStyle", Main);
        xml.WriteAttributeString("name", "Normal");
        xml.WriteAttributeString("xfId", "0");
        xml.WriteAttributeString("builtinId", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void NumberFormat(XmlWriter xml, int id, string code)
    {
        xml.WriteStartElement("numFmt", Main);
        xml.WriteAttributeString("numFmtId", Number(id));
        xml.WriteAttributeString("formatCode", code);
        xml.WriteEndElement();
    }

    private static void Value(XmlWriter xml, string element, string value)
    {
        xml.WriteStartElement(element, Main);
        xml.WriteAttributeString("val", value);
        xml.WriteEndElement();
    }

    private static void Fill(XmlWriter xml, string pattern, string? colour)
    {
        xml.WriteStartElement("fill", Main);
        xml.WriteStartElement("patternFill", Main);
        xml.WriteAttributeString("patternType", pattern);
        if (colour is not null)
        {
            xml.WriteStartElement("fgColor", Main);
            xml.WriteAttributeString("rgb", colour);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Xf(XmlWriter xml, int numberFormat, int font, int fill, bool wrap, bool cellStyle = false)
    {
        xml.WriteStartElement("xf", Main);
        xml.WriteAttributeString("numFmtId", Number(numberFormat));
        xml.WriteAttributeString("fontId", Number(font));
        xml.WriteAttributeString("fillId", Number(fill));
        xml.WriteAttributeString("borderId", "0");
        if (!cellStyle)
        {
            xml.WriteAttributeString("xfId", "0");
            if (numberFormat != 0)
            {
                xml.WriteAttributeString("applyNumberFormat", "1");
            }
            if (font != 0)
            {
                xml.WriteAttributeString("applyFont", "1");
            }
            if (fill != 0)
            {
                xml.WriteAttributeString("applyFill", "1");
            }
        }
        if (wrap)
        {
            xml.WriteAttributeString("applyAlignment", "1");
            xml.WriteStartElement("alignment", Main);
            xml.WriteAttributeString("wrapText", "1");
            xml.WriteAttributeString("vertical", "top");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private int _column;

    private void StartRow()
    {
        _row++;
        _column = 0;
        _sheet.WriteStartElement("row", Main);
        _sheet.WriteAttributeString("r", Number(_row));
    }

    private void Skip(int style)
    {
        if (style != 0)
        {
            _sheet.WriteStartElement("c", Main);
            _sheet.WriteAttributeString("r", Reference());
            _sheet.WriteAttributeString("s", Number(style));
            _sheet.WriteEndElement();
        }
        _column++;
    }

    private void TextCell(string? text, int style)
    {
        if (string.IsNullOrEmpty(text))
        {
            Skip(style);
            return;
        }
        WriteTextCell(_sheet, Reference(), text, style);
        _column++;
    }

    private void NumberCell(double value, int style)
    {
        _sheet.WriteStartElement("c", Main);
        _sheet.WriteAttributeString("r", Reference());
        if (style != 0)
        {
            _sheet.WriteAttributeString("s", Number(style));
        }
        _sheet.WriteElementString("v", Main, value.ToString("R", CultureInfo.InvariantCulture));
        _sheet.WriteEndElement();
        _column++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteTextCell(XmlWriter xml, string reference, string text, int style)
    {
        xml.WriteStartElement("c", Main);
        xml.WriteAttributeString("r", reference);
        if (style != 0)
        {
            xml.WriteAttributeString("s", Number(style));
        }
        xml.WriteAttributeString("t", "inlineStr");
        xml.WriteStartElement("is", Main);
        xml.WriteStartElement("t", Main);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            xml.WriteAttributeString("xml", "space", null, "preserve");
        }
        xml.WriteString(XmlSafe(text));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>The text without the control characters XML cannot hold (each becomes a space).</summary>
    private static string XmlSafe(string text)
    {
        var i = text.AsSpan().IndexOfAnyInRange('\0', '\x1F');
        if (i < 0)
        {
            return text;
        }
        var chars = text.ToCharArray();
        for (; i < chars.Length; i++)
        {
            if (chars[i] < ' ' && chars[i] is not ('\t' or '\n' or '\r'))
            {
                chars[i] = ' ';
            }
        }
        return new string(chars);
    }

    private string Reference() => string.Concat(Letters[_column], Number(_row));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Excel's number for a day: days since 30/12/1899, less one before March 1900 (Excel counts a 29 February 1900).</summary>
    internal static int Serial(DateOnly date)
    {
        var days = date.DayNumber - Epoch.DayNumber;
        return days < 61 ? days - 1 : days;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!_completed)
            {
                // An incomplete workbook: closed as it is, for whoever wrote it to throw away.
                _sheet.Dispose();
                _sheetStream.Dispose();
                _zip.Dispose();
            }
        }
        base.Dispose(disposing);
    }
}
