using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Scr.Core.Services;

namespace Scr.Web.Security;

/// <summary>
/// Turns the core's refusals into HTTP answers for every page: an item the person may not know about is 404, an
/// action they may not take is 403. The status code pages then show the GOV.UK-style page.
/// </summary>
public sealed class ServiceExceptionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        switch (executed.Exception)
        {
            case NotFoundException:
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
                break;
            case ForbiddenException:
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                executed.ExceptionHandled = true;
                break;
        }
    }
}
