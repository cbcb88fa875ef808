using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.DataStore;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Demo;
using Scr.Core.Services.Email;
using Scr.Core.Services.Reviews;

namespace Scr.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>The database, the clock, email and the core's services, shared by the site and the CLI.</summary>
    public static IServiceCollection AddScrCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDbContext<ScrDbContext>(options => DataStoreSetup.Configure(options, configuration));
        services.AddSingleton(TimeProvider.System);
        services.Configure<SmtpSettings>(configuration.GetSection("Smtp"));
        services.Configure<ScrSettings>(configuration.GetSection("Scr"));
        services.AddSingleton<IEmailSender, EmailSender>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Principals>();
        services.AddScoped<ReviewService>();
        services.AddScoped<AccountService>();
        services.AddScoped<DemoData>();
        return services;
    }
}
