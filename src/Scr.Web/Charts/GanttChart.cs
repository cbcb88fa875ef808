using System.Globalization;
using System.Xml.Linq;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;

namespace Scr.Web.Charts;

/// <summary>One review as a row of the chart: from the decision to the milestone the timetable runs to.</summary>
public sealed record GanttRow(string Label, string? Caption, DateOnly Start, IReadOnlyList<Milestone> Milestones, DeadlineRule? Final,
    IReadOnlyList<ParallelProcess> Processes);

/// <summary>
/// A Gantt-style chart of reviews as server-rendered SVG: one row per review, a bar from the decision to the milestone
/// it runs to (the agreed date, with the rules' date marked when the chair moved it), each milestone a numbered marker
/// whose shape says its state (open circle due, filled circle done, square overdue or missed), trial and hearing dates as
/// diamonds, and each constraint a hatched band with its words. Readable without colour; <c>role="img"</c> with a title
/// and description, and the page carries a table with the same facts beside it.
/// </summary>
public sealed class GanttChart
{
    public const double Width = 960;
    private const double LabelWidth = 180;
    private const double Right = 940;
    private const double AxisHeight = 46;
    private const double BarHeight = 22;
    private const double BandHeight = 16;
    private const string Font = "arial, sans-serif";
    private const string Ink = "#0b0c0c";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private readonly IReadOnlyList<GanttRow> _rows;
    private readonly DateTimeOffset _now;

    public GanttChart(IReadOnlyList<GanttRow> rows, DateOnly today, DateTimeOffset now)
    {
        _rows = rows;
        _now = now;
        Today = today;
        var dates = rows.SelectMany(r => new[] { r.Start, End(r) }
                .Concat(r.Milestones.Select(m => m.DueDate)).Concat(r.Milestones.Select(m => m.OriginalDueDate))
                .Concat(r.Processes.Select(p => p.HearingOn).OfType<DateOnly>()))
            .Append(today).ToList();
        var first = dates.Min();
        var last = dates.Max().AddDays(10);
        From = new DateOnly(first.Year, first.Month, 1);
        To = new DateOnly(last.Year, last.Month, 1).AddMonths(1);
    }

    public DateOnly Today { get; }
    public DateOnly From { get; }
    public DateOnly To { get; }

    /// <summary>Shorter names for the milestones on the chart, explained in its legend.</summary>
    public static string Code(DeadlineKind kind) => kind switch
    {
        DeadlineKind.FirstEarlyLearning => "1",
        DeadlineKind.SecondEarlyLearning => "2",
        DeadlineKind.ThirdEarlyLearning => "3",
        DeadlineKind.ReviewCompleted => "C",
        DeadlineKind.DraftToBoard => "B",
        _ => "?",
    };

    /// <summary>The date the row's bar ends: the final milestone's date in force.</summary>
    public static DateOnly End(GanttRow row) =>
        row.Final is { } final && row.Milestones.FirstOrDefault(m => m.Kind == final.Kind) is { } milestone ? milestone.DueDate : row.Start.AddMonths(6);

    private double X(DateOnly date)
    {
        var span = To.DayNumber - From.DayNumber;
        var clamped = Math.Clamp(date.DayNumber, From.DayNumber, To.DayNumber);
        return LabelWidth + (Right - LabelWidth) * (clamped - From.DayNumber) / span;
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static double RowHeight(GanttRow row) => 14 + BarHeight + 8 + row.Processes.Sum(p => p.Constraints.Count) * (BandHeight + 4) + 10;

    public double Height => AxisHeight + _rows.Sum(RowHeight) + 8;

    /// <summary>The chart as an <c>svg</c> element, its title and description identified by <paramref name="idPrefix"/>.</summary>
    public string ToSvg(string idPrefix, string title, string description)
    {
        var svg = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {N(Width)} {N(Height)}"),
            new XAttribute("width", "100%"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{idPrefix}-title {idPrefix}-desc"),
            new XAttribute("focusable", "false"),
            new XAttribute("class", "app-gantt"),
            new XAttribute("font-family", Font),
            new XElement(Svg + "title", new XAttribute("id", $"{idPrefix}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{idPrefix}-desc"), description),
            Patterns(idPrefix));
        svg.Add(Axis());
        var y = AxisHeight;
        foreach (var row in _rows)
        {
            svg.Add(Row(row, y, idPrefix));
            y += RowHeight(row);
        }
        var today = X(Today);
        svg.Add(new XElement(Svg + "line", new XAttribute("x1", N(today)), new XAttribute("x2", N(today)), new XAttribute("y1", N(AxisHeight - 14)),
                new XAttribute("y2", N(Height - 4)), new XAttribute("stroke", Ink), new XAttribute("stroke-width", "2"), new XAttribute("stroke-dasharray", "6 4")),
            Text(today + 4, AxisHeight - 18, "Today", 12, bold: true));
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Patterns(string idPrefix) => new(Svg + "defs",
        // Constraints: diagonal hatching.
        new XElement(Svg + "pattern", new XAttribute("id", $"{idPrefix}-hatch"), new XAttribute("width", "8"), new XAttribute("height", "8"),
            new XAttribute("patternUnits", "userSpaceOnUse"), new XAttribute("patternTransform", "rotate(45)"),
            new XElement(Svg + "rect", new XAttribute("width", "8"), new XAttribute("height", "8"), new XAttribute("fill", "#f3f2f1")),
            new XElement(Svg + "line", new XAttribute("x1", "0"), new XAttribute("y1", "0"), new XAttribute("x2", "0"), new XAttribute("y2", "8"),
                new XAttribute("stroke", "#b1b4b6"), new XAttribute("stroke-width", "3"))),
        // The part of a bar the chair added by agreeing a later date: dotted.
        new XElement(Svg + "pattern", new XAttribute("id", $"{idPrefix}-agreed"), new XAttribute("width", "6"), new XAttribute("height", "6"),
            new XAttribute("patternUnits", "userSpaceOnUse"),
            new XElement(Svg + "rect", new XAttribute("width", "6"), new XAttribute("height", "6"), new XAttribute("fill", "#ffffff")),
            new XElement(Svg + "circle", new XAttribute("cx", "3"), new XAttribute("cy", "3"), new XAttribute("r", "1.3"), new XAttribute("fill", "#1d70b8"))));

    private IEnumerable<XElement> Axis()
    {
        for (var month = From; month < To; month = month.AddMonths(1))
        {
            var x = X(month);
            yield return new XElement(Svg + "line", new XAttribute("x1", N(x)), new XAttribute("x2", N(x)), new XAttribute("y1", N(AxisHeight - 6)),
                new XAttribute("y2", N(Height - 4)), new XAttribute("stroke", "#b1b4b6"), new XAttribute("stroke-width", "1"));
            var label = month == From || month.Month == 1 ? month.ToString("MMM yyyy", EnGb) : month.ToString("MMM", EnGb);
            yield return Text(x + 3, AxisHeight - 4, label, 12);
        }
    }

    private IEnumerable<XElement> Row(GanttRow row, double top, string idPrefix)
    {
        var barTop = top + 14;
        var barMiddle = barTop + BarHeight / 2;
        yield return new XElement(Svg + "line", new XAttribute("x1", "0"), new XAttribute("x2", N(Width)), new XAttribute("y1", N(top)),
            new XAttribute("y2", N(top)), new XAttribute("stroke", "#b1b4b6"), new XAttribute("stroke-width", "1"));
        yield return Text(4, barMiddle - 2, row.Label, 14, bold: true);
        if (row.Caption is { } caption)
        {
            yield return Text(4, barMiddle + 14, caption, 11);
        }
        var start = X(row.Start);
        var end = X(End(row));
        var final = row.Final is { } rule ? row.Milestones.FirstOrDefault(m => m.Kind == rule.Kind) : null;
        var original = final is { IsMoved: true } ? X(final.OriginalDueDate) : (double?)null;
        var solidEnd = original is { } o && o < end ? o : end;
        yield return Rect(start, barTop, Math.Max(solidEnd - start, 2), BarHeight, "#d2e2f1", "#1d70b8", 2,
            $"{row.Label}: from the decision on {Labels.Date(row.Start)} to {(final is null ? "" : final.Title.ToLowerInvariant() + " by ")}{Labels.Date(End(row))}");
        if (original is { } was)
        {
            if (was < end)
            {
                yield return Rect(was, barTop, end - was, BarHeight, $"url(#{idPrefix}-agreed)", "#1d70b8", 2, "Added by the change the chair agreed");
            }
            yield return new XElement(Svg + "line", new XAttribute("x1", N(was)), new XAttribute("x2", N(was)), new XAttribute("y1", N(barTop - 4)),
                new XAttribute("y2", N(barTop + BarHeight + 4)), new XAttribute("stroke", Ink), new XAttribute("stroke-width", "2"),
                new XAttribute("stroke-dasharray", "3 2"));
            yield return Text(was - 2, barTop - 3, $"was {Code(final!.Kind)}", 10, anchor: "end", halo: true);
        }
        foreach (var process in row.Processes.Where(p => p.HearingOn is not null))
        {
            var x = X(process.HearingOn!.Value);
            yield return new XElement(Svg + "polygon",
                new XAttribute("points", $"{N(x)},{N(barTop - 6)} {N(x + 6)},{N(barTop)} {N(x)},{N(barTop + 6)} {N(x - 6)},{N(barTop)}"),
                new XAttribute("fill", Ink), new XAttribute("stroke", "#ffffff"), new XAttribute("stroke-width", "1"),
                new XElement(Svg + "title", $"{Labels.Of(process.Kind)}: trial or hearing on {Labels.Date(process.HearingOn.Value)}"));
        }
        // Every milestone the chair moved: a dashed mark at the date the rules gave ("was C").
        foreach (var moved in row.Milestones.Where(m => m.IsMoved && m != final))
        {
            var x = X(moved.OriginalDueDate);
            yield return new XElement(Svg + "line", new XAttribute("x1", N(x)), new XAttribute("x2", N(x)), new XAttribute("y1", N(barTop - 4)),
                new XAttribute("y2", N(barTop + BarHeight + 4)), new XAttribute("stroke", Ink), new XAttribute("stroke-width", "2"),
                new XAttribute("stroke-dasharray", "3 2"));
            yield return Text(x - 2, barTop - 3, $"was {Code(moved.Kind)}", 10, anchor: "end", halo: true);
        }
        // Milestones due on the same date (the third early learning and completion, at 4 months) sit side by side around it.
        foreach (var sameDay in row.Milestones.GroupBy(m => m.DueDate))
        {
            var markers = sameDay.ToList();
            for (var i = 0; i < markers.Count; i++)
            {
                yield return Marker(markers[i], X(sameDay.Key) + (i - (markers.Count - 1) / 2.0) * 20, barMiddle);
            }
        }
        var bandTop = barTop + BarHeight + 8;
        foreach (var process in row.Processes)
        {
            foreach (var constraint in process.Constraints)
            {
                var from = X(constraint.StartsOn ?? row.Start);
                var (lifts, _) = ParallelProcessRules.LiftsOn(process, constraint);
                var to = lifts is { } day ? X(day) : X(To);
                var words = $"{Labels.Of(constraint.Activity)} held back{(lifts is null ? " (no end date yet)" : "")}";
                yield return Rect(from, bandTop, Math.Max(to - from, 2), BandHeight, $"url(#{idPrefix}-hatch)", "#505a5f", 1,
                    $"{constraint.Description}. {Labels.Period(process, constraint)}");
                yield return Text(from + 4, bandTop + BandHeight - 4, words, 11, bold: true, halo: true);
                bandTop += BandHeight + 4;
            }
        }
    }

    private XElement Marker(Milestone milestone, double x, double y)
    {
        var state = milestone.StateAt(_now);
        var done = state is DeadlineState.Done or DeadlineState.DoneLate;
        var late = state is DeadlineState.Overdue or DeadlineState.Missed;
        var tip = $"{milestone.Title}: {Labels.Progress(milestone.Deadline, state)}{(milestone.IsMoved ? $" (agreed date; the rules gave {Labels.Date(milestone.OriginalDueDate)})" : "")}";
        var group = new XElement(Svg + "g", new XElement(Svg + "title", tip));
        if (late)
        {
            group.Add(new XElement(Svg + "rect", new XAttribute("x", N(x - 9)), new XAttribute("y", N(y - 9)), new XAttribute("width", "18"),
                new XAttribute("height", "18"), new XAttribute("fill", "#d4351c"), new XAttribute("stroke", Ink), new XAttribute("stroke-width", "2")));
        }
        else
        {
            group.Add(new XElement(Svg + "circle", new XAttribute("cx", N(x)), new XAttribute("cy", N(y)), new XAttribute("r", "9"),
                new XAttribute("fill", done ? "#00703c" : "#ffffff"), new XAttribute("stroke", Ink), new XAttribute("stroke-width", "2")));
        }
        group.Add(Text(x, y + 4, Code(milestone.Kind), 11, bold: true, anchor: "middle", fill: done || late ? "#ffffff" : Ink));
        return group;
    }

    private static XElement Rect(double x, double y, double width, double height, string fill, string stroke, double strokeWidth, string tip) =>
        new(Svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("width", N(width)), new XAttribute("height", N(height)),
            new XAttribute("fill", fill), new XAttribute("stroke", stroke), new XAttribute("stroke-width", N(strokeWidth)),
            new XElement(Svg + "title", tip));

    /// <summary>Text; with a halo (a white outline painted under it) it stays legible across hatching and grid lines.</summary>
    private static XElement Text(double x, double y, string text, double size, bool bold = false, string anchor = "start", string fill = Ink,
        bool halo = false)
    {
        var element = new XElement(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("font-size", N(size)),
            new XAttribute("font-weight", bold ? "bold" : "normal"), new XAttribute("text-anchor", anchor), new XAttribute("fill", fill), text);
        if (halo)
        {
            element.Add(new XAttribute("stroke", "#ffffff"), new XAttribute("stroke-width", "3"), new XAttribute("paint-order", "stroke"),
                new XAttribute("stroke-linejoin", "round"));
        }
        return element;
    }
}
