using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Scr.Core.DataStore;

/// <summary>Chooses the database: PostgreSQL when "ConnectionStrings:Postgres" is set, otherwise SQLite under ./data.</summary>
public static class DataStoreSetup
{
    public const string DefaultSqlite = "Data Source=data/scr.db";
    public const string SqliteMigrationsAssembly = "Scr.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Scr.Migrations.Postgres";

    /// <summary>Identity schema version 3 stores passkeys. The site, the CLI and design time must all use it.</summary>
    public static readonly Version IdentitySchemaVersion = IdentitySchemaVersions.Version3;

    /// <summary>Identity reads its schema version from the application's services; design time has none, so give it these.</summary>
    public static IServiceProvider DesignTimeServices() => new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersion)
        .BuildServiceProvider();

    public static void Configure(DbContextOptionsBuilder options, IConfiguration configuration)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            UsePostgres(options, postgres);
        }
        else
        {
            UseSqlite(options, configuration.GetConnectionString("Sqlite") ?? DefaultSqlite);
        }
    }

    public static void UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));

    public static void UseSqlite(DbContextOptionsBuilder options, string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        // Wait for a writer rather than failing at once when the CLI and the site write together.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        options.UseSqlite(builder.ToString(), o => o.MigrationsAssembly(SqliteMigrationsAssembly));
        // A SQLite table rebuild turns foreign keys off and on outside the migration's transaction, as SQLite requires;
        // the rebuild itself stays in the transaction. EF warns of it on every fresh database, which told a new user of
        // ./run.sh nothing they could act on.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
    }

    /// <summary>Applies the provider's migrations; on SQLite also turns on write-ahead logging (kept in the file).</summary>
    public static async Task MigrateAsync(ScrDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}
