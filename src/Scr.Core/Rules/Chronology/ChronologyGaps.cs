using Scr.Core.Models;

namespace Scr.Core.Rules.Chronology;

/// <summary>
/// A period with no contact: from the day of one contact (or the start of the period under review) to the day of the
/// next (or the end of the period), for every agency together (<see cref="Agency"/> null) or for one agency.
/// </summary>
public sealed record ChronologyGap(string? Agency, DateOnly From, DateOnly To)
{
    /// <summary>Days from <see cref="From"/> to <see cref="To"/>.</summary>
    public int Days => To.DayNumber - From.DayNumber;
}

/// <param name="ThresholdDays">A gap is reported when it is longer than this.</param>
/// <param name="PeriodFrom">The start of the period under review, if known: a gap from it to the first contact counts, and
/// gaps are cut to the period.</param>
/// <param name="PeriodTo">The end of the period under review, if known.</param>
/// <param name="ExpectedAgencies">Agencies that were supposed to be involved: their own gaps are reported too (an agency with no
/// entry at all has one gap, the whole period, or the whole chronology when no period is given).</param>
public sealed record ChronologyGapOptions(int ThresholdDays, DateOnly? PeriodFrom = null, DateOnly? PeriodTo = null,
    IReadOnlyList<string>? ExpectedAgencies = null)
{
    public const int DefaultThresholdDays = 28;
}

/// <summary>The gaps found: with no contact from any agency, and for each expected agency.</summary>
public sealed record ChronologyGapReport(IReadOnlyList<ChronologyGap> Overall, IReadOnlyList<ChronologyGap> ByAgency);

/// <summary>
/// Finds the gaps in the integrated chronology (issue 6): periods longer than a threshold with no contact from any agency,
/// or from an agency that was supposed to be involved. A contact is an entry dated to the day (exactly or approximately)
/// other than the practitioner's supervision, which happens inside the agency. Entries dated only to the month or year
/// do not say when in it the contact was, so they neither open nor close a gap. Entries are added in the chronology's
/// order, one by one, so the finder holds only the last contact of each agency.
/// </summary>
public sealed class ChronologyGapFinder
{
    private readonly ChronologyGapOptions _options;
    private readonly Dictionary<string, string> _expected;
    private readonly Dictionary<string, DateOnly> _lastByAgency = new(StringComparer.Ordinal);
    private readonly List<ChronologyGap> _overall = [];
    private readonly List<ChronologyGap> _byAgency = [];
    private DateOnly? _first;
    private DateOnly? _last;

    public ChronologyGapFinder(ChronologyGapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ThresholdDays);
        _options = options;
        _expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var agency in options.ExpectedAgencies ?? [])
        {
            _expected.TryAdd(ChronologyTemplate.Normalise(agency), agency.Trim());
        }
    }

    /// <summary>Whether an entry is a contact for the gaps.</summary>
    public static bool IsContact(ChronologyEntry entry) => entry.Precision == DatePrecision.Day && entry.ContactType != ContactType.Supervision;

    public void Add(ChronologyEntry entry)
    {
        if (!IsContact(entry))
        {
            return;
        }
        var date = entry.Date;
        if (_last is { } last && date < last)
        {
            throw new ArgumentException($"The entries are not in the chronology's order: row {entry.Row} ({entry.Agency}) is dated before the one added before it.");
        }
        _first ??= date;
        Check(_overall, null, _last ?? _options.PeriodFrom, date);
        _last = date;

        if (_expected.Count > 0 && Expected(entry.Agency) is { } agency)
        {
            Check(_byAgency, agency, _lastByAgency.TryGetValue(agency, out var previous) ? previous : _options.PeriodFrom, date);
            _lastByAgency[agency] = date;
        }
    }

    private readonly Dictionary<string, string?> _expectedByName = new(StringComparer.Ordinal);

    /// <summary>The expected agency an entry's agency is, if any: remembered by the name as written.</summary>
    private string? Expected(string agency)
    {
        if (!_expectedByName.TryGetValue(agency, out var expected))
        {
            expected = _expected.GetValueOrDefault(ChronologyTemplate.Normalise(agency));
            if (_expectedByName.Count < 10_000)
            {
                _expectedByName[agency] = expected;
            }
        }
        return expected;
    }

    /// <summary>The gaps, once every entry is added: overall by date, then each expected agency's by agency and date.</summary>
    public ChronologyGapReport Finish()
    {
        var overall = new List<ChronologyGap>(_overall);
        if (_last is { } last && _options.PeriodTo is { } to)
        {
            Check(overall, null, last, to);
        }
        else if (_last is null && _options.PeriodFrom is { } from && _options.PeriodTo is { } end)
        {
            Check(overall, null, from, end);
        }

        var byAgency = new List<ChronologyGap>(_byAgency);
        var start = _options.PeriodFrom ?? _first;
        var finish = _options.PeriodTo ?? _last;
        foreach (var agency in _expected.Values)
        {
            if (_lastByAgency.TryGetValue(agency, out var agencyLast))
            {
                if (_options.PeriodTo is { } periodEnd)
                {
                    Check(byAgency, agency, agencyLast, periodEnd);
                }
            }
            else if (start is { } s && finish is { } f)
            {
                Check(byAgency, agency, s, f);
            }
        }
        return new ChronologyGapReport(overall,
            byAgency.OrderBy(g => g.Agency, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.From).ToList());
    }

    /// <summary>The gaps of entries in the chronology's order.</summary>
    public static ChronologyGapReport Find(IEnumerable<ChronologyEntry> entries, ChronologyGapOptions options)
    {
        var finder = new ChronologyGapFinder(options);
        foreach (var entry in entries)
        {
            finder.Add(entry);
        }
        return finder.Finish();
    }

    /// <summary>Adds the gap from one contact to the next, cut to the period under review, when it is longer than the threshold.</summary>
    private void Check(List<ChronologyGap> gaps, string? agency, DateOnly? previous, DateOnly next)
    {
        if (previous is not { } from)
        {
            return;
        }
        if (_options.PeriodFrom is { } periodFrom && from < periodFrom)
        {
            from = periodFrom;
        }
        var to = _options.PeriodTo is { } periodTo && next > periodTo ? periodTo : next;
        if (to.DayNumber - from.DayNumber > _options.ThresholdDays)
        {
            gaps.Add(new ChronologyGap(agency, from, to));
        }
    }
}
