using Microsoft.AspNetCore.Mvc;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.People;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.People;

/// <summary>Adds a practitioner interview: who is interviewed (by their account's email), by whom, when, and the record so far.</summary>
public class AddInterviewModel(CurrentUser me, PeopleService people) : InterviewFormPageModel(me, people)
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
            var interview = await PeopleService.AddInterviewAsync(Id, input, Version, await Me.GetAsync(), Me.Actor);
            TempData["Banner"] = $"Interview with {interview.IntervieweeName} added.";
            return Redirect($"{PeoplePath}/interviews/{interview.Id}");
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
