using System.CommandLine;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scr.Cli.Infrastructure;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Accounts;

namespace Scr.Cli.Commands;

/// <summary>
/// <c>scr users invite</c>: invites a person to a role as a system administrator, and prints the invitation link so the
/// operator can pass it on if email is not set up.
/// </summary>
public static partial class UsersInviteCommand
{
    public static Command Create(CliContext cli)
    {
        var email = new Option<string>("--email")
        {
            Description = "The person's email address",
            Required = true,
            HelpName = "address",
        };
        email.Validators.Add(result =>
        {
            if (!AccountService.IsEmailAddress(result.GetValueOrDefault<string>()?.Trim() ?? ""))
            {
                result.AddError($"'{result.GetValueOrDefault<string>()}' is not an email address: enter one in the correct format, like name@example.org");
            }
        });
        var name = new Option<string>("--name")
        {
            Description = "The person's full name, as others will see it",
            Required = true,
            HelpName = "full name",
        };
        name.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("Enter the person's full name with --name");
            }
        });
        var role = new Option<Role>("--role")
        {
            Description = $"The role to give: {string.Join(", ", RoleNames.All)}",
            Required = true,
            HelpName = "role",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (RoleNames.TryParse(text, out var parsed))
                {
                    return parsed;
                }
                result.AddError($"There is no role '{text}'. Use one of: {string.Join(", ", RoleNames.All)}.");
                return default;
            },
        };
        role.CompletionSources.Add([.. RoleNames.All]);
        var organisation = new Option<string?>("--organisation")
        {
            Description = "The key of the board, agency or National Panel the role is held in (e.g. northbridge); "
                + "not used for system-administrator. 'scr users list' shows the keys in use.",
            HelpName = "key",
        };

        var command = new Command("invite", "Invite a person to a role. A new person is emailed a single-use link to set up "
            + "their account; the link is also printed here. A person who already has an account just gains the role.")
        {
            email,
            name,
            role,
            organisation,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult.GetRequiredValue(email),
            parseResult.GetRequiredValue(name), parseResult.GetValue(role), parseResult.GetValue(organisation), parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, string email, string name, Role role, string? organisationKey,
        ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
        var organisation = await FindOrganisationAsync(services, role, organisationKey, cancellationToken);

        InvitationResult result;
        try
        {
            result = await services.Get<AccountService>().InviteAsync(new InviteOptions(email.Trim(), name.Trim(), organisation?.Id, role),
                CliIdentity.Administrator, CliIdentity.Actor, cancellationToken);
        }
        catch (EmailNotSentException e)
        {
            // The account and role were saved before sending; give the operator the link the email carried.
            if (InvitationLink().Match(e.Body) is { Success: true } link)
            {
                await cli.Out.WriteLineAsync("Invitation link (works once; pass it on yourself):");
                await cli.Out.WriteLineAsync(link.Value);
            }
            throw new CliException($"{e.Message}\nThe invitation was saved: pass the link on yourself, or fix the email settings "
                + "(Smtp__Host, Smtp__Port) and run this command again to send a new link (the old one then stops working).", ExitCodes.Failed);
        }

        var user = result.User;
        var where = organisation is null ? "" : $" in {organisation.Name} ({organisation.Key})";
        await cli.Out.WriteLineAsync(result.NewAccount
            ? $"Invited {user.DisplayName} <{user.Email}> as {RoleNames.Name(role)}{where}."
            : $"{user.Email} already has an account; they now hold the role {RoleNames.Name(role)}{where}.");
        if (result.Link is not null)
        {
            var expires = user.InvitationExpiresAt is { } at ? $", expires {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "";
            await cli.Out.WriteLineAsync($"Invitation link (works once{expires}):");
            await cli.Out.WriteLineAsync(result.Link);
        }
        foreach (var delivery in services.Get<TrackingEmailSender>().Deliveries)
        {
            await cli.Out.WriteLineAsync($"Email to {delivery.To}: {delivery.Where}");
        }
        return ExitCodes.Success;
    }

    private static async Task<Organisation?> FindOrganisationAsync(CliServices services, Role role, string? key, CancellationToken cancellationToken)
    {
        var kind = Roles.OrganisationKindFor(role);
        var roleName = RoleNames.Name(role);
        if (kind is null)
        {
            return key is null
                ? null
                : throw new CliException($"A {roleName} is not a member of an organisation: leave out --organisation.");
        }
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new CliException($"The role {roleName} is held in {Describe(kind.Value)}: add --organisation with its key.");
        }
        var wanted = key.Trim().ToLowerInvariant();
        var organisation = await services.Db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Key == wanted, cancellationToken);
        if (organisation is null)
        {
            var keys = await services.Db.Organisations.AsNoTracking().Where(o => o.Kind == kind).OrderBy(o => o.Key)
                .Select(o => o.Key).Take(30).ToListAsync(cancellationToken);
            throw new CliException($"There is no organisation with the key '{key}'. "
                + (keys.Count == 0 ? $"No {Plural(kind.Value)} have been set up yet." : $"Keys of {Plural(kind.Value)}: {string.Join(", ", keys)}."));
        }
        if (organisation.Kind != kind)
        {
            throw new CliException($"The role {roleName} is held in {Describe(kind.Value)}, but {organisation.Key} is {Describe(organisation.Kind)}.");
        }
        return organisation;
    }

    private static string Describe(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Board => "a board",
        OrganisationKind.Agency => "an agency",
        _ => "a National Panel",
    };

    private static string Plural(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Board => "boards",
        OrganisationKind.Agency => "agencies",
        _ => "National Panel organisations",
    };

    [GeneratedRegex(@"https?://\S+/account/invitation\?\S+")]
    private static partial Regex InvitationLink();
}
