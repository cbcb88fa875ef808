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
        var root = BuildCommands(cli);
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

    public static RootCommand BuildCommands(CliContext cli)
    {
        var root = new RootCommand("Serious case reviews: set up the database, manage accounts and bank holidays, import notifications, check the audit log, send deadline reminders, analyse exchange files and the learning record, import and export reviews in the exchange format, load demo data and merge agency chronologies.")
        {
            HelpName = Name,
        };
        root.Options.Add(cli.ConfigOption);

        var db = new Command("db", "The database.");
        db.Subcommands.Add(DbMigrateCommand.Create(cli));

        var users = new Command("users", "Accounts.");
        users.Subcommands.Add(UsersInviteCommand.Create(cli));
        users.Subcommands.Add(UsersListCommand.Create(cli));

        var orgs = new Command("orgs", "Boards, the agencies that serve them, and the National Panel.");
        orgs.Subcommands.Add(OrgsListCommand.Create(cli));
        orgs.Subcommands.Add(OrgsAddBoardCommand.Create(cli));
        orgs.Subcommands.Add(OrgsAddAgencyCommand.Create(cli));

        var cases = new Command("cases", "Cases: notify many at once from a file.");
        cases.Subcommands.Add(CasesImportNotificationsCommand.Create(cli));

        var demo = new Command("demo", "Fictional demo data and sign-ins, for trying the service and for benchmarks.");
        demo.Subcommands.Add(DemoSeedCommand.Create(cli));
        demo.Subcommands.Add(DemoCodeCommand.Create(cli));
        demo.Subcommands.Add(DemoBulkCasesCommand.Create(cli));
        demo.Subcommands.Add(DemoBulkCasesCommand.CreateChronology(cli));
        demo.Subcommands.Add(DemoBulkCasesCommand.CreateReports(cli));
        demo.Subcommands.Add(DemoSessionCommand.Create(cli));
        demo.Subcommands.Add(DemoExchangeCommand.Create(cli));

        var calendar = new Command("calendar", "The bank holidays of England and Wales that working-day deadlines skip.");
        calendar.Subcommands.Add(CalendarListCommand.Create(cli));
        calendar.Subcommands.Add(CalendarImportCommand.Create(cli));

        var audit = new Command("audit", "The tamper-evident audit log.");
        audit.Subcommands.Add(AuditVerifyCommand.Create(cli));
        audit.Subcommands.Add(AuditTailCommand.Create(cli));

        var reminders = new Command("reminders", "Deadline reminders by email and in the service.");
        reminders.Subcommands.Add(RemindersRunCommand.Create(cli));

        root.Subcommands.Add(db);
        root.Subcommands.Add(users);
        root.Subcommands.Add(orgs);
        root.Subcommands.Add(cases);
        root.Subcommands.Add(calendar);
        root.Subcommands.Add(demo);
        root.Subcommands.Add(audit);
        root.Subcommands.Add(reminders);
        root.Subcommands.Add(ChronologyCommands.Create(cli));
        root.Subcommands.Add(AnalyseCommand.Create(cli));
        root.Subcommands.Add(ExchangeCommands.Create(cli));
        return root;
    }

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
