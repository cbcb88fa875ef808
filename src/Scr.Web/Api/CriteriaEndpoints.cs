using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Models;
using Scr.Core.Rules.Criteria;

namespace Scr.Web.Api;

/// <summary>
/// The criteria for deciding whether to hold a review, as the recommendation form asks them: public guidance, not
/// case material, so any token may read them. A case names its set in <c>criteriaSet</c>.
/// </summary>
public static class CriteriaEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/criteria/{setId}", GetCriteria).WithTags("Criteria").WithName("GetCriteria")
            .WithSummary("The questions of a criteria set (wt2006 or wt2018), with their ids and the answers each allows")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Results<Ok<CriteriaSetDetail>, ProblemHttpResult> GetCriteria(string setId) =>
        CriteriaSet.Find(setId) is { } set
            ? TypedResults.Ok(CriteriaSetDetail.Of(set))
            : TypedResults.Problem($"There is no criteria set “{setId}”: use wt2006 or wt2018.", statusCode: StatusCodes.Status404NotFound);
}

public sealed record CriteriaQuestionDetail(string Id, string Text, string? Hint, IReadOnlyList<string> Answers, string? DetailsLabel);

public sealed record CriteriaSectionDetail(string Reference, string Title, string Explanation, CriteriaSectionKind Kind,
    IReadOnlyList<CriteriaQuestionDetail> Questions);

public sealed record CriteriaSetDetail(string Id, string Title, IReadOnlyList<GuidanceEdition> Editions, IReadOnlyList<CriteriaSectionDetail> Sections)
{
    public static CriteriaSetDetail Of(CriteriaSet set) => new(set.Id, set.Title, set.Editions.Order().ToList(),
        set.Sections.Select(s => new CriteriaSectionDetail(s.Reference, s.Title, s.Explanation, s.Kind,
            s.Questions.Select(q => new CriteriaQuestionDetail(q.Id, q.Text, q.Hint, q.Options.Select(CriteriaAnswers.ValueOf).ToList(), q.DetailsLabel))
                .ToList())).ToList());
}
