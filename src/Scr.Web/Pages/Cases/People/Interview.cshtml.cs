using Microsoft.AspNetCore.Mvc;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.People;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.People;

/// <summary>
/// One interview, for the board and the review team: who, when, its status and every version shared with the
/// interviewee with their answer; the record to write or revise; and sharing it with the interviewee for agreement.
/// </summary>
public class InterviewModel(CurrentUser me, PeopleService people) : InterviewFormPageModel(me, people)
{
    [FromRoute]
    public Guid InterviewId { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public InterviewView Interview { get; private set; } = null!;

    private async Task LoadInterviewAsync()
    {
        Interview = await PeopleService.GetInterviewAsync(Id, InterviewId, await Me.GetAsync(), Me.Actor);
        People = Interview.People!;
    }

    public async Task OnGetAsync()
    {
        await LoadInterviewAsync();
        Input = InterviewForm.From(Interview.Interview, Interview.IntervieweeEmail);
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadInterviewAsync();
        RequireRecorder();
        var input = Input.Read(ModelState);
        if (input is null)
        {
            return Page();
        }
        try
        {
            await PeopleService.ChangeInterviewAsync(Id, InterviewId, input, Version, await Me.GetAsync(), Me.Actor);
            Banner = "The interview was saved.";
            return Redirect($"{PeoplePath}/interviews/{InterviewId}");
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

    public async Task<IActionResult> OnPostShareAsync()
    {
        await LoadInterviewAsync();
        RequireRecorder();
        ModelState.Clear();
        Input = InterviewForm.From(Interview.Interview, Interview.IntervieweeEmail);
        try
        {
            await PeopleService.ShareInterviewAsync(Id, InterviewId, Version, await Me.GetAsync(), Me.Actor);
            Banner = $"The record was shared with {Interview.Interview.IntervieweeName} to check.";
            return Redirect($"{PeoplePath}/interviews/{InterviewId}");
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
