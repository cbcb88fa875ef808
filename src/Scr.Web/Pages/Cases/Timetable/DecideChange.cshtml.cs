using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services;
using Scr.Core.Services.Timetable;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Timetable;

/// <summary>The chair agrees or refuses a proposed change of timeline, saying why when refusing (seed 000 Stage 3b).</summary>
public class DecideChangeModel(CurrentUser me, TimetableService timetables) : TimetablePageModel(me, timetables)
{
    [FromRoute]
    public Guid ChangeId { get; set; }

    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public TimelineChange Change { get; private set; } = null!;
    public Milestone? Milestone { get; private set; }

    public sealed class DecisionForm
    {
        [Required(ErrorMessage = "Select whether you agree the change")]
        public bool? Approve { get; set; }

        [StringLength(TimelineChange.TextMaxLength, ErrorMessage = "The note must be 2,000 characters or fewer")]
        public string? Note { get; set; }
    }

    public static IEnumerable<Scr.Web.TagHelpers.RadioItem> Choices =>
    [
        new("true", "Agree the new date"),
        new("false", "Refuse it", "The milestone keeps its date; say why below"),
    ];

    private async Task LoadChangeAsync()
    {
        await LoadAsync();
        Change = Timetable.Changes.FirstOrDefault(c => c.Id == ChangeId) ?? throw new NotFoundException("The change of timeline");
        Milestone = Timetable.MilestoneOf(Change.Milestone);
    }

    public async Task OnGetAsync()
    {
        await LoadChangeAsync();
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadChangeAsync();
        if (!Timetable.MayDecide)
        {
            throw new ForbiddenException("Only the chair agrees a change of timeline.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var change = await Timetables.DecideChangeAsync(Id, ChangeId, Input.Approve!.Value, Input.Note, Version, await Me.GetAsync(), Me.Actor);
            TempData["Banner"] = change.Status == TimelineChangeStatus.Approved
                ? $"Change agreed: “{Milestone?.Title}” is now due by {Labels.Date(change.ProposedDate)}. Tell the director of children's services and the council's chief executive."
                : $"Change refused: “{Milestone?.Title}” stays due by {Labels.Date(change.DateBefore)}.";
            return Redirect(TimetablePath);
        }
        catch (RuleViolationException e)
        {
            AddProblems(e.Problems);
            return Page();
        }
        catch (StaleEditException e)
        {
            Stale(e);
            return Page();
        }
    }
}
