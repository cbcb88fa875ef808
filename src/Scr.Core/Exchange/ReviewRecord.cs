using Scr.Core.Models;

namespace Scr.Core.Exchange;

/// <summary>
/// A review run in this system as the national learning record holds it (issue 7, item 2): written from the case's own data
/// wherever the case holds it, and not known exactly as the exchange format says where it does not. The one place that says
/// which of the record's fields a case holds.
/// </summary>
public static class ReviewRecord
{
    /// <summary>
    /// The case as an exchange review of the board with this key: kind, guidance, incident, children (never their names), and
    /// the decision as the National Panel counts it — the first decision sent to it with its answer (002 ¶10), or the
    /// decision not yet sent. The case holds no report, themes, recommendations or action plan: those stay not known.
    /// </summary>
    public static ExchangeReview Of(Review review, string boardKey) => new()
    {
        Reference = review.Reference,
        Board = boardKey,
        Kind = review.Kind switch
        {
            ReviewKind.LearningReview => ExchangeReviewKind.LearningReview,
            _ => ExchangeReviewKind.SeriousCaseReview,
        },
        Guidance = review.Guidance,
        Incident = new ExchangeIncident(review.IncidentType, review.IncidentDate, review.KnownToBoardOn),
        // Ordered by id so that the same case always writes the same record, however its children were loaded.
        Children = review.Children.OrderBy(c => c.Id).Select(c => new ExchangeChild(c.AgeAtIncidentMonths, null, c.Sex, c.Ethnicity,
            c.Disability, c.ChildProtectionPlan, c.LegalStatus)).ToList(),
        Decision = DecisionOf(review),
    };

    /// <summary>
    /// The record of a case refreshed from the case: what the case holds replaces what the record held; what it does not hold
    /// (what the Panel's analysts coded: the parents' ethnicity, themes, report, recommendations, action plan, each child's
    /// harm and any detail of a child the case leaves not known) is kept, so a refresh never loses coding.
    /// </summary>
    public static ExchangeReview Refresh(ExchangeReview held, ExchangeReview own) => own with
    {
        Guidance = own.Guidance == GuidanceEdition.NotKnown ? held.Guidance : own.Guidance,
        // A child is matched by its place in the list only while the case and the record name as many children.
        Children = own.Children.Count == held.Children.Count
            ? own.Children.Select((child, i) => Refresh(held.Children[i], child)).ToList()
            : own.Children,
        ParentsEthnicity = held.ParentsEthnicity,
        Themes = held.Themes,
        Report = held.Report,
        RecommendationsKnown = held.RecommendationsKnown,
        Recommendations = held.Recommendations,
        ActionPlan = held.ActionPlan,
    };

    private static ExchangeChild Refresh(ExchangeChild held, ExchangeChild own) => new(
        own.AgeAtIncidentMonths ?? held.AgeAtIncidentMonths,
        held.Harm,
        own.Sex == Sex.NotKnown ? held.Sex : own.Sex,
        own.Ethnicity == Ethnicity.NotKnown ? held.Ethnicity : own.Ethnicity,
        own.Disability == YesNoNotKnown.NotKnown ? held.Disability : own.Disability,
        own.ChildProtectionPlan == ChildProtectionPlanStatus.NotKnown ? held.ChildProtectionPlan : own.ChildProtectionPlan,
        own.LegalStatus == LegalStatus.NotKnown ? held.LegalStatus : own.LegalStatus);

    private static ExchangeDecision? DecisionOf(Review review)
    {
        if (review.FirstPanelSubmission is { } sent)
        {
            return new ExchangeDecision(OutcomeOf(sent.Outcome), sent.DecidedOn, Text(sent.Rationale),
                DateOnly.FromDateTime(sent.SentAt.UtcDateTime), new ExchangePanelAnswer(sent.Response, sent.ChallengeOutcome));
        }
        return review.Decision is { } decision ? new ExchangeDecision(OutcomeOf(decision), review.DecidedOn, Text(review.DecisionRationale)) : null;
    }

    // As the Panel's figures count it (decision 0006): commissioning a learning review is a decision not to initiate a
    // serious case review, so the analysis of the record and the Panel's workspace agree.
    private static ExchangeDecisionOutcome OutcomeOf(DecisionOutcome outcome) =>
        Rules.Analysis.PanelDecisionFacts.IsNotInitiated(outcome) ? ExchangeDecisionOutcome.NotInitiate : ExchangeDecisionOutcome.Initiate;

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
