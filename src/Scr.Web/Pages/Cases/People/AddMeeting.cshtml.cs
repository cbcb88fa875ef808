using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.People;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.People;

/// <summary>Records a meeting held to support an agency's staff through the review (seed 003 §6.5).</summary>
public class AddMeetingModel(CurrentUser me, PeopleService people) : PeoplePageModel(me, people)
{
    [BindProperty]
    public MeetingForm Input { get; set; } = new();

    public sealed class MeetingForm
    {
        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Select the agency")]
        public Guid? AgencyId { get; set; }

        public DateInputModel HeldOn { get; set; } = new();

        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Select when in the review the meeting was held")]
        public SupportMeetingKind? Kind { get; set; }

        [System.ComponentModel.DataAnnotations.StringLength(StaffSupportMeeting.TextMaxLength, ErrorMessage = "Who attended must be 4,000 characters or fewer")]
        public string? Attendees { get; set; }

        [System.ComponentModel.DataAnnotations.StringLength(StaffSupportMeeting.TextMaxLength, ErrorMessage = "The notes must be 4,000 characters or fewer")]
        public string? Notes { get; set; }
    }

    public IEnumerable<RadioItem> AgencyItems => People.Support.Select(s => new RadioItem(s.AgencyId.ToString(), s.AgencyName,
        s.IsMissingAny ? $"No {(s.HasStart ? "end" : s.HasEnd ? "start" : "start or end")} meeting yet" : null));

    public static IEnumerable<RadioItem> KindItems => Enum.GetValues<SupportMeetingKind>().Select(k => new RadioItem(k.ToString(), Labels.Of(k)));

    public async Task OnGetAsync()
    {
        await LoadAsync();
        RequireRecorder();
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        RequireRecorder();
        var heldOn = Input.HeldOn.Validate(ModelState, "Input.HeldOn", "the date of the meeting", People.Today);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var meeting = await PeopleService.AddMeetingAsync(Id, new SupportMeetingInput(Input.AgencyId, heldOn, Input.Kind, Input.Attendees, Input.Notes),
                Version, await Me.GetAsync(), Me.Actor);
            TempData["Banner"] = $"Staff support meeting for {People.AgencyName(meeting.AgencyId)} recorded.";
            return Redirect($"{PeoplePath}#staff-support");
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
