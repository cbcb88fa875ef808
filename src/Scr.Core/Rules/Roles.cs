using Scr.Core.Models;

namespace Scr.Core.Rules;

/// <summary>Which kind of organisation each role is held in, and how roles are named to people.</summary>
public static class Roles
{
    public static OrganisationKind? OrganisationKindFor(Role role) => role switch
    {
        Role.BusinessUnitOfficer or Role.BoardChair or Role.SubGroupMember or Role.LeadReviewer => OrganisationKind.Board,
        Role.AgencyLead or Role.AgencyReviewAuthor => OrganisationKind.Agency,
        Role.PanelMember => OrganisationKind.NationalPanel,
        Role.SystemAdministrator => null,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string Title(this Role role) => role switch
    {
        Role.BusinessUnitOfficer => "Business unit officer",
        Role.BoardChair => "Board chair",
        Role.SubGroupMember => "Review sub-group member",
        Role.AgencyLead => "Agency lead",
        Role.AgencyReviewAuthor => "Agency review author",
        Role.LeadReviewer => "Lead reviewer (independent)",
        Role.PanelMember => "National Panel member or secretariat",
        Role.SystemAdministrator => "System administrator",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>
    /// System administrators may give any role. A board's business unit may invite people to its own board's roles and
    /// to agencies that serve the board, but not make system administrators or Panel members.
    /// </summary>
    public static bool MayGrant(Principal principal, Role role, Organisation? organisation, IReadOnlyCollection<Guid> boardsOrganisationServes)
    {
        if (principal.IsSystemAdministrator)
        {
            return true;
        }
        if (organisation is null)
        {
            return false;
        }
        return OrganisationKindFor(role) switch
        {
            OrganisationKind.Board => principal.HoldsOnBoard(organisation.Id, Role.BusinessUnitOfficer),
            OrganisationKind.Agency => boardsOrganisationServes.Any(b => principal.HoldsOnBoard(b, Role.BusinessUnitOfficer)),
            _ => false,
        };
    }
}
