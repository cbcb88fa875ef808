using Scr.Core.Models;
using Scr.Core.Rules.Criteria;

namespace Scr.Core.Tests.Rules.Criteria;

/// <summary>Builders of answers for the criteria tests.</summary>
internal static class Answering
{
    /// <summary>
    /// Every question of the set answered no, except the National Panel's checks, answered as a careful panel would
    /// (psychological harm considered, circumstances looked at, other agencies enquired into). Raises no warning.
    /// </summary>
    public static CriteriaAnswers Baseline(CriteriaSet set) => CriteriaAnswers.Of(set.Questions.Select(q => KeyValuePair.Create(q.Id,
        q.Id is "harm-psychological-considered" or "harm-circumstances-examined" or "harm-other-agencies-enquired"
            ? YesNoNotKnown.Yes
            : YesNoNotKnown.No)));

    public static CriteriaAnswers Yes(this CriteriaAnswers answers, params string[] ids) => Set(answers, YesNoNotKnown.Yes, ids);

    public static CriteriaAnswers No(this CriteriaAnswers answers, params string[] ids) => Set(answers, YesNoNotKnown.No, ids);

    public static CriteriaAnswers NotKnown(this CriteriaAnswers answers, params string[] ids) => Set(answers, YesNoNotKnown.NotKnown, ids);

    public static CriteriaAnswers Unanswered(this CriteriaAnswers answers, params string[] ids) => ids.Aggregate(answers, (a, id) => a.Without(id));

    private static CriteriaAnswers Set(CriteriaAnswers answers, YesNoNotKnown answer, string[] ids) =>
        ids.Aggregate(answers, (a, id) => a.With(id, answer));
}
