using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core;
using Scr.Core.DataStore;

namespace Scr.TestCommon;

/// <summary>The core's services over a test database and a test clock, as the site and CLI wire them.</summary>
public static class CoreHost
{
    public static ServiceProvider Build(TestDatabase database, TimeProvider clock, string? mailFolder = null, string? documentsFolder = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [database.ConfigurationKey] = database.ConnectionString,
            ["Smtp:PickupDirectory"] = mailFolder ?? Path.Combine(Path.GetTempPath(), "scr-tests", "mail", Guid.NewGuid().ToString("N")),
            ["Documents:Directory"] = documentsFolder ?? TestFolders.Documents(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScrCore(configuration);
        services.AddSingleton(clock);
        services.AddScrIdentityCore();
        // Fast hashing: these tests are about rules, not about the cost of PBKDF2.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        return services.BuildServiceProvider();
    }

    public static ScrDbContext Db(this IServiceScope scope) => scope.ServiceProvider.GetRequiredService<ScrDbContext>();
}
