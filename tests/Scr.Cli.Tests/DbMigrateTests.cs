using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scr.Cli.Tests;

public class DbMigrateTests
{
    /// <summary>How many SQLite migrations there are, so adding one does not break these tests.</summary>
    private static readonly int Migrations = typeof(Scr.Migrations.Sqlite.DesignTimeFactory).Assembly.GetTypes()
        .Count(t => t.GetCustomAttribute<MigrationAttribute>() is not null);

    private static string Plural(int count) => count == 1 ? "migration" : "migrations";

    [Fact]
    public async Task Migrate_NewDatabase_AppliesMigrationsThenNothingTheSecondTime()
    {
        using var sandbox = new CliSandbox();

        var first = await sandbox.SucceedAsync("db", "migrate");
        var second = await sandbox.SucceedAsync("db", "migrate");

        first.Out.ShouldContain($"SQLite database {sandbox.DatabasePath}");
        first.Out.ShouldContain($"Applied {Migrations} {Plural(Migrations)} of {Migrations}");
        second.Out.ShouldContain("Already up to date");
        File.Exists(sandbox.DatabasePath).ShouldBeTrue();
    }

    [Fact]
    public async Task UsersList_NoDatabase_SaysToMigrateAndCreatesNothing()
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync("users", "list");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain($"There is no database at {sandbox.DatabasePath}");
        result.Error.ShouldContain("scr db migrate");
        File.Exists(sandbox.DatabasePath).ShouldBeFalse();
    }

    [Fact]
    public async Task UsersList_EmptyUnmigratedDatabase_SaysToMigrate()
    {
        using var sandbox = new CliSandbox();
        await sandbox.ExecuteAsync("CREATE TABLE unrelated (id INTEGER)");

        var result = await sandbox.RunAsync("users", "list");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain($"is not up to date ({Migrations} {Plural(Migrations)} to apply). Run 'scr db migrate' first.");
    }

    [Fact]
    public async Task Migrate_BadConnectionString_ExitsTwoWithMessage()
    {
        using var sandbox = new CliSandbox();
        sandbox.Configuration["ConnectionStrings:Sqlite"] = "Data Source=x.db;Colour=blue";

        var result = await sandbox.RunAsync("db", "migrate");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("The database connection string is not valid");
    }

    [Fact]
    public async Task Migrate_ConfigOption_OverridesConnectionString()
    {
        using var sandbox = new CliSandbox();
        var elsewhere = Path.Combine(sandbox.Root, "elsewhere.db");

        var result = await sandbox.SucceedAsync("db", "migrate", "--config", $"ConnectionStrings__Sqlite=Data Source={elsewhere};Pooling=False");

        result.Out.ShouldContain(elsewhere);
        File.Exists(elsewhere).ShouldBeTrue();
        File.Exists(sandbox.DatabasePath).ShouldBeFalse();
    }

    [Fact]
    public async Task Migrate_MalformedConfigOption_ExitsTwo()
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync("db", "migrate", "--config", "no-equals-sign");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("write it as key=value");
    }
}
