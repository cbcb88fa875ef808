using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Reviewers;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services;
using Scr.Core.Services.Reviewers;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Reviewers;

/// <summary>
/// "My reviewer profile": an independent reviewer keeps their own entry on the register (background, regions,
/// methodologies, kinds of case, reviews led, availability and capacity), and from here adds or removes their
/// training and the boards and agencies they work or worked for. People with the lead reviewer role only.
/// </summary>
public class MeModel(CurrentUser me, ReviewerRegisterService register, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public Guid? Version { get; set; }

    public ReviewerProfileView? View { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The form's fields, in the order they appear (the error summary lists them so).</summary>
    public sealed class InputModel
    {
        public string? Background { get; set; }
        public List<Region> Regions { get; set; } = [];
        public List<Methodology> Methodologies { get; set; } = [];
        public List<IncidentType> CaseTypes { get; set; } = [];
        public string? ReviewsLed { get; set; }
        public DateInputModel AvailableFrom { get; set; } = new();
        public DateInputModel AvailableUntil { get; set; } = new();
        public string? Capacity { get; set; }
    }

    private async Task<Principal> LoadAsync()
    {
        var principal = await me.GetAsync();
        View = await register.GetMineAsync(principal);
        Today = UkTime.DateOf(clock.GetUtcNow());
        return principal;
    }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (View?.Reviewer.Profile is { } profile)
        {
            Version = profile.Version;
            Input = new InputModel
            {
                Background = profile.Background,
                Regions = [.. profile.Regions],
                Methodologies = [.. profile.Methodologies],
                CaseTypes = [.. profile.CaseTypes],
                ReviewsLed = profile.ReviewsLed.ToString(CultureInfo.InvariantCulture),
                AvailableFrom = DateInputModel.From(profile.AvailableFrom),
                AvailableUntil = DateInputModel.From(profile.AvailableUntil),
                Capacity = profile.Capacity.ToString(CultureInfo.InvariantCulture),
            };
        }
    }

    private int? Number(string? text, string key, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        ModelState.AddModelError(key, message);
        return -1;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var posted = Version;
        var principal = await LoadAsync();
        // Values that are not among the options are dropped: the rules' messages say what to choose.
        foreach (var key in new[] { "Input.Regions", "Input.Methodologies", "Input.CaseTypes" })
        {
            ModelState.Remove(key);
        }
        var led = Number(Input.ReviewsLed, "Input.ReviewsLed", $"Reviews led must be a whole number from 0 to {ReviewerRules.MaxReviewsLed}");
        var capacity = Number(Input.Capacity, "Input.Capacity", $"Reviews at once must be a whole number from 0 to {ReviewerRules.MaxCapacity}");
        var from = RegisterPages.OptionalDate(Input.AvailableFrom, ModelState, "Input.AvailableFrom", "the date you are available from");
        var until = RegisterPages.OptionalDate(Input.AvailableUntil, ModelState, "Input.AvailableUntil", "the date you are available until");
        var details = new ReviewerDetails(Input.Background, Input.Regions, Input.Methodologies, Input.CaseTypes, led, from, until, capacity);
        RegisterPages.AddProblems(ModelState, ReviewerRules.Check(details));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await register.SaveMineAsync(details, posted, principal, me.Actor);
        }
        catch (StaleEditException e)
        {
            Version = View?.Reviewer.Profile.Version;
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        TempData["Banner"] = View is null ? "Your entry is on the reviewer register. Add your training and the boards and agencies you work or worked for."
            : "Your entry on the reviewer register has been saved.";
        return Redirect("/reviewers/me");
    }

    public async Task<IActionResult> OnPostRemoveTrainingAsync(Guid training)
    {
        await register.RemoveTrainingAsync(training, await me.GetAsync(), me.Actor);
        TempData["Banner"] = "The course has been removed from your entry.";
        return Redirect("/reviewers/me");
    }

    public async Task<IActionResult> OnPostRemoveAffiliationAsync(Guid affiliation)
    {
        await register.RemoveAffiliationAsync(affiliation, await me.GetAsync(), me.Actor);
        TempData["Banner"] = "The organisation has been removed from your entry.";
        return Redirect("/reviewers/me");
    }
}
