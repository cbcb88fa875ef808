using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Scr.Cli.Infrastructure;
using Scr.Core.Services.Demo;
using Spectre.Console;

namespace Scr.Cli.Commands;

/// <summary><c>scr demo bulk-cases --count N</c>: adds many fictional cases to the demo board, for load tests and benchmarks.</summary>
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
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult.GetValue(count), parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, int count, ParseResult parseResult, CancellationToken cancellationToken)
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
                    var task = context.AddTask($"Adding {count:N0} cases", maxValue: count);
                    await demo.BulkCasesAsync(count, new InlineProgress<int>(done => task.Value = done), cancellationToken);
                });
        }
        else
        {
            await demo.BulkCasesAsync(count, new InlineProgress<int>(done => cli.Out.WriteLine($"Added {done:N0} of {count:N0} cases")),
                cancellationToken);
        }
        var total = await services.Db.Reviews.CountAsync(r => r.Board!.Key == "northbridge", cancellationToken);
        await cli.Out.WriteLineAsync($"Added {count:N0} fictional cases; the demo board now has {total:N0}.");
        return ExitCodes.Success;
    }
}
