using Microsoft.Extensions.Options;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Deadlines;

namespace Scr.Web.Feeds;

/// <summary>
/// GET /calendar/{secret}.ics: a person's deadlines for their calendar program. The secret address is the only key (no
/// cookie, no token): unknown and revoked addresses are not found, and requests are rate-limited per address.
/// </summary>
public static class CalendarFeedEndpoints
{
    public const string RateLimit = "calendar-feed";

    public static void MapCalendarFeed(this WebApplication app) =>
        app.MapGet("/calendar/{secret}.ics", ServeAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimit)
            .DisableAntiforgery()
            .ExcludeFromDescription();

    private static async Task<IResult> ServeAsync(string secret, HttpContext context, CalendarFeedService feeds, DeadlineService deadlines,
        IOptions<ScrSettings> settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var principal = await feeds.OpenAsync(secret, context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (principal is null)
        {
            return Results.NotFound();
        }
        var mine = await deadlines.ResponsibleForAsync(principal, cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(IcsCalendar.Write(mine, settings.Value.PublicUrl, clock.GetUtcNow()), IcsCalendar.ContentType);
    }
}
