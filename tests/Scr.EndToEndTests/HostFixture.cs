using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Scr.Core.Services.Demo;
using Scr.TestCommon;

namespace Scr.EndToEndTests;

/// <summary>
/// The real site on Kestrel, on a free loopback port, over a fresh SQLite database seeded with the demo world, and one
/// headless Chromium to drive it: shared by the tests of one class.
/// </summary>
/// <remarks>
/// Kestrel serves HTTPS with a throwaway self-signed certificate for localhost, which the test browser is told to
/// accept. Plain <c>http://localhost</c> is not enough: Chromium would keep the <c>__Host-</c> Secure cookies there
/// (localhost is a secure context), but the site itself refuses, because anti-forgery with
/// <c>Cookie.SecurePolicy = Always</c> throws on any request that is not HTTPS, so every page with a form answers 500.
/// </remarks>
public sealed class HostFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private KestrelSite? _site;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Starts at the real time, so the browser's view of cookie lifetimes agrees with the site's.</summary>
    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary><c>https://localhost:PORT</c>, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<DemoSignIn> SignIns { get; private set; } = [];

    /// <summary>Warnings and errors the site logged, shown when a test fails.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public DemoSignIn SignIn(string email) => SignIns.Single(s => s.Email == email);

    /// <summary>The folder the site writes its email to (SMTP pickup), one <c>.eml</c> file a message.</summary>
    public string MailFolder => _site?.MailFolder ?? throw new InvalidOperationException("The site has not started.");

    /// <summary>Records the sub-group's recommendation on a case through the core, for tests about what comes after it.</summary>
    public async Task RecommendAsync(string reference, string byEmail)
    {
        using var scope = _site!.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Scr.Core.DataStore.ScrDbContext>();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<Scr.Core.Models.User>>().FindByEmailAsync(byEmail)
            ?? throw new InvalidOperationException(byEmail);
        var principal = (await scope.ServiceProvider.GetRequiredService<Scr.Core.Services.Accounts.Principals>().LoadAsync(user.Id))!;
        var review = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Reviews, r => r.Reference == reference);
        await scope.ServiceProvider.GetRequiredService<Scr.Core.Services.Decisions.DecisionService>().RecommendAsync(review.Id,
            new Scr.Core.Services.Decisions.RecommendationInput("wt2006", "{}", Scr.Core.Models.DecisionOutcome.InitiateSeriousCaseReview,
                "Fictional recommendation for a browser test.", null, null, null, []),
            review.Version, principal, new Scr.Core.Services.Actor(user.Id, byEmail, null));
    }

    /// <summary>The id of the demo case whose summary starts so, for tests that begin on its pages.</summary>
    public async Task<Guid> CaseIdAsync(string summaryStart)
    {
        using var scope = _site!.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Scr.Core.DataStore.ScrDbContext>();
        return (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Reviews, r => r.Summary.StartsWith(summaryStart))).Id;
    }

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        _site = new KestrelSite(_database, Clock, Logs);
        _site.StartServer();
        var address = _site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseUrl = $"https://localhost:{new Uri(address).Port}";

        using (var scope = _site.Services.CreateScope())
        {
            SignIns = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SCR_E2E_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh browser context (no cookies) and a page in it, addressing the site by path. Without JavaScript, axe
    /// checks the page's document in a scripting copy (see <see cref="Axe"/>).
    /// </summary>
    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            // The site's certificate is the throwaway one made for this run.
            IgnoreHTTPSErrors = true,
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(15_000);
        if (!javaScriptEnabled)
        {
            Axe.RegisterScriptless(context, () => NewPageAsync());
        }
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>The site as Program.cs builds it, on Kestrel, configured as the in-process tests configure it.</summary>
    private sealed class KestrelSite : WebApplicationFactory<Program>
    {
        private readonly TestDatabase _database;
        private readonly TestClock _clock;
        private readonly ConcurrentQueue<string> _logs;
        private readonly X509Certificate2 _certificate = LocalhostCertificate();

        public KestrelSite(TestDatabase database, TestClock clock, ConcurrentQueue<string> logs)
        {
            _database = database;
            _clock = clock;
            _logs = logs;
            // Port 0: Kestrel takes a free port and reports it in the server's addresses.
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate)));
        }

        public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "scr-tests", "mail", Guid.NewGuid().ToString("N"));

        public string DocumentsFolder { get; } = TestFolders.Documents();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting(_database.ConfigurationKey, _database.ConnectionString);
            builder.UseSetting("Smtp:PickupDirectory", MailFolder);
            builder.UseSetting("Documents:Directory", DocumentsFolder);
            builder.UseSetting("Security:SignInAttemptsPerMinute", "10000");
            // Warnings and errors only: kept for a failing test's output, not printed for every request.
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(new CollectingLoggerProvider(_logs)));
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(_clock);
                services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
            });
        }

        /// <summary>A self-signed server certificate for localhost and 127.0.0.1, valid for a day.</summary>
        private static X509Certificate2 LocalhostCertificate()
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
            var now = DateTimeOffset.UtcNow;
            using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            _certificate.Dispose();
            if (Directory.Exists(MailFolder))
            {
                Directory.Delete(MailFolder, recursive: true);
            }
            TestFolders.Delete(DocumentsFolder);
        }
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, logs);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    logs.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}
