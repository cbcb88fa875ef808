using System.Collections;
using System.Runtime.CompilerServices;
using Scr.Core.Models;

namespace Scr.Core.Exchange;

// The typed records of an exchange file (shared/exchange-format.md, version "scr-exchange/1"). A value the file leaves
// out and the value "not-known" read the same: NotKnown for an enum with that value, null otherwise. Records compare by
// value, lists included, so a file read, written and read again gives equal records.

/// <summary>What kind of review (exchange <c>kind</c>).</summary>
public enum ExchangeReviewKind
{
    SeriousCaseReview,
    LearningReview,
    ChildPracticeReview,
    Other,
    NotKnown,
}

/// <summary>The board's decision (exchange <c>decision.outcome</c>).</summary>
public enum ExchangeDecisionOutcome
{
    Initiate,
    NotInitiate,
    NotKnown,
}

/// <summary>A board known to the sender: the base of "boards not in touch" and where a review's region comes from.</summary>
public sealed record ExchangeBoard(string Id, string? Name = null, Region Region = Region.NotKnown);

public sealed record ExchangeReview
{
    /// <summary>Required; unique per board.</summary>
    public required string Reference { get; init; }

    /// <summary>Required: the id of a board.</summary>
    public required string Board { get; init; }

    public ExchangeReviewKind Kind { get; init; } = ExchangeReviewKind.NotKnown;
    public GuidanceEdition Guidance { get; init; } = GuidanceEdition.NotKnown;
    public ExchangeIncident? Incident { get; init; }
    public ValueList<ExchangeChild> Children { get; init; } = ValueList<ExchangeChild>.Empty;

    /// <summary>The main carers' ethnicity: one value per review.</summary>
    public Ethnicity ParentsEthnicity { get; init; } = Ethnicity.NotKnown;

    public ValueList<ReviewTheme> Themes { get; init; } = ValueList<ReviewTheme>.Empty;
    public ExchangeDecision? Decision { get; init; }
    public ExchangeReport? Report { get; init; }

    /// <summary>
    /// Whether the report's recommendations could be counted: the file's <c>recommendationsKnown</c>, or, when it leaves that
    /// out, whether it lists the recommendations at all.
    /// </summary>
    public bool RecommendationsKnown { get; init; }

    public ValueList<ExchangeRecommendation> Recommendations { get; init; } = ValueList<ExchangeRecommendation>.Empty;
    public ExchangeActionPlan? ActionPlan { get; init; }
}

public sealed record ExchangeIncident(IncidentType Type = IncidentType.NotKnown, DateOnly? Date = null, DateOnly? NotifiedToBoard = null);

/// <summary>A child who is a subject of the review; never the child's name.</summary>
/// <param name="Harm">The harm to this child; null when the file leaves it out, so it is the incident's type.</param>
public sealed record ExchangeChild(
    int? AgeAtIncidentMonths = null,
    IncidentType? Harm = null,
    Sex Sex = Sex.NotKnown,
    Ethnicity Ethnicity = Ethnicity.NotKnown,
    YesNoNotKnown Disability = YesNoNotKnown.NotKnown,
    ChildProtectionPlanStatus ChildProtectionPlan = ChildProtectionPlanStatus.NotKnown,
    LegalStatus LegalStatus = LegalStatus.NotKnown)
{
    /// <summary>The oldest a child can be, in whole months: 17 years and 11 months.</summary>
    public const int MaximumAgeMonths = 215;

    /// <summary>The harm counted for this child: its own, or else the incident's type.</summary>
    public IncidentType HarmOrIncident(ExchangeIncident? incident) => Harm ?? incident?.Type ?? IncidentType.NotKnown;
}

/// <summary>The board's decision and the National Panel's response to it.</summary>
/// <param name="Panel">Null when the file says nothing of the Panel's response.</param>
public sealed record ExchangeDecision(
    ExchangeDecisionOutcome Outcome = ExchangeDecisionOutcome.NotKnown,
    DateOnly? DecidedOn = null,
    string? Rationale = null,
    DateOnly? ReportedToPanelOn = null,
    ExchangePanelAnswer? Panel = null)
{
    /// <summary>
    /// Whether the Panel was told of the decision: the file gives the date it was reported or the Panel's response. Only
    /// such decisions count in the Panel's figures, as in the Panel's workspace, which counts the decisions sent to it.
    /// </summary>
    public bool SentToPanel => ReportedToPanelOn is not null || Panel is not null;
}

/// <param name="Response">Null when not known.</param>
/// <param name="ChallengeOutcome">How a challenge ended; null when there was none or it is not known.</param>
public sealed record ExchangePanelAnswer(PanelResponse? Response = null, ChallengeOutcome? ChallengeOutcome = null);

public sealed record ExchangeReport(
    DateOnly? CompletedOn = null,
    AuthorStatus AuthorStatus = AuthorStatus.NotKnown,
    int? Pages = null,
    ExchangeOutline? Outline = null,
    ExchangePublication? Publication = null);

/// <summary>The report's compliance with each item of the required outline; an item the file leaves out is not known.</summary>
public sealed class ExchangeOutline : IEquatable<ExchangeOutline>
{
    private static readonly int Count = Enum.GetValues<OutlineItem>().Length;
    private readonly OutlineAnswer[] _answers;

    public ExchangeOutline()
    {
        _answers = new OutlineAnswer[Count];
        Array.Fill(_answers, OutlineAnswer.NotKnown);
    }

    public ExchangeOutline(IReadOnlyDictionary<OutlineItem, OutlineAnswer> answers)
        : this()
    {
        foreach (var (item, answer) in answers)
        {
            _answers[(int)item] = answer;
        }
    }

    public OutlineAnswer this[OutlineItem item]
    {
        get => _answers[(int)item];
        internal set => _answers[(int)item] = value;
    }

    public bool Equals(ExchangeOutline? other) => other is not null && _answers.AsSpan().SequenceEqual(other._answers);

    public override bool Equals(object? obj) => Equals(obj as ExchangeOutline);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var answer in _answers)
        {
            hash.Add(answer);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", _answers.Select((a, i) => $"{(OutlineItem)i}: {a}"));
}

/// <param name="SentToPanelOn">When the report (or the decision not to publish it) was sent to the National Panel.</param>
/// <param name="PanelResponse">For a decision not to publish: what the Panel made of it.</param>
public sealed record ExchangePublication(
    PublicationDecision Decision = PublicationDecision.NotKnown,
    DateOnly? SentToPanelOn = null,
    PublicationPanelResponse? PanelResponse = null,
    DateOnly? PublishedOn = null);

public sealed record ExchangeRecommendation(
    int? Number = null,
    string? Text = null,
    string? AddressedTo = null,
    RecommendationFocus Focus = RecommendationFocus.NotKnown,
    string? DesiredOutcome = null,
    string? Measure = null);

/// <summary>The action plan: the plan-level judgements as coded (or derived) and its actions.</summary>
/// <param name="ActionsKnown">
/// Whether the actions could be counted: the file's <c>actionsKnown</c>, or, when it leaves that out, whether it lists the
/// actions at all.
/// </param>
public sealed record ExchangeActionPlan(bool ActionsKnown, ValueList<ActionPlanAnswer> Judgements, ValueList<ExchangeAction> Actions)
{
    private static readonly int Items = Enum.GetValues<ActionPlanItem>().Length;

    /// <summary>A plan with every judgement not known and no actions listed.</summary>
    public ExchangeActionPlan()
        : this(false, NotKnownJudgements(), ValueList<ExchangeAction>.Empty)
    {
    }

    public ActionPlanAnswer this[ActionPlanItem item] => Judgements[(int)item];

    /// <summary>A plan whose every judgement is not known.</summary>
    public static ValueList<ActionPlanAnswer> NotKnownJudgements() => new(Enumerable.Repeat(ActionPlanAnswer.NotKnown, Items));

    /// <summary>The judgements in the order of <see cref="ActionPlanItem"/>, not known where not given.</summary>
    public static ValueList<ActionPlanAnswer> JudgementsOf(IReadOnlyDictionary<ActionPlanItem, ActionPlanAnswer> answers) =>
        new(Enumerable.Range(0, Items).Select(i => answers.GetValueOrDefault((ActionPlanItem)i, ActionPlanAnswer.NotKnown)));
}

public sealed record ExchangeAction(
    int? Recommendation = null,
    string? Text = null,
    string? Lead = null,
    DateOnly? Due = null,
    string? IntendedOutcome = null,
    string? Status = null,
    string? EvidenceOfImpact = null);

/// <summary>A read-only list that compares by its items, so records holding lists compare by value.</summary>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    public static ValueList<T> Empty { get; } = new([]);

    public ValueList(IEnumerable<T> items)
    {
        _items = items.ToArray();
    }

    private ValueList(T[] items, bool _)
    {
        _items = items;
    }

    /// <summary>Takes the array as it is (the caller gives it up).</summary>
    internal static ValueList<T> Own(T[] items) => items.Length == 0 ? Empty : new(items, true);

    public T this[int index] => _items[index];

    public int Count => _items.Length;

    public ReadOnlySpan<T> AsSpan() => _items;

    public ReadOnlySpan<T>.Enumerator GetEnumerator() => new ReadOnlySpan<T>(_items).GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => $"[{string.Join(", ", _items)}]";

    public static implicit operator ValueList<T>(T[] items) => new(items);

    public static implicit operator ValueList<T>(List<T> items) => new(items);
}

/// <summary>Builds <see cref="ValueList{T}"/>s from collection expressions.</summary>
public static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => ValueList<T>.Own(items.ToArray());
}
