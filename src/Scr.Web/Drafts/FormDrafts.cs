using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scr.Core.DataStore;
using Scr.Core.Services.Drafts;

namespace Scr.Web.Drafts;

/// <summary>
/// Keeps what people type into long forms. A form opts in with a hidden <c>__draft</c> field naming its draft. Then:
/// <list type="bullet">
/// <item>"Save and come back later" (a button named <c>__save-draft</c>) saves the draft, without JavaScript;</item>
/// <item>with JavaScript, drafts.js saves the form to <c>POST /drafts</c> as the person types;</item>
/// <item>when the session has ended by the time the form is sent, the draft is saved for the person the (expired but
/// genuine) session cookie names, after checking the form's anti-forgery token against that person, and they are sent
/// to sign in and brought back to the form, filled in again.</item>
/// </list>
/// Runs after authentication and before authorisation, so the posted form is not lost to the sign-in redirect.
/// </summary>
public sealed class FormDrafts(RequestDelegate next)
{
    public const string KeyField = "__draft";
    public const string SaveField = "__save-draft";
    public const string AutosavePath = "/drafts";

    /// <summary>How long after a session has ended its cookie may still save a draft.</summary>
    private static readonly TimeSpan ExpiredSessionGrace = TimeSpan.FromHours(24);

    public async Task InvokeAsync(HttpContext context, DraftService drafts, IAntiforgery antiforgery,
        IOptionsMonitor<CookieAuthenticationOptions> cookieOptions, ITempDataDictionaryFactory tempData, ScrDbContext db, TimeProvider clock)
    {
        var request = context.Request;
        // Only URL-encoded forms: reading a multipart upload here would bypass the page's own size limits.
        if (!HttpMethods.IsPost(request.Method) || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            await next(context);
            return;
        }
        var autosave = request.Path.Equals(AutosavePath, StringComparison.OrdinalIgnoreCase);
        var form = await request.ReadFormAsync(context.RequestAborted);
        var key = form[KeyField].ToString();
        if (!autosave && key.Length == 0)
        {
            await next(context);
            return;
        }
        if (!DraftService.IsValidKey(key))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        if (autosave)
        {
            if (!signedIn)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            var saved = await drafts.SaveAsync(UserId(context.User), key, Fields(form), context.RequestAborted);
            context.Response.StatusCode = saved ? StatusCodes.Status204NoContent : StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (signedIn)
        {
            if (form.ContainsKey(SaveField) && await antiforgery.IsRequestValidAsync(context))
            {
                var saved = await drafts.SaveAsync(UserId(context.User), key, Fields(form), context.RequestAborted);
                var data = tempData.GetTempData(context);
                data["Banner"] = saved
                    ? "Your draft has been saved. You can come back to it at any time: it stays until you send the form."
                    : "This form is too long to save as a draft. Send it, or shorten what you typed.";
                data.Save();
                context.Response.Redirect(FormPage(request));
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                return;
            }
            await next(context);
            return;
        }
        // The session ended while the form was open: keep what was typed for the person the cookie names.
        var expired = ExpiredSession(context, cookieOptions.Get(IdentityConstants.ApplicationScheme), clock);
        if (expired is not null && Guid.TryParse(expired.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.DisabledAt == null, context.RequestAborted))
        {
            var anonymous = context.User;
            context.User = expired;
            var genuine = await antiforgery.IsRequestValidAsync(context);
            context.User = anonymous;
            if (genuine && await drafts.SaveAsync(userId, key, Fields(form), context.RequestAborted))
            {
                var back = FormPage(request);
                context.Response.Redirect($"/sign-in?returnUrl={Uri.EscapeDataString(back)}&draft=kept");
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                return;
            }
        }
        await next(context);
    }

    /// <summary>The form's page to come back to: its URL without the POST handler's name.</summary>
    private static string FormPage(HttpRequest request)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value);
        query.Remove("handler");
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(request.Path.Value ?? "/", query);
    }

    private static Guid UserId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private static Dictionary<string, string[]> Fields(IFormCollection form) =>
        form.Where(f => f.Key is not ("__RequestVerificationToken" or KeyField or SaveField))
            .ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray());

    /// <summary>The person an ended (but genuine and recent) session cookie names; null if there is none.</summary>
    private static ClaimsPrincipal? ExpiredSession(HttpContext context, CookieAuthenticationOptions options, TimeProvider clock)
    {
        var cookie = options.CookieManager.GetRequestCookie(context, options.Cookie.Name!);
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }
        var ticket = options.TicketDataFormat.Unprotect(cookie);
        if (ticket?.Principal is null || ticket.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() - expires > ExpiredSessionGrace)
        {
            return null;
        }
        return ticket.Principal;
    }
}
