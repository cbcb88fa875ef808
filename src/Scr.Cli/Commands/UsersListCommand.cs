using System.CommandLine;
using Scr.Cli.Infrastructure;
using Scr.Core.Services.Accounts;
using Spectre.Console;

namespace Scr.Cli.Commands;

/// <summary><c>scr users list</c>: every account with its roles, where each is held, and whether it is disabled.</summary>
public static class UsersListCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("list", "List the accounts: roles (with the organisation each is held in), whether the invitation "
            + "was accepted, and whether the account is disabled.");
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
        var users = await services.Get<AccountService>().ListAsync(CliIdentity.Administrator, cancellationToken);
        if (users.Count == 0)
        {
            await cli.Out.WriteLineAsync("There are no accounts yet. Invite someone with 'scr users invite', or load demo data with 'scr demo seed'.");
            return ExitCodes.Success;
        }
        var now = services.Clock.GetUtcNow();
        var table = new Table()
            .AddColumn("Name")
            .AddColumn(new TableColumn("Email").NoWrap())
            .AddColumn("Roles")
            .AddColumn("Signed up")
            .AddColumn("Disabled");
        foreach (var user in users)
        {
            var roles = user.Memberships
                .OrderBy(m => m.Role)
                .Select(m => m.Organisation is null ? RoleNames.Name(m.Role) : $"{RoleNames.Name(m.Role)} @ {m.Organisation.Key}");
            var signedUp = user.InvitationAcceptedAt is not null ? "yes"
                : user.InvitationExpiresAt < now ? "no (invitation expired)"
                : "no (invited)";
            table.AddRow(
                new Text(user.DisplayName),
                new Text(user.Email ?? ""),
                new Text(string.Join('\n', roles)),
                new Text(signedUp),
                new Text(user.IsDisabled ? "yes" : "no"));
        }
        cli.Console.Write(table);
        await cli.Out.WriteLineAsync($"{users.Count} account{(users.Count == 1 ? "" : "s")}.");
        return ExitCodes.Success;
    }
}
