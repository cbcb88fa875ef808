namespace Scr.Core.Models;

/// <summary>What a person does in an organisation. A person may hold different roles in different boards.</summary>
public enum Role
{
    BusinessUnitOfficer,
    BoardChair,
    SubGroupMember,
    AgencyLead,
    AgencyReviewAuthor,
    LeadReviewer,
    PanelMember,
    SystemAdministrator,
}

/// <summary>A role held by a person in one organisation.</summary>
public class Membership
{
    private Membership()
    {
    }

    public Membership(Guid userId, Guid? organisationId, Role role, DateTimeOffset grantedAt, Guid? grantedBy)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        OrganisationId = organisationId;
        Role = role;
        GrantedAt = grantedAt;
        GrantedById = grantedBy;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }

    /// <summary>The board, agency or National Panel; none for a system administrator.</summary>
    public Guid? OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }
    public Role Role { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public Guid? GrantedById { get; private set; }
}
