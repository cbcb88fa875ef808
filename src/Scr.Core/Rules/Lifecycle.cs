using Scr.Core.Models;

namespace Scr.Core.Rules;

/// <summary>The parts a person can play in one case, from which the lifecycle decides who may move it.</summary>
public enum CaseActor
{
    BoardChair,
    BusinessUnitOfficer,
    LeadReviewer,
}

/// <summary>Something the case record must show before a move; its task is worded as what to do.</summary>
public sealed record Requirement(string Task, Func<Review, bool> IsMet);

/// <summary>One allowed move of a case: from which stage, to where, who may make it and what it requires.</summary>
public sealed class LifecycleAction
{
    private readonly Func<ReviewStage, ReviewStage> _to;

    internal LifecycleAction(string key, string name, IReadOnlySet<ReviewStage> from, Func<ReviewStage, ReviewStage> to,
        ReviewStatus resultingStatus, IReadOnlySet<CaseActor> who, bool reasonRequired, string reasonLabel,
        DecisionOutcome? decision = null, params Requirement[] requirements)
        : this(key, name, ReviewStatus.Open, from, to, resultingStatus, who, reasonRequired, reasonLabel, decision, requirements)
    {
    }

    internal LifecycleAction(string key, string name, ReviewStatus fromStatus, IReadOnlySet<ReviewStage> from, Func<ReviewStage, ReviewStage> to,
        ReviewStatus resultingStatus, IReadOnlySet<CaseActor> who, bool reasonRequired, string reasonLabel,
        DecisionOutcome? decision = null, params Requirement[] requirements)
    {
        FromStatus = fromStatus;
        Key = key;
        Name = name;
        From = from;
        _to = to;
        ResultingStatus = resultingStatus;
        Who = who;
        ReasonRequired = reasonRequired;
        ReasonLabel = reasonLabel;
        Decision = decision;
        Requirements = requirements;
    }

    /// <summary>What the case record must show before this move.</summary>
    public IReadOnlyList<Requirement> Requirements { get; }

    /// <summary>Kebab-case key used in URLs, the API and the audit log.</summary>
    public string Key { get; }
    public string Name { get; }
    public IReadOnlySet<ReviewStage> From { get; }

    /// <summary>The status the case must have: open, except for reconsidering a decision not to initiate.</summary>
    public ReviewStatus FromStatus { get; }
    public ReviewStatus ResultingStatus { get; }
    public IReadOnlySet<CaseActor> Who { get; }
    public bool ReasonRequired { get; }
    public string ReasonLabel { get; }

    /// <summary>The chair's decision this action records, if it is a decision.</summary>
    public DecisionOutcome? Decision { get; }

    public ReviewStage To(ReviewStage from) => _to(from);

    public bool AppliesTo(Review review) => review.Status == FromStatus && From.Contains(review.Stage);

    public bool MayBeMadeBy(IReadOnlySet<CaseActor> actors) => actors.Overlaps(Who);

    /// <summary>What is still missing before the action can be taken; empty when it can.</summary>
    public IEnumerable<string> UnmetRequirements(Review review, string? reason)
    {
        if (!AppliesTo(review))
        {
            yield return review.Status == FromStatus
                ? $"“{Name}” cannot be done while the case is at stage {(int)review.Stage}, {review.Stage.Title().ToLowerInvariant()}."
                : review.IsOpen ? $"“{Name}” cannot be done while the case is open." : "The case is closed.";
            yield break;
        }
        if (ReasonRequired && string.IsNullOrWhiteSpace(reason))
        {
            yield return $"Enter the {ReasonLabel.ToLowerInvariant()}";
        }
        foreach (var requirement in Requirements.Where(r => !r.IsMet(review)))
        {
            yield return requirement.Task;
        }
    }
}

/// <summary>
/// The lifecycle of a case as an explicit state machine over the eight stages of seed 000. Later capabilities add
/// their requirements here, in one place.
/// </summary>
public static class Lifecycle
{
    private static readonly IReadOnlySet<CaseActor> ChairOnly = new HashSet<CaseActor> { CaseActor.BoardChair };
    private static readonly IReadOnlySet<CaseActor> ChairOrBusinessUnit = new HashSet<CaseActor> { CaseActor.BoardChair, CaseActor.BusinessUnitOfficer };
    private static readonly IReadOnlySet<CaseActor> ReviewRunners = new HashSet<CaseActor> { CaseActor.BoardChair, CaseActor.BusinessUnitOfficer, CaseActor.LeadReviewer };

    private static IReadOnlySet<ReviewStage> Stages(params ReviewStage[] stages) => new HashSet<ReviewStage>(stages);

    private static ReviewStage Next(ReviewStage stage) => stage + 1;

    private static readonly Requirement AgenciesRecorded = new(
        "Record at least one agency involved with the child, so it can be asked to secure its records", r => r.Agencies.Count > 0);

    private static readonly Requirement LeadReviewerAppointed = new(
        "Appoint a lead reviewer to the review team", r => r.Team.Any(t => t.Role == TeamRole.LeadReviewer));

    // Seed 000 Stage 2; domain, stage 2: the review panel has at least children's social care, health, education and police.
    private static readonly Requirement MinimumPanel = new(
        "Complete the review panel: a member from each of children's social care, health, education and the police",
        r => ReviewPanelRules.Composition(r.Team).IsComplete);

    // Seed 000 Stage 2: the scope and terms of reference are the chair's to agree before the review is commissioned.
    private static readonly Requirement TermsOfReferenceSignedOff = new(
        "Have the chair sign off the terms of reference", r => r.TermsOfReference.Any(t => t.IsSignedOff));

    private static readonly Requirement DecisionSentToPanel = new(
        "Send the decision to the National Panel", r => r.PanelSubmissions.Count > 0);

    // WT2006 8.11, 8.14: the chair decides following the sub-group's recommendation.
    private static readonly Requirement RecommendationRecorded = new(
        "Record the review sub-group's recommendation", r => r.Recommendations.Count > 0);

    // 002 ¶10: a challenged decision not to initiate may become a review.
    private static readonly Requirement PanelQuestionedDecision = new(
        "The National Panel has questioned the decision not to initiate",
        r => r.PanelSubmissions.Any(p => p.Outcome == DecisionOutcome.DoNotInitiate && p.ChallengeOutcome == ChallengeOutcome.AwaitingInformation));

    public static LifecycleAction Initiate { get; } = new(
        "initiate", "Initiate a serious case review", Stages(ReviewStage.Identification), _ => ReviewStage.Scoping,
        ReviewStatus.Open, ChairOnly, reasonRequired: true, "Rationale for the decision",
        DecisionOutcome.InitiateSeriousCaseReview, AgenciesRecorded, RecommendationRecorded);

    public static LifecycleAction CommissionLearningReview { get; } = new(
        "commission-learning-review", "Commission a non-statutory learning review", Stages(ReviewStage.Identification),
        _ => ReviewStage.Scoping, ReviewStatus.Open, ChairOnly, reasonRequired: true, "Rationale for the decision",
        DecisionOutcome.CommissionLearningReview, AgenciesRecorded, RecommendationRecorded);

    public static LifecycleAction DoNotInitiate { get; } = new(
        "do-not-initiate", "Do not initiate a review", Stages(ReviewStage.Identification), stage => stage,
        ReviewStatus.NotInitiated, ChairOnly, reasonRequired: true, "Rationale for the decision",
        DecisionOutcome.DoNotInitiate, RecommendationRecorded);

    /// <summary>The chair reconsiders a decision not to initiate that the Panel questioned, and initiates a review.</summary>
    public static LifecycleAction Reconsider { get; } = new(
        "reconsider", "Reconsider and initiate a serious case review", ReviewStatus.NotInitiated, Stages(ReviewStage.Identification),
        _ => ReviewStage.Scoping, ReviewStatus.Open, ChairOnly, reasonRequired: true, "Rationale for the new decision",
        DecisionOutcome.InitiateSeriousCaseReview, AgenciesRecorded, PanelQuestionedDecision);

    public static LifecycleAction Commission { get; } = new(
        "commission", "Review commissioned: start working through it", Stages(ReviewStage.Scoping), Next,
        ReviewStatus.Open, ChairOrBusinessUnit, reasonRequired: false, "Note", null, LeadReviewerAppointed, MinimumPanel, TermsOfReferenceSignedOff);

    public static LifecycleAction ManageParallelProcesses { get; } = new(
        "manage-parallel-processes", "Move on to managing parallel processes", Stages(ReviewStage.WorkingThrough), Next,
        ReviewStatus.Open, ReviewRunners, reasonRequired: false, "Note", null, LeadReviewerAppointed);

    public static LifecycleAction EngagePanel { get; } = new(
        "engage-national-panel", "Move on to the National Panel stage", Stages(ReviewStage.ParallelProcesses), Next,
        ReviewStatus.Open, ChairOrBusinessUnit, reasonRequired: false, "Note", null);

    public static LifecycleAction ApplyLearning { get; } = new(
        "apply-learning", "Move on to applying the learning", Stages(ReviewStage.NationalPanel), Next,
        ReviewStatus.Open, ChairOnly, reasonRequired: false, "Note", null, DecisionSentToPanel);

    public static LifecycleAction PlanPublication { get; } = new(
        "plan-publication", "Move on to publication and communications", Stages(ReviewStage.ApplyingLearning), Next,
        ReviewStatus.Open, ChairOnly, reasonRequired: false, "Note", null);

    public static LifecycleAction MonitorImpact { get; } = new(
        "monitor-impact", "Move on to monitoring impact", Stages(ReviewStage.Publication), Next,
        ReviewStatus.Open, ChairOrBusinessUnit, reasonRequired: false, "Note", null);

    public static LifecycleAction Close { get; } = new(
        "close", "Close the review", Stages(ReviewStage.Monitoring), stage => stage,
        ReviewStatus.Closed, ChairOnly, reasonRequired: true, "Reason for closing");

    /// <summary>The chair may send a case back one stage, with a reason, when work has to be redone.</summary>
    public static LifecycleAction StepBack { get; } = new(
        "step-back", "Return the case to the previous stage",
        Stages(ReviewStage.Scoping, ReviewStage.WorkingThrough, ReviewStage.ParallelProcesses, ReviewStage.NationalPanel,
            ReviewStage.ApplyingLearning, ReviewStage.Publication, ReviewStage.Monitoring),
        stage => stage - 1, ReviewStatus.Open, ChairOnly, reasonRequired: true, "Reason for returning the case");

    public static IReadOnlyList<LifecycleAction> All { get; } =
    [
        Initiate, CommissionLearningReview, DoNotInitiate, Reconsider, Commission, ManageParallelProcesses, EngagePanel,
        ApplyLearning, PlanPublication, MonitorImpact, Close, StepBack,
    ];

    public static LifecycleAction? Find(string key) => All.FirstOrDefault(a => a.Key == key);

    /// <summary>The actions that apply to the case in its current state.</summary>
    public static IEnumerable<LifecycleAction> AvailableFor(Review review) => All.Where(a => a.AppliesTo(review));
}
