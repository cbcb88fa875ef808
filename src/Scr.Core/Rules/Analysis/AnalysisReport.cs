using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Scr.Core.Rules.Analysis;

/// <summary>A table of the analysis: an id from shared/analysis-tables.md and the number of records it counts.</summary>
public interface IAnalysisTable
{
    string Id { get; }
    int Base { get; }
}

/// <summary>One row of a table with columns: a key and a count per column.</summary>
public sealed record AnalysisGridRow(string Key, IReadOnlyList<int> Counts);

/// <summary>
/// A table whose rows each count the records in several columns (<c>outline-compliance</c>, <c>action-plan</c>): every row's
/// columns add up to the base.
/// </summary>
public sealed record AnalysisGrid(string Id, int Base, IReadOnlyList<string> Columns, IReadOnlyList<AnalysisGridRow> Rows) : IAnalysisTable
{
    /// <summary>The count in a row and column.</summary>
    public int this[string key, string column]
    {
        get
        {
            var row = Rows.FirstOrDefault(r => r.Key == key) ?? throw new KeyNotFoundException($"Table {Id} has no row {key}.");
            for (var i = 0; i < Columns.Count; i++)
            {
                if (Columns[i] == column)
                {
                    return row.Counts[i];
                }
            }
            throw new KeyNotFoundException($"Table {Id} has no column {column}.");
        }
    }
}

/// <summary>The tables of the analysis, in the order of shared/analysis-tables.md.</summary>
public sealed record AnalysisReport(IReadOnlyList<IAnalysisTable> Tables)
{
    /// <summary>The table with this id.</summary>
    public IAnalysisTable this[string id] =>
        Tables.FirstOrDefault(t => t.Id == id) ?? throw new KeyNotFoundException($"There is no table {id}.");

    public AnalysisTable Table(string id) => this[id] as AnalysisTable ?? throw new InvalidCastException($"Table {id} has columns.");

    public AnalysisGrid Grid(string id) => this[id] as AnalysisGrid ?? throw new InvalidCastException($"Table {id} has no columns.");
}

/// <summary>
/// The analysis written out: the JSON of shared/analysis-tables.md (<c>{"tables": {...}}</c>; a percent is left out when
/// its base is 0), CSV with a section per table, and Markdown.
/// </summary>
public static class AnalysisFormats
{
    /// <summary>The JSON, indented, UTF-8, ending with a new line.</summary>
    public static byte[] Json(AnalysisReport report)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("tables"u8);
            foreach (var table in report.Tables)
            {
                json.WriteStartObject(table.Id);
                json.WriteNumber("base"u8, table.Base);
                json.WriteStartArray("rows"u8);
                switch (table)
                {
                    case AnalysisTable rows:
                        foreach (var row in rows.Rows)
                        {
                            json.WriteStartObject();
                            json.WriteString("key"u8, row.Key);
                            json.WriteNumber("count"u8, row.Count);
                            if (row.Percent is { } percent)
                            {
                                json.WriteNumber("percent"u8, percent);
                            }
                            json.WriteEndObject();
                        }
                        break;
                    case AnalysisGrid grid:
                        foreach (var row in grid.Rows)
                        {
                            json.WriteStartObject();
                            json.WriteString("key"u8, row.Key);
                            for (var i = 0; i < grid.Columns.Count; i++)
                            {
                                json.WriteNumber(grid.Columns[i], row.Counts[i]);
                            }
                            json.WriteEndObject();
                        }
                        break;
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// CSV (RFC 4180, CRLF line ends), a section per table separated by an empty line: <c>table,ID</c>, <c>base,N</c>, the
    /// header (<c>key,count,percent</c>, or <c>key</c> and the table's columns), then a line per row.
    /// </summary>
    public static string Csv(AnalysisReport report)
    {
        var text = new StringBuilder();
        var first = true;
        foreach (var table in report.Tables)
        {
            if (!first)
            {
                text.Append("\r\n");
            }
            first = false;
            Line(text, "table", table.Id);
            Line(text, "base", Number(table.Base));
            switch (table)
            {
                case AnalysisTable rows:
                    Line(text, "key", "count", "percent");
                    foreach (var row in rows.Rows)
                    {
                        Line(text, row.Key, Number(row.Count), row.Percent is { } percent ? Number(percent) : "");
                    }
                    break;
                case AnalysisGrid grid:
                    Line(text, ["key", .. grid.Columns]);
                    foreach (var row in grid.Rows)
                    {
                        Line(text, [row.Key, .. row.Counts.Select(Number)]);
                    }
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>Markdown: a heading per table with its title and base, then the table.</summary>
    public static string Markdown(AnalysisReport report)
    {
        var text = new StringBuilder();
        text.Append("# Cross-case analysis\n");
        foreach (var table in report.Tables)
        {
            text.Append('\n').Append("## ").Append(AnalysisTables.Title(table.Id)).Append(" (`").Append(table.Id).Append("`)\n\n");
            text.Append("Base: ").Append(Number(table.Base)).Append(' ').Append(AnalysisTables.BaseOf(table.Id)).Append(".\n\n");
            switch (table)
            {
                case AnalysisTable rows:
                    text.Append("| key | count | percent |\n| --- | ---: | ---: |\n");
                    foreach (var row in rows.Rows)
                    {
                        text.Append("| ").Append(row.Key).Append(" | ").Append(Number(row.Count)).Append(" | ")
                            .Append(row.Percent is { } percent ? Number(percent) + "%" : "–").Append(" |\n");
                    }
                    break;
                case AnalysisGrid grid:
                    text.Append("| key | ").AppendJoin(" | ", grid.Columns).Append(" |\n| --- |")
                        .Append(string.Concat(Enumerable.Repeat(" ---: |", grid.Columns.Count))).Append('\n');
                    foreach (var row in grid.Rows)
                    {
                        text.Append("| ").Append(row.Key).Append(" | ").AppendJoin(" | ", row.Counts.Select(Number)).Append(" |\n");
                    }
                    break;
            }
        }
        return text.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(cell);
            }
        }
        text.Append("\r\n");
    }
}
