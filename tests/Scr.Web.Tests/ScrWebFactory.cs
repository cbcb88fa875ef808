using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Scr.TestCommon;

namespace Scr.Web.Tests;

/// <summary>The site in-process over a real test database, with a clock the test controls.</summary>
public sealed class ScrWebFactory(TestDatabase database, TestClock clock) : WebApplicationFactory<Program>
{
    static ScrWebFactory()
    {
        // Each site's file providers (appsettings, wwwroot for asp-append-version) would take inotify instances, of which a
        // user has 128 on Debian; a test run keeps more sites than that alive at once, and a full run failed a test class
        // on it. Polling takes none.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "scr-tests", "mail", Guid.NewGuid().ToString("N"));

    /// <summary>The document store's folder, removed with the factory.</summary>
    public string DocumentsFolder { get; } = TestFolders.Documents();

    /// <summary>Further settings for this site (such as a smaller largest document).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public TestClock Clock => clock;

    /// <summary>Warnings and errors the site logged, to explain a failing test.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>High by default so the tests' own sign-ins are not throttled; the rate-limit test lowers it.</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(database.ConfigurationKey, database.ConnectionString);
        builder.UseSetting("Smtp:PickupDirectory", MailFolder);
        builder.UseSetting("Scr:PublicUrl", "https://localhost");
        builder.UseSetting("Documents:Directory", DocumentsFolder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Security:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(new CollectingLoggerProvider(Logs)));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TestFolders.Delete(DocumentsFolder);
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed, over https so secure cookies are sent.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    });
}

/// <summary>Keeps the site's warnings and errors in memory for the test that caused them.</summary>
public sealed class CollectingLoggerProvider(System.Collections.Concurrent.ConcurrentQueue<string> logs) : Microsoft.Extensions.Logging.ILoggerProvider
{
    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(categoryName, logs);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> logs) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
