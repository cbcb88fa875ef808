using Scr.Core.Models;
using Scr.Core.Rules.Analysis;

namespace Scr.Core.Rules.Chronology;

/// <summary>The periods child-seen figures are counted by.</summary>
public enum ChronologyPeriod
{
    Month,
    Quarter,
    Year,
}

/// <summary>How often, among contacts, the child was seen (or not, or the record does not say) and their wishes and feelings recorded.</summary>
public readonly record struct ChildVoiceCounts(int Contacts, int Seen, int NotSeen, int NotRecorded, int WishesRecorded)
{
    public static readonly ChildVoiceCounts None = new(0, 0, 0, 0, 0);

    /// <summary>Percentage of contacts at which the child was seen; null when there were none.</summary>
    public int? SeenPercent => Percentage.Of(Seen, Contacts);

    /// <summary>Percentage of contacts at which the child's wishes and feelings were recorded.</summary>
    public int? WishesPercent => Percentage.Of(WishesRecorded, Contacts);

    public ChildVoiceCounts Add(ChronologyEntry entry) => new(Contacts + 1,
        Seen + (entry.ChildSeen == ChildSeen.Yes ? 1 : 0),
        NotSeen + (entry.ChildSeen == ChildSeen.No ? 1 : 0),
        NotRecorded + (entry.ChildSeen == ChildSeen.NotRecorded ? 1 : 0),
        WishesRecorded + (entry.Wishes == WishesAndFeelings.Recorded ? 1 : 0));
}

/// <summary>A stretch of days, from one day to another.</summary>
public sealed record ChronologyStretch(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber;
}

/// <summary>
/// The longest stretches without the child being seen, without their wishes and feelings recorded, and without either
/// (neither seen nor heard), within the contacts of a scope; null when there is none longer than a day.
/// </summary>
public sealed record ChildVoiceStretches(ChronologyStretch? WithoutSeen, ChronologyStretch? WithoutWishes, ChronologyStretch? WithoutEither);

public sealed record AgencyChildVoice(string Agency, ChildVoiceCounts Counts, ChildVoiceStretches Longest);

/// <summary>The counts of one period (a month, quarter or year), from its first day to its last.</summary>
public sealed record PeriodChildVoice(DateOnly Start, DateOnly End, string Label, ChildVoiceCounts Counts);

/// <summary>Child seen and the child's voice over the whole chronology, by agency, and by period.</summary>
public sealed record ChildVoiceReport(ChildVoiceCounts Total, ChildVoiceStretches Longest, IReadOnlyList<AgencyChildVoice> ByAgency,
    IReadOnlyList<PeriodChildVoice> ByPeriod);

/// <summary>
/// Counts how often the child was seen and their wishes and feelings recorded, per agency and per period, and the longest
/// stretch without either (seed 001 ch.5: almost no chronology said when the child was seen or what they said). Counted
/// among contacts, that is entries other than the practitioner's supervision. A stretch runs from the first contact in its
/// scope (the whole chronology, or one agency's entries) or the last time the child was seen (or heard) to the next time,
/// or to the last contact; only entries dated to the day mark stretches, while entries dated to the month or year count
/// in the period their date starts. Entries are added in the chronology's order; the counter holds counts, not entries.
/// </summary>
public sealed class ChildVoiceCounter
{
    private readonly ChronologyPeriod _period;
    private readonly Scope _overall = new();
    private readonly Dictionary<string, (string Agency, Scope Scope)> _agencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Scope> _byName = new(StringComparer.Ordinal);
    private readonly List<PeriodChildVoice> _periods = [];
    private DateOnly? _periodStart;
    private ChildVoiceCounts _periodCounts = ChildVoiceCounts.None;

    public ChildVoiceCounter(ChronologyPeriod period = ChronologyPeriod.Quarter)
    {
        _period = period;
    }

    public void Add(ChronologyEntry entry)
    {
        if (entry.ContactType == ContactType.Supervision)
        {
            return;
        }
        _overall.Add(entry);
        // By the name as written first (the same few strings on every entry), then as agencies are matched.
        if (!_byName.TryGetValue(entry.Agency, out var scope))
        {
            var key = ChronologyTemplate.Normalise(entry.Agency);
            if (!_agencies.TryGetValue(key, out var agency))
            {
                agency = (entry.Agency, new Scope());
                _agencies[key] = agency;
            }
            scope = agency.Scope;
            if (_byName.Count < 10_000)
            {
                _byName[entry.Agency] = scope;
            }
        }
        scope.Add(entry);

        var start = PeriodStart(entry.Date, _period);
        if (_periodStart is { } current && start != current)
        {
            if (start < current)
            {
                throw new ArgumentException($"The entries are not in the chronology's order: row {entry.Row} ({entry.Agency}) is dated before the one added before it.");
            }
            ClosePeriod(current);
            // Periods with no contact at all are shown too: they are part of the picture.
            for (var empty = NextPeriod(current, _period); empty < start; empty = NextPeriod(empty, _period))
            {
                _periods.Add(new PeriodChildVoice(empty, NextPeriod(empty, _period).AddDays(-1), PeriodLabel(empty, _period), ChildVoiceCounts.None));
            }
        }
        _periodStart = start;
        _periodCounts = _periodCounts.Add(entry);
    }

    public ChildVoiceReport Finish()
    {
        var periods = new List<PeriodChildVoice>(_periods);
        if (_periodStart is { } current)
        {
            periods.Add(new PeriodChildVoice(current, NextPeriod(current, _period).AddDays(-1), PeriodLabel(current, _period), _periodCounts));
        }
        var agencies = _agencies.Values
            .Select(a => new AgencyChildVoice(a.Agency, a.Scope.Counts, a.Scope.Longest()))
            .OrderBy(a => a.Agency, Comparer<string>.Create(ChronologyOrder.CompareAgency))
            .ToList();
        return new ChildVoiceReport(_overall.Counts, _overall.Longest(), agencies, periods);
    }

    /// <summary>The report for entries in the chronology's order.</summary>
    public static ChildVoiceReport Count(IEnumerable<ChronologyEntry> entries, ChronologyPeriod period = ChronologyPeriod.Quarter)
    {
        var counter = new ChildVoiceCounter(period);
        foreach (var entry in entries)
        {
            counter.Add(entry);
        }
        return counter.Finish();
    }

    public static DateOnly PeriodStart(DateOnly date, ChronologyPeriod period) => period switch
    {
        ChronologyPeriod.Month => new DateOnly(date.Year, date.Month, 1),
        ChronologyPeriod.Quarter => new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1),
        _ => new DateOnly(date.Year, 1, 1),
    };

    /// <summary>"Mar 2003", "Q1 2003" (January to March) or "2003".</summary>
    public static string PeriodLabel(DateOnly start, ChronologyPeriod period) => period switch
    {
        ChronologyPeriod.Month => ChronologyDates.FormatDate(new ChronologyDate(start, DatePrecision.Month, null, false)),
        ChronologyPeriod.Quarter => $"Q{(start.Month - 1) / 3 + 1} {start.Year}",
        _ => start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static DateOnly NextPeriod(DateOnly start, ChronologyPeriod period) => period switch
    {
        ChronologyPeriod.Month => start.AddMonths(1),
        ChronologyPeriod.Quarter => start.AddMonths(3),
        _ => start.AddYears(1),
    };

    private void ClosePeriod(DateOnly start)
    {
        _periods.Add(new PeriodChildVoice(start, NextPeriod(start, _period).AddDays(-1), PeriodLabel(start, _period), _periodCounts));
        _periodCounts = ChildVoiceCounts.None;
    }

    /// <summary>The counts and stretches of one scope.</summary>
    private sealed class Scope
    {
        private readonly Stretch _seen = new();
        private readonly Stretch _wishes = new();
        private readonly Stretch _either = new();

        public ChildVoiceCounts Counts { get; private set; } = ChildVoiceCounts.None;

        public void Add(ChronologyEntry entry)
        {
            Counts = Counts.Add(entry);
            if (entry.Precision != DatePrecision.Day)
            {
                return;
            }
            var seen = entry.ChildSeen == ChildSeen.Yes;
            var heard = entry.Wishes == WishesAndFeelings.Recorded;
            _seen.Add(entry.Date, seen);
            _wishes.Add(entry.Date, heard);
            _either.Add(entry.Date, seen || heard);
        }

        public ChildVoiceStretches Longest() => new(_seen.Longest(), _wishes.Longest(), _either.Longest());
    }

    /// <summary>The longest run of days between the times something happened (or from the first contact, or to the last).</summary>
    private sealed class Stretch
    {
        private DateOnly? _since;
        private DateOnly _last;
        private ChronologyStretch? _longest;

        public void Add(DateOnly date, bool happened)
        {
            _since ??= date;
            _last = date;
            if (happened)
            {
                Consider(_since.Value, date);
                _since = date;
            }
        }

        public ChronologyStretch? Longest()
        {
            if (_since is { } since)
            {
                Consider(since, _last);
            }
            return _longest;
        }

        private void Consider(DateOnly from, DateOnly to)
        {
            if (to.DayNumber - from.DayNumber > 0 && (_longest is null || to.DayNumber - from.DayNumber > _longest.Days))
            {
                _longest = new ChronologyStretch(from, to);
            }
        }
    }
}
