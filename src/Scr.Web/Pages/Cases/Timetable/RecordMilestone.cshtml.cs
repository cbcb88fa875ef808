using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services;
using Scr.Core.Services.Timetable;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.Timetable;

/// <summary>Records when a milestone was done: early learning shared, the review completed, the draft presented to the board.</summary>
public class RecordMilestoneModel(CurrentUser me, TimetableService timetables) : TimetablePageModel(me, timetables)
{
    [FromRoute(Name = "milestone")]
    public string MilestoneKey { get; set; } = "";

    [BindProperty]
    public RecordForm Input { get; set; } = new();

    public Milestone Milestone { get; private set; } = null!;

    public sealed class RecordForm
    {
        public DateInputModel DoneOn { get; set; } = new();

        [StringLength(2000, ErrorMessage = "The note must be 2,000 characters or fewer")]
        public string? Note { get; set; }
    }

    private async Task LoadMilestoneAsync()
    {
        await LoadAsync();
        RequireEditor();
        Milestone = Timetable.Milestones.FirstOrDefault(m => m.Key == MilestoneKey) ?? throw new NotFoundException("The milestone");
    }

    public async Task OnGetAsync()
    {
        await LoadMilestoneAsync();
        if (Milestone.Record is { } record)
        {
            Input = new RecordForm { DoneOn = DateInputModel.From(record.DoneOn), Note = record.Note };
        }
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadMilestoneAsync();
        var doneOn = Input.DoneOn.Validate(ModelState, "Input.DoneOn", "the date it was done", Timetable.Today);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await Timetables.RecordMilestoneAsync(Id, MilestoneKey, doneOn, Input.Note, Version, await Me.GetAsync(), Me.Actor);
            TempData["Banner"] = $"“{Milestone.Title}” recorded as done on {Scr.Core.Rules.Labels.Date(doneOn!.Value)}.";
            return Redirect(TimetablePath);
        }
        catch (Scr.Core.Rules.RuleViolationException e)
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
