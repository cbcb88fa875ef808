using System.CommandLine;
using Scr.Cli.Infrastructure;
using Scr.Core.Exchange;

namespace Scr.Cli.Commands;

/// <summary><c>scr demo exchange --reviews N --out FILE</c>: writes a fictional exchange file, for benchmarks and trying the analysis.</summary>
public static class DemoExchangeCommand
{
    public const int MaximumReviews = 10_000_000;

    public static Command Create(CliContext cli)
    {
        var reviews = CountOption.Create("--reviews", "How many reviews to write", 0, MaximumReviews);
        var output = new Option<string>("--out")
        {
            Description = "The file to write (replaced if it exists)",
            HelpName = "file",
            Required = true,
        };
        var seed = CountOption.Create("--seed", "Which of the fictional collections: the same seed gives the same file", 0, int.MaxValue, 1);
        var command = new Command("exchange", $"Write a fictional exchange file (scr-exchange/1): {DemoExchange.BoardCount} boards "
            + "and as many reviews as asked, each with children, a decision and the Panel's response, a report, recommendations and "
            + "an action plan (about 3 KB a review). For benchmarks and for trying 'scr analyse'. The database is not used.")
        {
            reviews,
            output,
            seed,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult.GetValue(reviews), parseResult.GetRequiredValue(output),
            parseResult.GetValue(seed), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, int reviews, string output, int seed, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(output);
        if (Directory.Exists(path))
        {
            throw new CliException($"{path} is a folder: give the path of the file to write.");
        }
        var folder = Path.GetDirectoryName(path);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliException($"There is no folder {folder} to write the file in.");
        }
        var progress = cli.ErrorIsTerminal ? new InlineProgress<int>(done => cli.Error.Write($"\rWrote {done:N0} of {reviews:N0} reviews   ")) : null;
        await Task.Run(() =>
        {
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            DemoExchange.Write(stream, reviews, seed, progress);
        }, cancellationToken);
        if (progress is not null)
        {
            await cli.Error.WriteAsync("\r" + new string(' ', 50) + "\r");
        }
        await cli.Out.WriteLineAsync($"Wrote {reviews:N0} fictional reviews of {DemoExchange.BoardCount} boards to {path} ({new FileInfo(path).Length / 1_048_576.0:N1} MB).");
        return ExitCodes.Success;
    }
}
