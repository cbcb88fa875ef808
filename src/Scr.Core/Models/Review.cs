using Scr.Core.Rules;

namespace Scr.Core.Models;

public enum ReviewKind
{
    SeriousCaseReview,
    LearningReview,
}

public enum ReviewStatus
{
    /// <summary>Under way in one of the eight stages.</summary>
    Open,

    /// <summary>The chair decided not to initiate a review.</summary>
    NotInitiated,

    /// <summary>Monitoring ended; the review is closed.</summary>
    Closed,
}

public enum DecisionOutcome
{
    InitiateSeriousCaseReview,
    CommissionLearningReview,
    DoNotInitiate,
}

/// <summary>
/// A case: a serious incident notified to a board and, if the chair so decides, the review of it. The central record
/// that every stage fills in. State changes go through methods that check the current state.
/// </summary>
public class Review : IVersioned
{
    private readonly List<ReviewChild> _children = [];
    private readonly List<ReviewAgency> _agencies = [];
    private readonly List<ReviewTeamMember> _team = [];
    private readonly List<InvolvementDeclaration> _declarations = [];
    private readonly List<StageEvent> _stageEvents = [];

    private Review()
    {
        Reference = "";
        Summary = "";
    }

    public Guid Id { get; private set; }
    public Guid BoardId { get; private set; }
    public Organisation? Board { get; private set; }

    /// <summary>The board's reference for the case, unique within the board.</summary>
    public string Reference { get; private set; }
    public ReviewKind Kind { get; private set; }
    public GuidanceEdition Guidance { get; private set; }
    public ReviewStage Stage { get; private set; }
    public ReviewStatus Status { get; private set; }
    public IncidentType IncidentType { get; private set; }
    public DateOnly IncidentDate { get; private set; }

    /// <summary>The date the incident came to the board's attention.</summary>
    public DateOnly KnownToBoardOn { get; private set; }

    /// <summary>A short confidential summary of what happened.</summary>
    public string Summary { get; private set; }
    public Guid? ReferringAgencyId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedById { get; private set; }

    public DecisionOutcome? Decision { get; private set; }
    public string? DecisionRationale { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedById { get; private set; }

    /// <summary>When the decision summary was sent to the National Panel; the Panel sees only what is sent.</summary>
    public DateTimeOffset? SharedWithPanelAt { get; private set; }

    public Guid Version { get; set; }

    public IReadOnlyList<ReviewChild> Children => _children;
    public IReadOnlyList<ReviewAgency> Agencies => _agencies;
    public IReadOnlyList<ReviewTeamMember> Team => _team;
    public IReadOnlyList<InvolvementDeclaration> Declarations => _declarations;
    public IReadOnlyList<StageEvent> StageEvents => _stageEvents;

    public static Review Notify(Guid boardId, string reference, IncidentType incidentType, DateOnly incidentDate,
        DateOnly knownToBoardOn, string summary, GuidanceEdition guidance, Guid? referringAgencyId,
        IEnumerable<ReviewChild> children, IEnumerable<Guid> agencyIds, Guid createdBy, DateTimeOffset now)
    {
        if (knownToBoardOn < incidentDate)
        {
            throw new RuleViolationException("The date the board knew of the incident cannot be before the incident.");
        }
        var review = new Review
        {
            Id = Guid.NewGuid(),
            BoardId = boardId,
            Reference = reference,
            Kind = ReviewKind.SeriousCaseReview,
            Guidance = guidance,
            Stage = ReviewStage.Identification,
            Status = ReviewStatus.Open,
            IncidentType = incidentType,
            IncidentDate = incidentDate,
            KnownToBoardOn = knownToBoardOn,
            Summary = summary,
            ReferringAgencyId = referringAgencyId,
            CreatedAt = now,
            CreatedById = createdBy,
            Version = Guid.NewGuid(),
        };
        review._children.AddRange(children);
        if (review._children.Count == 0)
        {
            throw new RuleViolationException("A notification names at least one child.");
        }
        foreach (var agencyId in agencyIds.Distinct())
        {
            review._agencies.Add(new ReviewAgency(agencyId, now));
        }
        review._stageEvents.Add(new StageEvent(null, ReviewStage.Identification, ReviewStatus.Open, "notify", now, createdBy, null));
        return review;
    }

    public bool IsOpen => Status == ReviewStatus.Open;

    public bool HasDeclaredInvolvement(Guid userId) => _declarations.Any(d => d.UserId == userId);

    public bool IsOnTeam(Guid userId) => _team.Any(t => t.UserId == userId);

    /// <summary>Moves the case as the lifecycle allows. The caller has already checked who may do it.</summary>
    public StageEvent Apply(LifecycleAction action, Guid by, string? reason, DateTimeOffset now)
    {
        var unmet = action.UnmetRequirements(this, reason).ToList();
        if (unmet.Count > 0)
        {
            throw new RuleViolationException(unmet);
        }
        var from = Stage;
        var to = action.To(Stage);
        if (action.Decision is { } decision)
        {
            Decision = decision;
            DecisionRationale = reason;
            DecidedAt = now;
            DecidedById = by;
            // Every decision, yes or no, goes to the National Panel (002 ¶10).
            SharedWithPanelAt = now;
            if (decision == DecisionOutcome.CommissionLearningReview)
            {
                Kind = ReviewKind.LearningReview;
            }
        }
        Stage = to;
        Status = action.ResultingStatus;
        var stageEvent = new StageEvent(from, to, Status, action.Key, now, by, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        _stageEvents.Add(stageEvent);
        return stageEvent;
    }

    public ReviewTeamMember AddToTeam(Guid userId, TeamRole role, Guid by, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new RuleViolationException("The review is closed: its team cannot change.");
        }
        if (HasDeclaredInvolvement(userId))
        {
            throw new RuleViolationException("This person has declared involvement in the case and cannot join its review team.");
        }
        if (IsOnTeam(userId))
        {
            throw new RuleViolationException("This person is already on the review team.");
        }
        var member = new ReviewTeamMember(userId, role, now, by);
        _team.Add(member);
        return member;
    }

    public bool RemoveFromTeam(Guid userId) => _team.RemoveAll(t => t.UserId == userId) > 0;

    /// <summary>Records a declared involvement; anyone who declares leaves the review team.</summary>
    public InvolvementDeclaration DeclareInvolvement(Guid userId, string details, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            throw new RuleViolationException("Describe your involvement in the case.");
        }
        var declaration = new InvolvementDeclaration(userId, details.Trim(), now);
        _declarations.Add(declaration);
        RemoveFromTeam(userId);
        return declaration;
    }

    public void AddAgency(Guid agencyId, DateTimeOffset now)
    {
        if (_agencies.All(a => a.AgencyId != agencyId))
        {
            _agencies.Add(new ReviewAgency(agencyId, now));
        }
    }
}

/// <summary>One move of the case through its lifecycle: who, when and why.</summary>
public class StageEvent : IPartOfReview
{
    private StageEvent()
    {
        ActionKey = "";
    }

    public StageEvent(ReviewStage? from, ReviewStage to, ReviewStatus statusAfter, string actionKey, DateTimeOffset at, Guid byId, string? reason)
    {
        Id = Guid.NewGuid();
        From = from;
        To = to;
        StatusAfter = statusAfter;
        ActionKey = actionKey;
        At = at;
        ById = byId;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public ReviewStage? From { get; private set; }
    public ReviewStage To { get; private set; }
    public ReviewStatus StatusAfter { get; private set; }
    public string ActionKey { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid ById { get; private set; }
    public string? Reason { get; private set; }
}
