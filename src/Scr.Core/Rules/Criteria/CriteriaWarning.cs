using Scr.Core.Models;

namespace Scr.Core.Rules.Criteria;

/// <summary>
/// A warning shown to the sub-group and the chair when the answers and the proposal show one of the known errors in
/// deciding whether to review. Data: the words and their source, and the condition under which it is shown.
/// </summary>
public sealed class CriteriaWarning
{
    private readonly Func<CriteriaEvaluation, bool> _condition;

    internal CriteriaWarning(string key, string title, string source, string explanation, Func<CriteriaEvaluation, bool> condition)
    {
        Key = key;
        Title = title;
        Source = source;
        Explanation = explanation;
        _condition = condition;
    }

    /// <summary>Stable kebab-case key, such as "recovery-not-less-serious".</summary>
    public string Key { get; }

    /// <summary>One line for the chair, shown as the warning's heading.</summary>
    public string Title { get; }

    /// <summary>Where the point comes from, such as "National Panel annual report 2014, ¶18".</summary>
    public string Source { get; }

    /// <summary>What the error is and what to do about it, written for a chair.</summary>
    public string Explanation { get; }

    /// <summary>Whether the warning applies to these answers, this proposal and this prompt.</summary>
    public bool AppliesTo(CriteriaEvaluation evaluation) => _condition(evaluation);
}

/// <summary>The warnings the criteria sets are built from; each set picks those that apply to its guidance.</summary>
internal static class CriteriaWarnings
{
    private const string Panel18 = "National Panel annual report 2014, ¶18";

    private static bool IsYes(this CriteriaEvaluation e, string id) => e.Answers.Find(id) == YesNoNotKnown.Yes;

    private static bool IsNoOrNotKnown(this CriteriaEvaluation e, string id) => e.Answers.Find(id) is YesNoNotKnown.No or YesNoNotKnown.NotKnown;

    /// <summary>(a) The child's recovery taken as proof that the harm was not serious.</summary>
    public static CriteriaWarning RecoveryNotLessSerious(string source, IReadOnlyList<string> seriousHarmIds) => new(
        "recovery-not-less-serious",
        "The child's recovery does not make the harm less serious",
        source,
        "The child is said to have recovered from a physical injury, no serious harm is answered yes, and the proposal is not "
        + "to hold a review. The National Panel found boards treating recovery as proof that serious harm had "
        + "not happened. How serious the harm was depends on the injury and the circumstances when it happened, not on how "
        + "well the child healed. Ask whether the injury was potentially life-threatening, or likely to do lasting damage, "
        + "at the time, and give the answer in the rationale.",
        e => e.DeclinesSeriousCaseReview && e.IsYes(HarmQuestions.Recovered) && seriousHarmIds.All(e.IsNoOrNotKnown));

    /// <summary>(b) Psychological or emotional harm left out of the judgement of harm.</summary>
    public static CriteriaWarning PsychologicalHarmNotConsidered { get; } = new(
        "psychological-harm-not-considered",
        "Psychological and emotional harm has not been considered",
        Panel18,
        "Serious harm is not only physical injury. The National Panel saw decisions not to review that took no account of "
        + "psychological damage to the child. Before deciding, weigh the harm to the child's mental health and emotional "
        + "development, and record what was found.",
        e => e.DeclinesSeriousCaseReview && e.IsNoOrNotKnown(HarmQuestions.PsychologicalConsidered));

    /// <summary>(c) Only the immediate cause looked at, not what led up to the incident.</summary>
    public static CriteriaWarning ImmediateCauseOnly { get; } = new(
        "immediate-cause-only",
        "Only the immediate cause has been looked at",
        Panel18,
        "The circumstances leading up to the incident have not been looked at. The National Panel saw boards fix on what "
        + "directly caused the death or injury rather than on the events before it, which is where the lessons about how "
        + "agencies worked usually lie. Look back over the period before the incident before deciding.",
        e => e.DeclinesSeriousCaseReview && e.IsNoOrNotKnown(HarmQuestions.CircumstancesExamined));

    /// <summary>(d) One agency's failure used to rule out others, or too little enquiry to show others worked well.</summary>
    public static CriteriaWarning OtherAgenciesNotExamined { get; } = new(
        "other-agencies-not-examined",
        "Whether the other agencies worked well together has not been shown",
        Panel18,
        "Not enough initial enquiry has been made to show that the agencies involved worked well together. The National "
        + "Panel expects a board to show it has looked far enough to rule out a failure of working together, and warns "
        + "against treating one agency's obvious failure as a reason to conclude that the others did not fail, even to a "
        + "lesser degree. Make those enquiries before deciding, or hold the review to find out.",
        e => e.DeclinesSeriousCaseReview && e.IsNoOrNotKnown(HarmQuestions.OtherAgenciesEnquired));

    /// <summary>(e) Another kind of review proposed where a serious case review is called for.</summary>
    public static CriteriaWarning AnotherReviewSubstituted { get; } = new(
        "another-review-substituted",
        "Another kind of review is proposed where a serious case review is called for",
        Panel18,
        "The case meets WT2006 8.5 or 8.6, but a learning review or some other review, investigation or audit "
        + "is proposed instead. The National Panel has seen more than twenty such alternatives and is not confident that they "
        + "examine failings as independently, thoroughly and openly as a serious case review; it suspects some are chosen to "
        + "avoid publication. A serious case review can be kept proportionate to the case.",
        e => e.Proposed != DecisionOutcome.InitiateSeriousCaseReview
            && (e.Proposed == DecisionOutcome.CommissionLearningReview || e.IsYes(HarmQuestions.AlternativeReview))
            && (e.IsMet(CriteriaSectionKind.MustReview) || e.IsMet(CriteriaSectionKind.MustConsider)));

    /// <summary>(f) Not holding a serious case review when the guidance requires one.</summary>
    public static CriteriaWarning ReviewRequired { get; } = new(
        "review-required",
        "The guidance requires a serious case review",
        "WT2006 8.5; National Panel annual report 2014, ¶9",
        "A child has died and abuse or neglect is known or suspected to have been a factor, so WT2006 8.5 says a serious case "
        + "review must be held, whether or not children's social care knew the family. A decision not to hold one is open to "
        + "challenge by the National Panel, which would tell the Department for Education and Ofsted of a clear breach of the "
        + "guidance.",
        e => e.DeclinesSeriousCaseReview && e.IsMet(CriteriaSectionKind.MustReview));

    /// <summary>(g) Several prompting questions answered yes, yet no review proposed.</summary>
    public static CriteriaWarning SeveralPromptsYes { get; } = new(
        "several-prompts-yes",
        "Several of the questions in 8.9 are answered yes",
        "WT2006 8.9; National Panel annual report 2014, ¶19–20",
        $"{CriteriaRules.SeveralYesAnswers} or more of the eleven questions in WT2006 8.9 are answered yes. The guidance says "
        + "that is likely to mean a review would bring useful lessons, yet the proposal is not to hold one. Record why the "
        + "lessons can be learnt without a review, or consider a proportionate serious case review.",
        e => e.Proposed == DecisionOutcome.DoNotInitiate && e.SeveralPromptingYes);

    /// <summary>An answer that is not known would, if yes, call for more than is proposed.</summary>
    public static CriteriaWarning NotKnownCouldChangeDecision { get; } = new(
        "not-known-could-change-decision",
        "An answer that is not known could change the decision",
        "National Panel annual report 2014, ¶19",
        "Some answers are \"not known\", and if any of them turned out to be yes the case would meet a stronger paragraph of "
        + "the criteria than it meets now. The National Panel prefers a swift decision to start a review, which can be "
        + "scaled back as the facts emerge, to a decision not to review that rests on gaps. Find out, or start the review.",
        e => e.DeclinesSeriousCaseReview && e.OpenQuestions.Count > 0);
}
