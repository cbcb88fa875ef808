using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Scr.Cli.Tests;

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";
}

/// <summary>
/// A temporary folder with its own SQLite database and mail pickup folder. The CLI runs in-process against it, with the
/// configuration passed in (so no environment variable of the machine running the tests can point it elsewhere).
/// </summary>
public sealed class CliSandbox : IDisposable
{
    public CliSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "scr-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }
    public string DatabasePath => Path.Combine(Root, "scr.db");
    public string MailDirectory => Path.Combine(Root, "mail");

    /// <summary>No pooling: every connection closes its file, so the test can change it directly and delete it after.</summary>
    public string ConnectionString => $"Data Source={DatabasePath};Pooling=False";

    public Dictionary<string, string?> Configuration { get; } = new();

    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = ConnectionString,
            ["ConnectionStrings:Postgres"] = "",
            ["Smtp:Host"] = "",
            ["Smtp:PickupDirectory"] = MailDirectory,
            ["Scr:PublicUrl"] = "http://scr.test",
        };
        foreach (var (key, value) in Configuration)
        {
            configuration[key] = value;
        }
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, stdout, stderr, configuration, ConfigureServices, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the command and fails the test, showing the output, unless it exits 0.</summary>
    public async Task<CliResult> SucceedAsync(params string[] args)
    {
        var result = await RunAsync(args);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result;
    }

    /// <summary>
    /// A migrated database with the demo data, copied from one made (with the CLI) once per test run; seeding hashes ten
    /// passwords, which would otherwise be most of each test's time.
    /// </summary>
    public async Task SeedAsync()
    {
        var template = await SeededTemplate.Value;
        File.Copy(template, DatabasePath);
    }

    private static readonly Lazy<Task<string>> SeededTemplate = new(async () =>
    {
        var sandbox = new CliSandbox();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => sandbox.Dispose();
        await sandbox.SucceedAsync("db", "migrate");
        await sandbox.SucceedAsync("demo", "seed");
        // With no pooling every connection is closed, so the write-ahead log has been folded into the file.
        File.Exists(sandbox.DatabasePath + "-wal").ShouldBeFalse();
        return sandbox.DatabasePath;
    });

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async Task<string?> TextAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public string[] MailFiles => Directory.Exists(MailDirectory) ? Directory.GetFiles(MailDirectory, "*.eml") : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temporary folder is cleaned up by the system in time.
        }
    }
}
