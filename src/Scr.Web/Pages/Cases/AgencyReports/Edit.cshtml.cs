using Microsoft.AspNetCore.Mvc;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.AgencyReports;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.AgencyReports;

/// <summary>
/// The author writes the report on the template (WT2006 8.26), a box a section with what to write in each; saving updates
/// the draft, or starts the next version after the review team sent the last one back. The draft can be incomplete until
/// it is submitted.
/// </summary>
public class EditModel(CurrentUser me, AgencyReportService reports) : AgencyReportPageModel(me, reports)
{
    /// <summary>The text of each section, by the section's key.</summary>
    [BindProperty]
    public Dictionary<string, string?> Sections { get; set; } = [];

    /// <summary>The number the saved draft will have.</summary>
    public int Number => Report.Draft?.Number ?? Report.Versions.Select(v => v.Number).DefaultIfEmpty(0).Max() + 1;

    public bool IsRequired(AgencyReportSection section) => AgencyReportRules.RequiredSections(Report.Kind).Contains(section);

    private Task<Principal> PrepareAsync() => LoadForAsync(v => v.MayWrite, "Only the report's author writes it, while it is theirs to change.");

    public async Task OnGetAsync()
    {
        await PrepareAsync();
        Stamp = View.Stamp;
        var from = Report.Draft ?? Report.Latest;
        Sections = AgencyReportRules.Template.ToDictionary(s => s.Key, s => from?.TextOf(s.Key));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var posted = Stamp;
        var principal = await PrepareAsync();
        var sections = AgencyReportRules.Template.ToDictionary(s => s.Key, s => Sections.GetValueOrDefault(s.Key));
        foreach (var key in Sections.Keys.Where(k => AgencyReportRules.SectionFor(k) is null))
        {
            sections[key] = Sections[key];
        }
        try
        {
            var version = await Reports.SaveDraftAsync(Id, ReportId, sections, posted, principal, Me.Actor);
            TempData["Banner"] = $"Draft version {version.Number} saved.";
            return Redirect(ReportPath);
        }
        catch (RuleViolationException e)
        {
            foreach (var problem in e.Problems)
            {
                ModelState.AddModelError(problem.Field is { } f && f.StartsWith("sections.", StringComparison.Ordinal) ? $"Sections[{f[9..]}]" : "",
                    problem.Message);
            }
            return Page();
        }
        catch (StaleEditException e)
        {
            Stale(e);
            return Page();
        }
    }
}
