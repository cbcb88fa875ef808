using System.CommandLine;
using System.Globalization;
using System.Text;
using Scr.Cli.Infrastructure;
using Scr.Core.Exchange;
using Scr.Core.Services.Exchange;

namespace Scr.Cli.Commands;

/// <summary>
/// <c>scr exchange import FILE</c> and <c>scr exchange export --out FILE [--board ID] [--from DATE] [--to DATE]</c>: reviews
/// in and out of the database's learning record in the exchange format (shared/exchange-format.md; decision 0012).
/// </summary>
public static class ExchangeCommands
{
    public static Command Create(CliContext cli)
    {
        var exchange = new Command("exchange", "Reviews in and out of the learning record in the exchange format (scr-exchange/1).");
        exchange.Subcommands.Add(Import(cli));
        exchange.Subcommands.Add(Export(cli));
        return exchange;
    }

    private static Command Import(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = "An exchange file (scr-exchange/1)" };
        var command = new Command("import", "Import an exchange file into the learning record, all or nothing: a file with any "
            + "problem (listed with its JSON path) stores nothing. Each review is known by its board and reference: one already "
            + "held as sent is left alone, one sent again with changes replaces the one held. Every board must already be in "
            + "the database (scr orgs add-board).")
        {
            file,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = ExistingFile(parseResult.GetRequiredValue(file));
            await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
            var progress = cli.ErrorIsTerminal ? new AnalyseCommand.TerminalProgress(cli.Error) : null;
            ExchangeImportResult result;
            try
            {
                await using var stream = ExchangeAnalysis.OpenRead(path);
                result = await services.Get<ExchangeService>().ImportAsync(stream, CliIdentity.Administrator, CliIdentity.Actor, progress,
                    cancellationToken);
            }
            catch (ExchangeFileException e)
            {
                progress?.Clear();
                throw Refused(path, e, "cannot be imported", "Nothing of it was stored");
            }
            catch (IOException e)
            {
                throw new CliException($"{path} could not be read: {e.Message}", ExitCodes.Failed);
            }
            progress?.Clear();
            await cli.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Imported {result.Reviews:N0} review{(result.Reviews == 1 ? "" : "s")} from {path}: {result.Added:N0} added, "
                + $"{result.Replaced:N0} replaced with a changed copy, {result.Unchanged:N0} already held as sent."));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Export(CliContext cli)
    {
        var output = new Option<string>("--out") { Description = "The file to write", HelpName = "file", Required = true };
        var board = new Option<string?>("--board") { Description = "Only the reviews of this board (its key)", HelpName = "id" };
        var from = AnalyseCommand.DateOption("--from", "Only reviews whose incident was on or after this date");
        var to = AnalyseCommand.DateOption("--to", "Only reviews whose incident was on or before this date");
        var command = new Command("export", "Export reviews of the learning record as an exchange file, which imports again to "
            + "the same records: every board's, or one board's, in a period of the incident's date.")
        {
            output,
            board,
            from,
            to,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var filter = new ExchangeExportFilter(parseResult.GetValue(board), parseResult.GetValue(from), parseResult.GetValue(to));
            if (filter is { From: { } start, To: { } end } && start > end)
            {
                throw new CliException($"--from ({start:yyyy-MM-dd}) is after --to ({end:yyyy-MM-dd}).");
            }
            var path = Path.GetFullPath(parseResult.GetRequiredValue(output));
            if (Directory.Exists(path))
            {
                throw new CliException($"{path} is a folder: give the path of the file to write.");
            }
            await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
            // Written beside the file and moved into place, so a failed export leaves no half-written file behind.
            var partial = path + ".partial";
            int count;
            try
            {
                await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    count = await services.Get<ExchangeService>().ExportAsync(stream, filter, CliIdentity.Administrator, CliIdentity.Actor,
                        cancellationToken);
                }
                File.Move(partial, path, overwrite: true);
            }
            catch
            {
                File.Delete(partial);
                throw;
            }
            await cli.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Exported {count:N0} review{(count == 1 ? "" : "s")} to {path}."));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string ExistingFile(string file)
    {
        var path = Path.GetFullPath(file);
        return File.Exists(path)
            ? path
            : throw new CliException(Directory.Exists(path) ? $"{path} is a folder: give the path of an exchange file." : $"There is no file at {path}.");
    }

    /// <summary>The file's problems, one a line with its JSON path, after a sentence saying it was refused whole.</summary>
    internal static CliException Refused(string path, ExchangeFileException e, string what, string consequence)
    {
        var message = new StringBuilder($"{path} {what}: {(e.Problems.Count == 1 ? "it has a problem" : $"it has {e.Problems.Count:N0} problems")}, "
            + $"and a file with any problem is refused whole. {consequence}.");
        foreach (var line in e.Problems.Lines())
        {
            message.AppendLine().Append("  ").Append(line);
        }
        return new CliException(message.ToString());
    }
}
