using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.People;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Interviews;

/// <summary>
/// The record of an interview for the interviewee (WT2006 8.27): they read the version shared with them and agree it, or
/// say what should change. The interviewee may see nothing else of the case; anyone else not on the board or the review
/// team is told the interview does not exist.
/// </summary>
public class IndexModel(CurrentUser me, PeopleService people) : PageModel
{
    [FromRoute]
    public Guid InterviewId { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public string? Comments { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public InterviewView Interview { get; private set; } = null!;

    public bool Waiting => Interview.MayAnswer && Interview.Interview.Status == InterviewStatus.SharedForAgreement;

    public static IEnumerable<RadioItem> AnswerItems =>
    [
        new("agree", "Yes, I agree the record"),
        new("changes", "No, I want changes", "Say what should change below"),
    ];

    public async Task OnGetAsync()
    {
        Interview = await people.GetOwnInterviewAsync(InterviewId, await me.GetAsync(), me.Actor);
        Version = Interview.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Interview = await people.GetOwnInterviewAsync(InterviewId, await me.GetAsync(), me.Actor);
        if (Answer is not ("agree" or "changes"))
        {
            ModelState.AddModelError(nameof(Answer), "Select whether you agree the record");
            return Page();
        }
        try
        {
            await people.AnswerInterviewAsync(InterviewId, Answer == "agree", Comments, Version, await me.GetAsync(), me.Actor);
            Banner = Answer == "agree" ? "You agreed the record of your interview." : "Your comments were sent to the interviewers.";
            return Redirect($"/interviews/{InterviewId}");
        }
        catch (RuleViolationException e)
        {
            foreach (var problem in e.Problems)
            {
                ModelState.AddModelError(problem.Field == "comments" ? nameof(Comments) : "", problem.Message);
            }
            return Page();
        }
        catch (StaleEditException e)
        {
            ModelState.AddModelError("", e.Message);
            Version = Interview.Version;
            return Page();
        }
    }
}
