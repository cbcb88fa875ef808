using System.Text;
using Scr.Core.Models;

namespace Scr.Core.Rules.Chronology;

public enum DiscrepancyKind
{
    /// <summary>Two agencies recorded the same event, one saying the child was seen and the other that they were not.</summary>
    ChildSeen,

    /// <summary>An agency recorded a contact with another agency present, which recorded a different kind of contact that day.</summary>
    ContactType,

    /// <summary>An agency recorded a contact with another agency present, which has no entry at all that day.</summary>
    NoRecord,
}

/// <summary>
/// Two agencies' accounts that do not agree: the entry that shows it, the other agency's entry (none for
/// <see cref="DiscrepancyKind.NoRecord"/>), the other agency, and a sentence saying what differs.
/// </summary>
public sealed record ChronologyDiscrepancy(DiscrepancyKind Kind, DateOnly Date, ChronologyEntry Entry, ChronologyEntry? Other, string OtherAgency,
    string Description);

/// <summary>
/// Finds where agencies' accounts of the same event differ (seed 001 ch.5: discrepancies between accounts matter as much
/// as gaps). Two entries of different agencies on the same day, dated exactly, are the same event when their times are
/// within an hour of each other (or either has no time) and one names the other agency under "Who was present", or both
/// are the same kind of multi-agency event (a strategy discussion, a case conference, a court hearing). Then:
/// <list type="bullet">
/// <item>one saying the child was seen and the other that the child was not is a <see cref="DiscrepancyKind.ChildSeen"/>
/// discrepancy (a record that does not say is not a disagreement);</item>
/// <item>an entry naming an agency present that recorded only other kinds of contact at that time is a
/// <see cref="DiscrepancyKind.ContactType"/> discrepancy;</item>
/// <item>an entry naming an agency present that has no entry at all that day (exact or approximate) is a
/// <see cref="DiscrepancyKind.NoRecord"/> discrepancy: the other party has no trace of it.</item>
/// </list>
/// An agency is named under "Who was present" by its name, by words of its name ("Police" for Northbridge Police) when
/// they fit no other agency, or by an alias given to the finder; family members (mother, child) never name one. Only
/// agencies that have a chronology in the merge can be judged to have no record. Entries are added in the chronology's
/// order; the finder holds one day's entries at a time.
/// </summary>
public sealed class ChronologyDiscrepancyFinder
{
    /// <summary>Entries this far apart in time are not the same event.</summary>
    public static readonly TimeSpan SameEventWindow = TimeSpan.FromHours(1);

    private static readonly HashSet<string> FamilyWords = new(StringComparer.Ordinal)
    {
        "child", "children", "baby", "mother", "mum", "father", "dad", "parent", "parents", "stepfather", "stepmother", "step father",
        "step mother", "partner", "boyfriend", "girlfriend", "grandmother", "grandfather", "grandparent", "grandparents", "nan", "sibling",
        "siblings", "brother", "sister", "aunt", "uncle", "cousin", "family", "carer", "carers", "foster carer", "neighbour", "friend",
    };

    private readonly Dictionary<string, string> _agencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _namedCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly List<ChronologyEntry> _day = [];
    private readonly List<ChronologyDiscrepancy> _found = [];

    /// <param name="agencies">The agencies whose chronologies are merged (agencies met in the entries are added as they come).</param>
    /// <param name="aliases">Other names of agencies, as others may write them under "Who was present" ("HV" for Health visiting).</param>
    public ChronologyDiscrepancyFinder(IEnumerable<string>? agencies = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? aliases = null)
    {
        foreach (var agency in agencies ?? [])
        {
            KnowAgency(agency);
        }
        foreach (var (agency, names) in aliases ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            KnowAgency(agency);
            foreach (var name in names)
            {
                _aliases[MatchKey(name)] = agency.Trim();
            }
        }
    }

    public void KnowAgency(string agency)
    {
        var key = MatchKey(agency);
        if (key.Length > 0 && _agencies.TryAdd(key, agency.Trim()))
        {
            _namedCache.Clear();
        }
    }

    public void Add(ChronologyEntry entry)
    {
        if (!_agencies.ContainsKey(Key(entry.Agency)))
        {
            KnowAgency(entry.Agency);
        }
        if (entry.Precision != DatePrecision.Day)
        {
            return;
        }
        if (_day.Count > 0 && _day[0].Date != entry.Date)
        {
            if (entry.Date < _day[0].Date)
            {
                throw new ArgumentException($"The entries are not in the chronology's order: row {entry.Row} ({entry.Agency}) is dated before the one added before it.");
            }
            FinishDay();
        }
        _day.Add(entry);
    }

    /// <summary>Every discrepancy, by date.</summary>
    public IReadOnlyList<ChronologyDiscrepancy> Finish()
    {
        FinishDay();
        return _found.ToList();
    }

    /// <summary>The discrepancies of entries in the chronology's order; every agency among them is known from the start.</summary>
    public static IReadOnlyList<ChronologyDiscrepancy> Find(IReadOnlyList<ChronologyEntry> entries,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? aliases = null)
    {
        var finder = new ChronologyDiscrepancyFinder(entries.Select(e => e.Agency).Distinct(), aliases);
        foreach (var entry in entries)
        {
            finder.Add(entry);
        }
        return finder.Finish();
    }

    /// <summary>The agencies (as they name themselves) that a "Who was present" text names, other than <paramref name="except"/>.</summary>
    public IReadOnlyList<string> AgenciesNamedIn(string? present, string except)
    {
        if (string.IsNullOrWhiteSpace(present))
        {
            return [];
        }
        var self = Key(except);
        return Named(present).Where(a => Key(a) != self).ToList();
    }

    private string[] Resolve(string present)
    {
        var found = new List<string>();
        foreach (var part in SplitPresent(present))
        {
            var item = MatchKey(part);
            if (item.Length < 2 || FamilyWords.Contains(item))
            {
                continue;
            }
            if (_agencies.TryGetValue(item, out var exact) || _aliases.TryGetValue(item, out exact))
            {
                found.Add(exact);
                continue;
            }
            // Words of an agency's name ("Police" for Northbridge Police), or an agency's whole name among other words
            // ("PC, Northbridge Police"): only when they fit one agency.
            var padded = $" {item} ";
            string? only = null;
            var count = 0;
            foreach (var (key, agency) in _agencies)
            {
                var agencyPadded = $" {key} ";
                if (agencyPadded.Contains(padded, StringComparison.Ordinal) && item.Length >= 4 || padded.Contains(agencyPadded, StringComparison.Ordinal))
                {
                    only = agency;
                    count++;
                }
            }
            if (count == 1)
            {
                found.Add(only!);
            }
        }
        return found.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<string> SplitPresent(string present)
    {
        foreach (var part in present.Split([';', ',', '/', '&', '+', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var piece in part.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return piece;
            }
        }
    }

    /// <summary>Lower-case words of letters and digits, one space apart ("Children's Social Care" is "childrens social care").</summary>
    public static string MatchKey(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        var space = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (c is '\'' or '\u2019' or '.')
            {
                // Children's, St. Mary's: part of the word.
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }
        return builder.ToString().TrimEnd();
    }

    /// <summary>The match key of an agency's name, remembered: the same few names come on every entry.</summary>
    private string Key(string agency)
    {
        if (!_keys.TryGetValue(agency, out var key))
        {
            key = MatchKey(agency);
            if (_keys.Count < 10_000)
            {
                _keys[agency] = key;
            }
        }
        return key;
    }

    private static bool IsJointEvent(ContactType type) => type is ContactType.StrategyDiscussion or ContactType.CaseConference or ContactType.Court;

    private static bool TimesFit(ChronologyEntry a, ChronologyEntry b) =>
        a.Time is not { } x || b.Time is not { } y || Math.Abs(x.Ticks - y.Ticks) <= SameEventWindow.Ticks;

    private static int Distance(ChronologyEntry a, ChronologyEntry b) =>
        a.Time is { } x && b.Time is { } y ? (int)(Math.Abs(x.Ticks - y.Ticks) / TimeSpan.TicksPerMinute) : 0;

    // One day's entries by agency (positions in _day), and the pairs compared: kept from day to day so that each day
    // makes no new collections.
    private readonly Dictionary<string, List<int>> _dayByAgency = new(StringComparer.Ordinal);
    private readonly List<List<int>> _dayLists = [];
    private readonly HashSet<long> _compared = [];

    private void FinishDay()
    {
        if (_day.Count < 1)
        {
            return;
        }
        foreach (var list in _dayLists)
        {
            list.Clear();
        }
        _compared.Clear();
        for (var i = 0; i < _day.Count; i++)
        {
            var key = Key(_day[i].Agency);
            if (!_dayByAgency.TryGetValue(key, out var list))
            {
                _dayByAgency[key] = list = [];
                _dayLists.Add(list);
            }
            list.Add(i);
        }

        for (var i = 0; i < _day.Count; i++)
        {
            var entry = _day[i];
            if (entry.Approximate || entry.Present is null)
            {
                continue;
            }
            var self = Key(entry.Agency);
            foreach (var other in Named(entry.Present))
            {
                var otherKey = Key(other);
                if (otherKey == self)
                {
                    continue;
                }
                if (!_dayByAgency.TryGetValue(otherKey, out var theirs) || theirs.Count == 0)
                {
                    _found.Add(new ChronologyDiscrepancy(DiscrepancyKind.NoRecord, entry.Date, entry, null, other,
                        $"{entry.Agency} recorded {Describe(entry.ContactType)} with {other} present on {Day(entry)} ({Where(entry)}); "
                        + $"{other} has no entry that day."));
                    continue;
                }
                // Their entry of the same kind nearest in time, else any nearest in time, within the hour.
                int same = -1, closest = -1;
                foreach (var j in theirs)
                {
                    var candidate = _day[j];
                    if (candidate.Approximate || !TimesFit(entry, candidate))
                    {
                        continue;
                    }
                    if (closest < 0 || Distance(entry, candidate) < Distance(entry, _day[closest]))
                    {
                        closest = j;
                    }
                    if (candidate.ContactType == entry.ContactType && (same < 0 || Distance(entry, candidate) < Distance(entry, _day[same])))
                    {
                        same = j;
                    }
                }
                if (closest < 0)
                {
                    continue;
                }
                var match = same >= 0 ? same : closest;
                if (!_compared.Add(Pair(i, match)))
                {
                    continue;
                }
                if (same < 0)
                {
                    var their = _day[closest];
                    _found.Add(new ChronologyDiscrepancy(DiscrepancyKind.ContactType, entry.Date, entry, their, their.Agency,
                        $"{entry.Agency} recorded {Describe(entry.ContactType)} with {other} present on {Day(entry)} ({Where(entry)}); "
                        + $"{their.Agency} recorded {Describe(their.ContactType)} ({Where(their)})."));
                }
                CompareSeen(entry, _day[match]);
            }
        }

        // Multi-agency events that both recorded, whether or not either named the other.
        for (var i = 0; i < _day.Count; i++)
        {
            var entry = _day[i];
            if (entry.Approximate || !IsJointEvent(entry.ContactType))
            {
                continue;
            }
            for (var j = i + 1; j < _day.Count; j++)
            {
                var other = _day[j];
                if (other.Approximate || other.ContactType != entry.ContactType || Key(other.Agency) == Key(entry.Agency) || !TimesFit(entry, other)
                    || !_compared.Add(Pair(i, j)))
                {
                    continue;
                }
                CompareSeen(entry, other);
            }
        }
        _day.Clear();
    }

    private static long Pair(int a, int b) => a <= b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    /// <summary>The agencies a "Who was present" text names (the entry's own among them, if it names itself).</summary>
    private string[] Named(string present)
    {
        if (!_namedCache.TryGetValue(present, out var named))
        {
            named = Resolve(present);
            if (_namedCache.Count >= 10_000)
            {
                _namedCache.Clear();
            }
            _namedCache[present] = named;
        }
        return named;
    }

    private void CompareSeen(ChronologyEntry a, ChronologyEntry b)
    {
        if ((a.ChildSeen, b.ChildSeen) is (ChildSeen.Yes, ChildSeen.No) or (ChildSeen.No, ChildSeen.Yes))
        {
            var (seen, notSeen) = a.ChildSeen == ChildSeen.Yes ? (a, b) : (b, a);
            _found.Add(new ChronologyDiscrepancy(DiscrepancyKind.ChildSeen, a.Date, a, b, b.Agency,
                $"On {Day(a)}, {seen.Agency} recorded the child as seen at {Describe(seen.ContactType)} ({Where(seen)}); "
                + $"{notSeen.Agency} recorded the child as not seen at {Describe(notSeen.ContactType)} ({Where(notSeen)})."));
        }
    }

    private static string Day(ChronologyEntry entry) => ChronologyDates.FormatDate(entry.When);

    private static string Where(ChronologyEntry entry) =>
        (entry.Time is { } time ? ChronologyDates.FormatTime(time) + ", " : "") + $"row {entry.Row}";

    /// <summary>A kind of contact in a sentence: "a home visit", "an assessment".</summary>
    public static string Describe(ContactType type) => type switch
    {
        ContactType.HomeVisit => "a home visit",
        ContactType.OfficeVisit => "an office visit",
        ContactType.Phone => "a phone call",
        ContactType.LetterOrEmail => "a letter or email",
        ContactType.Meeting => "a meeting",
        ContactType.StrategyDiscussion => "a strategy discussion",
        ContactType.CaseConference => "a case conference",
        ContactType.Supervision => "supervision",
        ContactType.Referral => "a referral",
        ContactType.Assessment => "an assessment",
        ContactType.Court => "a court hearing",
        _ => "a contact",
    };
}
