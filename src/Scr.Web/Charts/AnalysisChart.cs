using System.Globalization;
using System.Xml.Linq;
using Scr.Core.Rules.Analysis;

namespace Scr.Web.Charts;

/// <summary>
/// A table of the cross-case analysis as a horizontal bar chart: a bar per row, its length in proportion to the count, with
/// the count (and percent) written after it. A table with columns (outline compliance, action plans) has a stacked bar per
/// row whose parts are told apart by pattern and outline, not by colour alone, with a key, and the row's counts written
/// under it. The chart only illustrates: the table beside it is the accessible version, and the chart's name says so.
/// Black outlines and patterns on white keep it readable when printed in black and white.
/// </summary>
public static class AnalysisChart
{
    private const double Width = 760;
    private const double LabelWidth = 220;
    private const double PlotWidth = 440;
    private const double Top = 12;
    private const double BarHeight = 18;
    private const double RowHeight = 30;
    private const double GridRowHeight = 48;
    private const int LabelLength = 30;
    private const string Ink = "#0b0c0c";
    // GOV.UK blue: 5.2:1 against white, above the 3:1 that WCAG 2.2 asks of a graphic.
    private const string Bar = "#1d70b8";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the chart's accessible name says it shows.</summary>
    public static string Title(IAnalysisTable table) =>
        $"Bar chart of {AnalysisTables.Title(table.Id)}, {Number(table.Base)} {AnalysisTables.BaseOf(table.Id)}; the table below gives the figures";

    /// <summary>The chart as an <c>svg</c> element; its ids (title, patterns) start with <paramref name="idPrefix"/>, unique on the page.</summary>
    public static string Render(IAnalysisTable table, string idPrefix)
    {
        var rows = table switch
        {
            AnalysisTable t => t.Rows.Count,
            AnalysisGrid g => g.Rows.Count,
            _ => 0,
        };
        var empty = table.Base == 0;
        var legendHeight = table is AnalysisGrid && !empty ? 34 : 0;
        var height = empty ? Top + RowHeight + 8 : Top + legendHeight + rows * (table is AnalysisGrid ? GridRowHeight : RowHeight) + 8;

        var svg = new XElement(Svg + "svg",
            new XAttribute("xmlns", Svg.NamespaceName),
            new XAttribute("viewBox", $"0 0 {N(Width)} {N(height)}"),
            new XAttribute("width", N(Width)),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{idPrefix}-title"),
            new XAttribute("focusable", "false"),
            new XAttribute("class", "app-analysis-chart"),
            new XAttribute("font-family", "arial, sans-serif"),
            new XAttribute("data-table", table.Id),
            new XElement(Svg + "title", new XAttribute("id", $"{idPrefix}-title"), Title(table)),
            new XElement(Svg + "rect", new XAttribute("width", N(Width)), new XAttribute("height", N(height)), new XAttribute("fill", "#ffffff")));
        if (empty)
        {
            svg.Add(Text(8, Top + BarHeight, "No reviews to count", "start"));
        }
        else if (table is AnalysisTable bars)
        {
            AddBars(svg, bars);
        }
        else if (table is AnalysisGrid grid)
        {
            AddStacks(svg, grid, idPrefix, legendHeight);
        }
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static void AddBars(XElement svg, AnalysisTable table)
    {
        // The longest bar fills the plot: some tables' rows overlap (11-plus) or count against other bases (the Panel's).
        var scale = Math.Max(1, table.Rows.Max(r => r.Count));
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var y = Top + i * RowHeight;
            var length = PlotWidth * row.Count / scale;
            var value = row.Percent is { } percent ? $"{Number(row.Count)} ({Number(percent)}%)" : Number(row.Count);
            var group = new XElement(Svg + "g", new XAttribute("data-row", row.Key), Text(LabelWidth - 8, y + BarHeight - 4, Label(row.Key), "end"));
            if (row.Count > 0)
            {
                group.Add(Rect(LabelWidth, y, length, Bar));
            }
            group.Add(Text(LabelWidth + length + 6, y + BarHeight - 4, value, "start"));
            svg.Add(group);
        }
        // The axis the bars start from, so a row of 0 still shows where its bar would be.
        svg.Add(Axis(Top - 4, Top + table.Rows.Count * RowHeight - 8));
    }

    private static void AddStacks(XElement svg, AnalysisGrid grid, string idPrefix, double legendHeight)
    {
        svg.Add(Patterns(idPrefix, grid.Columns.Count));
        var legend = new XElement(Svg + "g", new XAttribute("data-legend", "answers"));
        var x = LabelWidth;
        for (var c = 0; c < grid.Columns.Count; c++)
        {
            legend.Add(new XElement(Svg + "g", new XAttribute("data-column", grid.Columns[c]),
                Rect(x, Top, 18, 14, Fill(idPrefix, c)),
                Text(x + 24, Top + 12, grid.Columns[c], "start")));
            x += 36 + grid.Columns[c].Length * 6.5;
        }
        svg.Add(legend);
        var top = Top + legendHeight;
        for (var i = 0; i < grid.Rows.Count; i++)
        {
            var row = grid.Rows[i];
            var y = top + i * GridRowHeight;
            var total = Math.Max(1, row.Counts.Sum());
            var group = new XElement(Svg + "g", new XAttribute("data-row", row.Key), Text(LabelWidth - 8, y + BarHeight - 4, Label(row.Key), "end"));
            var start = LabelWidth;
            for (var c = 0; c < grid.Columns.Count; c++)
            {
                if (row.Counts[c] == 0)
                {
                    continue;
                }
                var length = PlotWidth * row.Counts[c] / total;
                var part = Rect(start, y, length, Fill(idPrefix, c));
                part.SetAttributeValue("data-column", grid.Columns[c]);
                group.Add(part);
                start += length;
            }
            var counts = string.Join(", ", grid.Columns.Select((column, c) => $"{Number(row.Counts[c])} {column}"));
            group.Add(Text(LabelWidth, y + BarHeight + 15, counts, "start", size: 12));
            svg.Add(group);
        }
        svg.Add(Axis(top - 4, top + grid.Rows.Count * GridRowHeight - 8));
    }

    private static string Fill(string idPrefix, int column) => column % PatternCount == 0 ? Bar : $"url(#{idPrefix}-answer-{column % PatternCount})";

    private const int PatternCount = 5;

    /// <summary>
    /// The answers' patterns after the first (solid blue): diagonal hatching, dots, horizontal lines, plain white; in black on
    /// white, each part outlined in black, so they differ in black and white too.
    /// </summary>
    private static XElement Patterns(string idPrefix, int columns)
    {
        var defs = new XElement(Svg + "defs");
        for (var c = 1; c < Math.Min(columns, PatternCount); c++)
        {
            var pattern = new XElement(Svg + "pattern", new XAttribute("id", $"{idPrefix}-answer-{c}"), new XAttribute("width", "8"), new XAttribute("height", "8"),
                new XAttribute("patternUnits", "userSpaceOnUse"),
                new XElement(Svg + "rect", new XAttribute("width", "8"), new XAttribute("height", "8"), new XAttribute("fill", "#ffffff")));
            switch (c)
            {
                case 1:
                    pattern.Add(new XAttribute("patternTransform", "rotate(45)"), Line(0, 0, 0, 8, 3));
                    break;
                case 2:
                    pattern.Add(new XElement(Svg + "circle", new XAttribute("cx", "4"), new XAttribute("cy", "4"), new XAttribute("r", "1.6"), new XAttribute("fill", Ink)));
                    break;
                case 3:
                    // Two lines a tile, so that a bar 18 high shows several.
                    pattern.Add(Line(0, 2, 8, 2, 1.5), Line(0, 6, 8, 6, 1.5));
                    break;
            }
            defs.Add(pattern);
        }
        return defs;
    }

    private static XElement Line(double x1, double y1, double x2, double y2, double width) =>
        new(Svg + "line", new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)), new XAttribute("y2", N(y2)),
            new XAttribute("stroke", Ink), new XAttribute("stroke-width", N(width)));

    private static XElement Axis(double y1, double y2) =>
        new(Svg + "line", new XAttribute("x1", N(LabelWidth)), new XAttribute("x2", N(LabelWidth)), new XAttribute("y1", N(y1)), new XAttribute("y2", N(y2)),
            new XAttribute("stroke", Ink), new XAttribute("stroke-width", "1"));

    private static XElement Rect(double x, double y, double width, string fill) => Rect(x, y, width, BarHeight, fill);

    private static XElement Rect(double x, double y, double width, double height, string fill) =>
        new(Svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("width", N(width)), new XAttribute("height", N(height)),
            new XAttribute("fill", fill), new XAttribute("stroke", Ink), new XAttribute("stroke-width", "1"));

    private static XElement Text(double x, double y, string text, string anchor, int size = 13) =>
        new(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("font-size", Number(size)), new XAttribute("fill", Ink),
            new XAttribute("text-anchor", anchor), text);

    private static string Label(string key) => key.Length > LabelLength ? key[..(LabelLength - 1)] + "…" : key;
}
