namespace Scr.TestCommon;

/// <summary>Theory data: every database the tests can reach. PostgreSQL joins when a server is configured.</summary>
public static class DatabaseKinds
{
    public static IEnumerable<object[]> Available =>
        TestDatabase.PostgresAvailable
            ? [[DatabaseKind.Sqlite], [DatabaseKind.Postgres]]
            : [[DatabaseKind.Sqlite]];
}
