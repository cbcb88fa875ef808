using System.Globalization;
using System.Xml.Linq;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Chronology;

namespace Scr.Web.Charts;

/// <summary>
/// The chronology as a swimlane: one lane per agency, time from left to right, a mark per entry. Readable without colour:
/// the mark's shape says whether the child was seen (a filled circle), not seen (an open circle) or not recorded (a
/// cross), and the description says the same in words.
/// </summary>
public static class ChronologySwimlane
{
    private const double LaneHeight = 44;
    private const double LabelWidth = 190;
    private const double PlotWidth = 720;
    private const double Top = 34;
    private const double Radius = 6;
    private const string Ink = "#0b0c0c";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Render(IReadOnlyList<string> agencies, IReadOnlyList<ChronologyEntry> entries, string title, string idPrefix = "swimlane") =>
        Render(agencies, ChronologyTimeline.Days(entries), title, idPrefix);

    /// <summary>The swimlane of entries reduced to days per agency: one mark of each kind (seen, not seen, not recorded) a day.</summary>
    public static string Render(IReadOnlyList<string> agencies, IReadOnlyList<ChronologyDay> days, string title, string idPrefix = "swimlane")
    {
        var lanes = agencies.Union(days.Select(e => e.Agency), StringComparer.OrdinalIgnoreCase).ToList();
        var first = days.Count == 0 ? DateOnly.MinValue : days.Min(e => e.Date);
        var last = days.Count == 0 ? DateOnly.MinValue : days.Max(e => e.Date);
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        double X(DateOnly date) => LabelWidth + (date.DayNumber - first.DayNumber) * PlotWidth / span;
        var width = LabelWidth + PlotWidth + 30;
        var height = Top + Math.Max(1, lanes.Count) * LaneHeight + 30;

        var svg = new XElement(Svg + "svg",
            new XAttribute("xmlns", Svg.NamespaceName),
            new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
            new XAttribute("width", N(width)),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{idPrefix}-title {idPrefix}-desc"),
            new XAttribute("class", "app-swimlane"),
            new XAttribute("font-family", "arial, sans-serif"),
            new XElement(Svg + "title", new XAttribute("id", $"{idPrefix}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{idPrefix}-desc"), Description(lanes, days, first, last)),
            new XElement(Svg + "rect", new XAttribute("width", N(width)), new XAttribute("height", N(height)), new XAttribute("fill", "#ffffff")));
        if (days.Count > 0)
        {
            svg.Add(Text(LabelWidth, 18, Labels.Date(first), "start"), Text(LabelWidth + PlotWidth, 18, Labels.Date(last), "end"));
        }
        for (var i = 0; i < lanes.Count; i++)
        {
            var y = Top + i * LaneHeight + LaneHeight / 2;
            var lane = new XElement(Svg + "g", new XAttribute("data-agency", lanes[i]),
                new XElement(Svg + "line", new XAttribute("x1", N(LabelWidth)), new XAttribute("x2", N(LabelWidth + PlotWidth)),
                    new XAttribute("y1", N(y)), new XAttribute("y2", N(y)), new XAttribute("stroke", "#b1b4b6")),
                Text(8, y + 5, lanes[i].Length > 26 ? lanes[i][..25] + "…" : lanes[i], "start"));
            foreach (var day in days.Where(e => string.Equals(e.Agency, lanes[i], StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var (count, seen) in new[] { (day.NotRecorded, ChildSeen.NotRecorded), (day.NotSeen, ChildSeen.No), (day.Seen, ChildSeen.Yes) })
                {
                    if (count > 0)
                    {
                        lane.Add(Mark(X(day.Date), y, seen));
                    }
                }
            }
            svg.Add(lane);
        }
        var legendY = height - 10;
        svg.Add(Mark(LabelWidth, legendY - 4, ChildSeen.Yes), Text(LabelWidth + 10, legendY, "child seen", "start"),
            Mark(LabelWidth + 110, legendY - 4, ChildSeen.No), Text(LabelWidth + 120, legendY, "not seen", "start"),
            Mark(LabelWidth + 210, legendY - 4, ChildSeen.NotRecorded), Text(LabelWidth + 220, legendY, "not recorded", "start"));
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Mark(double x, double y, ChildSeen seen) => seen switch
    {
        ChildSeen.Yes => new XElement(Svg + "circle", new XAttribute("cx", N(x)), new XAttribute("cy", N(y)), new XAttribute("r", N(Radius)),
            new XAttribute("fill", Ink), new XAttribute("data-seen", "yes")),
        ChildSeen.No => new XElement(Svg + "circle", new XAttribute("cx", N(x)), new XAttribute("cy", N(y)), new XAttribute("r", N(Radius)),
            new XAttribute("fill", "#ffffff"), new XAttribute("stroke", Ink), new XAttribute("stroke-width", "2"), new XAttribute("data-seen", "no")),
        _ => new XElement(Svg + "path", new XAttribute("d", $"M{N(x - Radius)} {N(y - Radius)}L{N(x + Radius)} {N(y + Radius)}M{N(x - Radius)} {N(y + Radius)}L{N(x + Radius)} {N(y - Radius)}"),
            new XAttribute("stroke", Ink), new XAttribute("stroke-width", "2"), new XAttribute("data-seen", "not-recorded")),
    };

    private static XElement Text(double x, double y, string text, string anchor) =>
        new(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("font-size", "13"), new XAttribute("fill", Ink),
            new XAttribute("text-anchor", anchor), text);

    private static string Description(IReadOnlyList<string> lanes, IReadOnlyList<ChronologyDay> days, DateOnly first, DateOnly last)
    {
        if (days.Count == 0)
        {
            return "No entries to show.";
        }
        var perAgency = lanes.Select(lane =>
        {
            var own = days.Where(e => string.Equals(e.Agency, lane, StringComparison.OrdinalIgnoreCase)).ToList();
            var count = own.Sum(d => d.Entries);
            return $"{lane}: {count} {(count == 1 ? "entry" : "entries")}, the child seen at {own.Sum(d => d.Seen)}, "
                + $"not seen at {own.Sum(d => d.NotSeen)}, not recorded at {own.Sum(d => d.NotRecorded)}";
        });
        return $"One lane per agency from {Labels.Date(first)} to {Labels.Date(last)}. " + string.Join("; ", perAgency) + ".";
    }
}
