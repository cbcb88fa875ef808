using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Scr.Core.Models;

namespace Scr.Web.Security;

/// <summary>
/// The two JSON endpoints the passkey script calls before it asks the browser for a credential: options to create a
/// passkey (signed in) and options to sign in with one. The credential itself is then posted with the page's form.
/// </summary>
public static class PasskeyEndpoints
{
    public static void MapPasskeyEndpoints(this WebApplication app)
    {
        app.MapPost("/account/passkeys/creation-options", async (HttpContext context, SignInManager<User> signIn, UserManager<User> users, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }
            var user = await users.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.Unauthorized();
            }
            var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
            {
                Id = user.Id.ToString(),
                Name = user.Email ?? user.Id.ToString(),
                DisplayName = user.DisplayName,
            });
            return Results.Content(options, "application/json");
        }).ExcludeFromDescription();

        app.MapPost("/sign-in/passkey/request-options", async (HttpContext context, SignInManager<User> signIn, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }
            // No user yet: the browser offers the passkeys it holds for this site (discoverable credentials).
            var options = await signIn.MakePasskeyRequestOptionsAsync(null);
            return Results.Content(options, "application/json");
        }).AllowAnonymous().RequireRateLimiting(WebSetup.SignInRateLimit).ExcludeFromDescription();
    }
}
