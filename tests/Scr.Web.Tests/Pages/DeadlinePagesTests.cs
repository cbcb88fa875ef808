using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scr.Core.Models;
using Scr.Core.Services;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Decisions;
using Scr.TestCommon;
using Scr.Web.Background;

namespace Scr.Web.Tests.Pages;

/// <summary>
/// The dashboard's deadlines, /deadlines and the case page's deadlines. The demo is seeded on Monday 23 November 2026 at
/// 09:00 UTC; its case "Infant found unresponsive" is a child's death (incident on the 18th) with three agencies. Two days
/// and an hour later the chair's 48 hours and the agencies' records (end of Tuesday) are overdue, the file reviews (end of
/// Wednesday 25th) due soon, and the chair's decision (one month) due. Each test has a demo world of its own.
/// </summary>
[Collection("web")]
public sealed class DeadlinePagesTests : IAsyncLifetime
{
    private const string Chair = "chair@northbridge.example";
    private const string Officer = "officer@northbridge.example";
    private const string AgencyLead = "agency.lead@northbridge.example";
    private static readonly DateTimeOffset Seeded = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);
        _world.Factory.Clock.Set(Seeded.AddHours(49));
    }

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private static IEnumerable<IElement> Rows(IParentNode page, string table) =>
        page.QuerySelectorAll($"[data-testid={table}] [data-testid=deadline]");

    [Fact]
    public async Task Dashboard_Chair_OverdueFirstInRed_ThenDueSoon_ThenDue_AndDoneThisMonth()
    {
        var infant = await _world.CaseAsync("Infant found unresponsive");
        var chair = await _world.SignInAsync(Chair);

        var page = await chair.GetDocumentAsync("/");

        var rows = Rows(page, "deadline-table").ToList();
        // Ten rows: the new case's overdue and due-soon deadlines, then by date what is due: the first early learning of each of
        // the three reviews under way (21 December) comes before the new case's decision (23 December).
        rows.Select(r => r.GetAttribute("data-state")).ShouldBe(["Overdue", "Overdue", "Overdue", "Overdue", "DueSoon", "DueSoon", "DueSoon", "Due", "Due", "Due"]);
        rows.Skip(7).ShouldAllBe(r => r.TextContent.Contains("Early learning shared with the chair"));
        var chairs = rows.Single(r => r.TextContent.Contains("Chair has the notification of the child's death"));
        chairs.QuerySelector(".govuk-tag")!.ClassList.ShouldContain("govuk-tag--red");
        chairs.QuerySelector(".govuk-tag")!.TextContent.Trim().ShouldBe("Overdue");
        chairs.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/cases/{infant.Id}");
        chairs.QuerySelector("a")!.TextContent.ShouldBe(infant.Reference);
        chairs.TextContent.ShouldContain("25 November 2026 at 9am");
        rows.First().TextContent.ShouldContain("Records secured");
        rows.First().TextContent.ShouldContain("Moorland Police");
        rows.Where(r => r.GetAttribute("data-state") == "DueSoon").ShouldAllBe(r => r.QuerySelector(".govuk-tag--yellow") != null);
        // The four cases the chair decided at the seed: each decision was on time.
        page.QuerySelector("[data-testid=done-this-month]")!.TextContent.Trim().ShouldBe("Done this month: 4");
        page.QuerySelector("[data-testid=all-deadlines]")!.GetAttribute("href").ShouldBe("/deadlines");
        page.Body!.TextContent.ShouldNotContain("Rowan Tate");
    }

    [Fact]
    public async Task Dashboard_ChairAcknowledges_NoLongerOverdue_AndCountedDone()
    {
        var infant = await _world.CaseAsync("Infant found unresponsive");
        await AcknowledgeAsync(infant.Id);
        var chair = await _world.SignInAsync(Chair);

        var page = await chair.GetDocumentAsync("/");

        Rows(page, "deadline-table").ShouldNotContain(r => r.TextContent.Contains("Chair has the notification"));
        page.QuerySelector("[data-testid=done-this-month]")!.TextContent.Trim().ShouldBe("Done this month: 5");
        var casePage = await chair.GetDocumentAsync($"/cases/{infant.Id}");
        var row = Rows(casePage, "case-deadlines").Single(r => r.GetAttribute("data-key") == "chair-has-notification");
        row.GetAttribute("data-state").ShouldBe("DoneLate");
        row.QuerySelector("[data-testid=progress]")!.TextContent.ShouldStartWith("Done late, 25 November 2026 at 10");
        row.QuerySelector("[data-testid=progress]")!.TextContent.ShouldEndWith("(due by 25 November 2026 at 9am)");
    }

    [Fact]
    public async Task Dashboard_AgencyLead_OnlyTheirOwnAgencysDeadlines()
    {
        var lead = await _world.SignInAsync(AgencyLead);

        var page = await lead.GetDocumentAsync("/");

        var rows = Rows(page, "deadline-table").ToList();
        rows.Select(r => r.GetAttribute("data-state")).ShouldBe(["Overdue", "DueSoon"]);
        rows.ShouldAllBe(r => r.TextContent.Contains("Northbridge Children's Social Care"));
        rows[0].TextContent.ShouldContain("Records secured");
        rows[1].TextContent.ShouldContain("Short file review sent");
        page.Body!.TextContent.ShouldNotContain("Chair has the notification");
    }

    [Fact]
    public async Task Dashboard_PanelAndAdministrator_NoDeadlinesSection()
    {
        foreach (var email in new[] { "panel@panel.example", "admin@scr.example" })
        {
            var page = await (await _world.SignInAsync(email)).GetDocumentAsync("/");
            page.QuerySelector("#deadlines").ShouldBeNull(email);
        }
    }

    [Fact]
    public async Task CasePage_ShowsEachDeadlineAndWhereItStands()
    {
        var infant = await _world.CaseAsync("Infant found unresponsive");
        var scoping = await _world.CaseAsync("Toddler admitted");
        var police = await _world.OrganisationAsync("moorland-police");
        var officer = await _world.SignInAsync(Officer);

        var page = await officer.GetDocumentAsync($"/cases/{infant.Id}");

        var rows = Rows(page, "case-deadlines").ToDictionary(r => r.GetAttribute("data-key")!,
            r => r.QuerySelector("[data-testid=progress]")!.TextContent.Trim(), StringComparer.Ordinal);
        rows.Count.ShouldBe(8);
        rows["chair-has-notification"].ShouldBe("Overdue since 25 November 2026 at 9am");
        rows[$"records-secured:{police.Id:N}"].ShouldBe("Overdue since 25 November 2026");
        rows[$"file-review:{police.Id:N}"].ShouldBe("Due by 25 November 2026");
        rows["decision"].ShouldBe("Due by 23 December 2026");
        page.QuerySelector("[data-testid=case-deadlines]")!.TextContent.ShouldContain("Working Together 2006, 8.14");

        var decided = await officer.GetDocumentAsync($"/cases/{scoping.Id}");
        var decidedRows = Rows(decided, "case-deadlines").ToList();
        decidedRows.Single(r => r.GetAttribute("data-key") == "decision").QuerySelector("[data-testid=progress]")!.TextContent.Trim()
            .ShouldBe("Done 23 November 2026 at 9am");
        string[] milestones = ["first-early-learning", "second-early-learning", "third-early-learning", "review-completed", "draft-to-board"];
        decidedRows.Where(r => r.GetAttribute("data-key") != "decision" && !milestones.Contains(r.GetAttribute("data-key")!))
            .ShouldAllBe(r => r.QuerySelector("[data-testid=progress]")!.TextContent.StartsWith("Missed: not done before the chair decided", StringComparison.Ordinal));
        // The review now under way has its milestones, counted from the decision.
        decidedRows.Where(r => milestones.Contains(r.GetAttribute("data-key")!)).Select(r => r.GetAttribute("data-state")).ShouldBe(["Due", "Due", "Due", "Due", "Due"]);
    }

    [Fact]
    public async Task CasePage_AgencyLead_OnlyTheirAgencysDeadlines()
    {
        var infant = await _world.CaseAsync("Infant found unresponsive");
        var csc = await _world.OrganisationAsync("northbridge-csc");
        var lead = await _world.SignInAsync(AgencyLead);

        var page = await lead.GetDocumentAsync($"/cases/{infant.Id}");

        Rows(page, "case-deadlines").Select(r => r.GetAttribute("data-key"))
            .ShouldBe([$"records-secured:{csc.Id:N}", $"file-review:{csc.Id:N}"]);
    }

    [Fact]
    public async Task DeadlinesPage_FiltersByStateAndCase()
    {
        var infant = await _world.CaseAsync("Infant found unresponsive");
        var scoping = await _world.CaseAsync("Toddler admitted");
        var chair = await _world.SignInAsync(Chair);

        var all = await chair.GetDocumentAsync("/deadlines");
        var overdue = await chair.GetDocumentAsync("/deadlines?State=Overdue");
        var oneCase = await chair.GetDocumentAsync($"/deadlines?Case={scoping.Id}");
        var both = await chair.GetDocumentAsync($"/deadlines?State=Missed&Case={infant.Id}");

        Rows(all, "deadline-table").Count().ShouldBeGreaterThan(8);
        Rows(all, "deadline-table").Select(r => r.GetAttribute("data-state")).ShouldContain("Missed");
        Rows(overdue, "deadline-table").Select(r => r.GetAttribute("data-state")).ShouldBe(["Overdue", "Overdue", "Overdue", "Overdue"]);
        Rows(oneCase, "deadline-table").ShouldAllBe(r => r.QuerySelector("a")!.TextContent == scoping.Reference);
        Rows(oneCase, "deadline-table").ShouldNotBeEmpty();
        both.QuerySelector("[data-testid=deadline-count]")!.TextContent.Trim().ShouldBe("0 deadlines");
        all.QuerySelector("select[name=Case]")!.QuerySelectorAll("option").Select(o => o.TextContent).ShouldContain(infant.Reference);
    }

    [Fact]
    public async Task DeadlinesPage_AnotherBoardsOfficer_SeesNoneOfNorthbridges()
    {
        var infant = await _world.CaseAsync("Infant found unresponsive");
        var other = await _world.SignInAsync("officer@eastmere.example");

        var page = await other.GetDocumentAsync("/deadlines");
        var guessed = await other.GetAsync($"/deadlines?Case={infant.Id}");

        page.Body!.TextContent.ShouldNotContain(infant.Reference);
        guessed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await guessed.Content.ReadAsStringAsync()).ShouldNotContain(infant.Reference);
    }

    [Fact]
    public void ReminderWorker_OffInTheTestingEnvironment()
    {
        _world.Factory.Services.GetServices<IHostedService>().OfType<ReminderWorker>().ShouldHaveSingleItem().Interval.ShouldBeNull();
    }

    private async Task AcknowledgeAsync(Guid reviewId)
    {
        using var scope = _world.Factory.Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(Chair))!;
        var principal = (await scope.ServiceProvider.GetRequiredService<Principals>().LoadAsync(user.Id))!;
        await scope.ServiceProvider.GetRequiredService<DecisionService>().AcknowledgeAsync(reviewId, principal, new Actor(user.Id, Chair, null));
    }
}
