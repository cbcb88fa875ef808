using System.CommandLine;
using Scr.Core.Services.Deadlines;

namespace Scr.Cli.Commands;

/// <summary>
/// <c>scr reminders run</c>: sends every deadline reminder that is due now and not yet sent, once, as the site's
/// background worker does every few minutes. Safe to run beside the site or on a schedule: each reminder is sent once.
/// </summary>
public static class RemindersRunCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("run", "Send the deadline reminders due now (\"due soon\" and \"missed\") that have not been sent yet. "
            + "Each reminder is sent once, however often this runs and whatever the site's instances have sent.");
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
        var run = await services.Get<ReminderService>().RunOnceAsync(cancellationToken);
        await cli.Out.WriteLineAsync(run.Sent == 0
            ? "No reminders to send."
            : $"Sent {run.Sent} {(run.Sent == 1 ? "reminder" : "reminders")}: {run.DueSoon} due soon, {run.Missed} missed.");
        if (run.SentElsewhere > 0)
        {
            await cli.Out.WriteLineAsync($"{run.SentElsewhere} sent by another instance meanwhile.");
        }
        return ExitCodes.Success;
    }
}
