using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Scr.Cli.Infrastructure;
using Scr.Core.Services.Demo;
using Spectre.Console;

namespace Scr.Cli.Commands;

/// <summary>
/// <c>scr demo bulk-cases --count N</c> and <c>scr demo bulk-chronology --entries N</c>: many fictional cases on the demo
/// board, or a long chronology on its review that gathers chronologies, for load tests and benchmarks.
/// </summary>
public static class DemoBulkCasesCommand
{
    public const int MaximumCount = 1_000_000;

    public static Command Create(CliContext cli)
    {
        var count = CountOption.Create("--count", "How many cases to add", 1, MaximumCount);
        var command = new Command("bulk-cases", "Add fictional cases to the demo board (Northbridge) in bulk, for load tests and "
            + "benchmarks. Run 'scr demo seed' first.")
        {
            count,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult, "cases", parseResult.GetValue(count),
            (demo, progress) => demo.BulkCasesAsync(parseResult.GetValue(count), progress, cancellationToken), cancellationToken));
        return command;
    }

    public static Command CreateChronology(CliContext cli)
    {
        var entries = CountOption.Create("--entries", "How many chronology entries to add, spread over the review's agencies", 1, MaximumCount);
        var command = new Command("bulk-chronology", "Add a long fictional chronology to the demo review that gathers chronologies, each "
            + "involved agency's share imported as a new version, for load tests and benchmarks. Run 'scr demo seed' first.")
        {
            entries,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult, "chronology entries", parseResult.GetValue(entries),
            (demo, progress) => demo.BulkChronologyAsync(parseResult.GetValue(entries), progress, cancellationToken), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parseResult, string what, int count, Func<DemoData, IProgress<int>, Task<int>> add,
        CancellationToken cancellationToken)
    {
        await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
        if (!await services.Db.Organisations.AnyAsync(o => o.Key == "northbridge", cancellationToken)
            || !await services.Db.Users.AnyAsync(u => u.Email == "officer@northbridge.example", cancellationToken))
        {
            throw new CliException("There is no demo board yet: run 'scr demo seed' first.");
        }
        var demo = services.Get<DemoData>();
        if (cli.Interactive)
        {
            await cli.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Adding {count:N0} {what}", maxValue: count);
                    await add(demo, new InlineProgress<int>(done => task.Value = done));
                });
        }
        else
        {
            await add(demo, new InlineProgress<int>(done => cli.Out.WriteLine($"Added {done:N0} of {count:N0} {what}")));
        }
        if (what == "cases")
        {
            var total = await services.Db.Reviews.CountAsync(r => r.Board!.Key == "northbridge", cancellationToken);
            await cli.Out.WriteLineAsync($"Added {count:N0} fictional cases; the demo board now has {total:N0}.");
        }
        else
        {
            await cli.Out.WriteLineAsync($"Added {count:N0} fictional {what}.");
        }
        return ExitCodes.Success;
    }
}
