using System.Text;
using Scr.Core.Rules;
using Scr.Core.Rules.Calendar;

namespace Scr.Core.Tests.Rules.Calendar;

public class BankHolidayFileTests
{
    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private static IReadOnlyList<string> Problems(string text) =>
        Should.Throw<RuleViolationException>(() => BankHolidayFile.Parse(Text(text))).Messages;

    /// <summary>The shape of GOV.UK's file: three divisions, each with its events.</summary>
    public const string GovUkSample = """
        {"england-and-wales":{"division":"england-and-wales","events":[
          {"title":"Christmas Day","date":"2026-12-25","notes":"","bunting":true},
          {"title":"Boxing Day","date":"2026-12-28","notes":"Substitute day","bunting":true},
          {"title":"New Year’s Day","date":"2026-01-01","notes":"","bunting":true}]},
         "scotland":{"division":"scotland","events":[
          {"title":"2nd January","date":"2026-01-02","notes":"","bunting":true},
          {"title":"St Andrew’s Day","date":"2026-11-30","notes":"","bunting":true}]},
         "northern-ireland":{"division":"northern-ireland","events":[
          {"title":"Battle of the Boyne (Orangemen’s Day)","date":"2026-07-13","notes":"Substitute day","bunting":false}]}}
        """;

    [Fact]
    public void Parse_GovUkFile_EnglandAndWalesOnlyInDateOrder()
    {
        var holidays = BankHolidayFile.Parse(Text(GovUkSample));

        holidays.ShouldBe([
            new BankHoliday(new DateOnly(2026, 1, 1), "New Year’s Day"),
            new BankHoliday(new DateOnly(2026, 12, 25), "Christmas Day"),
            new BankHoliday(new DateOnly(2026, 12, 28), "Boxing Day"),
        ]);
    }

    [Fact]
    public async Task ParseAsync_GovUkFileWithByteOrderMark_Read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(GovUkSample)).ToArray();

        var holidays = await BankHolidayFile.ParseAsync(new MemoryStream(bytes), TestContext.Current.CancellationToken);

        holidays.Count.ShouldBe(3);
    }

    [Fact]
    public void Parse_ShippedFile_ReadsEveryEvent()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(WorkingCalendar.ShippedResourceName)!;
        BankHolidayFile.Parse(stream).Count.ShouldBe(WorkingCalendar.EnglandAndWales.Holidays.Count);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Bank holidays</body></html>", "The file is not valid JSON (line 1)")]
    [InlineData("{\"england-and-wales\": {\n\"events\": [", "The file is not valid JSON (line 2)")]
    [InlineData("", "The file is empty")]
    [InlineData("  \n ", "The file is empty")]
    [InlineData("[]", "it has no ‘england-and-wales’ division")]
    [InlineData("{\"scotland\":{\"division\":\"scotland\",\"events\":[]}}", "The file has no ‘england-and-wales’ division")]
    [InlineData("{\"england-and-wales\":{\"division\":\"england-and-wales\"}}", "The ‘england-and-wales’ division of the file has no list of events")]
    [InlineData("{\"england-and-wales\":[]}", "The ‘england-and-wales’ division of the file has no list of events")]
    [InlineData("{\"england-and-wales\":{\"events\":[]}}", "The ‘england-and-wales’ division of the file lists no bank holidays")]
    public void Parse_NotAGovUkFile_SaysWhatIsWrong(string text, string expected) =>
        Problems(text).ShouldHaveSingleItem().ShouldContain(expected);

    [Theory]
    [InlineData("{\"title\":\"Christmas Day\"}", "Event 1 (‘Christmas Day’) has no date")]
    [InlineData("{\"title\":\"Christmas Day\",\"date\":\"25/12/2026\"}", "Event 1 (‘Christmas Day’) has ‘25/12/2026’ as its date, which is not a valid date")]
    [InlineData("{\"title\":\"Christmas Day\",\"date\":\"2026-13-25\"}", "‘2026-13-25’ as its date, which is not a valid date")]
    [InlineData("{\"title\":\"Christmas Day\",\"date\":20261225}", "Event 1 (‘Christmas Day’) has no date")]
    [InlineData("{\"date\":\"2026-12-25\"}", "Event 1 (2026-12-25) has no title")]
    [InlineData("{\"title\":\" \",\"date\":\"2026-12-25\"}", "Event 1 (2026-12-25) has no title")]
    [InlineData("{\"title\":\"Christmas Day\",\"date\":\"2027-12-25\"}", "Event 1 (‘Christmas Day’) falls on a Saturday, 2027-12-25")]
    [InlineData("\"2026-12-25\"", "Event 1 of the file is not a JSON object")]
    public void Parse_BadEvent_NamesTheEventAndTheProblem(string item, string expected) =>
        Problems($"{{\"england-and-wales\":{{\"events\":[{item}]}}}}").ShouldHaveSingleItem().ShouldContain(expected);

    [Fact]
    public void Parse_DateTwice_NamesTheDateAndBothTitles() =>
        Problems("""
            {"england-and-wales":{"events":[
              {"title":"Christmas Day","date":"2026-12-25"},
              {"title":"Boxing Day","date":"2026-12-28"},
              {"title":"Boxing Day again","date":"2026-12-25"}]}}
            """).ShouldHaveSingleItem().ShouldBe("The file lists 2026-12-25 more than once (‘Christmas Day’ and ‘Boxing Day again’)");

    [Fact]
    public void Parse_SeveralBadEvents_ReportsEachUpToTen()
    {
        var events = string.Join(",", Enumerable.Range(1, 15).Select(i => $"{{\"title\":\"Day {i}\",\"date\":\"2026-02-3{i % 10}\"}}"));

        var problems = Problems($"{{\"england-and-wales\":{{\"events\":[{events}]}}}}");

        problems.Count.ShouldBe(10);
        problems[0].ShouldStartWith("Event 1 (‘Day 1’)");
    }

    [Fact]
    public void Parse_TitleTooLong_Refused() =>
        Problems($"{{\"england-and-wales\":{{\"events\":[{{\"title\":\"{new string('x', 201)}\",\"date\":\"2026-12-25\"}}]}}}}")
            .ShouldHaveSingleItem().ShouldContain("has a title longer than 200 characters");

    [Fact]
    public void Parse_LargerThanOneMegabyte_Refused()
    {
        var padding = new string(' ', BankHolidayFile.MaxBytes);

        Problems(GovUkSample + padding).ShouldHaveSingleItem().ShouldContain("larger than 1 MB");
    }
}
