using Microsoft.AspNetCore.Identity;
using Scr.Core.Models;
using Scr.Core.Services.Demo;

namespace Scr.Cli.Infrastructure;

/// <summary>A demo account and its authenticator key, for the commands that sign in as one.</summary>
internal sealed record DemoAccount(User User, string AuthenticatorKey);

internal static class DemoAccounts
{
    public const int StepSeconds = 30;

    /// <summary>Refuses, with a message for the operator, anything that is not a demo account with an authenticator.</summary>
    public static async Task<DemoAccount> FindAsync(CliServices services, string email)
    {
        var address = EnsureDemo(email);
        var users = services.Get<UserManager<User>>();
        var user = await users.FindByEmailAsync(address)
            ?? throw new CliException($"There is no account {address}. Run 'scr demo seed' to create the demo accounts.");
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            throw new CliException($"{address} has no authenticator set up yet.");
        }
        return new DemoAccount(user, key);
    }

    /// <summary>Refuses any address outside the demo domains, before anything else is done.</summary>
    public static string EnsureDemo(string email)
    {
        var address = email.Trim();
        if (!DemoData.IsDemoAccount(address))
        {
            throw new CliException($"{address} is not a demo account. Codes and sessions are only given for demo accounts, "
                + $"whose email addresses end in {DemoData.DemoDomainSuffix}; a real person uses their own authenticator app.");
        }
        return address;
    }

    /// <summary>The 30-second TOTP time step that <paramref name="now"/> falls in (as the token provider counts them).</summary>
    public static long Step(DateTimeOffset now) => now.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>Whole seconds until the next step begins (1 to 30).</summary>
    public static int SecondsLeft(DateTimeOffset now) => StepSeconds - (int)(now.ToUnixTimeSeconds() % StepSeconds);
}
