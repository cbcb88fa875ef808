using System.Net;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Services.Audit;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>/account/calendar and the feed it gives, /calendar/{secret}.ics. Each test has a demo world of its own.</summary>
[Collection("web")]
public sealed class CalendarFeedTests : IAsyncLifetime
{
    private const string Chair = "chair@northbridge.example";
    private const string AgencyLead = "agency.lead@northbridge.example";

    // Every child's name in the demo: none may ever appear in a feed.
    private static readonly string[] ChildNames = ["Rowan Tate", "Ivy Marsh", "Kai Brannock", "Esme Gorrick", "Nadia Penrose", "Otis Varley"];

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    /// <summary>Makes a feed address on the account page and returns its path, as the person copies it from the banner.</summary>
    private static async Task<string> CreateFeedAsync(HttpClient client)
    {
        var made = await client.SubmitAsync("/account/calendar", new Dictionary<string, string>(), "/account/calendar?handler=Create");
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, await made.Content.ReadAsStringAsync());
        var page = await client.GetDocumentAsync("/account/calendar");
        var address = new Uri(page.QuerySelector("[data-testid=new-address]")!.TextContent.Trim());
        address.GetLeftPart(UriPartial.Authority).ShouldBe("https://localhost");
        address.AbsolutePath.ShouldStartWith("/calendar/scrcal_");
        address.AbsolutePath.ShouldEndWith(".ics");
        return address.AbsolutePath;
    }

    private async Task<(HttpResponseMessage Response, Calendar? Calendar)> ReadFeedAsync(string path)
    {
        // A calendar program: no cookie, no token.
        using var program = _world.Factory.CreateBrowser();
        var response = await program.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response, response.StatusCode == HttpStatusCode.OK ? Calendar.Load(text) : null);
    }

    [Fact]
    public async Task Feed_Chair_TheirDeadlinesAsEvents_StableUids_NoChildsName_NoStore()
    {
        var infant = await _world.CaseAsync("Infant found unresponsive");
        var chair = await _world.SignInAsync(Chair);
        var path = await CreateFeedAsync(chair);

        var (response, calendar) = await ReadFeedAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
        var text = await response.Content.ReadAsStringAsync();
        foreach (var name in ChildNames)
        {
            text.ShouldNotContain(name);
        }
        var events = calendar!.Events.ToList();
        // The chair answers for having the notification (deaths only) and for the decision, and hears of a review's missed
        // milestones: none of the agencies' deadlines.
        events.ShouldNotBeEmpty();
        events.ShouldAllBe(e => e.Summary!.StartsWith("Chair has the notification", StringComparison.Ordinal)
            || e.Summary!.StartsWith("Chair's decision", StringComparison.Ordinal)
            || e.Summary!.StartsWith("Early learning shared", StringComparison.Ordinal)
            || e.Summary!.StartsWith("Review completed", StringComparison.Ordinal)
            || e.Summary!.StartsWith("Draft report presented to the board", StringComparison.Ordinal));
        var scoping = await _world.CaseAsync("Toddler admitted");
        var completed = events.Single(e => e.Uid == $"{scoping.Id:N}.review-completed@scr");
        completed.DtStart!.Date.ShouldBe(new DateOnly(2027, 3, 23));
        completed.Url.ShouldBe(new Uri($"https://localhost/cases/{scoping.Id}/timetable"));
        var notification = events.Single(e => e.Uid == $"{infant.Id:N}.chair-has-notification@scr");
        notification.Summary.ShouldBe($"Chair has the notification of the child's death ({infant.Reference})");
        notification.IsAllDay.ShouldBeFalse();
        notification.DtStart!.AsUtc.ShouldBe(new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc));
        notification.Description.ShouldBe("Managing serious case reviews (2015), stage 1: child deaths are reported to the chair within 48 hours");
        notification.Url.ShouldBe(new Uri($"https://localhost/cases/{infant.Id}"));
        var decision = events.Single(e => e.Uid == $"{infant.Id:N}.decision@scr");
        decision.IsAllDay.ShouldBeTrue();
        decision.DtStart!.Date.ShouldBe(new DateOnly(2026, 12, 23));
        events.Where(e => e.Summary!.EndsWith(", done)", StringComparison.Ordinal)).ShouldNotBeEmpty("the decisions taken at the seed are done");

        var (_, again) = await ReadFeedAsync(path);
        again!.Events.Select(e => e.Uid).ShouldBe(events.Select(e => e.Uid));
        var account = await chair.GetDocumentAsync("/account/calendar");
        account.QuerySelector("[data-testid=last-used]")!.TextContent.ShouldNotBe("Never");
        account.QuerySelector("[data-testid=new-address]").ShouldBeNull("the address is shown once");
    }

    [Fact]
    public async Task Feed_AgencyLead_OnlyTheirAgencysDeadlines_NeverAnotherPersons()
    {
        var csc = await _world.OrganisationAsync("northbridge-csc");
        var lead = await _world.SignInAsync(AgencyLead);
        var chair = await _world.SignInAsync(Chair);
        var leadsPath = await CreateFeedAsync(lead);
        await CreateFeedAsync(chair);

        var (_, calendar) = await ReadFeedAsync(leadsPath);

        var events = calendar!.Events.ToList();
        events.ShouldNotBeEmpty();
        events.ShouldAllBe(e => e.Uid!.Contains($"{csc.Id:N}") && e.Summary!.Contains("Northbridge Children's Social Care"));
        events.ShouldNotContain(e => e.Summary!.StartsWith("Chair", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Feed_RevokedOrUnknown_NotFound_AndAudited()
    {
        var chair = await _world.SignInAsync(Chair);
        var path = await CreateFeedAsync(chair);
        (await ReadFeedAsync(path)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await chair.GetDocumentAsync("/account/calendar");
        var revoke = page.QuerySelector("[data-testid=feed] form")!.GetAttribute("action")!;

        var revoked = await chair.SubmitAsync("/account/calendar", new Dictionary<string, string>(), revoke);

        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReadFeedAsync(path)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ReadFeedAsync("/calendar/scrcal_guessed.ics")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ReadFeedAsync("/calendar/anything.ics")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var after = await chair.GetDocumentAsync("/account/calendar");
        after.QuerySelector("[data-testid=feed] .govuk-tag")!.TextContent.Trim().ShouldBe("Revoked");
        var actions = await _world.WithDbAsync(db => db.AuditEntries.Where(e => e.ItemType == "calendar-feed").Select(e => e.Action).ToListAsync());
        actions.ShouldBe([AuditActions.CalendarFeedCreated, AuditActions.CalendarFeedRead, AuditActions.CalendarFeedRevoked], ignoreOrder: true);
    }

    [Fact]
    public async Task Feed_TooManyReadsFromOneAddress_Refused()
    {
        await using var strict = _world.Factory.WithWebHostBuilder(b => b.UseSetting("Security:CalendarFeedRequestsPerMinute", "2"));
        using var program = strict.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await program.GetAsync("/calendar/scrcal_guessed.ics")).StatusCode);
        }

        answers.ShouldBe([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests]);
    }
}
