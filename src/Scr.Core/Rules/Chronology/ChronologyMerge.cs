using Scr.Core.Models;

namespace Scr.Core.Rules.Chronology;

/// <summary>
/// The order of the integrated chronology, in one place:
/// <list type="number">
/// <item>by date; a date known only to the month or year stands at the start of its period (1 March 2003, 1 January
/// 2003), flagged approximate;</item>
/// <item>on the same day, wider periods first (the year 2003, then March 2003, then the days of 1 March 2003), and entries
/// without a time before those with one (an untimed entry stands at the start of its day), then by time;</item>
/// <item>entries at the same time (same day and time, or both untimed) by agency, in alphabetical order ignoring case,
/// so that same-time entries of different agencies stand together and the order does not depend on the order the files
/// were given in;</item>
/// <item>entries of one agency at the same time in the order of their input (file, then row).</item>
/// </list>
/// </summary>
public static class ChronologyOrder
{
    /// <summary>Compares when two entries happened (rules 1 and 2): 0 when they are at the same time.</summary>
    public static int CompareWhen(ChronologyDate a, ChronologyDate b) => WhenKey(a.Date, a.Precision, a.Time).CompareTo(WhenKey(b.Date, b.Precision, b.Time));

    public static int CompareWhen(ChronologyEntry a, ChronologyEntry b) => WhenKey(a).CompareTo(WhenKey(b));

    /// <summary>
    /// Rules 1 and 2 as one number, so that comparing two entries is comparing two numbers: the day, then the width of the
    /// period (a year before a month before a day), then the second of the day (untimed first).
    /// </summary>
    public static long WhenKey(ChronologyEntry entry) => WhenKey(entry.Date, entry.Precision, entry.Time);

    private static long WhenKey(DateOnly date, DatePrecision precision, TimeOnly? time) =>
        ((long)date.DayNumber * 3 + (2 - (int)precision)) * 86_401L + (time is { } t ? 1 + t.Ticks / TimeSpan.TicksPerSecond : 0);

    /// <summary>Agencies in alphabetical order ignoring case (then exactly, so that the order is total).</summary>
    public static int CompareAgency(string a, string b)
    {
        var ignoringCase = string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        return ignoringCase != 0 ? ignoringCase : string.CompareOrdinal(a, b);
    }

    /// <summary>Rules 1 to 3: when, then agency. Entries equal by this keep their input order.</summary>
    public static int Compare(ChronologyEntry a, ChronologyEntry b)
    {
        var byWhen = WhenKey(a).CompareTo(WhenKey(b));
        return byWhen != 0 ? byWhen : ReferenceEquals(a.Agency, b.Agency) ? 0 : CompareAgency(a.Agency, b.Agency);
    }

    /// <summary><see cref="Compare"/> as a comparer: sorting with it must be stable to keep rule 4.</summary>
    public static IComparer<ChronologyEntry> Comparer { get; } = Comparer<ChronologyEntry>.Create(Compare);

    /// <summary>Whether the entries are already in the chronology's order.</summary>
    public static bool IsInOrder(IEnumerable<ChronologyEntry> entries)
    {
        ChronologyEntry? previous = null;
        foreach (var entry in entries)
        {
            if (previous is not null && Compare(previous, entry) > 0)
            {
                return false;
            }
            previous = entry;
        }
        return true;
    }
}

/// <summary>An input of a merge is not in the chronology's order, so it cannot be merged as it streams: sort it first.</summary>
public sealed class ChronologyInputNotInOrderException(int input, ChronologyEntry entry)
    : Exception($"Input {input} is not in date order: the entry of row {entry.Row} comes before the one above it.")
{
    /// <summary>The index of the input.</summary>
    public int Input { get; } = input;

    /// <summary>The first entry found out of order.</summary>
    public ChronologyEntry Entry { get; } = entry;
}

/// <summary>Entries of several agencies at the same time, which the integrated chronology shows together.</summary>
public sealed record ChronologyGroup(ChronologyDate When, IReadOnlyList<ChronologyEntry> Entries)
{
    /// <summary>True when more than one agency recorded something at this time.</summary>
    public bool IsMultiAgency
    {
        get
        {
            for (var i = 1; i < Entries.Count; i++)
            {
                if (!string.Equals(Entries[i].Agency, Entries[0].Agency, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            return false;
        }
    }
}

/// <summary>
/// Merges agencies' chronologies into the integrated chronology, in <see cref="ChronologyOrder"/>. Inputs already in
/// order (as agencies' chronologies usually are) are merged as they stream, holding one entry per input (a k-way merge
/// over a heap: n log k comparisons); an input out of order is sorted first (stably, so its entries at the same time keep
/// their order), which needs it in memory.
/// </summary>
public static class ChronologyMerge
{
    /// <summary>
    /// Merges inputs that are each in order, as they stream. Throws <see cref="ChronologyInputNotInOrderException"/> on
    /// meeting an entry that comes before the one its input gave last; what was yielded until then is then not to be used.
    /// </summary>
    public static IEnumerable<ChronologyEntry> MergeSorted(IReadOnlyList<IEnumerable<ChronologyEntry>> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var enumerators = new IEnumerator<ChronologyEntry>[inputs.Count];
        try
        {
            var heap = new PriorityQueue<int, Head>(inputs.Count, HeadComparer.Instance);
            for (var i = 0; i < inputs.Count; i++)
            {
                enumerators[i] = inputs[i].GetEnumerator();
                if (enumerators[i].MoveNext())
                {
                    heap.Enqueue(i, new Head(enumerators[i].Current, i));
                }
            }
            while (heap.TryDequeue(out var input, out var head))
            {
                yield return head.Entry;
                var source = enumerators[input];
                if (source.MoveNext())
                {
                    var next = source.Current;
                    if (ChronologyOrder.Compare(head.Entry, next) > 0)
                    {
                        throw new ChronologyInputNotInOrderException(input, next);
                    }
                    heap.Enqueue(input, new Head(next, input));
                }
            }
        }
        finally
        {
            foreach (var enumerator in enumerators)
            {
                enumerator?.Dispose();
            }
        }
    }

    /// <summary>Merges inputs held in memory, sorting (stably) any that is out of order.</summary>
    public static IEnumerable<ChronologyEntry> Merge(IReadOnlyList<IReadOnlyList<ChronologyEntry>> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var sorted = inputs.Select(input => ChronologyOrder.IsInOrder(input) ? input : Sort(input)).ToList();
        return MergeSorted(sorted);
    }

    /// <summary>The entries in the chronology's order; entries equal by it keep the order they are given in.</summary>
    public static IReadOnlyList<ChronologyEntry> Sort(IEnumerable<ChronologyEntry> entries)
    {
        var items = entries.ToArray();
        var positions = new int[items.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }
        // Array.Sort is not stable: the position breaks ties.
        Array.Sort(positions, (x, y) =>
        {
            var order = ChronologyOrder.Compare(items[x], items[y]);
            return order != 0 ? order : x.CompareTo(y);
        });
        var result = new ChronologyEntry[items.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            result[i] = items[positions[i]];
        }
        return result;
    }

    /// <summary>The merged entries, in groups of the same time (the same day and time, or the same day untimed).</summary>
    public static IEnumerable<ChronologyGroup> Groups(IEnumerable<ChronologyEntry> merged)
    {
        List<ChronologyEntry>? group = null;
        foreach (var entry in merged)
        {
            if (group is not null && ChronologyOrder.CompareWhen(group[0], entry) != 0)
            {
                yield return new ChronologyGroup(group[0].When, group);
                group = null;
            }
            (group ??= []).Add(entry);
        }
        if (group is not null)
        {
            yield return new ChronologyGroup(group[0].When, group);
        }
    }

    private readonly record struct Head(ChronologyEntry Entry, int Input);

    /// <summary>The next entry of the inputs: by the chronology's order, then by input (rule 4).</summary>
    private sealed class HeadComparer : IComparer<Head>
    {
        public static readonly HeadComparer Instance = new();

        public int Compare(Head x, Head y)
        {
            var order = ChronologyOrder.Compare(x.Entry, y.Entry);
            return order != 0 ? order : x.Input.CompareTo(y.Input);
        }
    }
}
