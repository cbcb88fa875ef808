using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Scr.Core.DataStore;

namespace Scr.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ScrDbContext>
{
    public ScrDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ScrDbContext>().UseApplicationServiceProvider(DataStoreSetup.DesignTimeServices());
        DataStoreSetup.UsePostgres(options, "Host=localhost;Database=scr_design");
        return new ScrDbContext(options.Options);
    }
}
