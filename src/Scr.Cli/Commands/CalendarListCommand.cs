using System.CommandLine;
using System.Globalization;
using Scr.Core.Rules.Calendar;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Calendar;
using Spectre.Console;

namespace Scr.Cli.Commands;

/// <summary><c>scr calendar list [--year YYYY]</c>: the bank holidays that working-day deadlines skip.</summary>
public static class CalendarListCommand
{
    public const int FirstYear = 1900;
    public const int LastYear = 2199;

    public static Command Create(CliContext cli)
    {
        var year = new Option<int?>("--year")
        {
            Description = "Only this year's bank holidays (without it: the current UK year's and every later year's)",
            HelpName = "YYYY",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= FirstYear and <= LastYear)
                {
                    return value;
                }
                result.AddError($"--year must be a year from {FirstYear} to {LastYear}, like 2027, not '{text}'");
                return null;
            },
        };
        var command = new Command("list", "List the bank holidays in effect in England and Wales (those shipped with scr, "
            + "with the years an administrator imported), which working-day deadlines skip.")
        {
            year,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult.GetValue(year), parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, int? year, ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
        var bankHolidays = services.Get<BankHolidayService>();
        var calendar = await bankHolidays.CalendarAsync(cancellationToken);
        var years = await bankHolidays.YearsAsync(cancellationToken);
        var covered = YearRanges.Describe(years.Select(y => y.Year));
        var from = year ?? UkTime.DateOf(services.Clock.GetUtcNow()).Year;
        var shown = calendar.Holidays.Where(h => h.Date.Year == from || (year is null && h.Date.Year > from)).ToList();
        if (shown.Count == 0)
        {
            throw new CliException($"No bank holidays are known for {from}{(year is null ? " or later" : "")}: the calendar covers {covered}. "
                + "Import GOV.UK's file (https://www.gov.uk/bank-holidays.json) with 'scr calendar import FILE'.");
        }
        var sources = years.ToDictionary(y => y.Year, y => y.ImportedAt is { } at
            ? "imported " + at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : "shipped");
        var table = new Table().AddColumn(new TableColumn("Date").NoWrap()).AddColumn("Day").AddColumn("Bank holiday").AddColumn("Source");
        foreach (var holiday in shown)
        {
            table.AddRow(
                new Text(holiday.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new Text(holiday.Date.DayOfWeek.ToString()),
                new Text(holiday.Title),
                new Text(sources.GetValueOrDefault(holiday.Date.Year, "")));
        }
        cli.Console.Write(table);
        var imported = years.Where(y => y.ImportedAt is not null).Select(y => y.Year).ToList();
        await cli.Out.WriteLineAsync($"Bank holidays are known for {covered}; "
            + (imported.Count == 0 ? "all as shipped with scr." : $"imported by an administrator: {YearRanges.Describe(imported)}."));
        return ExitCodes.Success;
    }
}
