using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Scr.Cli.Tests;

public class ImportNotificationsTests
{
    private const string Header = "case_key,board,incident_type,incident_date,known_to_board_on,summary,child_name,child_age_months,child_sex,"
        + "child_ethnicity,child_disability,child_protection_plan,child_legal_status,agencies,other_children_at_risk,immediate_actions,guidance";

    /// <summary>Monday 23 November 2026, 10:00 UK time: dates after the 23rd are in the future.</summary>
    private static readonly DateTimeOffset Today = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static async Task<CliSandbox> SeededAsync()
    {
        var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        var clock = new ManualClock(Today);
        sandbox.ConfigureServices = services => services.AddSingleton<TimeProvider>(clock);
        return sandbox;
    }

    private static string Write(CliSandbox sandbox, string text, string name = "notifications.csv", bool bom = false)
    {
        var path = Path.Combine(sandbox.Root, name);
        File.WriteAllText(path, text, new UTF8Encoding(bom));
        return path;
    }

    private static string Csv(params string[] rows) => string.Join("\n", rows.Prepend(Header)) + "\n";

    private static async Task<(long Reviews, long Children, long Audit)> CountsAsync(CliSandbox sandbox) => (
        await sandbox.CountAsync("SELECT COUNT(*) FROM reviews"),
        await sandbox.CountAsync("SELECT COUNT(*) FROM review_children"),
        await sandbox.CountAsync("SELECT COUNT(*) FROM audit_entries"));

    private static string SamplePath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var sample = Path.Combine(directory.FullName, "docs", "samples", "notifications.csv");
            if (File.Exists(sample) && File.Exists(Path.Combine(directory.FullName, "Scr.slnx")))
            {
                return sample;
            }
        }
        throw new InvalidOperationException("docs/samples/notifications.csv was not found above the test's folder.");
    }

    [Fact]
    public async Task SampleFile_ImportsEveryCaseAsTheBoardsBusinessUnit()
    {
        using var sandbox = await SeededAsync();
        var before = await CountsAsync(sandbox);

        var result = await sandbox.SucceedAsync("cases", "import-notifications", SamplePath());

        result.Out.ShouldContain("Imported 3 cases, 4 children.");
        result.OutLines.ShouldContain(l => l.StartsWith("NORTHBRIDGE-2026-", StringComparison.Ordinal) && l.Contains("rows 3, 4 (case_key harbour-street)"));
        result.OutLines.ShouldContain(l => l.StartsWith("EASTMERE-2026-", StringComparison.Ordinal) && l.EndsWith("row 5", StringComparison.Ordinal));
        var after = await CountsAsync(sandbox);
        (after.Reviews - before.Reviews).ShouldBe(3);
        (after.Children - before.Children).ShouldBe(4);
        (await sandbox.CountAsync("""SELECT COUNT(*) FROM review_children WHERE "Name" = 'Tess Ashgrove' AND "LegalStatus" = 'InterimCareOrder'""")).ShouldBe(1);
        (await sandbox.CountAsync("""SELECT COUNT(*) FROM reviews WHERE "Guidance" = 'Wt2018' AND "OtherChildrenAtRisk" = 'A cousin, aged 9, who stays at weekends.'""")).ShouldBe(1);
        (await sandbox.CountAsync("""SELECT COUNT(*) FROM reviews WHERE "Summary" LIKE '%suicide' || char(10) || 'after repeated%'""")).ShouldBe(1);
        // As NotifyAsync does it: the chair told, each agency asked to secure its records, the case recorded under the business unit.
        (await sandbox.CountAsync("""SELECT COUNT(*) FROM reviews WHERE "ChairNotifiedAt" IS NOT NULL AND "CreatedById" IN (SELECT "Id" FROM "AspNetUsers" WHERE "Email" IN ('officer@northbridge.example', 'officer@eastmere.example')) AND "Summary" LIKE 'Fictional:%'""")).ShouldBe(3);
        (await sandbox.CountAsync("""SELECT COUNT(*) FROM review_agencies a JOIN reviews r ON r."Id" = a."ReviewId" WHERE r."Summary" LIKE 'Fictional:%'""")).ShouldBe(8);
        (await sandbox.CountAsync("""SELECT COUNT(*) FROM audit_entries WHERE "Action" = 'review.notified' AND "UserName" LIKE 'cli:%' AND "Detail" LIKE '%via=system%'""")).ShouldBe(3);
        sandbox.MailFiles.ShouldNotBeEmpty();
        (await sandbox.RunAsync("audit", "verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task DryRun_ChecksEverythingAndSavesNothing()
    {
        using var sandbox = await SeededAsync();
        var before = await CountsAsync(sandbox);

        var result = await sandbox.SucceedAsync("cases", "import-notifications", SamplePath(), "--dry-run");

        result.Out.ShouldContain("notifications.csv is ready to import: 3 cases, 4 children. Nothing was saved (--dry-run).");
        (await CountsAsync(sandbox)).ShouldBe(before);
        sandbox.MailFiles.ShouldBeEmpty();
    }

    [Fact]
    public async Task BadRows_EveryProblemListedWithItsRowAndColumn_NothingSaved()
    {
        using var sandbox = await SeededAsync();
        var before = await CountsAsync(sandbox);
        var path = Write(sandbox, Csv(
            ",northbridge,death,2026-11-01,2026-11-02,Fine,Good Child,10,female,,,,,northbridge-csc,,,",                    // 2: fine
            ",northbridge,drowning,2026-11-01,2026-11-02,,Child Three,,,,,,,,,,",                                           // 3
            ",northbridge,death,2026-11-31,2026-11-02,,Child Four,,,,,,,,,,",                                               // 4
            ",northbridge,death,2026-11-10,2026-11-02,,Child Five,,,,,,,,,,",                                               // 5: core
            ",northbridge,death,2026-11-01,2026-11-02,,Child Six,,,,,,,northbridge-csc;nowhere-agency,,,",                  // 6
            ",northbridge,death,2026-11-01,2026-11-02,,Child Seven,,,,,,,eastmere-csc,,,",                                  // 7: core
            ",northbridge,death,2026-11-01,2026-11-02,,Child Eight,,,,,,,moorland-police;Moorland-Police,,,",                // 8
            ",northbridge,death,2026-11-24,2026-11-25,,Child Nine,,,,,,,,,,",                                               // 9: core
            ",northbridge,death,2026-11-01,2026-11-02,,Child Ten,300,unknown,,,,,,,,",                                      // 10
            ",northbridge,death,2026-11-01,2026-11-02,,,12,,,,,,,,,wt2099",                                                 // 11
            ",atlantis,death,2026-11-01,2026-11-02,,Child Twelve,,,,,,,,,,"));                                              // 12

        var result = await sandbox.RunAsync("cases", "import-notifications", path);

        result.ExitCode.ShouldBe(2, result.ToString());
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldBe([
            "row 3, column incident_type: 'drowning' is not one of: death, serious-injury, suicide, sexual-abuse, other, not-known",
            "row 4, column incident_date: '2026-11-31' is not a real date written as YYYY-MM-DD",
            "row 5, column known_to_board_on: the date the board knew of the incident must be the same as or after the date of the incident",
            "row 6, column agencies: no agency has the key 'nowhere-agency': 'scr orgs list' shows the keys",
            "row 7, column agencies: select only agencies that serve the board's area: Eastmere Children's Services does not",
            "row 8, column agencies: 'moorland-police' is named twice",
            "row 9, column incident_date: the date of the incident must be today or in the past",
            "row 9, column known_to_board_on: the date the board knew of the incident must be today or in the past",
            "row 10, column child_age_months: age at the incident must be between 0 and 216 months",
            "row 10, column child_sex: 'unknown' is not one of: male, female, not-known",
            "row 11, column child_name: enter the child's name",
            "row 11, column guidance: 'wt2099' is not one of: wt1999, wt2006, wt2010, wt2013, wt2015, wt2018, wt2023, wales-2012, not-known",
            "row 12, column board: no board has the key 'atlantis': 'scr orgs list' shows the keys",
            "Nothing was imported: 13 problems in notifications.csv. Put them right and run the command again.",
        ]);
        (await CountsAsync(sandbox)).ShouldBe(before);
        sandbox.MailFiles.ShouldBeEmpty();
    }

    [Fact]
    public async Task AgeOutOfRange_FoundByTheCoreRules_OnTheChildsOwnRow()
    {
        using var sandbox = await SeededAsync();
        var path = Write(sandbox, Csv(
            "k1,northbridge,death,2026-11-01,2026-11-02,,Elder Child,100,,,,,,,,,",
            "k1,,,,,,Younger Child,300,,,,,,,,,"));

        var result = await sandbox.RunAsync("cases", "import-notifications", path);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("row 3, column child_age_months: age at the incident must be between 0 and 216 months");
    }

    [Fact]
    public async Task SameCaseKey_ACaseColumnThatDiffers_NamesTheFirstRow()
    {
        using var sandbox = await SeededAsync();
        var path = Write(sandbox, Csv(
            "k1,northbridge,death,2026-11-01,2026-11-02,,Elder Child,,,,,,,,,,",
            "other,northbridge,death,2026-11-01,2026-11-02,,Someone Else,,,,,,,,,,",
            "K1,,sexual-abuse,,,,Younger Child,,,,,,,,,,"));

        var result = await sandbox.RunAsync("cases", "import-notifications", path);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("row 4, column incident_type: differs from row 2, where case 'k1' begins: leave it empty on the case's later rows, or repeat it");
    }

    [Fact]
    public async Task DatabaseFailsHalfWay_TheWholeFileIsRolledBack()
    {
        using var sandbox = await SeededAsync();
        // A trigger makes the database refuse the third case, after the first two were written in the same transaction.
        await sandbox.ExecuteAsync("""
            CREATE TRIGGER refuse_third BEFORE INSERT ON reviews WHEN NEW."Summary" = 'Third'
            BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END;
            """);
        var before = await CountsAsync(sandbox);
        var inbox = await sandbox.CountAsync("SELECT COUNT(*) FROM inbox_items");
        var path = Write(sandbox, Csv(
            ",northbridge,death,2026-11-01,2026-11-02,First,Child One,,,,,,,northbridge-csc,,,",
            ",northbridge,death,2026-11-01,2026-11-02,Second,Child Two,,,,,,,northbridge-csc,,,",
            ",northbridge,death,2026-11-01,2026-11-02,Third,Child Three,,,,,,,northbridge-csc,,,"));

        var result = await sandbox.RunAsync("cases", "import-notifications", path);

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Error.ShouldContain("nothing was imported");
        result.Error.ShouldContain("refused by a test trigger");
        (await CountsAsync(sandbox)).ShouldBe(before);
        (await sandbox.CountAsync("SELECT COUNT(*) FROM inbox_items")).ShouldBe(inbox);
        sandbox.MailFiles.ShouldBeEmpty();
        (await sandbox.RunAsync("audit", "verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task ByteOrderMarkAndCrlf_ReadAsUsual_RowsCountedFromTheHeader()
    {
        using var sandbox = await SeededAsync();
        var good = Write(sandbox, (Csv(
            ",northbridge,serious-injury,2026-11-01,2026-11-02,Windows file,Child One,,,,,,,northbridge-csc,,,",
            ",northbridge,other,2026-11-01,2026-11-02,Windows file,Child Two,,,,,,,,,,")).Replace("\n", "\r\n"), "windows.csv", bom: true);
        (await sandbox.SucceedAsync("cases", "import-notifications", good)).Out.ShouldContain("Imported 2 cases, 2 children.");
        (await sandbox.CountAsync("""SELECT COUNT(*) FROM reviews WHERE "Summary" = 'Windows file'""")).ShouldBe(2);

        var bad = Write(sandbox, Csv(
            ",northbridge,death,2026-11-01,2026-11-02,,Child One,,,,,,,,,,",
            "",
            ",northbridge,death,2026-11-01,2026-11-02,,Child Two,x,,,,,,,,,").Replace("\n", "\r\n"), "bad.csv", bom: true);
        var result = await sandbox.RunAsync("cases", "import-notifications", bad);
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldStartWith("row 4, column child_age_months: 'x' is not a whole number of months (or not-known)");
    }

    [Fact]
    public async Task EmptyFile_ExitsTwoSayingWhatTheFirstRowMustBe()
    {
        using var sandbox = await SeededAsync();

        var empty = await sandbox.RunAsync("cases", "import-notifications", Write(sandbox, ""));
        empty.ExitCode.ShouldBe(2, empty.ToString());
        empty.Error.ShouldStartWith("row 1: the file is empty: the first row must be the header, such as case_key,board,incident_type");

        var headerOnly = await sandbox.RunAsync("cases", "import-notifications", Write(sandbox, Header + "\r\n", "header.csv"));
        headerOnly.ExitCode.ShouldBe(2, headerOnly.ToString());
        headerOnly.Error.ShouldStartWith("row 1: the file has a header but no notifications below it");
    }

    [Fact]
    public async Task Header_UnknownAndMissingColumns_ReportedOnRowOne()
    {
        using var sandbox = await SeededAsync();
        var path = Write(sandbox, "board,incident_type,incident_date,child_nmae\nnorthbridge,death,2026-11-01,Child\n");

        var result = await sandbox.RunAsync("cases", "import-notifications", path);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("row 1, column child_nmae: there is no such column");
        result.Error.ShouldContain("row 1, column known_to_board_on: the header has no such column");
        result.Error.ShouldContain("row 1, column child_name: the header has no such column");
    }

    [Fact]
    public async Task BoardOption_FillsEmptyBoardsAndRefusesAnother()
    {
        using var sandbox = await SeededAsync();
        var path = Write(sandbox, Csv(
            ",,death,2026-11-01,2026-11-02,Board from the option,Child One,,,,,,,,,,",
            ",eastmere,death,2026-11-01,2026-11-02,Board from the option,Child Two,,,,,,,,,,"));

        var refused = await sandbox.RunAsync("cases", "import-notifications", path, "--board", "northbridge");
        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.Error.ShouldContain("row 3, column board: 'eastmere' is not the board given with --board (northbridge)");
        refused.Error.ShouldNotContain("row 2");

        var noBoard = await sandbox.RunAsync("cases", "import-notifications", path);
        noBoard.Error.ShouldContain("row 2, column board: enter the board's key, or give --board");

        var fine = Write(sandbox, Csv(",,death,2026-11-01,2026-11-02,Board from the option,Child One,,,,,,,,,,"), "fine.csv");
        (await sandbox.SucceedAsync("cases", "import-notifications", fine, "--board", "northbridge")).Out.ShouldContain("NORTHBRIDGE-2026-");
    }

    [Fact]
    public async Task MissingFile_ExitsTwo()
    {
        using var sandbox = await SeededAsync();
        var result = await sandbox.RunAsync("cases", "import-notifications", Path.Combine(sandbox.Root, "nothing-here.csv"));
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("There is no file");
    }

    [Fact]
    public async Task Help_DocumentsTheHeader()
    {
        using var sandbox = new CliSandbox();
        var result = await sandbox.SucceedAsync("cases", "import-notifications", "--help");
        result.Out.ShouldContain(Header);
        result.Out.ShouldContain("s20-accommodation");
        result.Out.ShouldContain("--dry-run");
    }
}
