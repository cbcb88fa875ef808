using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Reviewers;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Reviewers;

/// <summary>
/// The register of independent reviewers shared by every board (seed 004), searched and filtered: for boards'
/// business units and chairs (<see cref="ReviewerRegisterRules.MaySeeRegister"/>).
/// </summary>
public class IndexModel(CurrentUser me, ReviewerRegisterService register, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery]
    public Methodology? Methodology { get; set; }

    [FromQuery]
    public Region? Region { get; set; }

    [FromQuery]
    public IncidentType? CaseType { get; set; }

    /// <summary>Ticked filters: "available", "accredited", "new".</summary>
    [FromQuery]
    public List<string> Show { get; set; } = [];

    public IReadOnlyList<ReviewerEntry> Reviewers { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool MayManageMentoring { get; private set; }

    public bool MayKeepProfile { get; private set; }

    public static IReadOnlyList<SelectListItem> Choices<T>(Func<T, string> label, params T[] values) where T : struct, Enum =>
        values.Select(v => new SelectListItem(label(v), v.ToString())).Prepend(new SelectListItem("Any", "")).ToList();

    public IReadOnlyList<SelectListItem> MethodologyChoices { get; } = Choices<Methodology>(Labels.Of, Enum.GetValues<Methodology>());

    public IReadOnlyList<SelectListItem> RegionChoices { get; } =
        Choices<Region>(Labels.Of, Enum.GetValues<Region>().Where(r => r != Core.Models.Region.NotKnown).ToArray());

    public IReadOnlyList<SelectListItem> CaseTypeChoices { get; } = Choices<IncidentType>(Labels.Of, Enum.GetValues<IncidentType>());

    public static IReadOnlyList<RadioItem> ShowItems { get; } =
    [
        new("available", "Available now", "Within their dates and with a place free"),
        new("accredited", "Accredited in a methodology"),
        new("new", "New reviewers", "Who have led fewer than 3 reviews: for mentoring and shadowing"),
    ];

    public async Task OnGetAsync()
    {
        var principal = await me.GetAsync();
        Today = UkTime.DateOf(clock.GetUtcNow());
        Reviewers = await register.ListAsync(principal, new ReviewerFilter(Search, Valid(Methodology), Valid(Region), Valid(CaseType),
            Show.Contains("available"), Show.Contains("accredited"), Show.Contains("new")));
        MayManageMentoring = ReviewerRegisterRules.MayManageMentoring(principal);
        MayKeepProfile = ReviewerRegisterRules.MayKeepProfile(principal);
        ModelState.Clear();
    }

    private static T? Valid<T>(T? value) where T : struct, Enum => value is { } v && Enum.IsDefined(v) ? v : null;
}
