using Microsoft.AspNetCore.Mvc;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.People;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.People;

/// <summary>Adds a member of the child's family: their part in the review, or the decision not to involve them and why.</summary>
public class AddFamilyMemberModel(CurrentUser me, PeopleService people) : FamilyFormPageModel(me, people)
{
    public async Task OnGetAsync()
    {
        await LoadAsync();
        RequireRecorder();
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        RequireRecorder();
        var input = Input.Read(ModelState);
        if (input is null)
        {
            return Page();
        }
        try
        {
            var member = await PeopleService.AddFamilyMemberAsync(Id, input, Version, await Me.GetAsync(), Me.Actor);
            TempData["Banner"] = $"{member.Name} added.";
            return Redirect($"{PeoplePath}/family/{member.Id}");
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
