using System.CommandLine;
using Scr.Cli.Infrastructure;
using Scr.Core.Services.Accounts;

namespace Scr.Cli.Commands;

/// <summary><c>scr demo code EMAIL</c>: the code a demo account's authenticator app would show now.</summary>
public static class DemoCodeCommand
{
    public static Command Create(CliContext cli)
    {
        var email = new Argument<string>("email") { Description = "The demo account's email address, e.g. officer@northbridge.example" };
        var command = new Command("code", "Print the current 6-digit sign-in code of a demo account (demo accounts only). "
            + "The code is on the first line of output; how long it lasts goes to standard error.")
        {
            email,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult.GetRequiredValue(email), parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, string email, ParseResult parseResult, CancellationToken cancellationToken)
    {
        DemoAccounts.EnsureDemo(email);
        await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
        var account = await DemoAccounts.FindAsync(services, email);
        var now = services.Clock.GetUtcNow();
        var secondsLeft = DemoAccounts.SecondsLeft(now);
        await cli.Out.WriteLineAsync(SingleUseAuthenticatorTokenProvider.CurrentCode(account.AuthenticatorKey, now));
        // Codes work once: the site refuses this step's code if it has already signed this person in with it.
        await cli.Error.WriteLineAsync(account.User.LastTotpTimeStep >= DemoAccounts.Step(now)
            ? $"This code has already been used to sign in; wait for the next code ({secondsLeft} s)."
            : $"Valid for another {secondsLeft} s.");
        return ExitCodes.Success;
    }
}
