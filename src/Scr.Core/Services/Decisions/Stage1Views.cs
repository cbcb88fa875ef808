using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Criteria;
using Scr.Core.Services.Reviews;

namespace Scr.Core.Services.Decisions;

/// <summary>
/// The sub-group's recommendation as a form or the API sends it: answers by question id ("yes", "no" or "not-known"),
/// the recommendation, its rationale, and the proposed methodology and scope. Checked and evaluated by
/// <see cref="DecisionService.CheckRecommendation"/>.
/// </summary>
public sealed record RecommendationForm(IReadOnlyDictionary<string, string?>? Answers, DecisionOutcome? Recommendation, string? Rationale,
    Methodology? Methodology = null, string? Scope = null, string? AlternativeReview = null);

/// <summary>The criteria applied to a recommendation form, and what stops it being recorded (empty when nothing does).</summary>
public sealed record RecommendationCheck(CriteriaEvaluation Evaluation, IReadOnlyList<RuleProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>A recorded recommendation, the evaluation of its answers, and the case's version after it.</summary>
public sealed record RecommendationResult(SubGroupRecommendation Recommendation, CriteriaEvaluation Evaluation, Guid Version);

/// <summary>One agency's file review with the names a reader needs.</summary>
public sealed record FileReviewView(Guid ReviewId, string Reference, FileReview FileReview, string Agency, string SubmittedBy);

/// <summary>
/// A case's stage 1 record for one person: the case as they may see it, whether they are of the board (business unit,
/// chair, sub-group: they see peer reviews and communications), the involved agencies they act for, the agencies whose
/// file review they may read (<see cref="ReviewAccessRules.MaySeeFileReview"/>), and the names of the people in it.
/// </summary>
public sealed record Stage1Record(ReviewView View, bool IsBoard, IReadOnlySet<Guid> OwnAgencies, IReadOnlySet<Guid> ReadableFileReviews,
    IReadOnlyDictionary<Guid, string> People)
{
    public Review Review => View.Review;
    public ReviewAccess Access => View.Access;
    public bool IsFull => Access == ReviewAccess.Full;

    /// <summary>
    /// Whether the person sees this agency's part at all: the board and the review team see every agency; an agency
    /// sees itself, and the others once the file reviews are shared.
    /// </summary>
    public bool MaySeeAgency(Guid agencyId) => IsFull || OwnAgencies.Contains(agencyId) || Review.FileReviewsSharedAt is not null;

    public bool MayReadFileReview(Guid agencyId) => ReadableFileReviews.Contains(agencyId);

    public string? NameOf(Guid? userId) => userId is { } id ? People.GetValueOrDefault(id) : null;
}
