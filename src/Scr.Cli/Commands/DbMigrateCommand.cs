using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Scr.Cli.Infrastructure;
using Scr.Core.DataStore;

namespace Scr.Cli.Commands;

/// <summary><c>scr db migrate</c>: creates the database or applies the migrations it is missing.</summary>
public static class DbMigrateCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("migrate", "Create the database, or bring it up to date with this version of the service. "
            + "Uses PostgreSQL when ConnectionStrings__Postgres is set, otherwise SQLite (ConnectionStrings__Sqlite, default data/scr.db).");
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var services = await cli.OpenAsync(parseResult, requireDatabase: false, cancellationToken);
        var db = services.Db;
        var description = services.DatabaseDescription;
        List<string> pending;
        try
        {
            pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        }
        catch (Exception e) when (DatabaseErrors.Find(e) is { } database)
        {
            throw new CliException($"Cannot open the {description}: {database.Message}");
        }
        await DataStoreSetup.MigrateAsync(db, cancellationToken);

        var total = db.Database.GetMigrations().Count();
        await cli.Out.WriteLineAsync($"Database: {description}");
        await cli.Out.WriteLineAsync(pending.Count == 0
            ? $"Already up to date: no migrations to apply ({total} applied before)."
            : $"Applied {pending.Count} migration{(pending.Count == 1 ? "" : "s")} of {total}: {string.Join(", ", pending)}.");
        return ExitCodes.Success;
    }
}
