using Microsoft.AspNetCore.Mvc;
using Scr.Core.Rules;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services;
using Scr.Core.Services.Exchange;
using Scr.Web.Security;

namespace Scr.Web.Pages.Analysis.Coding;

/// <summary>
/// Settling a report coded twice (decision 0016): for each answer the coders differed on, the agreed answer and why; the
/// agreed coding then becomes the record's coded data, which the analysis counts.
/// </summary>
public class SettleModel(CurrentUser me, CodingService codings) : CodingPageModel
{
    public const string ReasonSuffix = ".reason";

    [FromRoute]
    public Guid Id { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public IReadOnlyDictionary<string, string> Choices { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Reasons { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<CodingQuestion> Differences =>
        View.Questions.Where(q => View.Differences.Contains(q.Key)).ToList();

    public bool MaySettle => View.Settlement is null && View.Progress == CodingProgress.CodedTwice;

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await codings.GetAsync(Id, await me.GetAsync(cancellationToken), cancellationToken);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Choices = Posted(View.Differences).Where(c => c.Value.Length > 0 || IsAge(c.Key)).ToDictionary(StringComparer.Ordinal);
        Reasons = Posted(View.Differences, ReasonSuffix);
        try
        {
            await codings.SettleAsync(Id, Choices, Reasons, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
            Banner = "The coding has been settled. The agreed answers are now the record's coded data.";
            return Redirect($"/analysis/coding/{Id}/settle");
        }
        catch (RuleViolationException e)
        {
            foreach (var problem in e.Problems)
            {
                ModelState.AddModelError(problem.Field ?? "", problem.Message);
            }
        }
        catch (StaleEditException e)
        {
            ModelState.AddModelError("", e.Message);
            await LoadAsync(cancellationToken);
        }
        return Page();
    }

    private bool IsAge(string key) => View.Questions.FirstOrDefault(q => q.Key == key) is { Choices.Count: 0 };

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
