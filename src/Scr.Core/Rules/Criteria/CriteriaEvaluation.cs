using Scr.Core.Models;

namespace Scr.Core.Rules.Criteria;

/// <summary>What the criteria say the chair should do, before the chair decides.</summary>
public enum DecisionPrompt
{
    /// <summary>A must-review paragraph is met (WT2006 8.5): a review must be held.</summary>
    MustHoldReview,

    /// <summary>A must-consider paragraph is met (WT2006 8.6): a review must be considered.</summary>
    MustConsider,

    /// <summary>Every question is answered and no criterion is met.</summary>
    CriteriaNotMet,

    /// <summary>Questions that could change the prompt are unanswered.</summary>
    NotEnoughAnswers,
}

/// <summary>The criteria applied to the sub-group's answers and proposal.</summary>
public sealed record CriteriaEvaluation
{
    /// <summary>The set the answers were checked against.</summary>
    public required CriteriaSet Set { get; init; }
    public required CriteriaAnswers Answers { get; init; }

    /// <summary>The sub-group's proposed recommendation, if it has made one.</summary>
    public required DecisionOutcome? Proposed { get; init; }

    public required DecisionPrompt Prompt { get; init; }

    /// <summary>
    /// The paragraph the prompt rests on ("WT2006 8.5"); for <see cref="DecisionPrompt.CriteriaNotMet"/> the paragraphs
    /// not met ("WT2006 8.5 and WT2006 8.6"); null for <see cref="DecisionPrompt.NotEnoughAnswers"/>.
    /// </summary>
    public required string? Paragraph { get; init; }

    /// <summary>Why, in plain words for the chair.</summary>
    public required string Explanation { get; init; }

    /// <summary>Every must-review and must-consider section met, in form order; the first is the one the prompt rests on.</summary>
    public required IReadOnlyList<CriteriaSection> Met { get; init; }

    /// <summary>
    /// Questions not yet answered, in form order. A settled prompt (a review must be held, say) can stand while some
    /// remain, but the form is not complete until this is empty.
    /// </summary>
    public required IReadOnlyList<string> Unanswered { get; init; }

    /// <summary>Questions answered "not known" which, if the answer were yes, would meet a stronger paragraph.</summary>
    public required IReadOnlyList<string> OpenQuestions { get; init; }

    /// <summary>How many of the prompting questions (WT2006 8.9) are answered yes; a question in parts counts once.</summary>
    public required int PromptingYesCount { get; init; }

    /// <summary>How many prompting questions the set has (11 for WT2006 8.9; 0 when it has none).</summary>
    public required int PromptingQuestionCount { get; init; }

    /// <summary>Whether <see cref="PromptingYesCount"/> reaches <see cref="CriteriaRules.SeveralYesAnswers"/>.</summary>
    public bool SeveralPromptingYes => PromptingYesCount >= CriteriaRules.SeveralYesAnswers;

    /// <summary>The warnings whose conditions hold, in the set's order.</summary>
    public IReadOnlyList<CriteriaWarning> Warnings { get; init; } = [];

    /// <summary>Whether a section of this kind is met.</summary>
    public bool IsMet(CriteriaSectionKind kind) => Met.Any(s => s.Kind == kind);

    /// <summary>
    /// Whether the proposal is something other than a serious case review: not to initiate, or a non-statutory
    /// learning review. The National Panel counts both as decisions not to hold one.
    /// </summary>
    public bool DeclinesSeriousCaseReview => Proposed is DecisionOutcome.DoNotInitiate or DecisionOutcome.CommissionLearningReview;
}

/// <summary>Applies a criteria set to answers. Pure: no database, no clock.</summary>
public static class CriteriaRules
{
    /// <summary>
    /// The number of yes answers to the prompting questions that counts as "several". WT2006 8.9 gives no number; in
    /// ordinary English "several" means more than two, so three is the smallest count that is several. Two yes answers
    /// can be one concern seen from two sides; three point to a pattern worth a review.
    /// </summary>
    public const int SeveralYesAnswers = 3;

    /// <summary>
    /// Applies the set to the answers and the proposal. The prompt rests on the first must-review or must-consider
    /// section that is met, provided no earlier one could still be met by a missing answer; otherwise, with every
    /// question answered, the criteria are not met. "Not known" does not meet a condition, but is reported in
    /// <see cref="CriteriaEvaluation.OpenQuestions"/> where a yes would. Refuses unknown question ids.
    /// </summary>
    public static CriteriaEvaluation Evaluate(CriteriaSet set, CriteriaAnswers answers, DecisionOutcome? proposed)
    {
        var unanswered = answers.Validate(set);
        Truth Strict(string id) => answers.Find(id) switch
        {
            YesNoNotKnown.Yes => Truth.True,
            null => Truth.Unknown,
            _ => Truth.False,
        };
        Truth IfNotKnownWereYes(string id) => answers.Find(id) switch
        {
            YesNoNotKnown.No => Truth.False,
            null => Truth.Unknown,
            _ => Truth.True,
        };

        var criteria = set.Sections.Where(s => s.Condition is not null).ToList();
        var met = criteria.Where(s => s.Condition!.Test(Strict) == Truth.True).ToList();

        CriteriaSection? restsOn = null;
        var undecided = false;
        foreach (var section in criteria)
        {
            var truth = section.Condition!.Test(Strict);
            if (truth == Truth.True)
            {
                restsOn = section;
                break;
            }
            if (truth == Truth.Unknown)
            {
                undecided = true;
                break;
            }
        }

        var stronger = restsOn is null ? criteria : criteria.TakeWhile(s => s != restsOn).ToList();
        var open = stronger
            .Where(s => s.Condition!.Test(Strict) == Truth.False && s.Condition.Test(IfNotKnownWereYes) == Truth.True)
            .Select(s => (Section: s, Ids: s.Condition!.Reasons(IfNotKnownWereYes).Where(id => answers.Find(id) == YesNoNotKnown.NotKnown).Distinct().ToList()))
            .ToList();

        var prompts = set.Prompts?.Questions ?? [];
        var yesCount = prompts.Where(q => answers.Find(q.Id) == YesNoNotKnown.Yes).Select(q => q.Group).Distinct().Count();
        var promptCount = prompts.Select(q => q.Group).Distinct().Count();

        DecisionPrompt prompt;
        string? paragraph;
        var explanation = new List<string>();
        if (restsOn is not null)
        {
            prompt = restsOn.Kind == CriteriaSectionKind.MustReview ? DecisionPrompt.MustHoldReview : DecisionPrompt.MustConsider;
            paragraph = restsOn.Reference;
            // A section met alongside the deciding one is named with its reasons; what follows from it is said only when it
            // builds on the deciding one (the 2018 local review criteria on a serious case), since 8.6's "consider" adds
            // nothing to 8.5's "must".
            var stated = new HashSet<string>(StringComparer.Ordinal);
            var deciding = restsOn.Condition!.QuestionIds.ToHashSet(StringComparer.Ordinal);
            foreach (var section in met)
            {
                var reasons = section.Condition!.Reasons(Strict).Where(stated.Add).ToList();
                var why = reasons.Count > 0 ? $": {Facts(set, reasons)}." : ".";
                var buildsOn = section == restsOn || deciding.IsSubsetOf(section.Condition.QuestionIds);
                explanation.Add($"{section.Reference} {(section == restsOn ? "is met" : "is also met")}{why}{(buildsOn ? $" {section.WhenMet}" : "")}");
            }
        }
        else if (undecided || unanswered.Count > 0)
        {
            prompt = DecisionPrompt.NotEnoughAnswers;
            paragraph = null;
            explanation.Add(unanswered.Count == 1
                ? "1 question still needs an answer before the criteria can be applied."
                : $"{unanswered.Count} questions still need an answer before the criteria can be applied.");
        }
        else
        {
            prompt = DecisionPrompt.CriteriaNotMet;
            paragraph = JoinAnd(criteria.Select(s => s.Reference).ToList());
            var refs = criteria.Select(s => s.Reference).ToList();
            explanation.Add(refs.Count switch
            {
                1 => $"{refs[0]} is not met on these answers.",
                2 => $"Neither {refs[0]} nor {refs[1]} is met on these answers.",
                _ => $"None of {paragraph} is met on these answers.",
            });
            explanation.Add(set.WhenNotMet);
            if (yesCount >= SeveralYesAnswers && set.Prompts is { } section)
            {
                explanation.Add($"But {yesCount} of the {promptCount} questions in {section.Reference} are answered yes, which suggests a review could bring useful lessons.");
            }
        }
        if (prompt != DecisionPrompt.NotEnoughAnswers && open.Count > 0)
        {
            explanation.Add($"Some answers are not known: {string.Join("; ", open.Select(o => $"if {Facts(set, o.Ids)}, {o.Section.Reference} would be met"))}.");
        }

        var evaluation = new CriteriaEvaluation
        {
            Set = set,
            Answers = answers,
            Proposed = proposed,
            Prompt = prompt,
            Paragraph = paragraph,
            Explanation = string.Join(" ", explanation),
            Met = met,
            Unanswered = unanswered,
            OpenQuestions = open.SelectMany(o => o.Ids).Distinct().ToList(),
            PromptingYesCount = yesCount,
            PromptingQuestionCount = promptCount,
        };
        return evaluation with { Warnings = set.Warnings.Where(w => w.AppliesTo(evaluation)).ToList() };
    }

    private static string Facts(CriteriaSet set, IEnumerable<string> ids) => JoinAnd(ids.Select(id => set.Question(id)!.Fact).ToList());

    private static string JoinAnd(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}",
    };
}
