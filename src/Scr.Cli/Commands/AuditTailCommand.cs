using System.CommandLine;
using Scr.Cli.Infrastructure;
using Scr.Core.Services.Audit;
using Spectre.Console;

namespace Scr.Cli.Commands;

/// <summary><c>scr audit tail</c>: the most recent audit entries, oldest first, as <c>tail</c> shows a file.</summary>
public static class AuditTailCommand
{
    public const int MaximumCount = 1000;

    public static Command Create(CliContext cli)
    {
        var count = CountOption.Create("--count", "How many entries to show", 1, MaximumCount, defaultValue: 20);
        var command = new Command("tail", "Show the most recent audit entries: sequence, time (UTC), who, what and which item.")
        {
            count,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult.GetValue(count), parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, int count, ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
        var (entries, total) = await services.Get<AuditLog>().SearchAsync(new AuditQuery(null, null, null, null, null, 1, count), cancellationToken);
        if (total == 0)
        {
            await cli.Out.WriteLineAsync("The audit log is empty.");
            return ExitCodes.Success;
        }
        var table = new Table()
            .AddColumn(new TableColumn("Seq").RightAligned())
            .AddColumn(new TableColumn("Time (UTC)").NoWrap())
            .AddColumn("User")
            .AddColumn("Action")
            .AddColumn("Item");
        foreach (var entry in entries.OrderBy(e => e.Sequence))
        {
            var item = entry.ItemType is null ? "" : entry.ItemId is null ? entry.ItemType : $"{entry.ItemType} {entry.ItemId}";
            table.AddRow(
                new Text(entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                new Text(entry.UserName ?? ""),
                new Text(entry.Action),
                new Text(item));
        }
        cli.Console.Write(table);
        await cli.Out.WriteLineAsync($"The last {entries.Count} of {total} entries.");
        return ExitCodes.Success;
    }
}
