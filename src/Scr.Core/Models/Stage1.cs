namespace Scr.Core.Models;

// Records of stage 1 (seed 000, "Identification, initial action and decision"): the agencies' file reviews, the
// sub-group's recommendation, the peer review of the chair's decision.

/// <summary>What an agency's short file review says about whether the criteria for a review are met.</summary>
public enum FileReviewRecommendation
{
    CriteriaMet,
    CriteriaNotMet,
    Unsure,
}

/// <summary>Review methodologies a board may choose (seed 000, "Review methodologies"; domain stage 2).</summary>
public enum Methodology
{
    LearningTogether,
    SignificantIncidentLearningProcess,
    AppreciativeInquiry,
    RootCauseAnalysis,
    FailureModesAndEffectsAnalysis,
    ChildPracticeReview,
    AgencyReviewsAndOverview,
    Hybrid,
    Other,
}

/// <summary>
/// An agency's short file review on the standard template, due within the first 7 days of the incident (seed 000
/// Stage 1). Other agencies see it only once the board shares the file reviews with them.
/// </summary>
public class FileReview : IPartOfReview
{
    private FileReview()
    {
        Contacts = "";
        KnownConcerns = "";
        Rationale = "";
    }

    public FileReview(Guid agencyId, string contacts, string knownConcerns, FileReviewRecommendation recommendation, string rationale,
        Guid submittedById, DateTimeOffset submittedAt)
    {
        Id = Guid.NewGuid();
        AgencyId = agencyId;
        Contacts = contacts;
        KnownConcerns = knownConcerns;
        Recommendation = recommendation;
        Rationale = rationale;
        SubmittedById = submittedById;
        SubmittedAt = submittedAt;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public Guid AgencyId { get; private set; }
    public Organisation? Agency { get; private set; }

    /// <summary>The agency's contacts with the child and family.</summary>
    public string Contacts { get; private set; }

    /// <summary>What the agency knew of the child and family, and any concerns it held.</summary>
    public string KnownConcerns { get; private set; }
    public FileReviewRecommendation Recommendation { get; private set; }
    public string Rationale { get; private set; }
    public Guid SubmittedById { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
}

/// <summary>
/// The review sub-group's formal recommendation to the chair: answers to the criteria, a rationale, and the proposed
/// methodology and scope (WT2006 8.10–8.11; seed 000 Stage 1). A later recommendation supersedes an earlier one; both
/// are kept.
/// </summary>
public class SubGroupRecommendation : IPartOfReview
{
    private SubGroupRecommendation()
    {
        CriteriaSetId = "";
        Answers = "{}";
        Rationale = "";
        Warnings = "";
    }

    public SubGroupRecommendation(string criteriaSetId, string answers, DecisionOutcome recommendation, string rationale,
        Methodology? methodology, string? scope, string? alternativeReview, string warnings, Guid recordedById, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        CriteriaSetId = criteriaSetId;
        Answers = answers;
        Recommendation = recommendation;
        Rationale = rationale;
        Methodology = methodology;
        Scope = scope;
        AlternativeReview = alternativeReview;
        Warnings = warnings;
        RecordedById = recordedById;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }

    /// <summary>The criteria set the answers belong to (see Rules/Criteria).</summary>
    public string CriteriaSetId { get; private set; }

    /// <summary>The answers, question id → answer, as JSON.</summary>
    public string Answers { get; private set; }
    public DecisionOutcome Recommendation { get; private set; }
    public string Rationale { get; private set; }
    public Methodology? Methodology { get; private set; }
    public string? Scope { get; private set; }

    /// <summary>Another kind of review or investigation proposed instead, if any (002 ¶18 asks why).</summary>
    public string? AlternativeReview { get; private set; }

    /// <summary>The warnings the form showed when this was recorded, one title per line.</summary>
    public string Warnings { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>
/// A chair of another board asked to peer-review the chair's consideration (seed 000 Stage 1). The peer reads a
/// frozen copy of exactly what the chair had before them when the request was made.
/// </summary>
public class PeerReview : IPartOfReview
{
    private PeerReview()
    {
        Snapshot = "";
    }

    public PeerReview(Guid peerId, string snapshot, Guid requestedById, DateTimeOffset requestedAt)
    {
        Id = Guid.NewGuid();
        PeerId = peerId;
        Snapshot = snapshot;
        RequestedById = requestedById;
        RequestedAt = requestedAt;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }

    /// <summary>The chair of another board who is asked.</summary>
    public Guid PeerId { get; private set; }
    public User? Peer { get; private set; }

    /// <summary>What the chair saw, as JSON, frozen at the request.</summary>
    public string Snapshot { get; private set; }
    public Guid RequestedById { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public bool? Agrees { get; private set; }
    public string? Response { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }

    public void Respond(bool agrees, string response, DateTimeOffset now)
    {
        if (RespondedAt is not null)
        {
            throw new Rules.RuleViolationException("This peer review has already been answered.");
        }
        if (string.IsNullOrWhiteSpace(response))
        {
            throw new Rules.RuleViolationException("Enter your response to the chair.");
        }
        Agrees = agrees;
        Response = response.Trim();
        RespondedAt = now;
    }
}

/// <summary>Who was told about a case, what and when (seed 000 Stage 1: agencies in writing, the coroner, DfE, Ofsted).</summary>
public enum RecipientKind
{
    BoardChair,
    ChiefExecutive,
    LeadMember,
    DirectorOfChildrensServices,
    Agency,
    NationalPanel,
    DepartmentForEducation,
    Ofsted,
    Coroner,
    Other,
}

public enum CommunicationMethod
{
    Email,
    InApp,
    Letter,
    Telephone,
    Meeting,
    Other,
}

/// <summary>One message about the case to one recipient, kept so the record shows who was told what and when.</summary>
public class CaseCommunication : IPartOfReview
{
    private CaseCommunication()
    {
        RecipientName = "";
        Subject = "";
    }

    public CaseCommunication(RecipientKind recipient, string recipientName, Guid? agencyId, CommunicationMethod method, string subject,
        string? body, Guid? sentById, DateTimeOffset sentAt)
    {
        Id = Guid.NewGuid();
        Recipient = recipient;
        RecipientName = recipientName;
        AgencyId = agencyId;
        Method = method;
        Subject = subject;
        Body = body;
        SentById = sentById;
        SentAt = sentAt;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public RecipientKind Recipient { get; private set; }
    public string RecipientName { get; private set; }
    public Guid? AgencyId { get; private set; }
    public CommunicationMethod Method { get; private set; }
    public string Subject { get; private set; }
    public string? Body { get; private set; }

    /// <summary>Who sent or recorded it; null when the system sent it.</summary>
    public Guid? SentById { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
}
