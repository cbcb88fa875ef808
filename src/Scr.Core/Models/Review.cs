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
public partial class Review : IVersioned
{
    private readonly List<ReviewChild> _children = [];
    private readonly List<ReviewAgency> _agencies = [];
    private readonly List<ReviewTeamMember> _team = [];
    private readonly List<InvolvementDeclaration> _declarations = [];
    private readonly List<StageEvent> _stageEvents = [];
    private readonly List<FileReview> _fileReviews = [];
    private readonly List<SubGroupRecommendation> _recommendations = [];
    private readonly List<PeerReview> _peerReviews = [];
    private readonly List<PanelSubmission> _panelSubmissions = [];
    private readonly List<CaseCommunication> _communications = [];

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

    /// <summary>Other children who may be at risk (WT2006 8.2), as the referrer described them.</summary>
    public string? OtherChildrenAtRisk { get; private set; }

    /// <summary>Safeguarding action already taken.</summary>
    public string? ImmediateActions { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedById { get; private set; }

    public DecisionOutcome? Decision { get; private set; }
    public string? DecisionRationale { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedById { get; private set; }

    /// <summary>The day of the decision, as the National Panel is told it.</summary>
    public DateOnly? DecidedOn => DecidedAt is { } decidedAt ? DateOnly.FromDateTime(decidedAt.UtcDateTime) : null;

    /// <summary>When the decision summary was sent to the National Panel; the Panel sees only what is sent.</summary>
    public DateTimeOffset? SharedWithPanelAt { get; private set; }

    /// <summary>When the service sent the notification to the chair (seed 000 Stage 1: within 48 hours).</summary>
    public DateTimeOffset? ChairNotifiedAt { get; private set; }

    /// <summary>When a chair confirmed having read the notification.</summary>
    public DateTimeOffset? ChairAcknowledgedAt { get; private set; }
    public Guid? ChairAcknowledgedById { get; private set; }

    /// <summary>When the serious incident itself was notified to the National Panel (current guidance: 5 working days).</summary>
    public DateTimeOffset? IncidentNotifiedToPanelAt { get; private set; }

    /// <summary>The business unit's short summary of the file reviews, for the sub-group.</summary>
    public string? FileReviewSummary { get; private set; }
    public DecisionOutcome? BusinessUnitRecommendation { get; private set; }
    public DateTimeOffset? SummaryPreparedAt { get; private set; }
    public Guid? SummaryPreparedById { get; private set; }

    /// <summary>When the file reviews were shared with every involved agency; before then each sees only its own.</summary>
    public DateTimeOffset? FileReviewsSharedAt { get; private set; }

    public Guid Version { get; set; }

    public IReadOnlyList<ReviewChild> Children => _children;
    public IReadOnlyList<ReviewAgency> Agencies => _agencies;
    public IReadOnlyList<ReviewTeamMember> Team => _team;
    public IReadOnlyList<InvolvementDeclaration> Declarations => _declarations;
    public IReadOnlyList<StageEvent> StageEvents => _stageEvents;
    public IReadOnlyList<FileReview> FileReviews => _fileReviews;
    public IReadOnlyList<SubGroupRecommendation> Recommendations => _recommendations;
    public IReadOnlyList<PeerReview> PeerReviews => _peerReviews;
    public IReadOnlyList<PanelSubmission> PanelSubmissions => _panelSubmissions;
    public IReadOnlyList<CaseCommunication> Communications => _communications;

    /// <summary>The sub-group's current recommendation: the latest recorded.</summary>
    public SubGroupRecommendation? Recommendation => _recommendations.OrderBy(r => r.RecordedAt).LastOrDefault();

    /// <summary>The first decision sent to the Panel: what the Panel's figures count (002 ¶10).</summary>
    public PanelSubmission? FirstPanelSubmission => _panelSubmissions.OrderBy(p => p.SentAt).FirstOrDefault();

    public static Review Notify(Guid boardId, string reference, IncidentType incidentType, DateOnly incidentDate,
        DateOnly knownToBoardOn, string summary, GuidanceEdition guidance, Guid? referringAgencyId,
        IEnumerable<ReviewChild> children, IEnumerable<Guid> agencyIds, Guid createdBy, DateTimeOffset now,
        string? otherChildrenAtRisk = null, string? immediateActions = null)
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
            OtherChildrenAtRisk = Blank(otherChildrenAtRisk),
            ImmediateActions = Blank(immediateActions),
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
            // Each agency is asked at once to secure its records (WT2006 8.21).
            review._agencies.Add(new ReviewAgency(agencyId, now));
        }
        review._stageEvents.Add(new StageEvent(null, ReviewStage.Identification, ReviewStatus.Open, "notify", now, createdBy, null));
        return review;
    }

    public bool IsOpen => Status == ReviewStatus.Open;

    /// <summary>Still before the chair's decision: the records, file reviews and recommendation of stage 1 can change.</summary>
    public bool IsAwaitingDecision => IsOpen && Stage == ReviewStage.Identification;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public void RecordChairNotified(DateTimeOffset now) => ChairNotifiedAt ??= now;

    public void AcknowledgeNotification(Guid chairId, DateTimeOffset now)
    {
        if (ChairAcknowledgedAt is not null)
        {
            return;
        }
        ChairAcknowledgedAt = now;
        ChairAcknowledgedById = chairId;
    }

    public void RecordIncidentNotifiedToPanel(DateTimeOffset now) => IncidentNotifiedToPanelAt ??= now;

    public ReviewAgency Agency(Guid agencyId) => _agencies.FirstOrDefault(a => a.AgencyId == agencyId)
        ?? throw new RuleViolationException("That agency is not involved in this case.");

    public void SecureRecords(Guid agencyId, Guid by, string? note, DateTimeOffset now) => Agency(agencyId).Secure(by, note, now);

    public FileReview? FileReviewOf(Guid agencyId) => _fileReviews.FirstOrDefault(f => f.AgencyId == agencyId);

    public FileReview SubmitFileReview(Guid agencyId, string contacts, string knownConcerns, FileReviewRecommendation recommendation,
        string rationale, Guid by, DateTimeOffset now)
    {
        Agency(agencyId);
        if (!IsAwaitingDecision)
        {
            throw new RuleViolationException("The chair has decided: file reviews can no longer be submitted.");
        }
        if (FileReviewOf(agencyId) is not null)
        {
            throw new RuleViolationException("This agency has already submitted its file review.");
        }
        if (string.IsNullOrWhiteSpace(contacts) || string.IsNullOrWhiteSpace(knownConcerns) || string.IsNullOrWhiteSpace(rationale))
        {
            throw new RuleViolationException("Complete every part of the file review.");
        }
        var review = new FileReview(agencyId, contacts.Trim(), knownConcerns.Trim(), recommendation, rationale.Trim(), by, now);
        _fileReviews.Add(review);
        return review;
    }

    public void ShareFileReviews(DateTimeOffset now)
    {
        if (_fileReviews.Count == 0)
        {
            throw new RuleViolationException("No agency has submitted a file review yet.");
        }
        FileReviewsSharedAt ??= now;
    }

    public void PrepareSummary(string summary, DecisionOutcome recommendation, Guid by, DateTimeOffset now)
    {
        if (!IsAwaitingDecision)
        {
            throw new RuleViolationException("The chair has decided: the summary for the sub-group can no longer change.");
        }
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new RuleViolationException("Enter the summary of the file reviews.");
        }
        FileReviewSummary = summary.Trim();
        BusinessUnitRecommendation = recommendation;
        SummaryPreparedAt = now;
        SummaryPreparedById = by;
    }

    public SubGroupRecommendation Recommend(SubGroupRecommendation recommendation)
    {
        if (!IsAwaitingDecision)
        {
            throw new RuleViolationException("The chair has decided: the sub-group's recommendation can no longer change.");
        }
        _recommendations.Add(recommendation);
        return recommendation;
    }

    public PeerReview RequestPeerReview(Guid peerId, string snapshot, Guid by, DateTimeOffset now)
    {
        if (!IsAwaitingDecision)
        {
            throw new RuleViolationException("The chair has decided: ask for a peer review before deciding.");
        }
        if (_peerReviews.Any(p => p.PeerId == peerId && p.RespondedAt is null))
        {
            throw new RuleViolationException("That chair has already been asked and has not answered yet.");
        }
        var peerReview = new PeerReview(peerId, snapshot, by, now);
        _peerReviews.Add(peerReview);
        return peerReview;
    }

    public PanelSubmission SendToPanel(string outline, string recipients, DateTimeOffset now)
    {
        if (Decision is not { } decision || DecidedOn is not { } decidedOn)
        {
            throw new RuleViolationException("Only a decision is sent to the National Panel.");
        }
        var submission = new PanelSubmission(BoardId, Reference, decision, DecisionRationale ?? "", outline, recipients,
            decidedOn, now);
        _panelSubmissions.Add(submission);
        SharedWithPanelAt ??= now;
        return submission;
    }

    public CaseCommunication Record(CaseCommunication communication)
    {
        _communications.Add(communication);
        return communication;
    }

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
