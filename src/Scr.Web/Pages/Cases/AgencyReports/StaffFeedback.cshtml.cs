using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.AgencyReports;
using Scr.Web.Pages.Cases.Timetable;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.AgencyReports;

/// <summary>The author records the feedback and debriefing given to the staff involved (WT2006 8.23; seed 003 §6.4).</summary>
public class StaffFeedbackModel(CurrentUser me, AgencyReportService reports) : AgencyReportPageModel(me, reports)
{
    [BindProperty]
    public FeedbackForm Input { get; set; } = new();

    public sealed class FeedbackForm
    {
        public DateInputModel HeldOn { get; set; } = new();

        [StringLength(AgencyReport.TextMaxLength, ErrorMessage = "Who attended must be 4,000 characters or fewer")]
        public string? Attended { get; set; }

        [StringLength(AgencyReport.TextMaxLength, ErrorMessage = "The notes must be 4,000 characters or fewer")]
        public string? Notes { get; set; }
    }

    private Task<Principal> PrepareAsync() =>
        LoadForAsync(v => v.MayRecordFeedback, "Only the report's author or the agency's lead records feedback to staff, once the report is submitted.");

    public async Task OnGetAsync()
    {
        await PrepareAsync();
        Stamp = View.Stamp;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var posted = Stamp;
        var principal = await PrepareAsync();
        var heldOn = OptionalDate.Read(Input.HeldOn, ModelState, "Input.HeldOn", "the date the feedback was given");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await Reports.RecordStaffFeedbackAsync(Id, ReportId, new StaffFeedbackInput(heldOn, Input.Attended, Input.Notes), posted, principal, Me.Actor);
            TempData["Banner"] = "The feedback to staff has been recorded.";
            return Redirect(ReportPath);
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
