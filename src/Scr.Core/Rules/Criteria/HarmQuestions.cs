namespace Scr.Core.Rules.Criteria;

/// <summary>
/// Questions about the harm and what led to it, which bring into view the usual errors in decisions not to review
/// (National Panel annual report 2014, ¶18). Shared by every set, with the same ids.
/// </summary>
internal static class HarmQuestions
{
    public const string Reference = "National Panel annual report 2014, ¶18";

    public const string PsychologicalConsidered = "harm-psychological-considered";
    public const string Recovered = "harm-recovered";
    public const string CircumstancesExamined = "harm-circumstances-examined";
    public const string OtherAgenciesEnquired = "harm-other-agencies-enquired";
    public const string AlternativeReview = "harm-alternative-review";

    /// <param name="review">The statutory review under this guidance, with its article: "a serious case review".</param>
    public static CriteriaSection Section(string review) => new(
        Reference,
        "The harm and what led up to it",
        "The National Panel found that decisions not to review often rest on the same few errors: judging harm too narrowly, "
        + "looking only at the immediate cause, letting one agency's failure stand for the whole, and putting another kind of "
        + "review in place of the statutory one. These questions bring them into view before the chair decides.",
        CriteriaSectionKind.HarmAndCircumstances,
        [
            new(PsychologicalConsidered,
                "Has psychological and emotional harm to the child been considered, as well as physical injury?",
                "psychological and emotional harm to the child has been considered",
                "Serious harm includes lasting damage to a child's mental health and emotional development."),
            new(Recovered,
                "Has the child recovered, or are they expected to recover, from a physical injury?",
                "the child has recovered, or is expected to recover, from a physical injury",
                "Answer no if the child died or had no physical injury. A child's recovery does not show that the harm was not serious."),
            new(CircumstancesExamined,
                "Have the circumstances leading up to the incident been looked at, and not only its immediate cause?",
                "the circumstances leading up to the incident have been looked at, not only its immediate cause",
                "Lessons about how agencies worked together usually lie in the weeks and months before the incident."),
            new(OtherAgenciesEnquired,
                "Has enough initial enquiry been made to show that the agencies involved worked well together?",
                "enough initial enquiry has been made to show that the agencies involved worked well together",
                "One agency's obvious failure does not show that the others did not also fail, even to a lesser degree. "
                + "Answer no or not known if the view rests on one agency's failure."),
            new(AlternativeReview,
                $"Is another kind of review, investigation or audit proposed instead of {review}?",
                $"another kind of review, investigation or audit is proposed instead of {review}",
                "For example a single-agency review, a management review, a learning review or an audit of files.",
                CriteriaQuestion.YesOrNo,
                detailsLabel: "Name the review, investigation or audit proposed"),
        ]);
}
