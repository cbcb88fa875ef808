using System.Globalization;
using System.Text;
using Scr.Core.Services.Chronology;

namespace Scr.Cli.Tests;

/// <summary><c>scr chronology merge</c> and <c>scr chronology template</c>: agency chronologies without a database.</summary>
public class ChronologyTests
{
    private const string Header = "Date,Time,Agency,Practitioner role,Contact type,Who was present,Child seen,What happened";

    private static string Write(CliSandbox sandbox, string name, params string[] rows)
    {
        var path = Path.Combine(sandbox.Root, name);
        File.WriteAllText(path, string.Join("\n", rows.Prepend(Header)) + "\n", new UTF8Encoding(false));
        return path;
    }

    private static string Police(CliSandbox sandbox) => Write(sandbox, "police.csv",
        "01/01/2003,,Police,PC,Home visit,Mother,Yes,Domestic incident",
        "12/03/2003,10:00,Police,DS,Strategy discussion,Children's social care,Yes,Strategy discussion",
        "05/05/2003,15:00,Police,PC,Home visit,Mother; social care,No,Welfare check");

    private static string Social(CliSandbox sandbox) => Write(sandbox, "social.csv",
        "c. 02/2003,,Children's social care,Social worker,Referral,,,Referral from school",
        "12/03/2003,10:00,Children's social care,Team manager,Strategy discussion,Police,No,Strategy discussion");

    [Fact]
    public async Task Merge_TwoAgencies_WritesTheMergedFileAndPrintsTheAnalysis_WithoutADatabase()
    {
        using var sandbox = new CliSandbox();
        var output = Path.Combine(sandbox.Root, "merged.csv");

        var result = await sandbox.SucceedAsync("chronology", "merge", Police(sandbox), Social(sandbox), "--out", output, "--gap-days", "60",
            "--expect", "Health visiting", "--by", "quarter");

        File.Exists(sandbox.DatabasePath).ShouldBeFalse("no database is made or needed");
        result.Error.ShouldBeEmpty();
        result.Out.ShouldContain($"Merged 5 entries from 2 files (2 agencies) into {output}, 01/01/2003 to 05/05/2003 15:00.");
        result.Out.ShouldContain("1 entry has an approximate date");
        result.Out.ShouldContain("Gaps: periods longer than 60 days with no contact from any agency: 1.");
        result.OutLines.ShouldContain(l => l.Contains("01/01/2003") && l.Contains("12/03/2003") && l.Contains("70"));
        result.OutLines.ShouldContain(l => l.Contains("Health visiting") && l.Contains("124"));
        result.OutLines.ShouldContain(l => l.Contains("All agencies") && l.Contains("40%"));
        result.OutLines.ShouldContain(l => l.Contains("Q1 2003"));
        result.Out.ShouldContain("Discrepancies between agencies' accounts: 2.");
        result.Out.ShouldContain("child seen: On 12/03/2003, Police recorded the child as seen at a strategy discussion");
        result.Out.ShouldContain("no record: Police recorded a home visit with Children's social care present on 05/05/2003");

        var lines = File.ReadAllLines(output);
        lines.Length.ShouldBe(6);
        lines[1].ShouldStartWith("01/01/2003,,No,Police,PC,Home visit,Mother,Yes,");
        lines[2].ShouldStartWith("Feb 2003,,Yes,Children's social care,");
        lines[3].ShouldStartWith("12/03/2003,10:00,No,Children's social care,");
        lines[4].ShouldStartWith("12/03/2003,10:00,No,Police,");
    }

    [Fact]
    public async Task Merge_ToXlsx_ReadsBack()
    {
        using var sandbox = new CliSandbox();
        var output = Path.Combine(sandbox.Root, "merged.xlsx");

        await sandbox.SucceedAsync("chronology", "merge", Police(sandbox), Social(sandbox), "--out", output);

        var read = ChronologyReader.ReadAll(output);
        read.Ok.ShouldBeTrue();
        read.Entries.Select(e => e.Agency).ShouldBe(["Police", "Children's social care", "Children's social care", "Police", "Police"]);
    }

    [Fact]
    public async Task Merge_BadRows_EveryOneNamed_NothingWritten_ExitTwo()
    {
        using var sandbox = new CliSandbox();
        var output = Path.Combine(sandbox.Root, "merged.csv");
        var bad = Write(sandbox, "health.csv",
            "31/01/2003,,Health visiting,HV,Home visit,,Yes,Visit",
            "31/02/2003,,Health visiting,HV,Home visit,,Yes,Visit",
            "01/03/2003,25:00,Health visiting,,Visit,,Maybe,Visit",
            "02/03/2003,,Health visiting,HV,Phone,,,");

        var result = await sandbox.RunAsync("chronology", "merge", Police(sandbox), bad, "--out", output);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldBe(
        [
            "health.csv: row 3, column 'Date': '31/02/2003' is not a date",
            "health.csv: row 4, column 'Time': '25:00' is not a time of day: write it as 14:30",
            "health.csv: row 4, column 'Practitioner role': enter the practitioner's role (not their name)",
            "health.csv: row 4, column 'Contact type': 'Visit' is not one of: Home visit, Office visit, Phone, Letter or email, Meeting, Strategy discussion, Case conference, Supervision, Referral, Assessment, Court, Other",
            "health.csv: row 4, column 'Child seen': 'Maybe' is not one of: Yes, No, Not recorded",
            "health.csv: row 5, column 'What happened': enter what happened",
            "Nothing was written: 6 problems in 1 file. Put them right and run the command again.",
        ]);
        result.Out.ShouldBeEmpty();
        File.Exists(output).ShouldBeFalse();
        Directory.GetFiles(sandbox.Root).Select(f => Path.GetFileName(f)!).Order().ToList().ShouldBe(["health.csv", "police.csv"], "no temporary file left behind");
    }

    [Fact]
    public async Task Merge_BadHeader_NamesTheColumns()
    {
        using var sandbox = new CliSandbox();
        var path = Path.Combine(sandbox.Root, "school.csv");
        File.WriteAllText(path, "Date,Agency,Kind,What happened\n31/01/2003,School,Phone,Call\n");

        var result = await sandbox.RunAsync("chronology", "merge", path, "--out", Path.Combine(sandbox.Root, "merged.csv"));

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("school.csv: row 1, column 'Kind': there is no such column in the chronology template");
        result.Error.ShouldContain("school.csv: row 1: the header has no 'Practitioner role' column");
        result.Error.ShouldContain("school.csv: row 1: the header has no 'Contact type' column");
    }

    [Fact]
    public async Task Merge_50000Rows_WithProgress()
    {
        using var sandbox = new CliSandbox();
        var rows = new string[50_000];
        var start = new DateOnly(2001, 1, 1);
        for (var i = 0; i < rows.Length; i++)
        {
            var agency = i % 2 == 0 ? "Police" : "Health visiting";
            rows[i] = string.Create(CultureInfo.InvariantCulture,
                $"{start.AddDays(i / 40):dd/MM/yyyy},{8 + i % 40 / 4:D2}:{i % 4 * 15:D2},{agency},Practitioner,Home visit,Mother; child,{(i % 3 == 0 ? "Yes" : "No")},"
                + $"\"Entry {i}: a visit to the family home, as recorded in the agency's notes at the time\"");
        }
        var input = Write(sandbox, "big.csv", rows);
        new FileInfo(input).Length.ShouldBeGreaterThan(1 << 20);
        var output = Path.Combine(sandbox.Root, "merged.xlsx");

        var result = await sandbox.SucceedAsync("chronology", "merge", input, "--out", output);

        result.Out.ShouldContain("Merged 50,000 entries from 1 file (2 agencies)");
        result.Out.ShouldNotContain("sorted in memory");
        var progress = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        progress[0].ShouldStartWith("Reading: 0% (");
        progress.ShouldContain(l => l.StartsWith("Reading: 50% (", StringComparison.Ordinal));
        progress[^1].ShouldBe("Reading: 100% (50,001 rows)");
        progress.Length.ShouldBeLessThanOrEqualTo(11);
        ChronologyReader.ReadAll(output).Entries.Count.ShouldBe(50_000);
    }

    [Fact]
    public async Task Merge_FileOutOfOrder_SortedInMemory()
    {
        using var sandbox = new CliSandbox();
        var police = Write(sandbox, "police.csv",
            "05/05/2003,15:00,Police,PC,Home visit,,No,Welfare check",
            "01/01/2003,,Police,PC,Home visit,,Yes,Domestic incident");
        var output = Path.Combine(sandbox.Root, "merged.csv");

        var result = await sandbox.SucceedAsync("chronology", "merge", police, Social(sandbox), "--out", output);

        result.Out.ShouldContain("A file was not in date order, so the files were sorted in memory.");
        File.ReadAllLines(output).Skip(1).Select(l => l[..10]).ShouldBe(["01/01/2003", "Feb 2003,,", "12/03/2003", "05/05/2003"]);
    }

    [Fact]
    public async Task Merge_SmallFiles_NoProgress()
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.SucceedAsync("chronology", "merge", Police(sandbox), "--out", Path.Combine(sandbox.Root, "merged.csv"));

        result.Error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("missing.csv", "There is no file")]
    [InlineData("notes.txt", "FILE notes.txt: give a .csv or .xlsx file.")]
    public async Task Merge_InputsThatCannotBeRead_Refused(string name, string message)
    {
        using var sandbox = new CliSandbox();
        if (name.EndsWith(".txt", StringComparison.Ordinal))
        {
            File.WriteAllText(Path.Combine(sandbox.Root, name), "notes");
        }

        var result = await sandbox.RunAsync("chronology", "merge", Path.Combine(sandbox.Root, name), "--out", Path.Combine(sandbox.Root, "merged.csv"));

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(message);
    }

    [Fact]
    public async Task Merge_OutputOptions_Checked()
    {
        using var sandbox = new CliSandbox();
        var police = Police(sandbox);

        (await sandbox.RunAsync("chronology", "merge", police, "--out", police)).Error.ShouldContain("is one of the files to merge");
        (await sandbox.RunAsync("chronology", "merge", police, "--out", Path.Combine(sandbox.Root, "merged.docx"))).Error.ShouldContain("give a .csv or .xlsx file");
        (await sandbox.RunAsync("chronology", "merge", police, "--out", Path.Combine(sandbox.Root, "no", "merged.csv"))).Error.ShouldContain("There is no folder");
        (await sandbox.RunAsync("chronology", "merge", police)).Error.ShouldContain("Option '--out' is required.");
        (await sandbox.RunAsync("chronology", "merge", police, "--out", "m.csv", "--from", "01/06/2003", "--to", "01/01/2003")).Error
            .ShouldContain("--to must not be before --from.");
        (await sandbox.RunAsync("chronology", "merge", police, "--out", "m.csv", "--by", "week")).Error.ShouldContain("'week' is not one of: month, quarter, year.");
        (await sandbox.RunAsync("chronology", "merge", police, "--out", "m.csv", "--gap-days", "0")).ExitCode.ShouldBe(2);
    }

    [Theory]
    [InlineData("template.xlsx")]
    [InlineData("template.csv")]
    public async Task Template_Written_ReadsAsAnEmptyChronology(string name)
    {
        using var sandbox = new CliSandbox();
        var path = Path.Combine(sandbox.Root, name);

        var result = await sandbox.SucceedAsync("chronology", "template", "--out", path);

        result.Out.ShouldContain($"Wrote the agency chronology template to {path}.");
        var read = ChronologyReader.ReadAll(path);
        read.Ok.ShouldBeTrue();
        read.Entries.ShouldBeEmpty();
        File.Exists(sandbox.DatabasePath).ShouldBeFalse();
    }

    /// <summary>The demo's review under way, which gathers chronologies (social care, health and education are involved).</summary>
    private static async Task<string> WorkingCaseAsync(CliSandbox sandbox) =>
        (await sandbox.TextAsync("select Reference from reviews where Summary like 'Young person died by suicide%'"))!;

    [Fact]
    public async Task Import_50000Rows_ShowsProgress_StoresANewVersion_Audited()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        var reference = await WorkingCaseAsync(sandbox);
        var path = Path.Combine(sandbox.Root, "education.csv");
        using (var file = File.CreateText(path))
        {
            await file.WriteLineAsync(string.Join(",", ChronologyWriter.Header));
            var start = new DateOnly(2020, 1, 1);
            for (var i = 0; i < 50_000; i++)
            {
                var date = start.AddDays(i / 30);
                await file.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{date:dd/MM/yyyy},{8 + i % 10:00}:{i % 4 * 15:00},No,,class teacher,Meeting,,{(i % 3 == 0 ? "Yes" : "No")},Not recorded,,Fictional lesson {i},,register"));
            }
        }

        var result = await sandbox.SucceedAsync("chronology", "import", path, "--case", reference, "--agency", "northbridge-education",
            "--as", "officer@northbridge.example");

        result.Out.ShouldContain($"Imported 50,000 entries from {path} as version 1 of the agency's chronology on case {reference}.");
        result.Error.ShouldContain("Reading and checking: 10% (");
        result.Error.ShouldContain("Reading and checking: 100% (");
        result.Error.ShouldContain("Saving 50,000 entries");
        (await sandbox.CountAsync("select count(*) from chronology_entries e join organisations o on o.Id = e.AgencyId where o.Key = 'northbridge-education'"))
            .ShouldBe(50_000);
        (await sandbox.CountAsync("select count(*) from audit_entries where Action = 'chronology.imported' and UserName like 'cli:% as officer@northbridge.example'"))
            .ShouldBe(1);
    }

    [Fact]
    public async Task Import_BadRows_EachNamed_NothingStored_Exit2_AndAnAgencyOnlyItsOwn()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        var reference = await WorkingCaseAsync(sandbox);
        var before = await sandbox.CountAsync("select count(*) from chronology_entries");
        var path = Path.Combine(sandbox.Root, "bad.csv");
        await File.WriteAllTextAsync(path, string.Join(",", ChronologyWriter.Header) + "\n"
            + "31/02/2024,,No,,social worker,Home visit,,Yes,Not recorded,,Visit,,\n"
            + "01/03/2024,,No,,,Home visit,,Yes,Not recorded,,Visit,,\n", TestContext.Current.CancellationToken);

        var refused = await sandbox.RunAsync("chronology", "import", path, "--case", reference, "--agency", "northbridge-csc", "--as", "agency.lead@northbridge.example");

        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.Error.ShouldContain("bad.csv: row 2, column 'Date': '31/02/2024'");
        refused.Error.ShouldContain("bad.csv: row 3, column 'Practitioner role'");
        refused.Error.ShouldContain("nothing was imported");
        refused.Error.ShouldNotContain("Saving", customMessage: "a refused file is never said to be saved");
        (await sandbox.CountAsync("select count(*) from chronology_entries")).ShouldBe(before);

        var other = await sandbox.RunAsync("chronology", "import", path, "--case", reference, "--agency", "northbridge-health", "--as", "agency.lead@northbridge.example");
        other.ExitCode.ShouldBe(2, other.ToString());
        other.Error.ShouldContain("agency.lead@northbridge.example may not import this chronology");
    }
}
