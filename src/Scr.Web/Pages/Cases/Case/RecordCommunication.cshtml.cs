using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.Case;

/// <summary>
/// Records a message about the case sent outside the service (a letter to the coroner, a call to the director of
/// children's services), so the record shows who was told what and when. The board's business unit and its chair; the
/// rules are <see cref="CommunicationRules.Check"/>, through <see cref="ReviewService.RecordCommunicationAsync"/>.
/// </summary>
public class RecordCommunicationModel(CurrentUser me, ReviewService reviews, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public Review Review { get; private set; } = null!;

    public IReadOnlyList<RadioItem> Recipients { get; } = Enum.GetValues<RecipientKind>()
        .Select(k => new RadioItem(k.ToString(), Labels.Of(k), Labels.HintFor(k))).ToList();

    public IReadOnlyList<RadioItem> Methods { get; } = CommunicationRules.MethodsOutsideTheService
        .Select(m => new RadioItem(m.ToString(), Labels.Of(m))).ToList();

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    /// <summary>The form's fields, in the order they appear (the error summary lists them so).</summary>
    public sealed class InputModel
    {
        public RecipientKind? Recipient { get; set; }
        public Guid? AgencyId { get; set; }
        public string? RecipientName { get; set; }
        public CommunicationMethod? Method { get; set; }
        public DateInputModel DateSent { get; set; } = new();
        public string? TimeSent { get; set; }
        public string? Subject { get; set; }
        public string? Note { get; set; }
    }

    private async Task<Principal> LoadAsync()
    {
        var principal = await me.GetAsync();
        Review = (await reviews.GetAsync(Id, principal, me.Actor)).Review;
        if (!ReviewAccessRules.MayRecordCommunication(principal, Review))
        {
            throw new ForbiddenException("Only the board's business unit or its chair records who was told.");
        }
        Agencies = Review.Agencies.OrderBy(a => a.Agency?.Name, StringComparer.Ordinal)
            .Select(a => new SelectListItem(a.Agency?.Name ?? "Agency", a.AgencyId.ToString()))
            .Prepend(new SelectListItem("Not an agency", "")).ToList();
        return principal;
    }

    /// <summary>The form, preset from a prompt: who (<paramref name="recipient"/>), how, and what about (the notification or the decision).</summary>
    public async Task OnGetAsync(RecipientKind? recipient, CommunicationMethod? method, string? about)
    {
        await LoadAsync();
        Version = Review.Version;
        Input.Recipient = recipient is { } r && Enum.IsDefined(r) ? r : null;
        Input.Method = method is { } m && CommunicationRules.MethodsOutsideTheService.Contains(m) ? m : null;
        Input.Subject = about switch
        {
            "notification" => Labels.NotificationSubject(Review.Reference),
            "decision" when Review.Decision is { } decision => Labels.DecisionSubject(Review.Reference, decision),
            _ => null,
        };
        Input.DateSent = DateInputModel.From(UkTime.DateOf(clock.GetUtcNow()));
        ModelState.Clear();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var posted = Version;
        var principal = await LoadAsync();
        // A value that is not one of the options is as good as none: the rules' message says what to choose.
        foreach (var key in new[] { "Input.Recipient", "Input.Method", "Input.AgencyId" })
        {
            ModelState.Remove(key);
        }
        var now = clock.GetUtcNow();
        var date = Input.DateSent.Validate(ModelState, "Input.DateSent", "the date it was sent", UkTime.DateOf(now));
        var time = Input.TimeSent.ValidateTime(ModelState, "Input.TimeSent", "the time it was sent");
        var input = new CommunicationInput(Input.Recipient, Input.RecipientName, Input.Recipient == RecipientKind.Agency ? Input.AgencyId : null,
            Input.Method, date is { } d && time is { } t ? UkTime.At(d, t) : null, Input.Subject, Input.Note);
        AddProblems(CommunicationRules.Check(Review, input, now), input.SentAt is null ? null : date, now);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await reviews.RecordCommunicationAsync(Id, input, posted, principal, me.Actor);
        }
        catch (RuleViolationException e)
        {
            AddProblems(e.Problems, date, now);
            return Page();
        }
        catch (StaleEditException)
        {
            Version = Review.Version;
            ModelState.AddModelError("", "Someone else changed this case while you were writing. What you entered is below: check it and record it again.");
            return Page();
        }
        TempData["Banner"] = $"Recorded: {Labels.Of(input.Recipient!.Value).ToLowerInvariant()} told by {Labels.Of(input.Method!.Value).ToLowerInvariant()}.";
        return Redirect($"/cases/{Id}/communications");
    }

    /// <summary>
    /// Puts each of the rules' problems on its field, unless the form's own check already put one there. A time that is
    /// in the future, or before the case was notified, is the time's fault when the date is that day, else the date's.
    /// </summary>
    private void AddProblems(IEnumerable<RuleProblem> problems, DateOnly? date, DateTimeOffset now)
    {
        foreach (var problem in problems)
        {
            var key = problem.Field switch
            {
                null => "",
                "sentAt" => date == UkTime.DateOf(now) || date == UkTime.DateOf(Review.CreatedAt) ? "Input.TimeSent" : "Input.DateSent",
                var f => $"{nameof(Input)}.{char.ToUpperInvariant(f[0])}{f[1..]}",
            };
            if (problem.Field == "sentAt" && date is null)
            {
                // The date or time could not be read: the form has said so on its field.
                continue;
            }
            if (!ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
            {
                ModelState.AddModelError(key, problem.Message);
            }
        }
    }
}
