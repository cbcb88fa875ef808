namespace Scr.Core.Rules.Calendar;

/// <summary>A bank holiday in England and Wales.</summary>
public sealed record BankHoliday(DateOnly Date, string Title);

/// <summary>Working days in England and Wales: Monday to Friday, except bank holidays.</summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    public WorkingCalendar(IEnumerable<BankHoliday> holidays)
    {
        Holidays = holidays.OrderBy(h => h.Date).ToList();
        _holidays = Holidays.Select(h => h.Date).ToHashSet();
    }

    public IReadOnlyList<BankHoliday> Holidays { get; }

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>The day that is <paramref name="days"/> working days after <paramref name="from"/>, not counting it.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = from;
        if (days == 0)
        {
            while (!IsWorkingDay(day))
            {
                day = day.AddDays(1);
            }
            return day;
        }
        while (days > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                days--;
            }
        }
        return day;
    }
}
