using System.CommandLine;
using System.Globalization;
using System.Text;
using Scr.Cli.Infrastructure;
using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services.Exchange;

namespace Scr.Cli.Commands;

/// <summary>
/// <c>scr analyse FILE [--format json|csv|md] [--from DATE] [--to DATE] [--board ID] [--region KEY]</c>: the tables of the
/// cross-case analysis (shared/analysis-tables.md) of an exchange file, without the database; without FILE, of the reviews
/// held in the database's learning record.
/// </summary>
public static class AnalyseCommand
{
    public static readonly string[] Formats = ["json", "csv", "md"];

    public static Command Create(CliContext cli)
    {
        var file = new Argument<string?>("file")
        {
            Description = "An exchange file (scr-exchange/1) to analyse, read without the database; without it, the reviews held in the database",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string>("--format")
        {
            Description = "json (exactly the JSON of the analysis, nothing else on standard output), csv (a section per table) or md (Markdown)",
            HelpName = "json|csv|md",
            DefaultValueFactory = _ => "md",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "md";
                if (Formats.Contains(text.Trim().ToLowerInvariant()))
                {
                    return text.Trim().ToLowerInvariant();
                }
                result.AddError($"--format must be one of {string.Join(", ", Formats)}, not '{text}'");
                return "md";
            },
        };
        var from = DateOption("--from", "Only what happened on or after this date: the incident, or for the Panel's tables the decision the Panel was told of");
        var to = DateOption("--to", "Only what happened on or before this date (as --from)");
        var board = new Option<string?>("--board")
        {
            Description = "Only the reviews of this board (its id in the file, or its key in the database)",
            HelpName = "id",
        };
        var region = new Option<Region?>("--region")
        {
            Description = $"Only the reviews of the boards of this region: {ExchangeNames.Region.Allowed}",
            HelpName = "key",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (ExchangeNames.Region.TryParse(text.Trim().ToLowerInvariant(), out var value))
                {
                    return value;
                }
                result.AddError($"--region must be one of {ExchangeNames.Region.Allowed}, not '{text}'");
                return null;
            },
        };
        region.CompletionSources.Add([.. ExchangeNames.Region.Names]);
        var command = new Command("analyse", "Print the tables of the cross-case analysis (the biennial study's and the National "
            + "Panel's) of an exchange file, limited to a period, a board or a region. The file is read a review at a time and "
            + "checked whole: a file with any problem gives no tables, only its problems, and the database is not used. Without a file, "
            + "the reviews imported into the database's learning record are analysed.")
        {
            file,
            format,
            from,
            to,
            board,
            region,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult, parseResult.GetValue(file), parseResult.GetValue(format) ?? "md",
            new AnalysisLimits(parseResult.GetValue(from), parseResult.GetValue(to), parseResult.GetValue(board), parseResult.GetValue(region)),
            cancellationToken));
        return command;
    }

    internal static Option<DateOnly?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            result.AddError($"{name} must be a date written YYYY-MM-DD, like 2013-06-01, not '{text}'");
            return null;
        },
    };

    private static async Task<int> RunAsync(CliContext cli, ParseResult parseResult, string? file, string format, AnalysisLimits limits, CancellationToken cancellationToken)
    {
        if (limits is { From: { } start, To: { } end } && start > end)
        {
            throw new CliException($"--from ({start:yyyy-MM-dd}) is after --to ({end:yyyy-MM-dd}).");
        }
        if (file is null)
        {
            // No file: the reviews held in the database's learning record, counted the same way.
            await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
            var held = await services.Get<ExchangeService>().AnalyseAsync(limits, CliIdentity.Administrator, CliIdentity.Actor, cancellationToken);
            if (limits.Board is { } key && held.Boards.All(b => b.Id != key))
            {
                throw new CliException($"There is no board '{key}': 'scr orgs list' shows the boards and their keys.");
            }
            await PrintAsync(cli, held.Tables, format, cancellationToken);
            return ExitCodes.Success;
        }
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new CliException(Directory.Exists(path) ? $"{path} is a folder: give the path of an exchange file." : $"There is no file at {path}.");
        }

        ExchangeAnalysisResult result;
        var progress = cli.ErrorIsTerminal ? new TerminalProgress(cli.Error) : null;
        try
        {
            // Reading is synchronous and CPU-bound; run it off the caller's thread so Ctrl+C can still cancel the command.
            result = await Task.Run(() => ExchangeAnalysis.Analyse(path, limits, progress), cancellationToken);
        }
        catch (ExchangeFileException e)
        {
            progress?.Clear();
            var message = new StringBuilder($"{path} cannot be analysed: {(e.Problems.Count == 1 ? "it has a problem" : $"it has {e.Problems.Count:N0} problems")}, "
                + "and a file with any problem is refused whole.");
            foreach (var line in e.Problems.Lines())
            {
                message.AppendLine().Append("  ").Append(line);
            }
            throw new CliException(message.ToString());
        }
        catch (IOException e)
        {
            throw new CliException($"{path} could not be read: {e.Message}", ExitCodes.Failed);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliException($"{path} could not be read: {e.Message}");
        }
        progress?.Clear();

        if (limits.Board is { } id && result.ReviewsOfBoardOrRegion == 0 && result.Boards.All(b => b.Id != id))
        {
            var boards = result.Boards.Take(10).Select(b => b.Id).ToList();
            throw new CliException($"The file has no board '{id}'" + (boards.Count == 0
                ? "."
                : $": its boards include {string.Join(", ", boards)}{(result.Boards.Count > boards.Count ? ", …" : "")}."));
        }

        await PrintAsync(cli, result.Tables, format, cancellationToken);
        return ExitCodes.Success;
    }

    private static async Task PrintAsync(CliContext cli, AnalysisReport tables, string format, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case "json":
                await cli.Out.WriteAsync(Encoding.UTF8.GetString(AnalysisFormats.Json(tables)));
                break;
            case "csv":
                await cli.Out.WriteAsync(AnalysisFormats.Csv(tables));
                break;
            default:
                await cli.Out.WriteAsync(AnalysisFormats.Markdown(tables));
                break;
        }
        await cli.Out.FlushAsync(cancellationToken);
    }

    /// <summary>"Read 12,345 reviews (40 MB of 300 MB)" on one line of the terminal, rewritten as reading goes on.</summary>
    internal sealed class TerminalProgress(TextWriter error) : IProgress<ExchangeProgress>
    {
        private long _shownAt;

        public void Report(ExchangeProgress value)
        {
            var now = Environment.TickCount64;
            if (now - _shownAt < 200)
            {
                return;
            }
            _shownAt = now;
            var size = value.Length is { } length ? $" of {length / 1_048_576.0:N0} MB" : "";
            error.Write($"\rRead {value.Reviews:N0} reviews ({value.BytesRead / 1_048_576.0:N0} MB{size})   ");
            error.Flush();
        }

        public void Clear()
        {
            if (_shownAt != 0)
            {
                error.Write("\r" + new string(' ', 60) + "\r");
                error.Flush();
            }
        }
    }
}
