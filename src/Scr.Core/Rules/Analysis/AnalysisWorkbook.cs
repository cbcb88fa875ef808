using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scr.Core.Rules.Analysis;

/// <summary>
/// The analysis as an Excel workbook (.xlsx) for analysts: a Contents sheet listing every table (its sheet, title and base,
/// each linked to its sheet) and what the analysis was limited to, then a sheet per table named by its id, with the title,
/// the base and the rows. Counts are numbers and percentages are Excel percentages (0.29 shown as 29%), so they can be
/// summed and charted; a percentage whose base is 0 is left empty.
/// </summary>
public static class AnalysisWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string ContentsSheet = "Contents";

    // Cell styles (cellXfs of the stylesheet below).
    private const uint StyleBold = 1;
    private const uint StylePercent = 2;

    /// <summary>Excel's limit on a sheet's name, and the characters it refuses in one.</summary>
    private const int SheetNameLength = 31;
    private static readonly char[] Refused = ['[', ']', ':', '*', '?', '/', '\\'];

    /// <summary>The name of a table's sheet: its id, within Excel's rules for sheet names.</summary>
    public static string SheetName(string tableId)
    {
        var name = new string(tableId.Select(c => Array.IndexOf(Refused, c) >= 0 ? '-' : c).ToArray()).Trim('\'');
        return name.Length > SheetNameLength ? name[..SheetNameLength] : name;
    }

    public static byte[] Xlsx(AnalysisReport report, AnalysisLimits limits)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            // The ids are unique and shorter than Excel's limit, so their sheets' names are too.
            var names = report.Tables.Select(t => SheetName(t.Id)).ToList();

            AddSheet(workbook, sheets, ContentsSheet, Contents(report, limits, names, out var links), [60, 60, 12, 40], links);
            for (var i = 0; i < report.Tables.Count; i++)
            {
                var table = report.Tables[i];
                var widths = table is AnalysisGrid grid ? [32, .. grid.Columns.Select(_ => 16.0)] : new double[] { 32, 12, 12 };
                AddSheet(workbook, sheets, names[i], TableRows(table), widths, null);
            }
            workbook.Workbook.Save();
            document.PackageProperties.Title = "Cross-case analysis";
        }
        return stream.ToArray();
    }

    private static IEnumerable<Row> Contents(AnalysisReport report, AnalysisLimits limits, IReadOnlyList<string> names, out Hyperlinks links)
    {
        var rows = new List<Row>
        {
            RowOf(1, BoldCell("Cross-case analysis")),
            RowOf(2, TextCell(Scope(limits))),
            RowOf(4, BoldCell("Sheet"), BoldCell("Table"), BoldCell("Base"), BoldCell("Counted")),
        };
        links = new Hyperlinks();
        for (var i = 0; i < report.Tables.Count; i++)
        {
            var table = report.Tables[i];
            var r = (uint)(5 + i);
            rows.Add(RowOf(r, TextCell(names[i]), TextCell(AnalysisTables.Title(table.Id)), NumberCell(table.Base), TextCell(AnalysisTables.BaseOf(table.Id))));
            links.Append(new Hyperlink { Reference = $"A{r}", Location = $"'{names[i]}'!A1", Display = names[i] });
        }
        return rows;
    }

    /// <summary>What the analysis was limited to, in words, on the Contents sheet.</summary>
    private static string Scope(AnalysisLimits limits)
    {
        var parts = new List<string>();
        var period = string.Join(" ", new[] { limits.From is { } from ? $"from {Labels.Date(from)}" : null, limits.To is { } to ? $"up to {Labels.Date(to)}" : null }
            .OfType<string>());
        if (period.Length > 0)
        {
            parts.Add($"incidents (for the National Panel's tables, decisions) {period}");
        }
        if (limits.Board is { } board)
        {
            parts.Add($"board {board}");
        }
        if (limits.Region is { } region)
        {
            parts.Add($"region {Labels.Of(region)}");
        }
        return parts.Count == 0 ? "Every review held" : "Limited to " + string.Join("; ", parts);
    }

    private static IEnumerable<Row> TableRows(IAnalysisTable table)
    {
        yield return RowOf(1, BoldCell(AnalysisTables.Title(table.Id)));
        yield return RowOf(2, TextCell("Base"), NumberCell(table.Base), TextCell(AnalysisTables.BaseOf(table.Id)));
        uint r = 4;
        switch (table)
        {
            case AnalysisTable rows:
                yield return RowOf(r++, BoldCell("Row"), BoldCell("Number"), BoldCell("Percentage"));
                foreach (var row in rows.Rows)
                {
                    yield return RowOf(r++, TextCell(row.Key), NumberCell(row.Count), row.Percent is { } percent ? PercentCell(percent) : new Cell());
                }
                break;
            case AnalysisGrid grid:
                yield return RowOf(r++, [BoldCell("Row"), .. grid.Columns.Select(BoldCell)]);
                foreach (var row in grid.Rows)
                {
                    yield return RowOf(r++, [TextCell(row.Key), .. row.Counts.Select(NumberCell)]);
                }
                break;
        }
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string name, IEnumerable<Row> rows, IReadOnlyList<double> widths, Hyperlinks? links)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var columns = new Columns(widths.Select((width, i) =>
            new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true }));
        var data = new SheetData(rows);
        var worksheet = new Worksheet(columns, data);
        if (links is { HasChildren: true })
        {
            worksheet.Append(links);
        }
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(sheets.ChildElements.Count + 1), Name = name });
    }

    private static Row RowOf(uint index, params Cell[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = $"{(char)('A' + i)}{index}";
        }
        return new Row(cells) { RowIndex = index };
    }

    private static Cell TextCell(string text) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString };

    private static Cell BoldCell(string text)
    {
        var cell = TextCell(text);
        cell.StyleIndex = StyleBold;
        return cell;
    }

    private static Cell NumberCell(int value) => new(new CellValue(value.ToString(CultureInfo.InvariantCulture))) { DataType = CellValues.Number };

    private static Cell PercentCell(int percent) =>
        new(new CellValue((percent / 100m).ToString(CultureInfo.InvariantCulture))) { DataType = CellValues.Number, StyleIndex = StylePercent };

    // Fonts, fills and borders, then the cell styles that refer to them by index.
    private static Stylesheet Stylesheet() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Arial" })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true },
            // Excel's built-in format 9: 0%.
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 9, ApplyNumberFormat = true }));
}
