using Scr.Core.Models;

namespace Scr.Core.Rules.Criteria;

/// <summary>What a section of the criteria does in the decision.</summary>
public enum CriteriaSectionKind
{
    /// <summary>When its condition is met a review must be held (WT2006 8.5).</summary>
    MustReview,

    /// <summary>When its condition is met a review must be considered (WT2006 8.6).</summary>
    MustConsider,

    /// <summary>Questions that help the decision; several yes answers point to a review (WT2006 8.9).</summary>
    Prompts,

    /// <summary>Questions about the harm and its circumstances that expose the usual errors (National Panel 2014, ¶18).</summary>
    HarmAndCircumstances,
}

/// <summary>
/// One question of the recommendation form. Its <see cref="Id"/> is how the answer is stored, so it never changes
/// once released; change the wording instead.
/// </summary>
public sealed class CriteriaQuestion
{
    internal static readonly IReadOnlyList<YesNoNotKnown> AllOptions = [YesNoNotKnown.Yes, YesNoNotKnown.No, YesNoNotKnown.NotKnown];
    internal static readonly IReadOnlyList<YesNoNotKnown> YesOrNo = [YesNoNotKnown.Yes, YesNoNotKnown.No];

    internal CriteriaQuestion(string id, string text, string fact, string? hint = null, IReadOnlyList<YesNoNotKnown>? options = null,
        string? group = null, string? detailsLabel = null)
    {
        Id = id;
        Text = text;
        Fact = fact;
        Hint = hint;
        Options = options ?? AllOptions;
        Group = group ?? id;
        DetailsLabel = detailsLabel;
    }

    /// <summary>Stable key of the stored answer, such as "8.5-child-died".</summary>
    public string Id { get; }

    /// <summary>The question as the form asks it.</summary>
    public string Text { get; }

    /// <summary>What a yes answer states, as a clause ("the child died"); used in explanations and error messages.</summary>
    public string Fact { get; }

    /// <summary>Help shown under the question, if any.</summary>
    public string? Hint { get; }

    /// <summary>The answers the form offers, in order. "Not known" is left out only where the panel always knows.</summary>
    public IReadOnlyList<YesNoNotKnown> Options { get; }

    /// <summary>
    /// Questions with the same group are parts of one prompt and count once when yes answers are counted (the first
    /// question of WT2006 8.9 has three parts). A question on its own is its own group.
    /// </summary>
    public string Group { get; }

    /// <summary>When set, a yes answer asks for details in free text under this label; the form stores that text.</summary>
    public string? DetailsLabel { get; }

    /// <summary>The GOV.UK error message when the question has no answer.</summary>
    public string MissingAnswerMessage => $"Select whether {Fact}";
}

/// <summary>A part of the criteria, tied to the paragraph it comes from.</summary>
public sealed class CriteriaSection
{
    internal CriteriaSection(string reference, string title, string explanation, CriteriaSectionKind kind,
        IReadOnlyList<CriteriaQuestion> questions, CriteriaCondition? condition = null, string? whenMet = null)
    {
        Reference = reference;
        Title = title;
        Explanation = explanation;
        Kind = kind;
        Questions = questions;
        Condition = condition;
        WhenMet = whenMet;
    }

    /// <summary>The paragraph it rests on, such as "WT2006 8.5".</summary>
    public string Reference { get; }
    public string Title { get; }

    /// <summary>A short account of the paragraph, shown above its questions.</summary>
    public string Explanation { get; }
    public CriteriaSectionKind Kind { get; }
    public IReadOnlyList<CriteriaQuestion> Questions { get; }

    /// <summary>
    /// For <see cref="CriteriaSectionKind.MustReview"/> and <see cref="CriteriaSectionKind.MustConsider"/>: when the
    /// paragraph is met, in yes answers (it may use questions of other sections). Null for the other kinds.
    /// </summary>
    public CriteriaCondition? Condition { get; }

    /// <summary>What follows when the condition is met, in a sentence for the chair.</summary>
    public string? WhenMet { get; }
}

/// <summary>
/// The criteria for deciding whether to hold a review, under one set of guidance: the sections and questions of the
/// sub-group's recommendation form, the rules that turn answers into a prompt for the chair, and the warnings.
/// Everything the form, the stored answers, the decision prompt and the warnings need comes from here.
/// </summary>
/// <example>
/// <code>
/// var set = CriteriaSet.For(review.Guidance);
/// var answers = CriteriaAnswers.FromJson(stored);
/// var result = CriteriaRules.Evaluate(set, answers, DecisionOutcome.DoNotInitiate);
/// // result.Prompt, result.Paragraph, result.Explanation, result.PromptingYesCount, result.Warnings
/// </code>
/// </example>
public sealed class CriteriaSet
{
    private readonly Dictionary<string, CriteriaQuestion> _byId;

    internal CriteriaSet(string id, string title, IReadOnlySet<GuidanceEdition> editions, IReadOnlyList<CriteriaSection> sections,
        string whenNotMet, IReadOnlyList<CriteriaWarning> warnings)
    {
        Id = id;
        Title = title;
        Editions = editions;
        Sections = sections;
        WhenNotMet = whenNotMet;
        Warnings = warnings;
        Questions = sections.SelectMany(s => s.Questions).ToList();
        _byId = new Dictionary<string, CriteriaQuestion>(StringComparer.Ordinal);
        foreach (var question in Questions)
        {
            if (!_byId.TryAdd(question.Id, question))
            {
                throw new InvalidOperationException($"Criteria set {id} has two questions with the id {question.Id}.");
            }
        }
        foreach (var section in sections)
        {
            var decides = section.Kind is CriteriaSectionKind.MustReview or CriteriaSectionKind.MustConsider;
            if (decides != section.Condition is not null || decides != section.WhenMet is not null)
            {
                throw new InvalidOperationException($"In {id}, {section.Reference}: a condition and its consequence go with must-review and must-consider sections only.");
            }
            foreach (var questionId in section.Condition?.QuestionIds ?? [])
            {
                if (!_byId.ContainsKey(questionId))
                {
                    throw new InvalidOperationException($"In {id}, {section.Reference} refers to an unknown question {questionId}.");
                }
            }
        }
        if (sections.Count(s => s.Kind == CriteriaSectionKind.Prompts) > 1)
        {
            throw new InvalidOperationException($"Criteria set {id} has more than one section of prompts.");
        }
        if (warnings.Select(w => w.Key).Distinct(StringComparer.Ordinal).Count() != warnings.Count)
        {
            throw new InvalidOperationException($"Criteria set {id} has two warnings with the same key.");
        }
    }

    /// <summary>The criteria of Working Together 2006 chapter 8 (8.5, 8.6, 8.9) with the National Panel's checks.</summary>
    public static CriteriaSet Wt2006 => Wt2006Criteria.Set;

    /// <summary>
    /// The criteria since Working Together 2018: a serious child safeguarding case to notify to the national panel, and
    /// the rapid review's criteria for a local child safeguarding practice review.
    /// </summary>
    public static CriteriaSet Current => CurrentCriteria.Set;

    /// <summary>Every set, each covering its own editions.</summary>
    public static IReadOnlyList<CriteriaSet> All => [Wt2006, Current];

    /// <summary>
    /// The set for a case's guidance edition: <see cref="Current"/> for 2018 and 2023, otherwise <see cref="Wt2006"/>
    /// (the editions before 2018 kept its criteria in substance, and Wales 2012 and "not known" are read against it).
    /// </summary>
    public static CriteriaSet For(GuidanceEdition edition) => All.FirstOrDefault(s => s.Editions.Contains(edition)) ?? Wt2006;

    /// <summary>The set with this id, or null; for answers stored with the id of the set they were given under.</summary>
    public static CriteriaSet? Find(string id) => All.FirstOrDefault(s => s.Id == id);

    /// <summary>Stable id, such as "wt2006"; store it with the answers.</summary>
    public string Id { get; }
    public string Title { get; }

    /// <summary>The guidance editions this set is used for.</summary>
    public IReadOnlySet<GuidanceEdition> Editions { get; }

    /// <summary>The sections in the order the form shows them.</summary>
    public IReadOnlyList<CriteriaSection> Sections { get; }

    /// <summary>Every question of every section, in form order.</summary>
    public IReadOnlyList<CriteriaQuestion> Questions { get; }

    /// <summary>What follows when no criterion is met, in a sentence for the chair.</summary>
    public string WhenNotMet { get; }

    /// <summary>The warnings checked against every evaluation, in the order they are shown.</summary>
    public IReadOnlyList<CriteriaWarning> Warnings { get; }

    /// <summary>The section of prompting questions (WT2006 8.9), if the set has one.</summary>
    public CriteriaSection? Prompts => Sections.FirstOrDefault(s => s.Kind == CriteriaSectionKind.Prompts);

    /// <summary>The question with this id, or null.</summary>
    public CriteriaQuestion? Question(string id) => _byId.GetValueOrDefault(id);
}
