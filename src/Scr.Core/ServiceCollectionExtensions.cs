using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Calendar;
using Scr.Core.Services.Deadlines;
using Scr.Core.Services.Decisions;
using Scr.Core.Services.Demo;
using Scr.Core.Services.Documents;
using Scr.Core.Services.Drafts;
using Scr.Core.Services.Email;
using Scr.Core.Services.Messages;
using Scr.Core.Services.Organisations;
using Scr.Core.Services.Panel;
using Scr.Core.Services.Reviewers;
using Scr.Core.Services.Reviews;
using Scr.Core.Services.Timetable;

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
        services.Configure<DocumentSettings>(configuration.GetSection("Documents"));
        services.AddSingleton<IDocumentStore, FileSystemDocumentStore>();
        services.AddSingleton<IEmailSender, EmailSender>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Principals>();
        services.AddScoped<ReviewService>();
        services.AddScoped<ReviewPanelService>();
        services.AddScoped<ReviewerFacts>();
        services.AddScoped<ReviewerRegisterService>();
        services.AddScoped<Messenger>();
        services.AddScoped<DraftService>();
        services.AddScoped<DecisionService>();
        services.AddScoped<AccountService>();
        services.AddScoped<DemoData>();
        services.AddScoped<AccessTokenService>();
        services.AddScoped<OrganisationService>();
        services.AddSingleton<BankHolidayCache>();
        services.AddScoped<BankHolidayService>();
        services.AddScoped<PanelService>();
        services.AddScoped<DeadlineService>();
        services.AddScoped<ReminderService>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<InboxService>();
        services.AddScoped<TimetableService>();
        services.AddScoped<DocumentService>();
        services.AddScoped<Services.TermsOfReference.TermsOfReferenceService>();
        services.AddScoped<Services.AgencyReports.AgencyReportService>();
        services.AddScoped<Services.ChronologyReview.ChronologyService>();
        services.AddSingleton<Services.ChronologyReview.ChronologyAnalysisCache>();
        services.AddScoped<Services.Genogram.GenogramService>();
        services.AddScoped<Services.People.PeopleService>();

        // The national learning record: exchange files in and out, and the analysis of what is held (decision 0012).
        services.AddScoped<Services.Exchange.ExchangeService>();
        services.AddScoped<Services.Exchange.CodingService>();
        services.AddScoped<Services.Exchange.ReviewLearningRecord>();
        services.AddScoped<Services.Learning.LearningRepository>();
        services.AddSingleton<Services.Learning.ReportFacetCounts>();
        return services;
    }

    /// <summary>
    /// Identity's account rules, shared by the site and the CLI: 12-character passwords with no composition rules and
    /// a common-password check, lockout after repeated failures, unique emails, and single-use TOTP codes.
    /// </summary>
    public static IdentityBuilder AddScrIdentityCore(this IServiceCollection services) =>
        services
            // Registered first so Identity's own validator (with its duplicate length message) is not added.
            .AddScoped<IPasswordValidator<User>, CommonPasswordValidator>()
            .AddIdentityCore<User>(options => ConfigureIdentity(options))
            .AddEntityFrameworkStores<ScrDbContext>()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.ProviderName);

    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.Stores.SchemaVersion = DataStoreSetup.IdentitySchemaVersion;
        options.Password.RequiredLength = PasswordRules.MinimumLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedEmail = true;
        options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.ProviderName;
    }
}
