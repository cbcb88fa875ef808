using System.Runtime.CompilerServices;
using System.Text;
using Scr.Core.Models;

namespace Scr.Core.Exchange;

/// <summary>
/// The words an enum's values are written as in the exchange format, in the enum's order (its values are 0, 1, 2, …).
/// Matching reads UTF-8 bytes straight from the file, so reading a value allocates nothing.
/// </summary>
public sealed class ExchangeEnum<T>
    where T : struct, Enum
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;

    internal ExchangeEnum(params string[] names)
    {
        if (Unsafe.SizeOf<T>() != sizeof(int) || names.Length != Enum.GetValues<T>().Length
            || Enum.GetValues<T>().Select(v => Unsafe.As<T, int>(ref v)).Where((v, i) => v != i).Any())
        {
            throw new InvalidOperationException($"The exchange names of {typeof(T).Name} do not match its values.");
        }
        _names = names;
        _utf8 = names.Select(Encoding.UTF8.GetBytes).ToArray();
        Allowed = string.Join(", ", names);
    }

    /// <summary>Every word, in order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The words as a list for a message: "male, female, not-known".</summary>
    public string Allowed { get; }

    public string Name(T value)
    {
        var index = Unsafe.As<T, int>(ref value);
        return (uint)index < (uint)_names.Length ? _names[index] : throw new ArgumentOutOfRangeException(nameof(value), value, null);
    }

    public ReadOnlySpan<byte> Utf8Name(T value)
    {
        var index = Unsafe.As<T, int>(ref value);
        return (uint)index < (uint)_utf8.Length ? _utf8[index] : throw new ArgumentOutOfRangeException(nameof(value), value, null);
    }

    public bool TryParse(ReadOnlySpan<byte> utf8, out T value)
    {
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (utf8.SequenceEqual(_utf8[i]))
            {
                value = Unsafe.As<int, T>(ref i);
                return true;
            }
        }
        value = default;
        return false;
    }

    public bool TryParse(string text, out T value) => TryParse(Encoding.UTF8.GetBytes(text), out value);
}

/// <summary>The words of the exchange format (shared/exchange-format.md) for each enum it uses.</summary>
public static class ExchangeNames
{
    public const string NotKnown = "not-known";

    public static ExchangeEnum<ExchangeReviewKind> Kind { get; } =
        new("serious-case-review", "learning-review", "child-practice-review", "other", NotKnown);

    public static ExchangeEnum<GuidanceEdition> Guidance { get; } =
        new("wt1999", "wt2006", "wt2010", "wt2013", "wt2015", "wt2018", "wt2023", "wales-2012", NotKnown);

    public static ExchangeEnum<IncidentType> Incident { get; } = new("death", "serious-injury", "suicide", "sexual-abuse", "other", NotKnown);

    public static ExchangeEnum<Sex> Sex { get; } = new("male", "female", NotKnown);

    public static ExchangeEnum<Ethnicity> Ethnicity { get; } =
        new("white-british", "white-other", "mixed", "black", "asian", "other", NotKnown);

    public static ExchangeEnum<YesNoNotKnown> YesNo { get; } = new("yes", "no", NotKnown);

    public static ExchangeEnum<ChildProtectionPlanStatus> ChildProtectionPlan { get; } = new("yes", "no", "previously", NotKnown);

    public static ExchangeEnum<LegalStatus> LegalStatus { get; } =
        new("none", "interim-care-order", "care-order", "s20-accommodation", "adopted", "other", NotKnown);

    public static ExchangeEnum<ReviewTheme> Theme { get; } = new("neglect", "domestic-violence", "parental-substance-misuse",
        "parental-mental-ill-health", "disability", "sexual-abuse", "physical-abuse", "emotional-abuse", "exploitation", "transition", "other");

    public static ExchangeEnum<ExchangeDecisionOutcome> Outcome { get; } = new("initiate", "not-initiate", NotKnown);

    public static ExchangeEnum<PanelResponse> PanelResponse { get; } = new("not-considered", "agreed", "challenged");

    public static ExchangeEnum<ChallengeOutcome> ChallengeOutcome { get; } =
        new("awaiting-information", "accepted-after-information", "became-review");

    public static ExchangeEnum<AuthorStatus> AuthorStatus { get; } = new("independent", "internal", NotKnown);

    public static ExchangeEnum<OutlineItem> OutlineItem { get; } = new("circumstances", "termsOfReference", "contributors",
        "familyContributed", "genogram", "integratedChronology", "knownInformationSummary", "howAndWhyAnalysis",
        "alternativeCourseConsidered", "goodPractice", "lessonsSummary", "recommendationsBeyondAgencyReports",
        "recommendationsFewAndSpecific", "nationalLessons", "actionPlanWhoWhatWhen", "actionPlanOutcomes", "actionPlanReviewOfOutcomes");

    public static ExchangeEnum<OutlineAnswer> OutlineAnswer { get; } = new("yes", "no", "partly", "not-applicable", NotKnown);

    public static ExchangeEnum<PublicationDecision> Publication { get; } = new("publish", "not-publish", "not-decided", NotKnown);

    public static ExchangeEnum<PublicationPanelResponse> PublicationResponse { get; } =
        new("accepted", "reconsidering", "published-after-advice", NotKnown);

    public static ExchangeEnum<RecommendationFocus> Focus { get; } = new("existing-procedures", "new-procedures", "communication",
        "training", "assessment", "management", "risk-assessment", "supervision", "roles", "decision-making", "direct-work", "new-staff",
        "knowledge-skills", "other", NotKnown);

    public static ExchangeEnum<ActionPlanItem> PlanItem { get; } = new("partOfOverviewReport", "singlePlanForAllAgencies",
        "linkedToRecommendations", "leadOfficerNamed", "completionDatesSet", "costed");

    public static ExchangeEnum<ActionPlanAnswer> PlanAnswer { get; } = new("yes", "no", "partly", NotKnown);

    public static ExchangeEnum<Region> Region { get; } = new("london", "north-west", "north-east", "west-midlands", "east-midlands",
        "yorkshire-humber", "central", "south-west", "south-east", "eastern", NotKnown);
}
