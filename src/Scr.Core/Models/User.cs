using Microsoft.AspNetCore.Identity;

namespace Scr.Core.Models;

/// <summary>A person with an account. Accounts are created by invitation only.</summary>
public class User : IdentityUser<Guid>
{
    private readonly List<Membership> _memberships = [];

    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? InvitationAcceptedAt { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>SHA-256 of the single-use invitation token; cleared once the invitation is accepted.</summary>
    public string? InvitationTokenHash { get; set; }
    public DateTimeOffset? InvitationExpiresAt { get; set; }

    /// <summary>The last TOTP time step accepted, so a code cannot be used twice.</summary>
    public long LastTotpTimeStep { get; set; }

    public bool IsDisabled => DisabledAt is not null;
    public IReadOnlyCollection<Membership> Memberships => _memberships;

    public Membership Grant(Guid? organisationId, Role role, DateTimeOffset now, Guid? grantedBy)
    {
        var existing = _memberships.FirstOrDefault(m => m.OrganisationId == organisationId && m.Role == role);
        if (existing is not null)
        {
            return existing;
        }
        var membership = new Membership(Id, organisationId, role, now, grantedBy);
        _memberships.Add(membership);
        return membership;
    }

    public bool Revoke(Guid membershipId) => _memberships.RemoveAll(m => m.Id == membershipId) > 0;
}
