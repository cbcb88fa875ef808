using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Reviewers;
using Scr.Core.Services.Reviewers;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Team;

/// <summary>
/// Matches the case to independent reviewers on the register, with the reasons for each score (<see cref="ReviewerMatching"/>):
/// methodology, experience of the kind of case, reviews led, area and availability. Reviewers with a conflict are shown
/// excluded, with the conflict. Appointing goes to the add step, which applies the conflict rule and asks for the
/// declaration. The business unit and the chair.
/// </summary>
public class MatchReviewerModel(CurrentUser me, ReviewerRegisterService register) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The methodology to match on; none: the sub-group's proposal.</summary>
    [FromQuery]
    public Methodology? Methodology { get; set; }

    public ReviewerMatchResult Result { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Methodologies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var methodology = Methodology is { } m && Enum.IsDefined(m) ? m : (Methodology?)null;
        Result = await register.MatchAsync(Id, methodology, await me.GetAsync(), me.Actor);
        Methodology = Result.Methodology;
        Methodologies = Enum.GetValues<Methodology>().Where(v => v != Core.Models.Methodology.Other)
            .Select(v => new SelectListItem(Labels.Of(v), v.ToString()))
            .Prepend(new SelectListItem("Not chosen yet", "")).ToList();
        ModelState.Clear();
    }

    public static string TagColour(MatchOutcome outcome) => outcome switch
    {
        MatchOutcome.Met => "green",
        MatchOutcome.NotMet => "orange",
        _ => "grey",
    };

    public static string TagText(MatchOutcome outcome) => outcome switch
    {
        MatchOutcome.Met => "Fits",
        MatchOutcome.NotMet => "Does not fit",
        _ => "Not weighed",
    };

    public static string FactorName(MatchFactor factor) => factor switch
    {
        MatchFactor.Methodology => "Methodology",
        MatchFactor.CaseType => "Kind of case",
        MatchFactor.Experience => "Experience",
        MatchFactor.Area => "Area",
        _ => "Availability",
    };
}
