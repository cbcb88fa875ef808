using Microsoft.Extensions.DependencyInjection;

namespace Scr.Cli.Tests;

public class CalendarTests
{
    /// <summary>GOV.UK's format: 2027 without the summer bank holiday and with a made-up one-off on 7 June, and Scotland.</summary>
    private const string Changed2027 = """
        {"england-and-wales":{"division":"england-and-wales","events":[
          {"title":"New Year’s Day","date":"2027-01-01","notes":"","bunting":true},
          {"title":"Good Friday","date":"2027-03-26","notes":"","bunting":false},
          {"title":"Easter Monday","date":"2027-03-29","notes":"","bunting":true},
          {"title":"Early May bank holiday","date":"2027-05-03","notes":"","bunting":true},
          {"title":"Spring bank holiday","date":"2027-05-31","notes":"","bunting":true},
          {"title":"Test one-off bank holiday","date":"2027-06-07","notes":"","bunting":true},
          {"title":"Christmas Day","date":"2027-12-27","notes":"Substitute day","bunting":true},
          {"title":"Boxing Day","date":"2027-12-28","notes":"Substitute day","bunting":true}]},
         "scotland":{"division":"scotland","events":[{"title":"St Andrew’s Day","date":"2027-11-30","notes":"","bunting":true}]}}
        """;

    private static async Task<CliSandbox> MigratedAsync()
    {
        var sandbox = new CliSandbox();
        await sandbox.SucceedAsync("db", "migrate");
        return sandbox;
    }

    private static string Write(CliSandbox sandbox, string name, string content)
    {
        var path = Path.Combine(sandbox.Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task List_Year_ThatYearsBankHolidaysWithTheOneOffs()
    {
        using var sandbox = await MigratedAsync();

        var result = await sandbox.SucceedAsync("calendar", "list", "--year", "2022");

        var rows = result.OutLines.Where(l => l.Contains("2022-", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(10);
        rows.ShouldContain(l => l.Contains("2022-06-03") && l.Contains("Friday") && l.Contains("Platinum Jubilee bank holiday") && l.Contains("shipped"));
        rows.ShouldContain(l => l.Contains("2022-09-19") && l.Contains("State Funeral of Queen Elizabeth II"));
        result.Out.ShouldContain("Bank holidays are known for 1995 to 2030; all as shipped with scr.");
    }

    [Fact]
    public async Task List_NoYear_ThisYearByTheClockAndLater()
    {
        using var sandbox = await MigratedAsync();
        var clock = new ManualClock(new DateTimeOffset(2029, 6, 1, 9, 0, 0, TimeSpan.Zero));
        sandbox.ConfigureServices = services => services.AddSingleton<TimeProvider>(clock);

        var result = await sandbox.SucceedAsync("calendar", "list");

        var dates = result.OutLines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\d{4}-\d{2}-\d{2}").Value).Where(d => d.Length > 0).ToList();
        dates.First().ShouldBe("2029-01-01");
        dates.Last().ShouldBe("2030-12-26");
        dates.Count.ShouldBe(16);
    }

    [Theory]
    [InlineData("2031", "No bank holidays are known for 2031: the calendar covers 1995 to 2030")]
    [InlineData("1994", "No bank holidays are known for 1994")]
    [InlineData("27", "--year must be a year from 1900 to 2199, like 2027, not '27'")]
    [InlineData("next", "--year must be a year from 1900 to 2199")]
    public async Task List_YearNotKnown_ExitsTwoSayingWhy(string year, string message)
    {
        using var sandbox = await MigratedAsync();

        var result = await sandbox.RunAsync("calendar", "list", "--year", year);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain(message);
    }

    [Fact]
    public async Task Import_GovUkFile_InEffectListedAsImportedAndAudited()
    {
        using var sandbox = await MigratedAsync();
        var file = Write(sandbox, "bank-holidays.json", Changed2027);

        var result = await sandbox.SucceedAsync("calendar", "import", file);

        result.Out.ShouldContain($"Imported the bank holidays for 2027 from {file}: 8 listed, 1 added and 1 removed compared with before.");
        (await sandbox.CountAsync("SELECT COUNT(*) FROM bank_holidays")).ShouldBe(8);
        (await sandbox.CountAsync("SELECT COUNT(*) FROM audit_entries WHERE Action = 'bank-holidays.imported' AND UserName LIKE 'cli:%'")).ShouldBe(1);
        var list = await sandbox.SucceedAsync("calendar", "list", "--year", "2027");
        list.OutLines.ShouldContain(l => l.Contains("2027-06-07") && l.Contains("Test one-off bank holiday") && l.Contains("imported"));
        list.OutLines.ShouldNotContain(l => l.Contains("2027-08-30"));
        list.Out.ShouldContain("imported by an administrator: 2027.");
        (await sandbox.SucceedAsync("calendar", "list", "--year", "2026")).OutLines.ShouldContain(l => l.Contains("2026-08-31") && l.Contains("shipped"));
    }

    [Theory]
    [InlineData("<html>Bank holidays</html>", "The file is not valid JSON (line 1)")]
    [InlineData("{\"scotland\":{\"events\":[]}}", "The file has no ‘england-and-wales’ division")]
    [InlineData("{\"england-and-wales\":{\"events\":[{\"title\":\"A\",\"date\":\"2027-02-30\"},{\"date\":\"2027-03-01\"}]}}",
        "Event 1 (‘A’) has ‘2027-02-30’ as its date, which is not a valid date")]
    [InlineData("{\"england-and-wales\":{\"events\":[{\"title\":\"A\",\"date\":\"2027-06-07\"}]}}", "The file lists only 1 bank holiday for 2027")]
    public async Task Import_BadFile_ExitsTwoAndChangesNothing(string content, string message)
    {
        using var sandbox = await MigratedAsync();
        var file = Write(sandbox, "bank-holidays.json", content);

        var result = await sandbox.RunAsync("calendar", "import", file);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain(message);
        result.Error.ShouldNotContain("   at ");
        (await sandbox.CountAsync("SELECT COUNT(*) FROM bank_holidays")).ShouldBe(0);
        (await sandbox.CountAsync("SELECT COUNT(*) FROM audit_entries")).ShouldBe(0);
    }

    [Fact]
    public async Task Import_BadFileWithSeveralProblems_NamesEach()
    {
        using var sandbox = await MigratedAsync();
        var file = Write(sandbox, "bank-holidays.json",
            "{\"england-and-wales\":{\"events\":[{\"title\":\"A\",\"date\":\"2027-02-30\"},{\"date\":\"2027-03-01\"}]}}");

        var result = await sandbox.RunAsync("calendar", "import", file);

        result.Error.ShouldContain("Event 2 (2027-03-01) has no title");
    }

    [Fact]
    public async Task Import_NoSuchFile_ExitsTwoNamingIt()
    {
        using var sandbox = await MigratedAsync();
        var missing = Path.Combine(sandbox.Root, "missing.json");

        var result = await sandbox.RunAsync("calendar", "import", missing);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain($"There is no file at {missing}.");
    }
}
