using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Exchange;
using Scr.Web.Security;

namespace Scr.Web.Pages.Analysis.Coding;

/// <summary>
/// A report's coding form beside the report (decision 0016): save and come back, or submit. Blind: the other coder's
/// answers appear only once both codings are submitted, with the differences to settle.
/// </summary>
public class ReviewModel(CurrentUser me, CodingService codings) : CodingPageModel
{
    public const string Submit = "submit";

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>Which button: save, or submit.</summary>
    [BindProperty]
    public string? Action { get; set; }

    [TempData]
    public string? Banner { get; set; }

    /// <summary>The answers the form shows: as posted after a refusal, else the coding's (or the record's before starting).</summary>
    public IReadOnlyDictionary<string, string> Answers { get; private set; } = new Dictionary<string, string>();

    public bool MayEdit => View.Mine is null ? View.MayStart : View.Mine.Status == CodingStatus.InProgress;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await codings.GetAsync(Id, await me.GetAsync(cancellationToken), cancellationToken);
        Answers = View.Answers;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Version = View.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var posted = Posted(View.Questions.Select(q => q.Key));
        var submit = Action == Submit;
        try
        {
            await codings.SaveAsync(Id, posted, submit, Version, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
            Banner = submit
                ? "Your coding has been submitted."
                : "Your coding has been saved. You can come back to it and submit it later.";
            return Redirect($"/analysis/coding/{Id}");
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
        }
        // Keep what was chosen, so only the answers at fault need another look.
        var shown = new Dictionary<string, string>(View.Answers, StringComparer.Ordinal);
        foreach (var (key, value) in posted)
        {
            shown[key] = value;
        }
        Answers = shown;
        return Page();
    }

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
