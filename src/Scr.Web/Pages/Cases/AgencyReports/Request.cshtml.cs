using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.AgencyReports;
using Scr.Web.Pages.Cases.Timetable;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.AgencyReports;

/// <summary>
/// The business unit asks the involved agencies for their reports: which agencies, a full management review or a short
/// report (the signed-off terms of reference say which), and when each is due. The agencies are told.
/// </summary>
public class RequestModel(CurrentUser me, AgencyReportService reports) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public RequestForm Input { get; set; } = new();

    public AgencyReportsView View { get; private set; } = null!;
    public Review Review => View.Review;

    public IEnumerable<RadioItem> AgencyItems => View.AgenciesToAsk.Select(a => new RadioItem(a.Id.ToString(), a.Name));

    public static IEnumerable<RadioItem> KindItems =>
        new[] { AgencyReportsRequirement.ManagementReviews, AgencyReportsRequirement.ShortAgencyReports }
            .Select(k => new RadioItem(k.ToString(), Labels.ReportKind(k), Labels.HintFor(k)));

    public sealed class RequestForm
    {
        public List<Guid> AgencyIds { get; set; } = [];
        public AgencyReportsRequirement? Kind { get; set; }
        public DateInputModel DueOn { get; set; } = new();

        [StringLength(AgencyReport.TextMaxLength, ErrorMessage = "The note must be 4,000 characters or fewer")]
        public string? Note { get; set; }
    }

    private async Task<Principal> PrepareAsync()
    {
        var principal = await me.GetAsync();
        View = await reports.ListAsync(Id, principal, me.Actor);
        if (!View.MayRequest)
        {
            throw new ForbiddenException("Only the business unit asks agencies for their reports, once the chair has decided to hold a review.");
        }
        return principal;
    }

    public async Task OnGetAsync()
    {
        await PrepareAsync();
        Version = Review.Version;
        Input.AgencyIds = View.AgenciesToAsk.Select(a => a.Id).ToList();
        Input.Kind = View.TermsSay is AgencyReportsRequirement.ManagementReviews or AgencyReportsRequirement.ShortAgencyReports ? View.TermsSay : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var posted = Version;
        var principal = await PrepareAsync();
        var due = OptionalDate.Read(Input.DueOn, ModelState, "Input.DueOn", "the date the report is due");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var made = await reports.RequestAsync(Id, new AgencyReportRequest(Input.AgencyIds, Input.Kind, due, Input.Note), posted, principal, me.Actor);
            TempData["Banner"] = made.Count == 1
                ? $"{made[0].AgencyName} has been asked for its report."
                : $"{made.Count} agencies have been asked for their reports.";
            return Redirect($"/cases/{Id}/agency-reports");
        }
        catch (RuleViolationException e)
        {
            foreach (var problem in e.Problems)
            {
                var key = problem.Field switch
                {
                    "agencyIds" => "Input.AgencyIds",
                    "kind" => "Input.Kind",
                    "dueOn" => "Input.DueOn",
                    "note" => "Input.Note",
                    _ => "",
                };
                ModelState.AddModelError(key, problem.Message);
            }
            return Page();
        }
        catch (StaleEditException e)
        {
            ModelState.AddModelError("", e.Message);
            Version = Review.Version;
            return Page();
        }
    }
}
