namespace Scr.Core.Models;

public enum TeamRole
{
    LeadReviewer,
    IndependentPanelChair,
    PanelMember,
    BusinessUnit,
    LegalAdviser,
    LayMember,

    /// <summary>A new reviewer who shadows the lead reviewer to learn the work (seed 004: mentoring and shadowing).</summary>
    ShadowReviewer,
}

/// <summary>What a person declared about their part in a case (WT2006 8.20).</summary>
public enum InvolvementKind
{
    /// <summary>No involvement in the case, and no line-management of anyone involved.</summary>
    None,

    /// <summary>Directly concerned with the child or family.</summary>
    InvolvedInCase,

    /// <summary>The line manager of a practitioner who was involved.</summary>
    LineManagesSomeoneInvolved,
}

/// <summary>A person on the review team of one case. Membership gives access to the case's confidential material.</summary>
public class ReviewTeamMember : IPartOfReview
{
    private ReviewTeamMember()
    {
    }

    public ReviewTeamMember(Guid userId, TeamRole role, DateTimeOffset addedAt, Guid addedById, Rules.PanelSeat? seat = null)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Role = role;
        AddedAt = addedAt;
        AddedById = addedById;
        AgencyId = seat?.AgencyId;
        AgencyType = seat?.AgencyType;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public Guid UserId { get; private set; }
    public User? User { get; private set; }
    public TeamRole Role { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
    public Guid AddedById { get; private set; }

    /// <summary>For a review panel member: the agency they represent, and its type when they were appointed.</summary>
    public Guid? AgencyId { get; private set; }
    public Organisation? Agency { get; private set; }
    public AgencyType? AgencyType { get; private set; }
}

/// <summary>
/// A person's declaration about their part in the case (WT2006 8.20): none, or that they were involved in it or
/// line-manage someone who was. Everyone added to the review team declares; a declared involvement keeps them off it
/// unless the chair records an exception (<see cref="ConflictException"/>). Made by the person, or recorded for them
/// by whoever adds them.
/// </summary>
public class InvolvementDeclaration : IPartOfReview
{
    private InvolvementDeclaration()
    {
        Details = "";
    }

    public InvolvementDeclaration(Guid userId, string details, DateTimeOffset declaredAt)
        : this(userId, InvolvementKind.InvolvedInCase, details, userId, declaredAt)
    {
    }

    public InvolvementDeclaration(Guid userId, InvolvementKind kind, string details, Guid recordedById, DateTimeOffset declaredAt,
        TeamRole? forRole = null)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Kind = kind;
        ForRole = forRole;
        Details = details;
        RecordedById = recordedById == userId ? null : recordedById;
        DeclaredAt = declaredAt;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public Guid UserId { get; private set; }
    public InvolvementKind Kind { get; private set; }
    public string Details { get; private set; }

    /// <summary>The role they were being added to the team in, when declared on being added; null when they declared it themselves.</summary>
    public TeamRole? ForRole { get; private set; }

    /// <summary>Who recorded it for the person (the business unit adding them); null when they declared it themselves.</summary>
    public Guid? RecordedById { get; private set; }
    public DateTimeOffset DeclaredAt { get; private set; }

    /// <summary>Whether it declares a conflict: involvement in the case or line-management of someone involved.</summary>
    public bool IsConflict => Kind != InvolvementKind.None;
}

/// <summary>
/// The board chair's justified exception to a declared conflict (WT2006 8.20): the person may join the review team
/// despite the conflicts listed. It covers what was declared up to the moment it was recorded, not anything declared
/// later. Audited.
/// </summary>
public class ConflictException : IPartOfReview
{
    private ConflictException()
    {
        Reason = "";
        Conflicts = "";
    }

    public ConflictException(Guid userId, string reason, string conflicts, Guid grantedById, DateTimeOffset grantedAt)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Reason = reason;
        Conflicts = conflicts;
        GrantedById = grantedById;
        GrantedAt = grantedAt;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public Guid UserId { get; private set; }

    /// <summary>Why the chair judged the person may still serve.</summary>
    public string Reason { get; private set; }

    /// <summary>The conflicts the chair saw when recording it, one a line.</summary>
    public string Conflicts { get; private set; }
    public Guid GrantedById { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
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
