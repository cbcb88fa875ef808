namespace Scr.Core.Rules.Timescales;

/// <summary>
/// Local time in the UK, computed from the rule in force since 1996 (British Summer Time from 01:00 UTC on the last
/// Sunday of March to 01:00 UTC on the last Sunday of October) so that deadlines do not depend on the time-zone data of
/// the machine.
/// </summary>
public static class UkTime
{
    public static TimeSpan OffsetAt(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var start = LastSunday(utc.Year, 3).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
        var end = LastSunday(utc.Year, 10).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
        return utc >= start && utc < end ? TimeSpan.FromHours(1) : TimeSpan.Zero;
    }

    public static DateTimeOffset ToUk(DateTimeOffset instant) => instant.ToOffset(OffsetAt(instant));

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToUk(instant).DateTime);

    /// <summary>
    /// The instant of a UK local date and time, as someone in the UK types it. A time the clocks skip in March is read as
    /// GMT (so 1:30am is 2:30am BST); a time that comes twice in October is the first (BST).
    /// </summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        var summer = new DateTimeOffset(local, TimeSpan.FromHours(1));
        return OffsetAt(summer) == TimeSpan.FromHours(1) ? summer : new DateTimeOffset(local, TimeSpan.Zero);
    }

    /// <summary>The first instant of a UK calendar day.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Midnight is never inside the 01:00 UTC changeover, so the offset at midnight UTC of that day is the one in force.
        var offset = OffsetAt(new DateTimeOffset(midnight, TimeSpan.Zero));
        return new DateTimeOffset(midnight, offset);
    }

    /// <summary>The last instant of a UK calendar day: a deadline "by" a date ends here.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1)).AddTicks(-1);

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
