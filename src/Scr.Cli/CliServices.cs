using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Scr.Cli.Infrastructure;
using Scr.Core.DataStore;

namespace Scr.Cli;

/// <summary>The host and one scope of it: the services a single command uses, disposed when the command ends.</summary>
public sealed class CliServices : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly AsyncServiceScope _scope;
    private ScrDbContext? _db;

    internal CliServices(IHost host)
    {
        _host = host;
        _scope = host.Services.CreateAsyncScope();
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public TimeProvider Clock => Get<TimeProvider>();

    /// <summary>The database context; a malformed connection string is reported as a configuration error.</summary>
    public ScrDbContext Db
    {
        get
        {
            if (_db is null)
            {
                try
                {
                    _db = Get<ScrDbContext>();
                    _ = _db.Database.GetConnectionString();
                }
                catch (ArgumentException e)
                {
                    throw new CliException($"The database connection string is not valid: {e.Message}");
                }
            }
            return _db;
        }
    }

    /// <summary>Which database, in words an operator recognises, with no password: "SQLite database /srv/scr/data/scr.db".</summary>
    public string DatabaseDescription
    {
        get
        {
            var connectionString = Db.Database.GetConnectionString() ?? "";
            if (Db.Database.IsSqlite())
            {
                return $"SQLite database {SqlitePath(connectionString) ?? "in memory"}";
            }
            var postgres = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL database '{postgres.Database}' on {postgres.Host}:{postgres.Port}";
        }
    }

    /// <summary>Refuses to go on when the database is missing, unreachable or needs migrating.</summary>
    public async Task EnsureDatabaseReadyAsync(CancellationToken cancellationToken = default)
    {
        // Checked from the configuration, before the context is made: making it creates the SQLite file's folder.
        var configuration = Get<IConfiguration>();
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("Postgres"))
            && SqlitePath(configuration.GetConnectionString("Sqlite") ?? DataStoreSetup.DefaultSqlite) is { } path
            && !File.Exists(path))
        {
            throw new CliException($"There is no database at {path}. Run 'scr db migrate' to create it, "
                + "or point to an existing one with ConnectionStrings__Sqlite (or ConnectionStrings__Postgres).");
        }
        IReadOnlyList<string> pending;
        try
        {
            if (!await Db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
            {
                throw new CliException($"The {DatabaseDescription} does not exist. Run 'scr db migrate' to create it.");
            }
            pending = (await Db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        }
        catch (Exception e) when (DatabaseErrors.Find(e) is { } database)
        {
            throw new CliException($"Cannot open the {DatabaseDescription}: {database.Message}");
        }
        if (pending.Count > 0)
        {
            throw new CliException($"The {DatabaseDescription} is not up to date ({pending.Count} migration{(pending.Count == 1 ? "" : "s")} "
                + "to apply). Run 'scr db migrate' first.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        if (_host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }

    /// <summary>The full path of a SQLite database file, or null when the database is in memory.</summary>
    private static string? SqlitePath(string connectionString)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"The database connection string is not valid: {e.Message}");
        }
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return null;
        }
        return Path.GetFullPath(builder.DataSource);
    }
}
