using System.Net;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Models;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>The inbox at /messages and its count in the service navigation. Each test has a demo world of its own.</summary>
[Collection("web")]
public sealed class MessagesTests : IAsyncLifetime
{
    private const string Chair = "chair@northbridge.example";
    private const string Officer = "officer@northbridge.example";

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private Task<Guid> UserIdAsync(string email) => _world.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync());

    private Task<int> UnreadAsync(Guid userId) => _world.WithDbAsync(db => db.InboxItems.CountAsync(i => i.UserId == userId && i.ReadAt == null));

    private static string MessagesLink(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.TextContent.Trim()).Single(t => t.StartsWith("Messages", StringComparison.Ordinal));

    [Fact]
    public async Task Messages_Chair_NewestFirstUnreadInBold_OpeningOneMarksItReadAndGoesToItsLink()
    {
        var chairId = await UserIdAsync(Chair);
        var unread = await UnreadAsync(chairId);
        unread.ShouldBeGreaterThan(0, "the demo tells the chair of each notification");
        var chair = await _world.SignInAsync(Chair);

        var page = await chair.GetDocumentAsync("/messages");

        MessagesLink(page).ShouldBe($"Messages ({unread})");
        var rows = page.QuerySelectorAll("[data-testid=message]").ToList();
        rows.Count.ShouldBe(unread);
        rows.ShouldAllBe(r => r.GetAttribute("data-unread") == "true");
        rows[0].QuerySelector("button strong").ShouldNotBeNull();
        rows[0].QuerySelector(".govuk-tag")!.TextContent.Trim().ShouldBe("Unread");
        var newest = await _world.WithDbAsync(db => db.InboxItems.Where(i => i.UserId == chairId).OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).FirstAsync());
        rows[0].QuerySelector("button")!.TextContent.Trim().ShouldBe(newest.Title);

        var action = rows[0].QuerySelector("form")!.GetAttribute("action")!;
        var opened = await chair.SubmitAsync("/messages", new Dictionary<string, string>(), action);

        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        opened.Location().ShouldBe(newest.Link);
        (await _world.WithDbAsync(db => db.InboxItems.FirstAsync(i => i.Id == newest.Id))).ReadAt.ShouldNotBeNull();
        var after = await chair.GetDocumentAsync("/messages");
        MessagesLink(after).ShouldBe($"Messages ({unread - 1})");
        var first = after.QuerySelectorAll("[data-testid=message]").First();
        first.GetAttribute("data-unread").ShouldBe("false");
        first.QuerySelector("button strong").ShouldBeNull();
        first.QuerySelector(".govuk-tag").ShouldBeNull();
    }

    [Fact]
    public async Task Open_AnotherPersonsMessage_NotFound_AndWithoutTheFormsToken_Refused()
    {
        var chairs = await _world.WithDbAsync(async db =>
        {
            var chairId = await db.Users.Where(u => u.Email == Chair).Select(u => u.Id).FirstAsync();
            return await db.InboxItems.Where(i => i.UserId == chairId).Select(i => i.Id).FirstAsync();
        });
        var officer = await _world.SignInAsync(Officer);

        var stolen = await officer.SubmitAsync("/messages", new Dictionary<string, string>(), $"/messages?handler=Open&id={chairs}");
        var forged = await officer.PostAsync($"/messages?handler=Open&id={chairs}", new FormUrlEncodedContent(new Dictionary<string, string>()));

        stolen.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _world.WithDbAsync(db => db.InboxItems.FirstAsync(i => i.Id == chairs))).ReadAt.ShouldBeNull();
    }

    [Fact]
    public async Task Messages_ManyMessages_TwentyToAPage()
    {
        var officerId = await UserIdAsync(Officer);
        var start = _world.Factory.Clock.GetUtcNow();
        await _world.WithDbAsync(async db =>
        {
            // Only these: the demo world's own messages to the officer would change the counts.
            db.InboxItems.RemoveRange(db.InboxItems.Where(i => i.UserId == officerId));
            for (var i = 1; i <= 25; i++)
            {
                db.InboxItems.Add(new InboxItem(officerId, null, $"Message {i:00}", null, "/", start.AddMinutes(-i)));
            }
            return await db.SaveChangesAsync();
        });
        var officer = await _world.SignInAsync(Officer);

        var first = await officer.GetDocumentAsync("/messages");
        var second = await officer.GetDocumentAsync("/messages?page=2");

        MessagesLink(first).ShouldBe("Messages (25)");
        first.QuerySelector("[data-testid=message-count]")!.TextContent.ShouldContain("25 messages, 25 unread.");
        first.QuerySelectorAll("[data-testid=message] button").Select(b => b.TextContent.Trim()).ShouldBe(Enumerable.Range(1, 20).Select(i => $"Message {i:00}"));
        first.QuerySelector(".govuk-pagination a[rel=next]")!.GetAttribute("href").ShouldBe("?page=2");
        second.QuerySelectorAll("[data-testid=message] button").Select(b => b.TextContent.Trim()).ShouldBe(Enumerable.Range(21, 5).Select(i => $"Message {i:00}"));
    }

    [Fact]
    public async Task Navigation_NoUnreadMessages_JustMessages()
    {
        var admin = await _world.SignInAsync("admin@scr.example");

        var page = await admin.GetDocumentAsync("/messages");

        MessagesLink(page).ShouldBe("Messages");
        page.QuerySelector("[data-testid=message-count]")!.TextContent.ShouldContain("You have no messages.");
    }
}
