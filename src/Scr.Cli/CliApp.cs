using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Microsoft.Extensions.DependencyInjection;
using Scr.Cli.Commands;
using Scr.Cli.Infrastructure;
using Scr.Core.Rules;
using Scr.Core.Services;

namespace Scr.Cli;

/// <summary>The command tree and the one place where failures become messages and exit codes.</summary>
public static class CliApp
{
    public const string Name = "scr";

    /// <summary>
    /// Runs the CLI in-process. <paramref name="configuration"/> overrides every other configuration source (tests pass the
    /// connection string here); <paramref name="configureServices"/> can replace services, such as the clock.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        IDictionary<string, string?>? configuration = null, Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        var cli = new CliContext(stdout, stderr, configuration, configureServices);
        // Only the command the arguments name is built when they start with one: every command's options and descriptions
        // cost time at each start (a merge of a one-row chronology took 0.26 s, half of it building the whole tree).
        var root = BuildCommands(cli, args.Length > 0 ? args[0] : null);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            var path = CommandPath(parseResult.CommandResult);
            foreach (var message in parseResult.Errors.Select(e => e.Message).Distinct())
            {
                await stderr.WriteLineAsync(message);
            }
            var command = parseResult.CommandResult.Command;
            if (command.Action is null && command.Subcommands.Count > 0)
            {
                // "scr users", "scr usres": show what there is to choose from.
                await stderr.WriteLineAsync();
                await root.Parse([.. path.Split(' ').Skip(1), "--help"]).InvokeAsync(new InvocationConfiguration { Output = stderr }, cancellationToken);
            }
            else
            {
                await stderr.WriteLineAsync($"Run '{path} --help' to see how to use it.");
            }
            return ExitCodes.Usage;
        }
        try
        {
            return await parseResult.InvokeAsync(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            }, cancellationToken);
        }
        catch (CliException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return e.ExitCode;
        }
        catch (RuleViolationException e)
        {
            foreach (var message in e.Messages)
            {
                await stderr.WriteLineAsync(message);
            }
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is ForbiddenException or NotFoundException)
        {
            await stderr.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C (System.CommandLine cancels the command's token) or the caller's token.
            await stderr.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (DatabaseErrors.Find(e) is { } database)
        {
            await stderr.WriteLineAsync($"The database reported an error: {database.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e)
        {
            // Not an expected failure: a bug or an environment problem. The details help whoever looks into it.
            await stderr.WriteLineAsync($"Unexpected error: {e}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// The command tree. With <paramref name="only"/> the name of a top-level command, the root holds just that command:
    /// what is parsed, run and shown in help under it is the same as in the whole tree.
    /// </summary>
    public static RootCommand BuildCommands(CliContext cli, string? only = null)
    {
        var root = new RootCommand("Serious case reviews: set up the database, manage accounts and bank holidays, import notifications, check the audit log, send deadline reminders, analyse exchange files and the learning record, import and export reviews in the exchange format, load demo data and merge agency chronologies.")
        {
            HelpName = Name,
        };
        root.Options.Add(cli.ConfigOption);
        foreach (var (name, create) in TopLevel)
        {
            if (name == only)
            {
                root.Subcommands.Add(create(cli));
                return root;
            }
        }
        foreach (var (_, create) in TopLevel)
        {
            root.Subcommands.Add(create(cli));
        }
        return root;
    }

    /// <summary>The top-level commands, in the order help lists them, each by the name it is typed as (a test checks the two agree).</summary>
    internal static readonly (string Name, Func<CliContext, Command> Create)[] TopLevel =
    [
        ("db", cli => new Command("db", "The database.") { DbMigrateCommand.Create(cli) }),
        ("users", cli => new Command("users", "Accounts.") { UsersInviteCommand.Create(cli), UsersListCommand.Create(cli) }),
        ("orgs", cli => new Command("orgs", "Boards, the agencies that serve them, and the National Panel.")
        {
            OrgsListCommand.Create(cli), OrgsAddBoardCommand.Create(cli), OrgsAddAgencyCommand.Create(cli),
        }),
        ("cases", cli => new Command("cases", "Cases: notify many at once from a file.") { CasesImportNotificationsCommand.Create(cli) }),
        ("calendar", cli => new Command("calendar", "The bank holidays of England and Wales that working-day deadlines skip.")
        {
            CalendarListCommand.Create(cli), CalendarImportCommand.Create(cli),
        }),
        ("demo", cli => new Command("demo", "Fictional demo data and sign-ins, for trying the service and for benchmarks.")
        {
            DemoSeedCommand.Create(cli),
            DemoCodeCommand.Create(cli),
            DemoBulkCasesCommand.Create(cli),
            DemoBulkCasesCommand.CreateChronology(cli),
            DemoBulkCasesCommand.CreateReports(cli),
            DemoSessionCommand.Create(cli),
            DemoExchangeCommand.Create(cli),
        }),
        ("audit", cli => new Command("audit", "The tamper-evident audit log.") { AuditVerifyCommand.Create(cli), AuditTailCommand.Create(cli) }),
        ("reminders", cli => new Command("reminders", "Deadline reminders by email and in the service.") { RemindersRunCommand.Create(cli) }),
        ("chronology", ChronologyCommands.Create),
        ("analyse", AnalyseCommand.Create),
        ("exchange", ExchangeCommands.Create),
    ];

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var c })
            {
                names.Add(c is RootCommand ? Name : c.Name);
            }
        }
        names.Reverse();
        return string.Join(' ', names);
    }
}
