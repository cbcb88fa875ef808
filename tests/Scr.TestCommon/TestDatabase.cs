using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;
using Scr.Core.DataStore;
using Scr.Core.Services.Learning;

namespace Scr.TestCommon;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A real, migrated database for one test class: a SQLite file, or a fresh database in the throwaway PostgreSQL
/// cluster that test.sh starts (SCR_TEST_POSTGRES). Reset with Respawn between tests.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SCR_TEST_POSTGRES";

    private readonly string? _sqlitePath;
    private readonly string? _postgresName;
    private Respawner? _respawner;

    private TestDatabase(DatabaseKind kind, string connectionString, string? sqlitePath, string? postgresName)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _postgresName = postgresName;
    }

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }

    /// <summary>PostgreSQL tests run when test.sh (or a developer) provides a server.</summary>
    public static bool PostgresAvailable => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    /// <summary>The configuration key the site and the CLI read for this database.</summary>
    public string ConfigurationKey => Kind == DatabaseKind.Postgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite";

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        TestDatabase database;
        if (kind == DatabaseKind.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with ./test.sh, which starts PostgreSQL.");
            var name = $"scr_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            database = new TestDatabase(kind, builder.ToString(), null, name);
        }
        else
        {
            var directory = Path.Combine(Path.GetTempPath(), "scr-tests");
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, $"{Guid.NewGuid():N}.db");
            database = new TestDatabase(kind, $"Data Source={path}", path, null);
        }
        await using (var db = database.CreateContext())
        {
            await DataStoreSetup.MigrateAsync(db);
        }
        return database;
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        options.UseApplicationServiceProvider(DataStoreSetup.DesignTimeServices());
        if (Kind == DatabaseKind.Postgres)
        {
            DataStoreSetup.UsePostgres(options, ConnectionString);
        }
        else
        {
            DataStoreSetup.UseSqlite(options, ConnectionString);
        }
    }

    public ScrDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<ScrDbContext>();
        Configure(options);
        return new ScrDbContext(options.Options);
    }

    /// <summary>Empties every table but the migrations history.</summary>
    public async Task ResetAsync()
    {
        await using var connection = OpenConnection();
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = Kind == DatabaseKind.Postgres ? DbAdapter.Postgres : DbAdapter.Sqlite,
            // The full-text index of published reports follows its table by triggers; emptying its shadow tables would corrupt it.
            TablesToIgnore = ["__EFMigrationsHistory", .. ReportSearch.SqliteIndexTables.Select(t => new Respawn.Graph.Table(t))],
        });
        await _respawner.ResetAsync(connection);
    }

    public DbConnection OpenConnection() =>
        Kind == DatabaseKind.Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
