using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Scr.Core.DataStore;

namespace Scr.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the SQLite model without the site.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ScrDbContext>
{
    public ScrDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ScrDbContext>().UseApplicationServiceProvider(DataStoreSetup.DesignTimeServices());
        DataStoreSetup.UseSqlite(options, "Data Source=design-time.db");
        return new ScrDbContext(options.Options);
    }
}
