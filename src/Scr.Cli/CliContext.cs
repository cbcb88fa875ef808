using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scr.Cli.Infrastructure;
using Scr.Core;
using Scr.Core.Services.Email;
using Spectre.Console;

namespace Scr.Cli;

/// <summary>
/// What every command shares: where output goes, the global <c>--config</c> option, and the way to the core's services.
/// </summary>
public sealed class CliContext
{
    /// <summary>Where invitation emails are written when no SMTP server is configured.</summary>
    public const string DefaultPickupDirectory = "data/mail";

    private readonly IDictionary<string, string?>? _configuration;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly Lazy<IAnsiConsole> _console;

    public CliContext(TextWriter stdout, TextWriter stderr, IDictionary<string, string?>? configuration = null,
        Action<IServiceCollection>? configureServices = null)
    {
        Out = stdout;
        Error = stderr;
        _configuration = configuration;
        _configureServices = configureServices;
        Interactive = ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected;
        ErrorIsTerminal = ReferenceEquals(stderr, System.Console.Error) && !System.Console.IsErrorRedirected;
        _console = new Lazy<IAnsiConsole>(() =>
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(stdout),
                Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = Interactive ? InteractionSupport.Detect : InteractionSupport.No,
            });
            if (!Interactive)
            {
                // Redirected output has no window to fit: keep table rows on one line each.
                console.Profile.Width = 240;
            }
            return console;
        });
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }

    /// <summary>Spectre.Console over <see cref="Out"/>, for tables and progress; made when first used (commands that do not use it start faster).</summary>
    public IAnsiConsole Console => _console.Value;

    /// <summary>The progress bars of long commands on a terminal: what is being done, the bar, the percentage and the time left.</summary>
    public Progress ProgressBars() =>
        Console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn());

    /// <summary>True when standard output is a terminal (progress bars and colour); false when redirected or captured.</summary>
    public bool Interactive { get; }

    /// <summary>True when standard error is a terminal, so progress can be shown there while standard output is redirected.</summary>
    public bool ErrorIsTerminal { get; }

    public Option<string[]> ConfigOption { get; } = new("--config")
    {
        Description = "Set a configuration value, e.g. --config ConnectionStrings:Sqlite=\"Data Source=/tmp/scr.db\" (repeatable; "
            + "overrides environment variables such as ConnectionStrings__Sqlite)",
        HelpName = "key=value",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>
    /// Builds the host (configuration, logging, the core's services) and opens a scope. Unless <paramref name="requireDatabase"/>
    /// is false, first checks that the database exists and is up to date, so no command creates an empty database by accident.
    /// </summary>
    public async Task<CliServices> OpenAsync(ParseResult parseResult, bool requireDatabase = true, CancellationToken cancellationToken = default)
    {
        var host = BuildHost(parseResult.GetValue(ConfigOption) ?? []);
        var services = new CliServices(host);
        try
        {
            if (requireDatabase)
            {
                await services.EnsureDatabaseReadyAsync(cancellationToken);
            }
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    private IHost BuildHost(IReadOnlyList<string> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        var overrides = new Dictionary<string, string?>(_configuration ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        foreach (var setting in settings)
        {
            var (key, value) = ParseSetting(setting);
            overrides[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(overrides);

        var configuration = builder.Configuration;
        if (configuration["Smtp:PickupDirectory"] is null
            && (builder.Environment.IsDevelopment() || string.IsNullOrWhiteSpace(configuration["Smtp:Host"])))
        {
            // Without an SMTP server, emails are written as files so invitations still work; set Smtp:PickupDirectory to "" to refuse.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Smtp:PickupDirectory"] = DefaultPickupDirectory });
        }

        // Only warnings and errors, on standard error: EF Core's SQL must not mix with a command's output. EF Core's errors
        // are left out too: each comes with an exception, which the command reports in its own words.
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new WriterLoggerProvider(Error));
        builder.Services.PostConfigure<LoggerFilterOptions>(options =>
        {
            options.Rules.Clear();
            options.MinLevel = LogLevel.Warning;
            options.Rules.Add(new LoggerFilterRule(null, "Microsoft.EntityFrameworkCore", LogLevel.Warning,
                (_, _, level) => level == LogLevel.Warning));
        });

        builder.Services.AddScrCore(builder.Configuration);
        builder.Services.AddScrIdentityCore();
        builder.Services.AddSingleton<TrackingEmailSender>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IEmailSender>(sp => sp.GetRequiredService<TrackingEmailSender>()));
        _configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    internal static (string Key, string? Value) ParseSetting(string setting)
    {
        var equals = setting.IndexOf('=');
        if (equals <= 0)
        {
            throw new CliException($"'{setting}' is not a configuration setting: write it as key=value, like ConnectionStrings:Sqlite=\"Data Source=/tmp/scr.db\"");
        }
        // Accept the environment variable spelling (Smtp__Host) as well as the configuration one (Smtp:Host).
        return (setting[..equals].Trim().Replace("__", ":"), setting[(equals + 1)..]);
    }
}
