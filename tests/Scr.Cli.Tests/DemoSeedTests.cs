using Scr.Core.Services.Demo;

namespace Scr.Cli.Tests;

public class DemoSeedTests
{
    [Fact]
    public async Task Seed_AfterMigrate_PrintsDemoSignIns()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SucceedAsync("db", "migrate");

        var result = await sandbox.SucceedAsync("demo", "seed");

        result.Out.ShouldContain("20 accounts added");
        foreach (var email in new[] { "officer@northbridge.example", "chair@northbridge.example", "admin@scr.example", "panel@panel.example" })
        {
            result.Out.ShouldContain(email);
        }
        result.Out.ShouldContain("Business unit officer");
        result.Out.ShouldContain("Northbridge Safeguarding Children Board");
        result.Out.ShouldContain(DemoData.Password);
        result.Out.ShouldMatch(@"[A-Z2-7]{32}");
        result.Out.ShouldContain("./scr demo code EMAIL");
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Seed_Twice_ChangesNothing()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SucceedAsync("db", "migrate");
        await sandbox.SucceedAsync("demo", "seed");
        var users = await sandbox.CountAsync("SELECT COUNT(*) FROM AspNetUsers");
        var reviews = await sandbox.CountAsync("SELECT COUNT(*) FROM reviews");
        var memberships = await sandbox.CountAsync("SELECT COUNT(*) FROM memberships");

        var again = await sandbox.SucceedAsync("demo", "seed");

        again.Out.ShouldContain("nothing new");
        again.Out.ShouldContain("officer@northbridge.example");
        (await sandbox.CountAsync("SELECT COUNT(*) FROM AspNetUsers")).ShouldBe(users);
        (await sandbox.CountAsync("SELECT COUNT(*) FROM reviews")).ShouldBe(reviews);
        (await sandbox.CountAsync("SELECT COUNT(*) FROM memberships")).ShouldBe(memberships);
        // One person per role (two Panel analysts), the panel's senior staff of partner agencies and the reviewers on the register.
        users.ShouldBe(20);
    }

    [Fact]
    public async Task Seed_BeforeMigrate_SaysToMigrate()
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync("demo", "seed");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("scr db migrate");
    }

    [Fact]
    public async Task BulkCases_AfterSeed_AddsCasesWithPlainProgress()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        var before = await sandbox.CountAsync("SELECT COUNT(*) FROM reviews");

        var result = await sandbox.SucceedAsync("demo", "bulk-cases", "--count", "250");

        result.Out.ShouldContain("Added 200 of 250 cases");
        result.Out.ShouldContain("Added 250 of 250 cases");
        (await sandbox.CountAsync("SELECT COUNT(*) FROM reviews")).ShouldBe(before + 250);
    }

    [Fact]
    public async Task BulkCases_BeforeSeed_SaysToSeed()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SucceedAsync("db", "migrate");

        var result = await sandbox.RunAsync("demo", "bulk-cases", "--count", "5");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("scr demo seed");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("many")]
    public async Task BulkCases_BadCount_ExitsTwo(string count)
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync("demo", "bulk-cases", "--count", count);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--count must be a whole number from 1 to");
    }

    [Fact]
    public async Task Seed_PublishedReports_EachPublishedAfterItsIncident()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();

        (await sandbox.CountAsync("SELECT COUNT(*) FROM published_reports")).ShouldBe(4);
        (await sandbox.CountAsync("""
            SELECT COUNT(*) FROM published_reports p JOIN learning_reviews l ON l."Id" = p."LearningReviewId"
            WHERE l."IncidentDate" IS NULL OR p."PublishedOn" <= l."IncidentDate"
            """)).ShouldBe(0);
    }

    [Fact]
    public async Task BulkReports_AfterSeed_PublishesSearchableReportsOfTheSize()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        var before = await sandbox.CountAsync("SELECT COUNT(*) FROM published_reports");

        var result = await sandbox.SucceedAsync("demo", "bulk-reports", "--megabytes", "1");

        result.Out.ShouldContain("Added 1 of 1 MiB of published reports");
        var added = await sandbox.CountAsync("SELECT COUNT(*) FROM published_reports") - before;
        added.ShouldBeGreaterThan(0);
        result.Out.ShouldContain($"Published {added:N0} fictional reports");
        (await sandbox.CountAsync($"SELECT SUM(LENGTH(\"Text\")) FROM published_reports WHERE \"Id\" > {before}")).ShouldBeGreaterThanOrEqualTo(1_048_576);
        // The index answers as a scan of the text does: the triggers indexed every report.
        var withWord = await sandbox.CountAsync("SELECT COUNT(*) FROM published_reports WHERE \"Text\" LIKE '%weight loss%'");
        withWord.ShouldBeGreaterThan(0);
        (await sandbox.CountAsync("SELECT COUNT(*) FROM published_reports_search WHERE published_reports_search MATCH '\"weight loss\"'"))
            .ShouldBe(withWord);
    }

    [Fact]
    public async Task BulkReports_BeforeSeed_SaysToSeed()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SucceedAsync("db", "migrate");

        var result = await sandbox.RunAsync("demo", "bulk-reports", "--megabytes", "1");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("scr demo seed");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("lots")]
    public async Task BulkReports_BadMegabytes_ExitsTwo(string megabytes)
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync("demo", "bulk-reports", "--megabytes", megabytes);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain($"--megabytes must be a whole number from 1 to 1,000, not '{megabytes}'");
    }
}
