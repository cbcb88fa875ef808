using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Email;

namespace Scr.Core.Services.Accounts;

/// <summary>Configuration section "Scr".</summary>
public sealed class ScrSettings
{
    /// <summary>The address people use to reach the service, for links in emails.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";
    public int InvitationDays { get; set; } = 7;
}

public sealed record InviteOptions(string Email, string DisplayName, Guid? OrganisationId, Role Role);

public sealed record InvitationResult(User User, bool NewAccount, string? Link);

/// <summary>Accounts: invitation (the only way in), acceptance, roles, disabling and password reset.</summary>
public sealed class AccountService(
    ScrDbContext db,
    UserManager<User> users,
    IEmailSender email,
    AuditLog audit,
    TimeProvider clock,
    IOptions<ScrSettings> settings)
{
    public const string AuthenticatorProvider = SingleUseAuthenticatorTokenProvider.ProviderName;

    /// <summary>
    /// Invites a person to a role. A new person gets an account and an emailed single-use link to set their password
    /// and authenticator; a person who already has an account just gains the role.
    /// </summary>
    public async Task<InvitationResult> InviteAsync(InviteOptions options, Principal inviter, Actor actor, CancellationToken cancellationToken = default)
    {
        var address = options.Email.Trim();
        if (!IsEmailAddress(address))
        {
            throw new RuleViolationException("Enter an email address in the correct format, like name@example.org");
        }
        if (string.IsNullOrWhiteSpace(options.DisplayName))
        {
            throw new RuleViolationException("Enter the person's full name");
        }
        var organisation = options.OrganisationId is { } orgId
            ? await db.Organisations.Include(o => o.BoardsServed).FirstOrDefaultAsync(o => o.Id == orgId, cancellationToken)
            : null;
        var kind = Roles.OrganisationKindFor(options.Role);
        if (kind != organisation?.Kind)
        {
            throw new RuleViolationException(kind is null
                ? "A system administrator is not a member of an organisation"
                : $"Select a {kind switch { OrganisationKind.Board => "board", OrganisationKind.Agency => "agency", _ => "National Panel" }} for the role {options.Role.Title().ToLowerInvariant()}");
        }
        var served = organisation?.BoardsServed.Select(b => b.BoardId).ToList() ?? [];
        if (!Roles.MayGrant(inviter, options.Role, organisation, served))
        {
            throw new ForbiddenException("You cannot give this role in this organisation.");
        }

        var now = clock.GetUtcNow();
        var user = await users.Users.Include(u => u.Memberships).FirstOrDefaultAsync(u => u.NormalizedEmail == users.NormalizeEmail(address), cancellationToken);
        var isNew = user is null;
        string? link = null;
        if (user is null)
        {
            user = new User
            {
                Id = Guid.NewGuid(),
                UserName = address,
                Email = address,
                DisplayName = options.DisplayName.Trim(),
                CreatedAt = now,
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new RuleViolationException(created.Errors.Select(e => e.Description).ToList());
            }
        }
        user.Grant(organisation?.Id, options.Role, now, inviter.UserId);
        if (user.InvitationAcceptedAt is null)
        {
            var secret = Tokens.NewSecret();
            user.InvitationTokenHash = Tokens.Hash(secret);
            user.InvitationExpiresAt = now.AddDays(settings.Value.InvitationDays);
            link = $"{settings.Value.PublicUrl.TrimEnd('/')}/account/invitation?user={user.Id}&token={Uri.EscapeDataString(secret)}";
        }
        audit.Record(actor, isNew ? AuditActions.UserInvited : AuditActions.RoleGranted, BoardOf(organisation), "user", user.Id.ToString(),
            $"role={options.Role}; organisation={organisation?.Key ?? "-"}");
        await db.SaveChangesAsync(cancellationToken);

        var where = organisation?.Name ?? "the serious case reviews service";
        var body = link is null
            ? $"Hello {user.DisplayName},\n\nYou have been given the role \"{options.Role.Title()}\" in {where}. Sign in at {settings.Value.PublicUrl} to use it.\n"
            : $"Hello {user.DisplayName},\n\nYou have been invited to the serious case reviews service as \"{options.Role.Title()}\" in {where}.\n\n" +
              $"Set up your account within {settings.Value.InvitationDays} days using this link (it works once):\n{link}\n\n" +
              "You will choose a password and set up an authenticator app. If you were not expecting this, ignore this email.\n";
        await email.SendAsync(address, link is null ? "You have a new role in Serious case reviews" : "You are invited to Serious case reviews", body, cancellationToken);
        return new InvitationResult(user, isNew, link);
    }

    /// <summary>The invited person, if the token is theirs, unused and not expired.</summary>
    public async Task<User?> FindInvitationAsync(Guid userId, string token, CancellationToken cancellationToken = default)
    {
        var user = await users.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.IsDisabled || user.InvitationAcceptedAt is not null || user.InvitationExpiresAt < clock.GetUtcNow()
            || !Tokens.Matches(token, user.InvitationTokenHash))
        {
            return null;
        }
        return user;
    }

    /// <summary>First step of accepting: choose a password (may be repeated until the invitation is complete).</summary>
    public async Task<IdentityResult> SetInvitationPasswordAsync(User user, string password)
    {
        if (await users.HasPasswordAsync(user))
        {
            var removed = await users.RemovePasswordAsync(user);
            if (!removed.Succeeded)
            {
                return removed;
            }
        }
        return await users.AddPasswordAsync(user, password);
    }

    /// <summary>The authenticator key to show during set-up, created on first use.</summary>
    public async Task<string> AuthenticatorKeyAsync(User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        return key!;
    }

    /// <summary>Final step: a valid code from the authenticator completes the invitation and turns on two-factor.</summary>
    public async Task<bool> CompleteInvitationAsync(User user, string code, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!await users.HasPasswordAsync(user) || !await users.VerifyTwoFactorTokenAsync(user, AuthenticatorProvider, code))
        {
            return false;
        }
        user.InvitationAcceptedAt = clock.GetUtcNow();
        user.InvitationTokenHash = null;
        user.InvitationExpiresAt = null;
        user.EmailConfirmed = true;
        user.TwoFactorEnabled = true;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            throw new RuleViolationException(updated.Errors.Select(e => e.Description).ToList());
        }
        await audit.RecordNowAsync(actor with { UserId = user.Id, Name = user.Email ?? "" }, AuditActions.InvitationAccepted, null, "user", user.Id.ToString(), null, cancellationToken);
        return true;
    }

    /// <summary>Disabling ends every session at once (the security stamp changes) and blocks sign-in.</summary>
    public async Task SetDisabledAsync(Guid userId, bool disabled, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!principal.IsSystemAdministrator)
        {
            throw new ForbiddenException("Only a system administrator can disable or enable accounts.");
        }
        if (disabled && userId == principal.UserId)
        {
            throw new RuleViolationException("You cannot disable your own account");
        }
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("The account");
        user.DisabledAt = disabled ? clock.GetUtcNow() : null;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordNowAsync(actor, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, null, "user", user.Id.ToString(), null, cancellationToken);
    }

    /// <summary>Emails a one-time reset link. Says nothing about whether the address has an account.</summary>
    public async Task RequestPasswordResetAsync(string address, Func<User, string, string> linkFor, Actor actor, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(address.Trim());
        if (user is null || user.IsDisabled || user.InvitationAcceptedAt is null)
        {
            return;
        }
        // Identity's reset token is bound to the security stamp, which changes when the password does: it works once.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = linkFor(user, token);
        await audit.RecordNowAsync(actor with { Name = user.Email ?? address }, AuditActions.PasswordResetRequested, null, "user", user.Id.ToString(), null, cancellationToken);
        await email.SendAsync(user.Email!, "Reset your password for Serious case reviews",
            $"Hello {user.DisplayName},\n\nSomeone asked to reset the password of your account. If it was you, use this link within 2 hours (it works once):\n{link}\n\nIf it was not you, ignore this email; your password has not changed.\n",
            cancellationToken);
    }

    public async Task<IReadOnlyList<User>> ListAsync(Principal principal, CancellationToken cancellationToken = default)
    {
        var query = db.Users.AsNoTracking().Include(u => u.Memberships).ThenInclude(m => m.Organisation).AsQueryable();
        if (!principal.IsSystemAdministrator)
        {
            var boards = principal.BoardsWhere(Role.BusinessUnitOfficer);
            if (boards.Count == 0)
            {
                throw new ForbiddenException("You cannot manage accounts.");
            }
            query = query.Where(u => u.Memberships.Any(m => boards.Contains(m.OrganisationId!.Value)
                || db.AgencyBoards.Any(a => a.AgencyId == m.OrganisationId && boards.Contains(a.BoardId))));
        }
        return await query.OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
    }

    /// <summary>One plain address with a local part and a domain with a dot, as email will accept.</summary>
    public static bool IsEmailAddress(string address) =>
        address.Length <= 256
        && MimeKit.MailboxAddress.TryParse(address, out var mailbox)
        && mailbox.Address == address
        && mailbox.Address.IndexOf('@') is var at && at > 0
        && mailbox.Address[(at + 1)..] is var domain && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');

    private static Guid? BoardOf(Organisation? organisation) => organisation?.Kind == OrganisationKind.Board ? organisation.Id : null;
}
