using System.Data.Common;

namespace Scr.Cli.Infrastructure;

/// <summary>Finds the database's own error in an exception, which EF Core's retrying strategies wrap in another.</summary>
internal static class DatabaseErrors
{
    public static DbException? Find(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException database)
            {
                return database;
            }
        }
        return null;
    }
}
