using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Panel;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Case;

/// <summary>
/// The board's side of the National Panel (002 ¶10): what was sent about the case, the Panel's response and messages,
/// and the board's answer to a question from the Panel. For the board's business unit and chair.
/// </summary>
public class PanelModel(CurrentUser me, PanelService panel) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid SubmissionId { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public BoardPanelView View { get; private set; } = null!;

    /// <summary>The decision the board may answer the Panel about, if any: the Panel's open question.</summary>
    public PanelSubmissionView? Open => View.Submissions.LastOrDefault(s => PanelStates.BoardMayAnswer(s.Submission));

    /// <summary>The chair may reconsider a questioned decision not to initiate (Lifecycle "reconsider").</summary>
    public bool MayReconsider => View.IsChair && Open?.Submission.Outcome == DecisionOutcome.DoNotInitiate;

    private async Task LoadAsync() => View = await panel.ForBoardAsync(Id, await me.GetAsync(), me.Actor);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Open is { } open)
        {
            SubmissionId = open.Submission.Id;
            Version = open.Submission.Version;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Answer))
        {
            ModelState.AddModelError(nameof(Answer), "Enter the board's answer to the Panel");
        }
        else if (Answer.Length > PanelService.MaxTextLength)
        {
            ModelState.AddModelError(nameof(Answer), "The answer must be 8,000 characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        try
        {
            await panel.AnswerPanelAsync(Id, SubmissionId, Answer!, Version, await me.GetAsync(), me.Actor);
            Banner = "Your answer has been sent to the National Panel.";
            return Redirect($"/cases/{Id}/panel");
        }
        catch (StaleEditException)
        {
            await LoadAsync();
            ModelState.AddModelError(nameof(Answer), "The Panel or someone at the board changed this decision after you opened it. Your answer has not been sent. "
                + "Read the messages as they are now and send it again.");
            if (Open is { } open)
            {
                Version = open.Submission.Version;
            }
            return Page();
        }
        catch (RuleViolationException e)
        {
            await LoadAsync();
            foreach (var message in e.Messages)
            {
                ModelState.AddModelError(nameof(Answer), message);
            }
            return Page();
        }
    }
}
