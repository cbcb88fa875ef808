using Scr.Core.Rules.Calendar;

namespace Scr.Core.Services.Calendar;

/// <summary>
/// The calendar in effect, kept in memory by each app instance (a singleton) for <see cref="Lifetime"/>, so deadline
/// rules do not read the bank_holidays table on every use.
/// </summary>
/// <remarks>
/// An import empties the cache of the instance that made it, at once. Other instances sharing the database (and the CLI,
/// which is a process of its own) keep their copy until it is <see cref="Lifetime"/> old: for up to five minutes after
/// an import, another instance may still count working days with the earlier bank holidays. Bank holidays are announced
/// months ahead and imported well before they matter, so that delay is harmless; restart the instances to apply an
/// import everywhere at once.
/// </remarks>
public sealed class BankHolidayCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private WorkingCalendar? _calendar;
    private DateTimeOffset _loadedAt;
    private long _generation;

    /// <summary>The cached calendar while it is fresh; otherwise null and the generation to pass to <see cref="Store"/>.</summary>
    internal WorkingCalendar? Get(out long generation)
    {
        lock (_lock)
        {
            generation = _generation;
            return _calendar is not null && clock.GetUtcNow() - _loadedAt < Lifetime ? _calendar : null;
        }
    }

    /// <summary>Keeps a calendar just loaded, unless an import emptied the cache while it was being loaded.</summary>
    internal void Store(WorkingCalendar calendar, long generation)
    {
        lock (_lock)
        {
            if (generation == _generation)
            {
                _calendar = calendar;
                _loadedAt = clock.GetUtcNow();
            }
        }
    }

    /// <summary>Forgets the calendar, so the next use reads the database.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _generation++;
            _calendar = null;
        }
    }
}
