namespace Scr.Cli.Tests;

public class AuditTests
{
    [Fact]
    public async Task Verify_FreshSeededDatabase_IsIntact()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        var entries = await sandbox.CountAsync("SELECT COUNT(*) FROM audit_entries");

        var result = await sandbox.RunAsync("audit", "verify");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.Trim().ShouldBe($"Audit log intact: {entries} entries checked.");
        entries.ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task Verify_EmptyLog_IsIntact()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SucceedAsync("db", "migrate");

        var result = await sandbox.SucceedAsync("audit", "verify");

        result.Out.Trim().ShouldBe("Audit log intact: 0 entries checked.");
    }

    [Fact]
    public async Task Verify_AlteredEntry_ExitsOneNamingIt()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        (await sandbox.ExecuteAsync("""UPDATE audit_entries SET "Action"='tampered' WHERE "Sequence"=3""")).ShouldBe(1);

        var result = await sandbox.RunAsync("audit", "verify");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("Audit log BROKEN at entry 3: entry 3 has been altered");
        result.Out.ShouldContain("The 2 entries before it are intact.");
    }

    [Fact]
    public async Task Verify_DeletedMiddleEntry_ExitsOneNamingIt()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        (await sandbox.ExecuteAsync("""DELETE FROM audit_entries WHERE "Sequence"=5""")).ShouldBe(1);

        var result = await sandbox.RunAsync("audit", "verify");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("Audit log BROKEN at entry 5: entry 5 is missing (found 6 next)");
    }

    [Fact]
    public async Task Verify_NewestEntryReplacedWithRechainedCopy_ExitsOne()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        // Changing a hash as well as the content still breaks the link to the entry after it.
        await sandbox.ExecuteAsync("""UPDATE audit_entries SET "Hash"='0000000000000000000000000000000000000000000000000000000000000001' WHERE "Sequence"=4""");

        var result = await sandbox.RunAsync("audit", "verify");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("Audit log BROKEN at entry 4");
    }

    [Fact]
    public async Task Tail_Count_ShowsNewestEntriesOldestFirst()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        var total = await sandbox.CountAsync("SELECT COUNT(*) FROM audit_entries");

        var result = await sandbox.SucceedAsync("audit", "tail", "--count", "3");

        var rows = result.OutLines.Where(l => l.StartsWith('│') && !l.Contains("Seq")).ToList();
        rows.Count.ShouldBe(3);
        rows[0].ShouldMatch($@"^│\s*{total - 2} │");
        rows[2].ShouldMatch($@"^│\s*{total} │");
        rows[2].ShouldContain("demo seed");
        // The demo ends with the Panel publishing reports to the learning repository.
        rows[2].ShouldContain("published-report.added");
        result.Out.ShouldContain($"The last 3 of {total} entries.");
    }

    [Fact]
    public async Task Tail_AfterInvite_ShowsTheCliOperator()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        await sandbox.SucceedAsync("users", "invite", "--email", "new.chair@example.org", "--name", "New Chair", "--role", "board-chair",
            "--organisation", "eastmere");

        var result = await sandbox.SucceedAsync("audit", "tail", "--count", "1");

        result.Out.ShouldContain($"cli:{Environment.UserName}");
        result.Out.ShouldContain("user.invited");
    }
}
