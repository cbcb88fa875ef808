namespace Scr.Core.Rules.Calendar;

/// <summary>A bank holiday: the day off and its name, as GOV.UK gives it ("Boxing Day").</summary>
public sealed record BankHoliday(DateOnly Date, string Title);

/// <summary>
/// Working days: Monday to Friday, except bank holidays. Deadlines such as "within 15 working days" are counted with it:
/// <c>calendar.AddWorkingDays(received, 15)</c>.
/// </summary>
/// <remarks>
/// The calendar knows the bank holidays of the years it was given (<see cref="Years"/>, <see cref="Coverage"/>). Outside
/// them it knows of none, and every weekday counts as a working day; <see cref="Covers"/> tells a caller whether a day is
/// within the known years. <see cref="EnglandAndWales"/> is the data shipped with scr; the calendar in effect, with an
/// administrator's imports, comes from <c>BankHolidayService.CalendarAsync</c>.
/// </remarks>
public sealed class WorkingCalendar
{
    /// <summary>The embedded resource holding the shipped bank holidays, in GOV.UK's format.</summary>
    public const string ShippedResourceName = "bank-holidays-england-and-wales.json";

    private static readonly Lazy<WorkingCalendar> Shipped = new(LoadShipped);

    private readonly HashSet<DateOnly> _dates;
    private readonly HashSet<int> _years;

    /// <summary>The bank holidays that fall on a weekday, in order: what <see cref="WorkingDaysBetween"/> subtracts.</summary>
    private readonly DateOnly[] _weekdayHolidays;

    /// <summary>A calendar of these bank holidays. A date listed twice is refused.</summary>
    public WorkingCalendar(IEnumerable<BankHoliday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var ordered = holidays.OrderBy(h => h.Date).ToList();
        _dates = [];
        foreach (var holiday in ordered)
        {
            if (!_dates.Add(holiday.Date))
            {
                throw new ArgumentException($"{holiday.Date:yyyy-MM-dd} is listed more than once.", nameof(holidays));
            }
        }
        Holidays = ordered.AsReadOnly();
        _years = [.. ordered.Select(h => h.Date.Year)];
        Years = [.. _years.Order()];
        _weekdayHolidays = [.. ordered.Select(h => h.Date).Where(d => !IsWeekend(d))];
        Coverage = ordered.Count == 0 ? null : (new DateOnly(ordered[0].Date.Year, 1, 1), new DateOnly(ordered[^1].Date.Year, 12, 31));
    }

    /// <summary>A calendar of these dates, each titled "Bank holiday".</summary>
    public WorkingCalendar(IEnumerable<DateOnly> dates)
        : this((dates ?? throw new ArgumentNullException(nameof(dates))).Select(d => new BankHoliday(d, "Bank holiday")))
    {
    }

    /// <summary>The bank holidays of England and Wales shipped with scr (1995 to 2030), loaded once.</summary>
    public static WorkingCalendar EnglandAndWales => Shipped.Value;

    /// <summary>Every bank holiday the calendar knows, in date order.</summary>
    public IReadOnlyList<BankHoliday> Holidays { get; }

    /// <summary>The years that have bank holidays in the calendar, in order.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>1 January of the first year known to 31 December of the last; null for a calendar without holidays.</summary>
    public (DateOnly First, DateOnly Last)? Coverage { get; }

    /// <summary>Whether the calendar knows the bank holidays of the day's year.</summary>
    public bool Covers(DateOnly day) => _years.Contains(day.Year);

    /// <summary>Monday to Friday and not a bank holiday.</summary>
    public bool IsWorkingDay(DateOnly day) => !IsWeekend(day) && !_dates.Contains(day);

    /// <summary>Whether the day is one of the calendar's bank holidays.</summary>
    public bool IsBankHoliday(DateOnly day) => _dates.Contains(day);

    /// <summary>
    /// The day that is <paramref name="days"/> working days after <paramref name="from"/>, not counting
    /// <paramref name="from"/> itself: Friday + 1 is the next Monday, or Tuesday when that Monday is a bank holiday.
    /// With 0 days: <paramref name="from"/> when it is a working day, otherwise the next working day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
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
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }
        return day;
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>, so that
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c> for n ≥ 1. When <paramref name="to"/> is before
    /// <paramref name="from"/> the count is negative: <c>-WorkingDaysBetween(to, from)</c>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }
        var weekdays = WeekdaysUpTo(to) - WeekdaysUpTo(from);
        var holidays = HolidaysUpTo(to) - HolidaysUpTo(from);
        return (int)(weekdays - holidays);
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Weekdays from 1 January of year 1 (a Monday) up to and including the day.</summary>
    private static long WeekdaysUpTo(DateOnly day)
    {
        var days = (long)day.DayNumber + 1;
        return (days / 7 * 5) + Math.Min(days % 7, 5);
    }

    /// <summary>Bank holidays on weekdays up to and including the day.</summary>
    private int HolidaysUpTo(DateOnly day)
    {
        var index = Array.BinarySearch(_weekdayHolidays, day);
        return index >= 0 ? index + 1 : ~index;
    }

    private static WorkingCalendar LoadShipped()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(ShippedResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ShippedResourceName} is missing from Scr.Core.");
        return new WorkingCalendar(BankHolidayFile.Parse(stream));
    }
}
