using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Criteria;
using Scr.Core.Services;
using Scr.Core.Services.Decisions;
using Scr.Core.Services.Drafts;
using Scr.Core.Services.Reviews;
using Scr.Web.Drafts;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Case;

/// <summary>
/// The review sub-group's formal recommendation to the chair (WT2006 8.10–8.11; seed 000 Stage 1): it walks through the
/// criteria of the case's guidance edition, shows the prompt they give and the National Panel's warnings (002 ¶18), and
/// records the recommendation with its rationale, proposed methodology and scope.
/// </summary>
public class RecommendationModel(CurrentUser me, ReviewService reviews, DecisionService decisions, DraftService drafts) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public RecommendationForm Input { get; set; } = new();

    public Review Review { get; private set; } = null!;
    public CriteriaSet Set { get; private set; } = CriteriaSet.Wt2006;
    public CriteriaAnswers Answers { get; private set; } = CriteriaAnswers.Empty;
    public CriteriaEvaluation? Evaluation { get; private set; }
    public bool MayRecommend { get; private set; }
    public DateTimeOffset? DraftSavedAt { get; private set; }
    public string DraftKey => $"recommendation:{Id:N}";

    public sealed class RecommendationForm
    {
        [Required(ErrorMessage = "Select the sub-group's recommendation")]
        public DecisionOutcome? Recommendation { get; set; }

        [Required(ErrorMessage = "Enter the rationale for the recommendation, against the criteria")]
        [StringLength(8000, ErrorMessage = "The rationale must be 8,000 characters or fewer")]
        public string? Rationale { get; set; }

        public Methodology? Methodology { get; set; }

        [StringLength(8000, ErrorMessage = "The scope must be 8,000 characters or fewer")]
        public string? Scope { get; set; }

        [StringLength(2000, ErrorMessage = "The other kind of review must be 2,000 characters or fewer")]
        public string? AlternativeReview { get; set; }
    }

    public static IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> MethodologyOptions { get; } =
        [new("Not decided yet", ""), .. Enum.GetValues<Methodology>().Select(v => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(Labels.Of(v), v.ToString()))];

    /// <summary>The form field (and element id) of a question's answer.</summary>
    public static string FieldOf(CriteriaQuestion question) => "q-" + question.Id.Replace('.', '_');

    private async Task<Principal> LoadAsync()
    {
        var principal = await me.GetAsync();
        var view = await reviews.GetAsync(Id, principal, me.Actor);
        Review = view.Review;
        if (view.Access != ReviewAccess.Full)
        {
            throw new ForbiddenException("Only the board and the review sub-group see the recommendation.");
        }
        Set = CriteriaSet.For(Review.Guidance);
        MayRecommend = ReviewAccessRules.MayRecommend(principal, Review) && Review.IsAwaitingDecision;
        return principal;
    }

    private CriteriaAnswers AnswersFrom(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var byField = Set.Questions.ToDictionary(FieldOf, q => q.Id);
        var answers = CriteriaAnswers.Empty;
        foreach (var (name, value) in fields)
        {
            if (byField.TryGetValue(name, out var id) && CriteriaAnswers.TryParseValue(value, out var answer))
            {
                answers = answers.With(id, answer);
            }
        }
        return answers;
    }

    public async Task OnGetAsync()
    {
        var principal = await LoadAsync();
        Version = Review.Version;
        if (Review.Recommendation is { } recorded)
        {
            Answers = CriteriaAnswers.FromJson(recorded.Answers);
            Input = new RecommendationForm
            {
                Recommendation = recorded.Recommendation,
                Rationale = recorded.Rationale,
                Methodology = recorded.Methodology,
                Scope = recorded.Scope,
                AlternativeReview = recorded.AlternativeReview,
            };
            Evaluation = CriteriaRules.Evaluate(Set, Answers, recorded.Recommendation);
        }
        if (MayRecommend && await drafts.LoadAsync(principal.UserId, DraftKey) is { } draft)
        {
            await TryUpdateModelAsync(Input, nameof(Input), DraftForms.ValuesOf(draft.Fields));
            Answers = AnswersFrom(draft.Fields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value.FirstOrDefault())));
            ModelState.Clear();
            DraftSavedAt = draft.SavedAt;
        }
    }

    /// <summary>Shows the prompt and the warnings for the answers so far, without recording anything.</summary>
    public async Task<IActionResult> OnPostCheckAsync()
    {
        await LoadAsync();
        Answers = AnswersFrom(Request.Form.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value.FirstOrDefault())));
        Evaluation = CriteriaRules.Evaluate(Set, Answers, Input.Recommendation);
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync()
    {
        var posted = Version;
        var principal = await LoadAsync();
        if (!MayRecommend)
        {
            throw new ForbiddenException("Only the review sub-group (or the business unit for it) records its recommendation.");
        }
        Answers = AnswersFrom(Request.Form.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value.FirstOrDefault())));
        // The core checks the answers against the criteria of the case's edition and evaluates them: the same for the API.
        var form = new Scr.Core.Services.Decisions.RecommendationForm(Answers.ToDictionary(a => a.Key, a => (string?)CriteriaAnswers.ValueOf(a.Value)),
            Input.Recommendation, Input.Rationale, Input.Methodology, Input.Scope, Input.AlternativeReview);
        var check = DecisionService.CheckRecommendation(Review.Guidance, form);
        Evaluation = check.Evaluation;
        AddProblems(check.Problems);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await decisions.RecommendAsync(Id, form, posted, principal, me.Actor);
        }
        catch (RuleViolationException e)
        {
            AddProblems(e.Problems);
            return Page();
        }
        catch (StaleEditException)
        {
            Version = Review.Version;
            ModelState.AddModelError("", "Someone else changed this case while you were writing. Your answers are below: check the case and record them again.");
            return Page();
        }
        await drafts.DeleteAsync(principal.UserId, DraftKey);
        TempData["Banner"] = "The sub-group's recommendation has been recorded and sent to the chair.";
        return Redirect($"/cases/{Id}");
    }

    /// <summary>
    /// Puts each of the core's problems on its field (an answer on its question, the rest on the form's inputs), unless the
    /// form's own check already put one there.
    /// </summary>
    private void AddProblems(IEnumerable<RuleProblem> problems)
    {
        foreach (var problem in problems)
        {
            var key = problem.Field switch
            {
                null => "",
                var f when f.StartsWith("answers.", StringComparison.Ordinal) && Set.Question(f["answers.".Length..]) is { } question => FieldOf(question),
                var f => $"{nameof(Input)}.{char.ToUpperInvariant(f[0])}{f[1..]}",
            };
            if (!ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
            {
                ModelState.AddModelError(key, problem.Message);
            }
        }
    }
}
