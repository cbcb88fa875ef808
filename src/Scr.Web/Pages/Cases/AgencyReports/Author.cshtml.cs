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
/// The agency's lead (or the business unit) names the report's author, from the people who hold a role in the agency, with
/// what the author declares about their part in the case: anyone involved, or line-managing someone who was, is refused
/// (WT2006 8.20); the declaration is kept.
/// </summary>
public class AuthorModel(CurrentUser me, AgencyReportService reports) : AgencyReportPageModel(me, reports)
{
    [BindProperty]
    public AuthorForm Input { get; set; } = new();

    public IReadOnlyList<AuthorCandidate> Candidates { get; private set; } = [];

    public IEnumerable<RadioItem> CandidateItems => Candidates.Select(c => new RadioItem(c.UserId.ToString(), c.Name, c.Email));

    public sealed class AuthorForm
    {
        public Guid? UserId { get; set; }

        [StringLength(AgencyReport.NameMaxLength, ErrorMessage = "The author's post must be 200 characters or fewer")]
        public string? Post { get; set; }

        public InvolvementKind? Declaration { get; set; }
        public string? DeclarationDetails { get; set; }
    }

    private async Task<Principal> PrepareAsync()
    {
        var principal = await LoadForAsync(v => v.MayNameAuthor, "Only the agency's lead or the business unit names the report's author.");
        Candidates = await Reports.AuthorCandidatesAsync(Report);
        return principal;
    }

    public async Task OnGetAsync()
    {
        await PrepareAsync();
        Stamp = View.Stamp;
        Input.UserId = Report.AuthorId;
        Input.Post = Report.AuthorPost;
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
            var report = await Reports.NameAuthorAsync(Id, ReportId, new AuthorInput(Input.UserId, Input.Post, Input.Declaration, Input.DeclarationDetails),
                posted, principal, Me.Actor);
            TempData["Banner"] = $"{report.AuthorName} is the author of the report.";
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
