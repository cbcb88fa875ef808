using Scr.Core.Models;

namespace Scr.Core.Rules.Chronology;

/// <summary>One agency's contacts on one day, by whether the child was seen: what a swimlane of the whole chronology draws.</summary>
public sealed record ChronologyDay(string Agency, DateOnly Date, int Seen, int NotSeen, int NotRecorded)
{
    public int Entries => Seen + NotSeen + NotRecorded;
}

/// <summary>
/// The chronology reduced to days per agency, so that a drawing of 10,000 entries over years has at most one mark of each
/// kind per agency and day, and its description still counts every entry.
/// </summary>
public static class ChronologyTimeline
{
    public static IReadOnlyList<ChronologyDay> Days(IEnumerable<ChronologyEntry> entries) =>
        entries.GroupBy(e => (Agency: e.Agency.ToUpperInvariant(), e.Date))
            .Select(g => new ChronologyDay(g.First().Agency, g.Key.Date, g.Count(e => e.ChildSeen == ChildSeen.Yes), g.Count(e => e.ChildSeen == ChildSeen.No),
                g.Count(e => e.ChildSeen != ChildSeen.Yes && e.ChildSeen != ChildSeen.No)))
            .OrderBy(d => d.Date).ThenBy(d => d.Agency, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
