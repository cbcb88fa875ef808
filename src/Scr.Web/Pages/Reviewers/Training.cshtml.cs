using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Rules;
using Scr.Core.Rules.Reviewers;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Reviewers;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Reviewers;

/// <summary>A reviewer adds a course they completed to their entry: one of the <see cref="TrainingCatalogue"/>, or another by name.</summary>
public class TrainingModel(CurrentUser me, ReviewerRegisterService register, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public static IReadOnlyList<RadioItem> Courses { get; } = TrainingCatalogue.All
        .Select(c => new RadioItem(c.Key, c.Name, c.IsOther ? "Give its name below" : $"{Labels.Of(c.Level)}: {c.Provider}")).ToList();

    public sealed class InputModel
    {
        public string? CourseKey { get; set; }
        public string? Title { get; set; }
        public DateInputModel CompletedOn { get; set; } = new();
    }

    public async Task<IActionResult> OnGetAsync()
    {
        // Only someone with an entry adds training to it.
        return await register.GetMineAsync(await me.GetAsync()) is null ? Redirect("/reviewers/me") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var principal = await me.GetAsync();
        var today = UkTime.DateOf(clock.GetUtcNow());
        var completed = Input.CompletedOn.Validate(ModelState, "Input.CompletedOn", "the date you completed the course", today);
        RegisterPages.AddProblems(ModelState, ReviewerRules.CheckTraining(Input.CourseKey, Input.Title, completed ?? today, today));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await register.AddTrainingAsync(new TrainingInput(Input.CourseKey, Input.Title, completed), principal, me.Actor);
        }
        catch (RuleViolationException e)
        {
            RegisterPages.AddProblems(ModelState, e.Problems);
            return Page();
        }
        TempData["Banner"] = "The course has been added to your entry.";
        return Redirect("/reviewers/me");
    }
}
