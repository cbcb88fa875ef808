namespace Scr.Core.Models;

public enum TeamRole
{
    LeadReviewer,
    IndependentPanelChair,
    PanelMember,
    BusinessUnit,
    LegalAdviser,
    LayMember,
}

/// <summary>A person on the review team of one case. Membership gives access to the case's confidential material.</summary>
public class ReviewTeamMember : IPartOfReview
{
    private ReviewTeamMember()
    {
    }

    public ReviewTeamMember(Guid userId, TeamRole role, DateTimeOffset addedAt, Guid addedById)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Role = role;
        AddedAt = addedAt;
        AddedById = addedById;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public Guid UserId { get; private set; }
    public User? User { get; private set; }
    public TeamRole Role { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
    public Guid AddedById { get; private set; }
}

/// <summary>
/// A person's declaration that they were involved in the case or line-manage someone who was (WT2006 8.20).
/// A declared involvement keeps them off the review team.
/// </summary>
public class InvolvementDeclaration : IPartOfReview
{
    private InvolvementDeclaration()
    {
        Details = "";
    }

    public InvolvementDeclaration(Guid userId, string details, DateTimeOffset declaredAt)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Details = details;
        DeclaredAt = declaredAt;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public Guid UserId { get; private set; }
    public string Details { get; private set; }
    public DateTimeOffset DeclaredAt { get; private set; }
}

/// <summary>An agency involved in the case (asked to secure records, submit reviews and chronologies).</summary>
public class ReviewAgency : IPartOfReview
{
    private ReviewAgency()
    {
    }

    public ReviewAgency(Guid agencyId, DateTimeOffset addedAt)
    {
        AgencyId = agencyId;
        AddedAt = addedAt;
        RecordsRequestedAt = addedAt;
    }

    public Guid ReviewId { get; private set; }
    public Guid AgencyId { get; private set; }
    public Organisation? Agency { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>When the agency was asked to secure its records (at once, WT2006 8.21).</summary>
    public DateTimeOffset RecordsRequestedAt { get; private set; }

    /// <summary>When the agency confirmed its records are secured, and who confirmed it.</summary>
    public DateTimeOffset? RecordsSecuredAt { get; private set; }
    public Guid? RecordsSecuredById { get; private set; }
    public User? RecordsSecuredBy { get; private set; }

    /// <summary>Where and how the records are held, as the agency said.</summary>
    public string? RecordsNote { get; private set; }

    public void Secure(Guid by, string? note, DateTimeOffset now)
    {
        if (RecordsSecuredAt is not null)
        {
            throw new Rules.RuleViolationException("This agency has already confirmed its records are secured.");
        }
        RecordsSecuredAt = now;
        RecordsSecuredById = by;
        RecordsNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
