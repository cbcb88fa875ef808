using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scr.Core.Services.Deadlines;
using Scr.Web.Background;

namespace Scr.Web.Tests.Background;

public class ReminderWorkerTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Scr.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    private static ReminderWorker Worker(string environment, string? interval, System.Collections.Concurrent.ConcurrentQueue<string> logs)
    {
        var services = new ServiceCollection()
            // A reminder run that cannot even start: its database is unreachable, say.
            .AddScoped<ReminderService>(_ => throw new InvalidOperationException("The database does not answer."))
            .BuildServiceProvider();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ReminderWorker.IntervalSetting] = interval })
            .Build();
        var logger = LoggerFactory.Create(b => b.AddProvider(new CollectingLoggerProvider(logs))).CreateLogger<ReminderWorker>();
        return new ReminderWorker(services.GetRequiredService<IServiceScopeFactory>(), configuration, new Environment(environment), logger);
    }

    [Fact]
    public async Task RunOnce_Fails_ErrorLoggedNotThrown()
    {
        var logs = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var worker = Worker("Production", null, logs);

        await worker.RunOnceAsync(TestContext.Current.CancellationToken);

        logs.ShouldContain(l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Sending deadline reminders failed")
            && l.Contains("The database does not answer."));
    }

    [Theory]
    [InlineData("Production", null, 5)]
    [InlineData("Production", "15", 15)]
    [InlineData("Production", "0", null)]
    [InlineData("Development", "1", 1)]
    [InlineData("Testing", "5", null)]
    public void Interval_FromConfiguration_OffInTesting(string environment, string? setting, int? minutes)
    {
        Worker(environment, setting, new()).Interval.ShouldBe(minutes is { } m ? TimeSpan.FromMinutes(m) : null);
    }
}
