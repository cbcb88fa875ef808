using System.CommandLine;
using Scr.Cli.Infrastructure;
using Scr.Core.Services.Audit;
using Spectre.Console;

namespace Scr.Cli.Commands;

/// <summary>
/// <c>scr audit verify</c>: walks the audit log's hash chain from the first entry; exits 0 when it is intact and 1 at the
/// first entry that was altered, removed or inserted.
/// </summary>
public static class AuditVerifyCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("verify", "Check that no audit entry has been altered, removed or inserted. Exits 0 when the log "
            + "is intact and 1 when it is broken, naming the first entry that breaks it.");
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
        var audit = services.Get<AuditLog>();
        AuditVerification result;
        if (cli.Interactive)
        {
            result = await cli.Console.Status().StartAsync("Checking the audit log…", context =>
                audit.VerifyAsync(new InlineProgress<long>(checkedSoFar => context.Status($"Checking the audit log… {checkedSoFar:N0} entries")),
                    cancellationToken));
        }
        else
        {
            result = await audit.VerifyAsync(cancellationToken: cancellationToken);
        }

        if (result.IsIntact)
        {
            await cli.Out.WriteLineAsync($"Audit log intact: {result.EntriesChecked} entries checked.");
            return ExitCodes.Success;
        }
        await cli.Out.WriteLineAsync($"Audit log BROKEN at entry {result.FirstBrokenSequence}: {result.Problem}");
        if (result.EntriesChecked > 0)
        {
            await cli.Out.WriteLineAsync($"The {result.EntriesChecked} entries before it are intact.");
        }
        return ExitCodes.AuditBroken;
    }
}
