using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Scr.Cli.Infrastructure;
using Scr.Core.Services.Demo;

namespace Scr.Cli.Commands;

/// <summary>
/// <c>scr demo bulk-cases --count N</c>, <c>scr demo bulk-chronology --entries N</c> and <c>scr demo bulk-reports --megabytes N</c>:
/// many fictional cases on the demo board, a long chronology on its review that gathers chronologies, or many published
/// reports in the learning repository, for load tests and benchmarks.
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
            async (services, progress) =>
            {
                var added = await services.Get<DemoData>().BulkCasesAsync(parseResult.GetValue(count), progress, cancellationToken);
                var total = await services.Db.Reviews.CountAsync(r => r.Board!.Key == "northbridge", cancellationToken);
                return $"Added {added:N0} fictional cases; the demo board now has {total:N0}.";
            }, cancellationToken));
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
            async (services, progress) =>
            {
                var reviewId = await services.Get<DemoData>().BulkChronologyAsync(parseResult.GetValue(entries), progress, cancellationToken);
                return $"Added {parseResult.GetValue(entries):N0} fictional chronology entries: /cases/{reviewId}/chronology";
            }, cancellationToken));
        return command;
    }

    public const int MaximumMegabytes = 1_000;

    public static Command CreateReports(CliContext cli)
    {
        var megabytes = CountOption.Create("--megabytes", "How many MiB of report text to add", 1, MaximumMegabytes);
        var command = new Command("bulk-reports", "Add fictional reviews of the demo boards to the learning record, each with a "
            + "published report of generated text (about 20,000 characters), until the reports added hold the size asked for, "
            + "for load tests and the search benchmark. The same size gives the same text. Run 'scr demo seed' first.")
        {
            megabytes,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult, "MiB of published reports", parseResult.GetValue(megabytes),
            async (services, progress) =>
            {
                var (reports, characters) = await services.Get<DemoData>().BulkReportsAsync(parseResult.GetValue(megabytes), progress, cancellationToken);
                var total = await services.Db.PublishedReports.CountAsync(cancellationToken);
                return $"Published {reports:N0} fictional reports ({characters / 1_048_576.0:N1} MiB of text); the learning repository now has {total:N0}.";
            }, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parseResult, string what, int count,
        Func<CliServices, IProgress<int>, Task<string>> add, CancellationToken cancellationToken)
    {
        await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
        if (!await services.Db.Organisations.AnyAsync(o => o.Key == "northbridge", cancellationToken)
            || !await services.Db.Users.AnyAsync(u => u.Email == "officer@northbridge.example", cancellationToken))
        {
            throw new CliException("There is no demo board yet: run 'scr demo seed' first.");
        }
        string done = "";
        if (cli.Interactive)
        {
            await cli.ProgressBars().StartAsync(async context =>
                {
                    var task = context.AddTask($"Adding {count:N0} {what}", maxValue: count);
                    done = await add(services, new InlineProgress<int>(added => task.Value = added));
                });
        }
        else
        {
            done = await add(services, new InlineProgress<int>(added => cli.Out.WriteLine($"Added {added:N0} of {count:N0} {what}")));
        }
        await cli.Out.WriteLineAsync(done);
        return ExitCodes.Success;
    }
}
