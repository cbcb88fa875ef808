using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Scr.Core.Rules.Chronology;

namespace Scr.Core.Services.Chronology;

/// <summary>
/// A chronology in an Excel workbook (.xlsx): the sheet named "Chronology", or else the first sheet. The sheet's XML is
/// read as it streams (an XmlReader over the zipped part, never a document tree), and the rows are numbered as Excel
/// numbers them. Dates and times may be text (as the template's text-formatted columns keep them) or Excel's date
/// numbers, whose number format says how precise they are (mmm-yy is a month, dd/mm/yyyy a day, hh:mm a time).
/// </summary>
internal sealed class XlsxChronologyReader : ChronologyReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        DtdProcessing = DtdProcessing.Prohibit,
        CloseInput = true,
    };

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _length;
    private readonly SpreadsheetDocument? _document;
    private readonly XmlReader? _sheet;
    private readonly List<string> _sharedStrings = [];
    private readonly CellNumberFormat[] _styles = [];
    private readonly bool _date1904;
    private ChronologyCell[] _row = new ChronologyCell[16];
    private int _fieldCount;
    private long _bytes;

    public XlsxChronologyReader(Stream stream, ChronologyReadOptions? options, bool leaveOpen)
        : base(options)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _length = stream.CanSeek ? stream.Length : 0;
        try
        {
            _document = SpreadsheetDocument.Open(stream, false);
            var workbook = _document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook.");
            var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            var sheet = sheets.FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), ChronologyTemplate.SheetName, StringComparison.OrdinalIgnoreCase))
                ?? sheets.FirstOrDefault();
            if (sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart worksheet)
            {
                AddProblem(new ChronologyProblem(0, null, "the workbook has no worksheet: put the chronology on a sheet named Chronology"));
                return;
            }
            _date1904 = workbook.Workbook?.WorkbookProperties?.Date1904?.Value == true;
            _styles = ReadStyles(workbook.WorkbookStylesPart?.Stylesheet);
            if (workbook.SharedStringTablePart is { } shared)
            {
                ReadSharedStrings(shared);
            }
            _sheet = XmlReader.Create(worksheet.GetStream(FileMode.Open, FileAccess.Read), Settings);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException
            or System.IO.FileFormatException or InvalidOperationException or ArgumentException)
        {
            AddProblem(new ChronologyProblem(0, null, "the file is not an Excel workbook (.xlsx) that can be read: save it from Excel as \"Excel Workbook (.xlsx)\", or as CSV UTF-8"));
        }
    }

    protected override long BytesRead
    {
        get
        {
            if (_stream.CanSeek)
            {
                try
                {
                    _bytes = Math.Max(_bytes, Math.Min(_stream.Position, _length));
                }
                catch (ObjectDisposedException)
                {
                }
            }
            return _bytes;
        }
    }

    protected override long TotalBytes => _length;

    protected override int FieldCount => _fieldCount;

    protected override ChronologyCell Cell(int index) => index < _fieldCount ? _row[index] : default;

    protected override bool NextRow()
    {
        var xml = _sheet;
        if (xml is null)
        {
            return false;
        }
        try
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
                {
                    continue;
                }
                Row = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > Row ? number : Row + 1;
                Array.Clear(_row, 0, _fieldCount);
                _fieldCount = 0;
                if (xml.IsEmptyElement)
                {
                    return true;
                }
                var next = 0;
                while (xml.Read())
                {
                    if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "row")
                    {
                        break;
                    }
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "c")
                    {
                        next = ReadCell(xml, next) + 1;
                    }
                }
                return true;
            }
        }
        catch (XmlException e)
        {
            AddProblem(new ChronologyProblem(Row + 1, null, $"the sheet's XML is damaged ({e.Message}): save the workbook again from Excel"));
        }
        return false;
    }

    /// <summary>Reads a &lt;c&gt; element into its column; returns the column.</summary>
    private int ReadCell(XmlReader xml, int expected)
    {
        var column = ColumnIndex(xml.GetAttribute("r")) ?? expected;
        var type = xml.GetAttribute("t");
        var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        string? value = null;
        string? inline = null;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (xml.LocalName == "v")
                {
                    value = xml.ReadElementContentAsString();
                    if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                    {
                        break;
                    }
                }
                else if (xml.LocalName == "is")
                {
                    inline = ReadRichText(xml);
                    if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                    {
                        break;
                    }
                }
            }
        }
        if (column >= 16384)
        {
            return column;
        }
        ChronologyCell cell;
        switch (type)
        {
            case "s":
                cell = new ChronologyCell(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Count
                    ? _sharedStrings[index] : null);
                break;
            case "inlineStr":
                cell = new ChronologyCell(inline);
                break;
            case "str" or "e" or "d":
                cell = new ChronologyCell(value);
                break;
            case "b":
                cell = new ChronologyCell(value == "1" ? "TRUE" : "FALSE");
                break;
            default:
                if (string.IsNullOrEmpty(value))
                {
                    cell = default;
                    break;
                }
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    cell = new ChronologyCell(value);
                    break;
                }
                var format = style < _styles.Length ? _styles[style] : CellNumberFormat.Plain;
                if (_date1904 && format is CellNumberFormat.Date or CellNumberFormat.DateTime or CellNumberFormat.Month or CellNumberFormat.Year)
                {
                    number += 1462;
                }
                cell = new ChronologyCell(null, number, format);
                break;
        }
        if (column >= _row.Length)
        {
            Array.Resize(ref _row, Math.Max(column + 1, _row.Length * 2));
        }
        _row[column] = cell;
        _fieldCount = Math.Max(_fieldCount, column + 1);
        return column;
    }

    /// <summary>The text of a rich text element (&lt;si&gt; or &lt;is&gt;): its &lt;t&gt; runs, without phonetic guides.</summary>
    private static string ReadRichText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return "";
        }
        var depth = xml.Depth;
        string? single = null;
        StringBuilder? builder = null;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (xml.LocalName == "rPh")
            {
                xml.Skip();
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                {
                    break;
                }
                continue;
            }
            if (xml.LocalName == "t")
            {
                var text = xml.ReadElementContentAsString();
                if (single is null && builder is null)
                {
                    single = text;
                }
                else
                {
                    builder ??= new StringBuilder(single);
                    builder.Append(text);
                }
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                {
                    break;
                }
            }
        }
        return builder?.ToString() ?? single ?? "";
    }

    private void ReadSharedStrings(SharedStringTablePart part)
    {
        using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Settings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                _sharedStrings.Add(ReadRichText(xml));
            }
        }
    }

    /// <summary>How each cell style shows numbers, from its number format.</summary>
    private static CellNumberFormat[] ReadStyles(Stylesheet? stylesheet)
    {
        if (stylesheet?.CellFormats is not { } formats)
        {
            return [];
        }
        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code)
            {
                custom[id] = code;
            }
        }
        return formats.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id ? Classify(id, custom.GetValueOrDefault(id)) : CellNumberFormat.Plain)
            .ToArray();
    }

    /// <summary>What a number format shows: Excel's built-in formats by number, others by their code.</summary>
    internal static CellNumberFormat Classify(uint id, string? code)
    {
        if (code is null)
        {
            return id switch
            {
                14 or 15 or 16 or (>= 27 and <= 31) or (>= 34 and <= 36) or (>= 50 and <= 58) => CellNumberFormat.Date,
                17 => CellNumberFormat.Month,
                22 => CellNumberFormat.DateTime,
                (>= 18 and <= 21) or 32 or 33 or (>= 45 and <= 47) => CellNumberFormat.Time,
                _ => CellNumberFormat.Plain,
            };
        }
        // The letters that stand for parts of a date or time, outside quoted text, escaped characters and [brackets]
        // (colours, locales; [h] is elapsed hours), with AM/PM taken out.
        var letters = new StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                var end = code.IndexOf('"', i + 1);
                i = end < 0 ? code.Length : end;
            }
            else if (c is '\\' or '_' or '*')
            {
                i++;
            }
            else if (c == '[')
            {
                var end = code.IndexOf(']', i + 1);
                var inside = end < 0 ? "" : code[(i + 1)..end].ToLowerInvariant();
                if (inside.Length > 0 && inside.All(ch => ch is 'h' or 'm' or 's'))
                {
                    letters.Append(inside);
                }
                i = end < 0 ? code.Length : end;
            }
            else if (c == ';')
            {
                break;
            }
            else
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }
        var text = letters.ToString().Replace("am/pm", "", StringComparison.Ordinal).Replace("a/p", "", StringComparison.Ordinal);
        bool Has(char c) => text.Contains(c);
        if (Has('d'))
        {
            return Has('h') ? CellNumberFormat.DateTime : CellNumberFormat.Date;
        }
        if (Has('y'))
        {
            return Has('m') ? CellNumberFormat.Month : CellNumberFormat.Year;
        }
        if (Has('h') || Has('s'))
        {
            return CellNumberFormat.Time;
        }
        return Has('m') ? CellNumberFormat.Month : CellNumberFormat.Plain;
    }

    /// <summary>The column (from 0) of a cell reference such as "AB12", or null.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16384)
            {
                return null;
            }
        }
        return i == 0 ? null : column - 1;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sheet?.Dispose();
            _document?.Dispose();
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
        base.Dispose(disposing);
    }
}
