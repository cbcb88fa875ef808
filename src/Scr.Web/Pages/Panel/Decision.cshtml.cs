using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Panel;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Panel;

/// <summary>
/// One decision exactly as the board sent it (outline, rationale, recipients, dates; never the child's name), the
/// exchange with the board, and the Panel's response: agree, ask for more information, challenge, or accept once the
/// board has answered.
/// </summary>
public class DecisionModel(CurrentUser me, PanelService panel) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public PanelResponseKind? Reply { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? AcceptNote { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public PanelSubmissionView View { get; private set; } = null!;
    public PanelSubmission Submission => View.Submission;
    public bool MayQuestion => PanelStates.PanelMayQuestion(Submission);
    public bool MayAgree => Submission.Response == PanelResponse.NotConsidered;
    public bool MayAccept => PanelStates.PanelMayAccept(Submission);

    public IEnumerable<object> ResponseItems
    {
        get
        {
            if (MayAgree)
            {
                yield return new RadioItem(nameof(PanelResponseKind.Agree), "Agree with the decision", "The board's business unit and chair are told.");
            }
            yield return new RadioItem(nameof(PanelResponseKind.RequestInformation), "Ask for more information", "The board answers in the service.");
            yield return new RadioItem(nameof(PanelResponseKind.Challenge), "Challenge the decision",
                Submission.Outcome == DecisionOutcome.DoNotInitiate
                    ? "The board answers in the service; its chair may reconsider and initiate a review."
                    : "The board answers in the service.");
        }
    }

    public static IEnumerable<string> Paragraphs(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task LoadAsync()
    {
        View = await panel.GetAsync(Id, await me.GetAsync(), me.Actor);
    }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Version = Submission.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Reply is not (PanelResponseKind.Agree or PanelResponseKind.RequestInformation or PanelResponseKind.Challenge))
        {
            ModelState.AddModelError(nameof(Reply), "Select how the Panel responds");
        }
        else if (Reply != PanelResponseKind.Agree && string.IsNullOrWhiteSpace(Text))
        {
            ModelState.AddModelError(nameof(Text), Reply == PanelResponseKind.Challenge
                ? "Enter the Panel's challenge"
                : "Enter the information the Panel needs");
        }
        return await SendAsync(Reply, Text, nameof(Text));
    }

    public Task<IActionResult> OnPostAcceptAsync() => SendAsync(PanelResponseKind.AcceptAfterInformation, AcceptNote, nameof(AcceptNote));

    private async Task<IActionResult> SendAsync(PanelResponseKind? kind, string? text, string field)
    {
        if ((text?.Length ?? 0) > PanelService.MaxTextLength)
        {
            ModelState.AddModelError(field, "The message must be 8,000 characters or fewer");
        }
        if (!ModelState.IsValid || kind is null)
        {
            await LoadAsync();
            return Page();
        }
        try
        {
            await panel.RespondAsync(Id, kind.Value, text, Version, await me.GetAsync(), me.Actor);
            Banner = kind switch
            {
                PanelResponseKind.Agree => "The Panel's agreement has been sent to the board.",
                PanelResponseKind.AcceptAfterInformation => "The decision is accepted after further information. The board has been told.",
                PanelResponseKind.Challenge => "The Panel's challenge has been sent to the board.",
                _ => "The Panel's request for more information has been sent to the board.",
            };
            return Redirect($"/panel/decisions/{Id}");
        }
        catch (StaleEditException)
        {
            // Keep what was typed; offer the current version once the person has read the change.
            await LoadAsync();
            ModelState.AddModelError(field, "The board or another Panel member changed this decision after you opened it. Your response has not been sent. "
                + "Read the messages as they are now and send it again.");
            Version = Submission.Version;
            return Page();
        }
        catch (RuleViolationException e)
        {
            await LoadAsync();
            foreach (var message in e.Messages)
            {
                ModelState.AddModelError(field, message);
            }
            return Page();
        }
    }
}
