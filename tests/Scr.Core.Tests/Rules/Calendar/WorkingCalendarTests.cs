using Scr.Core.Rules.Calendar;

namespace Scr.Core.Tests.Rules.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar EnglandAndWales = WorkingCalendar.EnglandAndWales;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-23", true)] // Monday
    [InlineData("2026-11-27", true)] // Friday
    [InlineData("2026-11-28", false)] // Saturday
    [InlineData("2026-11-29", false)] // Sunday
    [InlineData("2026-12-25", false)] // Christmas Day, Friday
    [InlineData("2026-12-28", false)] // Boxing Day (substitute), Monday
    [InlineData("2026-12-29", true)]
    [InlineData("2022-09-19", false)] // State Funeral of Queen Elizabeth II
    public void IsWorkingDay_EnglandAndWales_WeekdaysThatAreNotBankHolidays(string day, bool expected) =>
        EnglandAndWales.IsWorkingDay(D(day)).ShouldBe(expected);

    [Theory]
    // Weekends: Friday + 1 is Monday; Saturday and Sunday + 1 are Monday too.
    [InlineData("2026-11-20", 1, "2026-11-23")]
    [InlineData("2026-11-21", 1, "2026-11-23")]
    [InlineData("2026-11-22", 1, "2026-11-23")]
    [InlineData("2026-11-23", 5, "2026-11-30")]
    [InlineData("2026-11-23", 15, "2026-12-14")]
    // Month and year ends.
    [InlineData("2026-09-30", 1, "2026-10-01")]
    [InlineData("2027-02-26", 1, "2027-03-01")]
    [InlineData("2028-02-28", 1, "2028-02-29")]
    // Friday + 1 is Tuesday when Monday is a bank holiday.
    [InlineData("2026-08-28", 1, "2026-09-01")]
    [InlineData("2026-05-22", 1, "2026-05-26")]
    // Easter: Good Friday and Easter Monday are skipped.
    [InlineData("2026-04-02", 1, "2026-04-07")]
    [InlineData("2026-04-01", 5, "2026-04-10")]
    [InlineData("2024-03-28", 1, "2024-04-02")]
    // Christmas and New Year: 25, 28 December 2026 and 1 January 2027 are skipped.
    [InlineData("2026-12-24", 1, "2026-12-29")]
    [InlineData("2026-12-18", 5, "2026-12-29")]
    [InlineData("2026-12-18", 15, "2027-01-13")]
    [InlineData("2021-12-24", 1, "2021-12-29")]
    [InlineData("2022-12-23", 1, "2022-12-28")]
    [InlineData("2021-12-31", 1, "2022-01-04")]
    // The one-offs of 2022: Thursday 2 and Friday 3 June, and Monday 19 September.
    [InlineData("2022-06-01", 1, "2022-06-06")]
    // Monday 30 May 2022 is a working day: that year the spring bank holiday moved to Thursday 2 June.
    [InlineData("2022-05-27", 5, "2022-06-07")]
    [InlineData("2022-09-16", 1, "2022-09-20")]
    [InlineData("2022-09-12", 15, "2022-10-04")]
    public void AddWorkingDays_EnglandAndWales_CountsWorkingDaysAfterTheStart(string from, int days, string expected) =>
        EnglandAndWales.AddWorkingDays(D(from), days).ShouldBe(D(expected));

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")] // a working day: itself
    [InlineData("2026-11-28", "2026-11-30")] // Saturday: the Monday
    [InlineData("2026-12-25", "2026-12-29")] // Christmas Day: past the Boxing Day substitute
    [InlineData("2026-04-03", "2026-04-07")] // Good Friday: past Easter Monday
    public void AddWorkingDays_Zero_TheDayOrTheNextWorkingDay(string from, string expected) =>
        EnglandAndWales.AddWorkingDays(D(from), 0).ShouldBe(D(expected));

    [Fact]
    public void AddWorkingDays_Negative_Refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => EnglandAndWales.AddWorkingDays(D("2026-11-23"), -1));

    [Theory]
    [InlineData("2026-11-23", "2026-11-23", 0)]
    [InlineData("2026-11-20", "2026-11-23", 1)] // Friday to Monday
    [InlineData("2026-11-21", "2026-11-22", 0)] // Saturday to Sunday
    [InlineData("2026-12-24", "2026-12-29", 1)]
    [InlineData("2026-12-18", "2027-01-13", 15)]
    [InlineData("2022-05-27", "2022-06-07", 5)]
    [InlineData("2026-11-30", "2026-11-23", -5)] // backwards: negative
    [InlineData("1995-01-01", "2030-12-31", 9097)]
    public void WorkingDaysBetween_EnglandAndWales_CountsAfterFromUpToAndIncludingTo(string from, string to, int expected) =>
        EnglandAndWales.WorkingDaysBetween(D(from), D(to)).ShouldBe(expected);

    [Fact]
    public void WorkingDaysBetween_WholeRange_AgreesWithCountingDayByDay()
    {
        var from = D("1995-01-01");
        var to = D("2030-12-31");
        var counted = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (EnglandAndWales.IsWorkingDay(day))
            {
                counted++;
            }
        }
        EnglandAndWales.WorkingDaysBetween(from, to).ShouldBe(counted);
    }

    [Fact]
    public void WorkingDaysBetween_AfterAddWorkingDays_GivesTheDaysBack()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 2000; i++)
        {
            var from = D("1995-01-01").AddDays(random.Next(0, 365 * 35));
            var days = random.Next(1, 60);
            var to = EnglandAndWales.AddWorkingDays(from, days);
            EnglandAndWales.WorkingDaysBetween(from, to).ShouldBe(days, $"{from:yyyy-MM-dd} + {days}");
            EnglandAndWales.IsWorkingDay(to).ShouldBeTrue();
        }
    }

    [Fact]
    public void Constructor_Dates_WeekendsAndThoseDatesAreNotWorkingDays()
    {
        var calendar = new WorkingCalendar([D("2031-01-01"), D("2031-04-11")]);

        calendar.IsWorkingDay(D("2031-01-01")).ShouldBeFalse();
        calendar.IsWorkingDay(D("2031-01-02")).ShouldBeTrue();
        calendar.AddWorkingDays(D("2031-04-10"), 1).ShouldBe(D("2031-04-14"));
        calendar.Holidays.ShouldAllBe(h => h.Title == "Bank holiday");
        calendar.Coverage.ShouldBe((D("2031-01-01"), D("2031-12-31")));
    }

    [Fact]
    public void Constructor_SameDateTwice_Refused() =>
        Should.Throw<ArgumentException>(() => new WorkingCalendar([new BankHoliday(D("2031-01-01"), "A"), new BankHoliday(D("2031-01-01"), "B")]))
            .Message.ShouldContain("2031-01-01");

    [Fact]
    public void Constructor_NoHolidays_WeekendsOnlyAndNoCoverage()
    {
        var calendar = new WorkingCalendar(Array.Empty<BankHoliday>());

        calendar.Coverage.ShouldBeNull();
        calendar.Years.ShouldBeEmpty();
        calendar.AddWorkingDays(D("2026-12-24"), 1).ShouldBe(D("2026-12-25"));
        calendar.WorkingDaysBetween(D("2026-11-23"), D("2026-12-23")).ShouldBe(22);
    }

    [Fact]
    public void EnglandAndWales_Coverage_1995To2030()
    {
        EnglandAndWales.Coverage.ShouldBe((D("1995-01-01"), D("2030-12-31")));
        EnglandAndWales.Years.ShouldBe(Enumerable.Range(1995, 36));
        EnglandAndWales.Covers(D("2030-12-31")).ShouldBeTrue();
        EnglandAndWales.Covers(D("2031-01-01")).ShouldBeFalse();
    }

    [Fact]
    public void EnglandAndWales_BeyondCoverage_OnlyWeekendsAreNotWorkingDays()
    {
        // 1 January 2031 is a Wednesday: not known as a bank holiday, so a working day.
        EnglandAndWales.IsWorkingDay(D("2031-01-01")).ShouldBeTrue();
        EnglandAndWales.AddWorkingDays(D("2030-12-31"), 1).ShouldBe(D("2031-01-01"));
    }

    [Fact]
    public void EnglandAndWales_LoadedOnce_SameInstance() =>
        WorkingCalendar.EnglandAndWales.ShouldBeSameAs(WorkingCalendar.EnglandAndWales);
}
