using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services;
using Scr.Core.Services.Timetable;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.Timetable;

/// <summary>Proposes a new date for a milestone, with the reason; the chair agrees or refuses it (seed 000 Stage 3b).</summary>
public class ProposeChangeModel(CurrentUser me, TimetableService timetables) : TimetablePageModel(me, timetables)
{
    [FromRoute(Name = "milestone")]
    public string MilestoneKey { get; set; } = "";

    [BindProperty]
    public ChangeForm Input { get; set; } = new();

    public Milestone Milestone { get; private set; } = null!;

    public sealed class ChangeForm
    {
        public DateInputModel ProposedDate { get; set; } = new();

        [Required(ErrorMessage = "Enter why the date should change")]
        [StringLength(TimelineChange.TextMaxLength, ErrorMessage = "The reason must be 2,000 characters or fewer")]
        public string? Reason { get; set; }
    }

    private async Task LoadMilestoneAsync()
    {
        await LoadAsync();
        if (!Timetable.MayPropose)
        {
            throw new ForbiddenException("Only the business unit, the review team or the chair can propose a change of timeline.");
        }
        Milestone = Timetable.Milestones.FirstOrDefault(m => m.Key == MilestoneKey) ?? throw new NotFoundException("The milestone");
    }

    public async Task OnGetAsync()
    {
        await LoadMilestoneAsync();
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadMilestoneAsync();
        var proposed = Input.ProposedDate.Validate(ModelState, "Input.ProposedDate", "the new date");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await Timetables.ProposeChangeAsync(Id, MilestoneKey, proposed, Input.Reason, Version, await Me.GetAsync(), Me.Actor);
            TempData["Banner"] = Timetable.MayDecide
                ? $"Change proposed. As the chair, agree or refuse it below."
                : $"Change proposed. The chair has been asked to agree it; “{Milestone.Title}” stays due by {Labels.Date(Milestone.DueDate)} until then.";
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
