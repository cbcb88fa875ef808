using Scr.Core.Models;
using Scr.Core.Rules.Chronology;

namespace Scr.Core.Tests.Rules.Chronology;

public class ChronologyDatesTests
{
    public static TheoryData<string, string, DatePrecision, string?, bool> Accepted => new()
    {
        // text, the day (yyyy-MM-dd), precision, time (HH:mm[:ss]), approximate
        { "31/01/2003", "2003-01-31", DatePrecision.Day, null, false },
        { "1/2/2003", "2003-02-01", DatePrecision.Day, null, false },
        { "31-01-2003", "2003-01-31", DatePrecision.Day, null, false },
        { "31.01.2003", "2003-01-31", DatePrecision.Day, null, false },
        { "31 Jan 2003", "2003-01-31", DatePrecision.Day, null, false },
        { "31 January 2003", "2003-01-31", DatePrecision.Day, null, false },
        { "31st January, 2003", "2003-01-31", DatePrecision.Day, null, false },
        { "2nd Feb 2003", "2003-02-02", DatePrecision.Day, null, false },
        { "31-Jan-2003", "2003-01-31", DatePrecision.Day, null, false },
        { "31 Jan. 2003", "2003-01-31", DatePrecision.Day, null, false },
        { "30 Sept 2003", "2003-09-30", DatePrecision.Day, null, false },
        { "January 31, 2003", "2003-01-31", DatePrecision.Day, null, false },
        { "Friday 31 January 2003", "2003-01-31", DatePrecision.Day, null, false },
        { "Fri, 31 Jan 2003", "2003-01-31", DatePrecision.Day, null, false },
        { "2003-01-31", "2003-01-31", DatePrecision.Day, null, false },
        { "  31/01/2003  ", "2003-01-31", DatePrecision.Day, null, false },
        { "31/01/2003 14:30", "2003-01-31", DatePrecision.Day, "14:30", false },
        { "31/01/2003 14.30", "2003-01-31", DatePrecision.Day, "14:30", false },
        { "31/01/2003, 09:05:30", "2003-01-31", DatePrecision.Day, "09:05:30", false },
        { "31 January 2003 at 2.30pm", "2003-01-31", DatePrecision.Day, "14:30", false },
        { "31/01/2003 2pm", "2003-01-31", DatePrecision.Day, "14:00", false },
        { "31/01/2003 12:15 a.m.", "2003-01-31", DatePrecision.Day, "00:15", false },
        { "31/01/2003 1430hrs", "2003-01-31", DatePrecision.Day, "14:30", false },
        { "2003-01-31T14:30", "2003-01-31", DatePrecision.Day, "14:30", false },
        { "2003-01-31 14:30:00", "2003-01-31", DatePrecision.Day, "14:30", false },
        { "c. 31/01/2003", "2003-01-31", DatePrecision.Day, null, true },
        { "approx 31/01/2003", "2003-01-31", DatePrecision.Day, null, true },
        { "31/01/2003 (approx)", "2003-01-31", DatePrecision.Day, null, true },
        { "03/2003", "2003-03-01", DatePrecision.Month, null, true },
        { "3-2003", "2003-03-01", DatePrecision.Month, null, true },
        { "2003-03", "2003-03-01", DatePrecision.Month, null, true },
        { "Mar 2003", "2003-03-01", DatePrecision.Month, null, true },
        { "March 2003", "2003-03-01", DatePrecision.Month, null, true },
        { "c. 03/2003", "2003-03-01", DatePrecision.Month, null, true },
        { "c.03/2003", "2003-03-01", DatePrecision.Month, null, true },
        { "about May 2003", "2003-05-01", DatePrecision.Month, null, true },
        { "2003", "2003-01-01", DatePrecision.Year, null, true },
        { "circa 2003", "2003-01-01", DatePrecision.Year, null, true },
        { "ca. 2003", "2003-01-01", DatePrecision.Year, null, true },
        { "~2003", "2003-01-01", DatePrecision.Year, null, true },
        { "2003?", "2003-01-01", DatePrecision.Year, null, true },
        { "29/02/2004", "2004-02-29", DatePrecision.Day, null, false },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Parse_UsualUkForms(string text, string day, DatePrecision precision, string? time, bool approximate)
    {
        var result = ChronologyDates.Parse(text);

        result.Problem.ShouldBeNull();
        result.Date.Date.ShouldBe(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        result.Date.Precision.ShouldBe(precision);
        result.Date.Time.ShouldBe(time is null ? null : TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));
        result.Date.Approximate.ShouldBe(approximate);
    }

    public static TheoryData<string?, string> Refused => new()
    {
        { "", "enter the date" },
        { null, "enter the date" },
        { "31/02/2003", "'31/02/2003' is not a date" },
        { "29/02/2003", "'29/02/2003' is not a date" },
        { "32/01/2003", "'32/01/2003' is not a date" },
        { "31/01/03", "'31/01/03' is not a date: write the year in full, with four digits" },
        { "01/31/2003", "'01/31/2003' is not a date: there is no month 31: write the day first, as in 31/01/2003" },
        { "31/01/1850", "'31/01/1850' is not a date: the year must be from 1900 to 2100" },
        { "Monday 31 January 2003", "'Monday 31 January 2003' is not a date: 31 January 2003 was a Friday" },
        { "31/01/2003 25:00", "'31/01/2003 25:00' is not a date: the time is not a time of day: write it as 14:30" },
        { "Mar 2003 14:30", "'Mar 2003 14:30' is not a date: a time needs a date with the day" },
        { "yesterday", "'yesterday' is not a date" },
        { "31 Foo 2003", "'31 Foo 2003' is not a date" },
        { "31/01-2003", "'31/01-2003' is not a date: write it as 31/01/2003" },
        { "13/2003", "'13/2003' is not a date" },
        { "#N/A", "'#N/A' is not a date" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Parse_Refuses_WithTheMessageForTheCell(string? text, string problem)
    {
        ChronologyDates.Parse(text).Problem.ShouldBe(problem);
    }

    [Theory]
    [InlineData("14:30", "14:30")]
    [InlineData("9.05", "09:05")]
    [InlineData("2:30 pm", "14:30")]
    [InlineData("12am", "00:00")]
    [InlineData("12pm", "12:00")]
    [InlineData("0930hrs", "09:30")]
    [InlineData("23:59:59", "23:59:59")]
    public void ParseTime_OnItsOwn(string text, string expected)
    {
        var (time, problem) = ChronologyDates.ParseTime(text);

        problem.ShouldBeNull();
        time.ShouldBe(TimeOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("14:60")]
    [InlineData("13pm")]
    [InlineData("1430")]
    [InlineData("afternoon")]
    public void ParseTime_Refuses(string text)
    {
        ChronologyDates.ParseTime(text).Problem.ShouldBe($"'{text}' is not a time of day: write it as 14:30");
    }

    [Fact]
    public void ParseTime_Empty_IsNoTime()
    {
        ChronologyDates.ParseTime("  ").ShouldBe((null, null));
    }

    [Theory]
    [InlineData("31/01/2003", "31/01/2003")]
    [InlineData("31 Jan 2003 14:30", "31/01/2003 14:30")]
    [InlineData("c. 31/01/2003", "c. 31/01/2003")]
    [InlineData("March 2003", "c. Mar 2003")]
    [InlineData("2003", "c. 2003")]
    [InlineData("31/01/2003 09:05:30", "31/01/2003 09:05:30")]
    public void Display_ReadsBackToTheSameDate(string text, string shown)
    {
        var date = ChronologyDates.Parse(text).Date;

        ChronologyDates.Display(date).ShouldBe(shown);
        var again = ChronologyDates.Parse(shown).Date;
        again.ShouldBe(date);
    }

    [Fact]
    public void FormatDate_ByPrecision_WithoutTheTimeOrFlag()
    {
        ChronologyDates.FormatDate(ChronologyDates.Parse("c. 03/2003").Date).ShouldBe("Mar 2003");
        ChronologyDates.FormatDate(ChronologyDates.Parse("2003").Date).ShouldBe("2003");
        ChronologyDates.FormatDate(ChronologyDates.Parse("1/2/2003 10:00").Date).ShouldBe("01/02/2003");
    }

    [Fact]
    public void End_IsTheLastDayOfThePeriod()
    {
        ChronologyDates.Parse("Feb 2004").Date.End.ShouldBe(new DateOnly(2004, 2, 29));
        ChronologyDates.Parse("2003").Date.End.ShouldBe(new DateOnly(2003, 12, 31));
        ChronologyDates.Parse("31/01/2003").Date.End.ShouldBe(new DateOnly(2003, 1, 31));
    }

    [Fact]
    public void FromSpreadsheet_ExcelSerials_AsPreciseAsTheFormat()
    {
        // 37652 is 31/01/2003 in Excel; .6041666 is 14:30.
        ChronologyDates.FromSpreadsheet(37652, DatePrecision.Day, false, "37652").Date.ShouldBe(ChronologyDate.On(new DateOnly(2003, 1, 31)));
        ChronologyDates.FromSpreadsheet(37652.6041666667, DatePrecision.Day, true, "x").Date
            .ShouldBe(ChronologyDate.On(new DateOnly(2003, 1, 31), new TimeOnly(14, 30)));
        ChronologyDates.FromSpreadsheet(37652, DatePrecision.Month, false, "x").Date
            .ShouldBe(new ChronologyDate(new DateOnly(2003, 1, 1), DatePrecision.Month, null, true));
        ChronologyDates.FromSpreadsheet(59, DatePrecision.Day, false, "59").Date.Date.ShouldBe(new DateOnly(1900, 2, 28));
        ChronologyDates.FromSpreadsheet(61, DatePrecision.Day, false, "61").Date.Date.ShouldBe(new DateOnly(1900, 3, 1));
        ChronologyDates.FromSpreadsheet(-5, DatePrecision.Day, false, "-5").Problem.ShouldBe("'-5' is not a date");
        ChronologyDates.TimeFromSpreadsheet(0.6041666667).ShouldBe(new TimeOnly(14, 30));
    }
}
