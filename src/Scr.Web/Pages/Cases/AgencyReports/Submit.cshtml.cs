using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.AgencyReports;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.AgencyReports;

/// <summary>
/// The author submits the draft to the review team, naming the senior officer who commissioned it and accepts its findings
/// (WT2006 8.22). What the draft still lacks is shown and refused; once submitted the version cannot change.
/// </summary>
public class SubmitModel(CurrentUser me, AgencyReportService reports) : AgencyReportPageModel(me, reports)
{
    [BindProperty]
    public SubmitForm Input { get; set; } = new();

    public AgencyReportVersion? Draft => Report.Draft;

    /// <summary>The required sections the draft has not written.</summary>
    public IReadOnlyList<RuleProblem> Missing => Draft is null
        ? []
        : AgencyReportRules.MissingForSubmission(Report.Kind, Draft.Sections, "-").Where(p => p.Field != "seniorOfficer").ToList();

    public sealed class SubmitForm
    {
        [StringLength(AgencyReportRules.SeniorOfficerMaxLength, ErrorMessage = "The senior officer must be 300 characters or fewer")]
        public string? SeniorOfficer { get; set; }
    }

    private Task<Principal> PrepareAsync() => LoadForAsync(v => v.MayWrite, "Only the report's author submits it, while it is theirs to change.");

    public async Task OnGetAsync()
    {
        await PrepareAsync();
        Stamp = View.Stamp;
        Input.SeniorOfficer = Report.LatestSubmitted?.SeniorOfficer;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var posted = Stamp;
        var principal = await PrepareAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var version = await Reports.SubmitAsync(Id, ReportId, Input.SeniorOfficer, posted, principal, Me.Actor);
            TempData["Banner"] = $"Version {version.Number} has been submitted. The review team will quality-assure it.";
            return Redirect(ReportPath);
        }
        catch (RuleViolationException e)
        {
            AddProblems(e.Problems.Select(p => p.Field == "seniorOfficer" ? p : p with { Field = null }));
            return Page();
        }
        catch (StaleEditException e)
        {
            Stale(e);
            return Page();
        }
    }
}
