using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Scr.Web.Pages;

/// <summary>The page shown for a status code without a body (404, 403, 429, 400…), whatever the request method.</summary>
[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    [FromRoute]
    public int Code { get; set; }

    public (string Title, string Body) Message => Code switch
    {
        StatusCodes.Status404NotFound => ("Page not found", "If you typed the web address, check it is correct. If you followed a link to a case, it may be one you do not have access to."),
        StatusCodes.Status403Forbidden => ("You do not have permission to do this", "Your role does not allow this action. If you think it should, ask your board's business unit."),
        StatusCodes.Status429TooManyRequests => ("Too many attempts", "Wait a minute and try again."),
        StatusCodes.Status400BadRequest => ("Sorry, there is a problem with that request", "The form may have expired. Go back, reload the page and try again."),
        _ => ("Sorry, there is a problem with the service", "Try again later."),
    };

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }
}
