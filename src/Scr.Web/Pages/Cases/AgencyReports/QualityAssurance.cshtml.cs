using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.AgencyReports;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.AgencyReports;

/// <summary>
/// The review team quality-assures the submitted version: accepts it, or sends it back with comments the author will see;
/// the team's own notes are not shared with the agency.
/// </summary>
public class QualityAssuranceModel(CurrentUser me, AgencyReportService reports) : AgencyReportPageModel(me, reports)
{
    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public static IReadOnlyList<RadioItem> Outcomes { get; } =
    [
        new(nameof(QualityAssuranceOutcome.Accepted), "Accept the report", "It is good enough to inform the overview"),
        new(nameof(QualityAssuranceOutcome.ChangesRequested), "Send it back for changes", "Say what must change in the comments for the author"),
    ];

    public sealed class DecisionForm
    {
        public QualityAssuranceOutcome? Outcome { get; set; }

        [StringLength(AgencyReport.TextMaxLength, ErrorMessage = "The comments must be 4,000 characters or fewer")]
        public string? CommentsForAuthor { get; set; }

        [StringLength(AgencyReport.TextMaxLength, ErrorMessage = "The review team's notes must be 4,000 characters or fewer")]
        public string? PanelNotes { get; set; }
    }

    private Task<Principal> PrepareAsync() =>
        LoadForAsync(v => v.MayQualityAssure, "Only the review team and the business unit quality-assure a submitted report.");

    public async Task OnGetAsync()
    {
        await PrepareAsync();
        Stamp = View.Stamp;
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
            var decision = await Reports.QualityAssureAsync(Id, ReportId, new QualityReviewInput(Input.Outcome, Input.CommentsForAuthor, Input.PanelNotes),
                posted, principal, Me.Actor);
            TempData["Banner"] = decision.Outcome == QualityAssuranceOutcome.Accepted
                ? $"Version {decision.VersionNumber} is accepted. The author has been told."
                : $"Version {decision.VersionNumber} has been sent back for changes. The author has been told.";
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
