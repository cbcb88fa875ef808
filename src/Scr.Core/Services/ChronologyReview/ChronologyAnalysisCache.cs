using Microsoft.Extensions.Caching.Memory;

namespace Scr.Core.Services.ChronologyReview;

/// <summary>
/// The analysis of the integrated chronology, kept in memory by what it is computed from: the case, each agency's current
/// version with its entry count and revision, the gap threshold and the period under review. Any change to the entries
/// changes the key, so a kept analysis is never stale, and each app instance keeps its own (nothing to share when
/// scaled out). Without it every page of a 10,000-entry chronology would read every entry again.
/// </summary>
public sealed class ChronologyAnalysisCache : IDisposable
{
    public const int Capacity = 64;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public async Task<ChronologyAnalysis> GetOrAddAsync(string key, Func<Task<ChronologyAnalysis>> compute)
    {
        if (_cache.TryGetValue(key, out ChronologyAnalysis? kept) && kept is not null)
        {
            return kept;
        }
        var analysis = await compute();
        _cache.Set(key, analysis, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return analysis;
    }

    public void Dispose() => _cache.Dispose();
}
