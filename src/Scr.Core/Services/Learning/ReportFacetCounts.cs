using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;

namespace Scr.Core.Services.Learning;

/// <summary>
/// Counts the facet values of a search's reports from a copy of every report's values held in memory by this instance
/// (decision 0017): counting them in the database for every search cost more than the full-text search itself. The copy is
/// read again whenever the database's <see cref="PublishedReportFacetsVersion"/> stamp differs from the one it was read
/// under, so every instance in front of the same database counts what the database holds.
/// </summary>
public sealed class ReportFacetCounts
{
    private sealed record Copy(Guid? Stamp, (string Facet, string Value)[] Values, Dictionary<int, int[]> ValuesOf);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private Copy? _copy;

    /// <summary>How many of these reports have each value of each facet (values no report has are left out).</summary>
    public async Task<IReadOnlyList<FacetCount>> CountAsync(ScrDbContext db, IReadOnlyCollection<int> reports,
        CancellationToken cancellationToken)
    {
        var copy = await CurrentAsync(db, cancellationToken);
        var counts = new int[copy.Values.Length];
        foreach (var report in reports)
        {
            if (copy.ValuesOf.TryGetValue(report, out var values))
            {
                foreach (var value in values)
                {
                    counts[value]++;
                }
            }
        }
        var result = new List<FacetCount>();
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                result.Add(new FacetCount(copy.Values[i].Facet, copy.Values[i].Value, counts[i]));
            }
        }
        return result;
    }

    private async Task<Copy> CurrentAsync(ScrDbContext db, CancellationToken cancellationToken)
    {
        // The stamp is read before the values: a change saved in between is then read under the older stamp, and read
        // again at the next search, never kept under the newer one. No stamp (a database no change has stamped yet):
        // read every time.
        var stamp = await Stamp(db, cancellationToken);
        if (_copy is { Stamp: not null } held && held.Stamp == stamp)
        {
            return held;
        }
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (_copy is { Stamp: not null } again && again.Stamp == stamp)
            {
                return again;
            }
            var rows = await db.PublishedReportFacets.AsNoTracking().Select(f => new { f.ReportId, f.Facet, f.Value })
                .ToListAsync(cancellationToken);
            var numbers = new Dictionary<(string, string), int>();
            var valuesOf = rows.GroupBy(r => r.ReportId).ToDictionary(g => g.Key, g => g.Select(r =>
            {
                if (!numbers.TryGetValue((r.Facet, r.Value), out var number))
                {
                    number = numbers.Count;
                    numbers.Add((r.Facet, r.Value), number);
                }
                return number;
            }).ToArray());
            var values = new (string, string)[numbers.Count];
            foreach (var (value, number) in numbers)
            {
                values[number] = value;
            }
            return _copy = new Copy(stamp, values, valuesOf);
        }
        finally
        {
            _reading.Release();
        }
    }

    private static Task<Guid?> Stamp(ScrDbContext db, CancellationToken cancellationToken) =>
        db.PublishedReportFacetsVersions.AsNoTracking().Where(v => v.Id == PublishedReportFacetsVersion.Only)
            .Select(v => (Guid?)v.Stamp).SingleOrDefaultAsync(cancellationToken);
}
