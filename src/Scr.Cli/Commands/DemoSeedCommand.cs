using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Services.Demo;
using Spectre.Console;

namespace Scr.Cli.Commands;

/// <summary><c>scr demo seed</c>: loads the fictional demo boards, agencies, people and cases, and shows how to sign in as each.</summary>
public static class DemoSeedCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("seed", "Load the fictional demo data (boards, agencies, one person per role, a few cases) and "
            + "print the demo sign-ins. Running it again adds only what is missing.");
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
        var before = await services.Db.Users.CountAsync(cancellationToken);
        var signIns = await services.Get<DemoData>().SeedAsync(cancellationToken);
        var added = await services.Db.Users.CountAsync(cancellationToken) - before;

        var table = new Table()
            .AddColumn(new TableColumn("Email").NoWrap())
            .AddColumn("Role")
            .AddColumn("Organisation")
            .AddColumn(new TableColumn("Password").NoWrap())
            .AddColumn(new TableColumn("Authenticator key").NoWrap());
        foreach (var signIn in signIns)
        {
            table.AddRow(new Text(signIn.Email), new Text(signIn.Role), new Text(signIn.Organisation), new Text(signIn.Password),
                new Text(signIn.AuthenticatorKey));
        }
        await cli.Out.WriteLineAsync($"Demo data is ready in the {services.DatabaseDescription} "
            + $"({(added == 0 ? "nothing new: it was already there" : $"{added} account{(added == 1 ? "" : "s")} added")}).");
        await cli.Out.WriteLineAsync("Demo sign-ins (every name is invented):");
        cli.Console.Write(table);
        await cli.Out.WriteLineAsync("Every sign-in also asks for a 6-digit code. Add the account's authenticator key to an authenticator "
            + "app (choose 'enter a setup key', time-based), or get the current code with: ./scr demo code EMAIL");
        return ExitCodes.Success;
    }
}
