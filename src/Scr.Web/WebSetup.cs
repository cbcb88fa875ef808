using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Scr.Core;
using Scr.Core.DataStore;
using Scr.Web.Api;
using Scr.Web.Feeds;
using Scr.Web.Security;

namespace Scr.Web;

/// <summary>Everything the site registers and the order of its middleware, in one place.</summary>
public static class WebSetup
{
    public const string SignInRateLimit = "sign-in";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    /// <summary>
    /// True (the default) in every real deployment: cookies are __Host- prefixed and sent only over HTTPS. False only
    /// for trying the site on one's own machine over plain http://127.0.0.1; the site then answers loopback only.
    /// </summary>
    public static bool HttpsOnly(IConfiguration configuration) => configuration.GetValue("Security:HttpsOnly", true);

    public static void AddScrWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var httpsOnly = HttpsOnly(builder.Configuration);
        var cookiePrefix = httpsOnly ? "__Host-" : "";
        var secure = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        if (builder.Environment.IsDevelopment() && string.IsNullOrEmpty(builder.Configuration["Smtp:Host"])
            && string.IsNullOrEmpty(builder.Configuration["Smtp:PickupDirectory"]))
        {
            // Development email goes to a folder that the outbox page shows.
            builder.Configuration["Smtp:PickupDirectory"] = "data/mail";
        }
        services.AddScrCore(builder.Configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, SystemAdministratorHandler>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PanelMemberHandler>();
        services.AddHostedService<Background.ReminderWorker>();

        services.AddScrIdentityCore()
            .AddSignInManager<ScrSignInManager>()
            .AddClaimsPrincipalFactory<ScrClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        // Every request re-checks the security stamp, so disabling an account or changing a password signs it out everywhere.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = context =>
            {
                var authTime = context.CurrentPrincipal?.FindFirst(ScrClaims.AuthTime);
                if (authTime is not null && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.RemoveClaim(identity.FindFirst(ScrClaims.AuthTime));
                    identity.AddClaim(authTime);
                }
                return Task.CompletedTask;
            };
        });

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, null);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = cookiePrefix + "scr";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/forbidden";
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                var authTime = context.Principal?.FindFirst(ScrClaims.AuthTime)?.Value;
                if (authTime is null || !long.TryParse(authTime, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                    || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > AbsoluteTimeout)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = cookiePrefix + "scr-2fa";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o =>
        {
            o.Cookie.Name = cookiePrefix + "scr-ext";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/";
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = cookiePrefix + "scr-af";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/";
            o.FormFieldName = "__RequestVerificationToken";
        });

        services.AddAuthorization(o =>
        {
            // Everything needs a signed-in person unless a page or folder says otherwise.
            o.FallbackPolicy = new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser().Build();
            o.AddPolicy(ApiEndpoints.Policy, p => p.AddAuthenticationSchemes(TokenAuthentication.SchemeName).RequireAuthenticatedUser());
            o.AddScrPermissions();
        });

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin/Organisations", Permissions.ManageOrganisations);
            o.Conventions.AuthorizeFolder("/Admin/BankHolidays", Permissions.ManageBankHolidays);
            o.Conventions.AuthorizeFolder("/Panel", Permissions.PanelWorkspace);
            o.Conventions.AllowAnonymousToFolder("/Account/SignIn");
            o.Conventions.AllowAnonymousToFolder("/Account/Invitation");
            o.Conventions.AllowAnonymousToFolder("/Account/Password");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/Dev/Mail");
            o.Conventions.AllowAnonymousToPage("/Status");
            o.Conventions.AllowAnonymousToPage("/Accessibility");
            o.Conventions.AllowAnonymousToPage("/Privacy");
            o.Conventions.AllowAnonymousToPage("/Cookies");
            // The learning repository's published reports are public (decision 0017); publishing needs a sign-in.
            o.Conventions.AllowAnonymousToPage("/Learning/Index");
            o.Conventions.AllowAnonymousToPage("/Learning/Report");
        }).AddMvcOptions(o =>
        {
            o.Filters.Add<ServiceExceptionFilter>();
            o.Filters.Add<Layout.NavigationFilter>();
            // Plain words when text cannot be read as a number or date, instead of the framework's.
            o.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(_ => "Enter a number");
            o.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, _) => $"‘{value}’ is not valid: enter it again");
            o.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => $"‘{value}’ is not valid: enter it again");
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-in, code, invitation and reset submissions per address: slows guessing without locking anyone out.
            // Reading the forms is not limited.
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Security:SignInAttemptsPerMinute", 20),
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            // Calendar feeds per address: calendar programs poll every few minutes at most; guessing a secret gets nowhere.
            o.AddPolicy(Feeds.CalendarFeedEndpoints.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Security:CalendarFeedRequestsPerMinute", 30),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });

        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddProblemDetails();
        // Enums travel as their names, as in the exchange format, not as numbers.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(ApiEndpoints.DocumentName, o => o.AddDocumentTransformer<ApiDocument>());
    }

    /// <summary>
    /// Uploaded documents must never be reachable as static files: refuse to start when the document store's folder is the
    /// web root or inside it.
    /// </summary>
    public static void CheckDocumentStore(WebApplication app)
    {
        var store = Path.TrimEndingDirectorySeparator(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Scr.Core.Services.Documents.DocumentSettings>>()
            .Value.FullDirectory) + Path.DirectorySeparatorChar;
        var webRoot = app.Environment.WebRootPath is { Length: > 0 } root ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar : null;
        if (webRoot is not null && store.StartsWith(webRoot, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Documents:Directory ({store}) is inside the web root ({webRoot}): uploaded files would be served as they are. "
                + "Choose a folder outside it.");
        }
    }

    public static void UseScrWeb(this WebApplication app)
    {
        CheckDocumentStore(app);
        app.UseForwardedHeaders();
        if (!HttpsOnly(app.Configuration))
        {
            app.Logger.LogWarning("Security:HttpsOnly is false: cookies are not HTTPS-only, so the site answers only requests from this machine.");
            app.Use((context, next) =>
            {
                if (context.Connection.RemoteIpAddress is { } address && !System.Net.IPAddress.IsLoopback(address))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return context.Response.WriteAsync("Plain HTTP is for use on this machine only. Serve the site over HTTPS.");
                }
                return next(context);
            });
        }
        app.UseMiddleware<SecurityHeaders>();
        // Never a stack trace: a GOV.UK-style page with a reference (the trace identifier), or problem details for the API.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.Use((context, next) =>
        {
            // The API answers with problem details, never with an HTML page.
            if (context.Request.Path.StartsWithSegments("/api")
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }
            return next(context);
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<Drafts.FormDrafts>();
        app.UseAuthorization();
        app.UseMiddleware<Documents.UploadLimits>();
        app.MapHealthChecks("/health").AllowAnonymous().DisableRateLimiting();
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
        app.MapScrApi();
        app.MapPasskeyEndpoints();
        app.MapCalendarFeed();
        app.MapRazorPages();
    }
}

/// <summary>/health answers only when the database does.</summary>
public sealed class DatabaseHealthCheck(ScrDbContext db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("The database does not answer.");
}
