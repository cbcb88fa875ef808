using System.CommandLine;
using Scr.Cli.Infrastructure;
using Scr.Core.Rules.Calendar;
using Scr.Core.Services.Calendar;

namespace Scr.Cli.Commands;

/// <summary><c>scr calendar import FILE</c>: imports GOV.UK's bank holidays file; each year in it replaces that year.</summary>
public static class CalendarImportCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = "The bank holidays file from https://www.gov.uk/bank-holidays.json" };
        var command = new Command("import", "Import the bank holidays of England and Wales from GOV.UK's file (bank-holidays.json). "
            + "Each year in the file replaces that year's bank holidays; other years stay as they are. A file with any problem "
            + "changes nothing.")
        {
            file,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult.GetRequiredValue(file), parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, string file, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new CliException(Directory.Exists(path) ? $"{path} is a folder: give the path of the bank holidays file." : $"There is no file at {path}.");
        }
        await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
        ImportResult result;
        await using (var stream = File.OpenRead(path))
        {
            result = await services.Get<BankHolidayService>().ImportAsync(stream, CliIdentity.Administrator, CliIdentity.Actor, cancellationToken);
        }
        await cli.Out.WriteLineAsync($"Imported the bank holidays for {YearRanges.Describe(result.Years)} from {path}: "
            + $"{result.Dates} listed, {result.Added} added and {result.Removed} removed compared with before.");
        await cli.Out.WriteLineAsync($"Running sites use them within {BankHolidayCache.Lifetime.TotalMinutes:0} minutes. 'scr calendar list' shows them.");
        return ExitCodes.Success;
    }
}
