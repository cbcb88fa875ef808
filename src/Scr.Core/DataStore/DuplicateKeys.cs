using Microsoft.Data.Sqlite;
using Npgsql;

namespace Scr.Core.DataStore;

/// <summary>Recognises the databases' own errors, whichever provider is in use.</summary>
public static class DuplicateKeys
{
    // SQLite's extended result codes: SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE.
    private const int SqlitePrimaryKey = 1555;
    private const int SqliteUnique = 2067;

    /// <summary>Whether the save failed because a row with the same primary or unique key already exists.</summary>
    public static bool CausedFailure(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteExtendedErrorCode is SqlitePrimaryKey or SqliteUnique:
                case PostgresException postgres when postgres.SqlState == PostgresErrorCodes.UniqueViolation:
                    return true;
            }
        }
        return false;
    }
}
