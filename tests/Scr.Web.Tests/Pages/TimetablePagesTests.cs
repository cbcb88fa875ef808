using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Models;
using Scr.Core.Services.Audit;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>
/// The review's timetable through the pages, on the demo seeded on 23 November 2026: every review past the decision has a
/// criminal trial ahead holding back interviews, and the review at stage 3 ("Young person died by suicide") had its
/// completion moved six weeks later by the chair.
/// </summary>
[Collection("web")]
public sealed class TimetablePagesTests : IAsyncLifetime
{
    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string SubGroup = "subgroup@northbridge.example";
    private const string AgencyLead = "agency.lead@northbridge.example";
    private const string Reviewer = "reviewer@northbridge.example";
    private static readonly DateOnly Decided = new(2026, 11, 23);

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private static IElement Milestone(IParentNode page, string key) =>
        page.QuerySelectorAll("[data-testid=milestone]").Single(r => r.GetAttribute("data-key") == key);

    private Task<Guid> VersionAsync(Guid reviewId) =>
        _world.WithDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.Version).FirstAsync());

    private static string Errors(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";

    private static Dictionary<string, string> Date(string field, DateOnly date) => new()
    {
        [$"{field}.Day"] = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{field}.Month"] = date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{field}.Year"] = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> With(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task Timetable_Demo_AgreedDateAgainstTheOriginal_TrialAndConstraint_ChartWithItsTitle()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        var officer = await _world.SignInAsync(Officer);

        var page = await officer.GetDocumentAsync($"/cases/{working.Id}/timetable");

        page.QuerySelectorAll("[data-testid=milestone]").Select(r => r.GetAttribute("data-key")).ShouldBe(
            ["first-early-learning", "second-early-learning", "third-early-learning", "review-completed", "draft-to-board"]);
        page.QuerySelectorAll("[data-testid=milestone]").ShouldAllBe(r => r.GetAttribute("data-state") == "Due");
        var completed = Milestone(page, "review-completed");
        completed.QuerySelector("[data-testid=agreed]")!.TextContent.ShouldBe("4 May 2027 (agreed)");
        completed.QuerySelector("[data-testid=original]")!.TextContent.ShouldBe("Rules gave 23 March 2027");
        completed.TextContent.ShouldContain("Working Together 2006, 8.15");
        Milestone(page, "draft-to-board").QuerySelector("[data-testid=due]")!.TextContent.Trim().ShouldBe("23 May 2027");
        page.QuerySelector("[data-testid=basis]")!.TextContent.ShouldContain("23 November 2026");
        page.QuerySelector("[data-testid=change]")!.GetAttribute("data-status").ShouldBe("Approved");
        page.QuerySelector("[data-testid=change]")!.TextContent.ShouldContain("Martin Oakes");
        page.QuerySelectorAll("[data-testid=process]").Select(p => p.GetAttribute("data-kind")).ShouldBe(["CriminalProceedings"]);
        page.QuerySelector("[data-testid=in-force]")!.TextContent.ShouldContain("No interviews of witnesses");
        page.QuerySelector("[data-testid=in-force]")!.TextContent.ShouldContain("No publication before the inquest");
        // The chart: an image with a title and a description, its milestones drawn as numbered markers.
        var svg = page.QuerySelector("[data-testid=chart] svg")!;
        svg.GetAttribute("role").ShouldBe("img");
        foreach (var id in svg.GetAttribute("aria-labelledby")!.Split(' '))
        {
            page.GetElementById(id).ShouldNotBeNull(id);
        }
        svg.QuerySelector("title")!.TextContent.ShouldBe($"Timetable of case {working.Reference}");
        svg.QuerySelectorAll("text").Select(t => t.TextContent).ShouldContain("C");
        svg.QuerySelectorAll("text").Select(t => t.TextContent).ShouldContain("Interviews of staff and witnesses held back");
        svg.QuerySelectorAll("text").Select(t => t.TextContent).ShouldContain("was C");
        page.QuerySelector("[data-testid=gantt-key]").ShouldNotBeNull();
        page.Body!.TextContent.ShouldNotContain("Kai Brannock");
        page.QuerySelector("[data-testid=add-process]").ShouldNotBeNull();
        (await _world.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.TimetableRead && e.UserName == Officer))).ShouldBe(1);

        // The case page shows what is held back today and links to the timetable.
        var casePage = await officer.GetDocumentAsync($"/cases/{working.Id}");
        casePage.QuerySelector("[data-testid=case-in-force]")!.TextContent.ShouldContain("No interviews of witnesses");
        casePage.QuerySelector("[data-testid=timetable-link]")!.GetAttribute("href").ShouldBe($"/cases/{working.Id}/timetable");
        casePage.QuerySelector("[data-testid=next-milestone]")!.TextContent.ShouldContain("21 December 2026");
        casePage.QuerySelectorAll("[data-testid=case-deadlines] [data-testid=deadline]").Select(r => r.GetAttribute("data-key"))
            .ShouldContain("review-completed");
    }

    [Fact]
    public async Task Agency_SeesWhatIsHeldBackOnTheCase_NotTheTimetable()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        var lead = await _world.SignInAsync(AgencyLead);

        var casePage = await lead.GetDocumentAsync($"/cases/{working.Id}");

        casePage.QuerySelector("[data-testid=case-in-force]")!.TextContent.ShouldContain("No interviews of witnesses");
        casePage.QuerySelector("[data-testid=timetable-link]").ShouldBeNull();
        casePage.QuerySelectorAll("[data-testid=case-deadlines] [data-testid=deadline]").ShouldNotContain(r => r.GetAttribute("data-key") == "review-completed");
        (await lead.GetAsync($"/cases/{working.Id}/timetable")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lead.GetAsync("/timetable")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lead.GetDocumentAsync("/")).QuerySelector("[data-testid=board-timetable]").ShouldBeNull();
    }

    [Fact]
    public async Task AddProcess_ErrorsOnTheirFields_ThenSaved_ThenAConstraint_ShownInForce()
    {
        var scoping = await _world.CaseAsync("Toddler admitted");
        var officer = await _world.SignInAsync(Officer);
        var page = $"/cases/{scoping.Id}/timetable/processes/new";
        var version = (await VersionAsync(scoping.Id)).ToString();

        var refused = await officer.SubmitAsync(page, With(new() { ["Version"] = version, ["Input.Kind"] = "PoliceInvestigation", ["Input.StartedOn.Day"] = "3" },
            Date("Input.EndedOn", Decided.AddDays(5))));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = Browser.Parse(await refused.Content.ReadAsStringAsync());
        Errors(errors).ShouldContain("The date it started must include a month and year");
        Errors(errors).ShouldContain("The date it ended must be today or in the past");
        errors.QuerySelector(".govuk-error-summary a[href='#Input.EndedOn.Day']").ShouldNotBeNull();

        var missingSio = await officer.SubmitAsync(page, new Dictionary<string, string> { ["Version"] = version, ["Input.Kind"] = "PoliceInvestigation" });
        Errors(Browser.Parse(await missingSio.Content.ReadAsStringAsync())).ShouldContain("Enter the name of the senior investigating officer (SIO)");

        var saved = await officer.SubmitAsync(page, With(new()
        {
            ["Version"] = version,
            ["Input.Kind"] = "PoliceInvestigation",
            ["Input.Description"] = "Investigation into the injuries",
            ["Input.ContactName"] = "DI Fictional Person",
            ["Input.ContactRole"] = "Senior investigating officer",
        }, Date("Input.StartedOn", Decided.AddDays(-30))));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, Errors(Browser.Parse(await saved.Content.ReadAsStringAsync())));
        var processPage = saved.Location()!;
        processPage.ShouldStartWith($"/cases/{scoping.Id}/timetable/processes/");
        var process = await officer.GetDocumentAsync(processPage);
        process.QuerySelector("[data-testid=banner]")!.TextContent.ShouldContain("Police investigation recorded");
        process.QuerySelector("[data-testid=no-constraints]").ShouldNotBeNull();

        var addConstraint = $"{processPage}/constraints/new";
        var noEnd = await officer.SubmitAsync(addConstraint, new Dictionary<string, string>
        {
            ["Version"] = (await VersionAsync(scoping.Id)).ToString(),
            ["Input.Activity"] = "FamilyContact",
            ["Input.Description"] = "No contact with the family without the SIO's agreement",
            ["Input.Until"] = "Date",
        });
        Errors(Browser.Parse(await noEnd.Content.ReadAsStringAsync())).ShouldContain("Enter the last day the constraint applies");
        var constraint = await officer.SubmitAsync(addConstraint, new Dictionary<string, string>
        {
            ["Version"] = (await VersionAsync(scoping.Id)).ToString(),
            ["Input.Activity"] = "FamilyContact",
            ["Input.Description"] = "No contact with the family without the SIO's agreement",
            ["Input.Until"] = "ProcessEnds",
        });
        constraint.StatusCode.ShouldBe(HttpStatusCode.Redirect, Errors(Browser.Parse(await constraint.Content.ReadAsStringAsync())));

        var timetable = await officer.GetDocumentAsync($"/cases/{scoping.Id}/timetable");
        timetable.QuerySelectorAll("[data-testid=process]").Select(p => p.GetAttribute("data-kind")).ShouldBe(["CriminalProceedings", "PoliceInvestigation"],
            ignoreOrder: true);
        timetable.QuerySelector("[data-testid=in-force]")!.TextContent.ShouldContain("No contact with the family without the SIO's agreement");
        var audit = await _world.WithDbAsync(db => db.AuditEntries.Where(e => e.UserName == Officer).Select(e => e.Action).ToListAsync());
        audit.ShouldContain(AuditActions.ParallelProcessAdded);
        audit.ShouldContain(AuditActions.ConstraintAdded);
    }

    [Fact]
    public async Task Constraint_ChangedThenRemoved_StaleVersionKeepsWhatWasTyped()
    {
        var scoping = await _world.CaseAsync("Toddler admitted");
        var process = await _world.WithDbAsync(db => db.Set<ParallelProcess>().Include(p => p.Constraints).FirstAsync(p => p.ReviewId == scoping.Id));
        var reviewer = await _world.SignInAsync(Reviewer);
        var page = $"/cases/{scoping.Id}/timetable/processes/{process.Id}/constraints/{process.Constraints[0].Id}";
        var form = await reviewer.GetDocumentAsync(page);
        form.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Description']")!.Value.ShouldContain("No interviews of witnesses");

        var stale = await reviewer.SubmitAsync(page, With(new()
        {
            ["Version"] = Guid.NewGuid().ToString(),
            ["Input.Activity"] = "Interviews",
            ["Input.Description"] = "Changed wording typed by the reviewer",
            ["Input.Until"] = "Date",
        }, Date("Input.EndsOn", new DateOnly(2027, 1, 31))));
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stalePage = Browser.Parse(await stale.Content.ReadAsStringAsync());
        Errors(stalePage).ShouldNotBeEmpty();
        stalePage.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Description']")!.Value.ShouldBe("Changed wording typed by the reviewer");

        var changed = await reviewer.SubmitAsync(page, With(new()
        {
            ["Version"] = (await VersionAsync(scoping.Id)).ToString(),
            ["Input.Activity"] = "Interviews",
            ["Input.Description"] = "No interviews of witnesses until the end of January",
            ["Input.Until"] = "Date",
        }, Date("Input.EndsOn", new DateOnly(2027, 1, 31))));
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var processPage = await reviewer.GetDocumentAsync(changed.Location()!);
        processPage.QuerySelector("[data-testid=constraints]")!.TextContent.ShouldContain("Until 31 January 2027");

        var removed = await reviewer.SubmitAsync(page, new Dictionary<string, string> { ["Version"] = (await VersionAsync(scoping.Id)).ToString() }, $"{page}?handler=Remove");
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await reviewer.GetDocumentAsync(removed.Location()!)).QuerySelector("[data-testid=no-constraints]").ShouldNotBeNull();
        (await _world.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ConstraintRemoved && e.UserName == Reviewer))).ShouldBe(1);
    }

    [Fact]
    public async Task ProposeChange_ChairRefusesWithoutAReason_ThenAgrees_TheTimetableShowsBothDates()
    {
        var scoping = await _world.CaseAsync("Toddler admitted");
        var reviewer = await _world.SignInAsync(Reviewer);
        var page = $"/cases/{scoping.Id}/timetable/milestones/review-completed/change";

        var same = await reviewer.SubmitAsync(page, With(new() { ["Version"] = (await VersionAsync(scoping.Id)).ToString(), ["Input.Reason"] = "x" },
            Date("Input.ProposedDate", new DateOnly(2027, 3, 23))));
        Errors(Browser.Parse(await same.Content.ReadAsStringAsync())).ShouldContain("The new date must differ from the date in force now (23 March 2027)");
        var proposed = await reviewer.SubmitAsync(page, With(new()
        {
            ["Version"] = (await VersionAsync(scoping.Id)).ToString(),
            ["Input.Reason"] = "The trial holds back interviews of the staff involved.",
        }, Date("Input.ProposedDate", new DateOnly(2027, 4, 30))));
        proposed.StatusCode.ShouldBe(HttpStatusCode.Redirect, Errors(Browser.Parse(await proposed.Content.ReadAsStringAsync())));

        var chair = await _world.SignInAsync(Chair);
        var timetable = await chair.GetDocumentAsync($"/cases/{scoping.Id}/timetable");
        timetable.QuerySelector("[data-testid=pending-change]")!.TextContent.ShouldContain("from 23 March 2027 to 30 April 2027");
        var decide = timetable.QuerySelector("[data-testid=decide-change]")!.GetAttribute("href")!;
        var officerView = await (await _world.SignInAsync(Officer)).GetDocumentAsync(decide);
        officerView.QuerySelector("[data-testid=waiting]").ShouldNotBeNull();
        officerView.QuerySelector("form[method=post] [data-testid=decide]").ShouldBeNull();

        var noReason = await chair.SubmitAsync(decide, new Dictionary<string, string> { ["Version"] = (await VersionAsync(scoping.Id)).ToString(), ["Input.Approve"] = "false" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        Errors(Browser.Parse(await noReason.Content.ReadAsStringAsync())).ShouldContain("Enter why you refuse the change");
        var agreed = await chair.SubmitAsync(decide, new Dictionary<string, string>
        {
            ["Version"] = (await VersionAsync(scoping.Id)).ToString(),
            ["Input.Approve"] = "true",
            ["Input.Note"] = "Agreed; the director has been told.",
        });
        agreed.StatusCode.ShouldBe(HttpStatusCode.Redirect, Errors(Browser.Parse(await agreed.Content.ReadAsStringAsync())));

        var after = await chair.GetDocumentAsync(agreed.Location()!);
        after.QuerySelector("[data-testid=banner]")!.TextContent.ShouldContain("Tell the director of children's services");
        var completed = Milestone(after, "review-completed");
        completed.QuerySelector("[data-testid=agreed]")!.TextContent.ShouldBe("30 April 2027 (agreed)");
        completed.QuerySelector("[data-testid=original]")!.TextContent.ShouldBe("Rules gave 23 March 2027");
        after.QuerySelectorAll("[data-testid=change]").Select(c => c.GetAttribute("data-status")).ShouldBe(["Approved"]);
        var messages = await _world.WithDbAsync(db => db.InboxItems.Where(i => i.ReviewId == scoping.Id && i.Title.StartsWith("Change of timeline agreed"))
            .CountAsync());
        messages.ShouldBeGreaterThan(0);
        // Only the chair answers.
        var subGroup = await _world.SignInAsync(SubGroup);
        (await subGroup.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RecordMilestone_Done_ShowsDone_AFutureDateRefused()
    {
        var scoping = await _world.CaseAsync("Toddler admitted");
        _world.Factory.Clock.Set(new DateTimeOffset(2026, 12, 18, 10, 0, 0, TimeSpan.Zero));
        var officer = await _world.SignInAsync(Officer);
        var page = $"/cases/{scoping.Id}/timetable/milestones/first-early-learning/done";

        var future = await officer.SubmitAsync(page, With(new() { ["Version"] = (await VersionAsync(scoping.Id)).ToString() },
            Date("Input.DoneOn", new DateOnly(2026, 12, 19))));
        Errors(Browser.Parse(await future.Content.ReadAsStringAsync())).ShouldContain("must be today or in the past");
        var done = await officer.SubmitAsync(page, With(new()
        {
            ["Version"] = (await VersionAsync(scoping.Id)).ToString(),
            ["Input.Note"] = "Presented to the board's executive",
        }, Date("Input.DoneOn", new DateOnly(2026, 12, 17))));
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var timetable = await officer.GetDocumentAsync($"/cases/{scoping.Id}/timetable");
        var first = Milestone(timetable, "first-early-learning");
        first.GetAttribute("data-state").ShouldBe("Done");
        first.QuerySelector("[data-testid=progress]")!.TextContent.ShouldBe("Done 17 December 2026");
        first.TextContent.ShouldContain("Presented to the board's executive");
        first.QuerySelector("[data-testid=propose]").ShouldBeNull("a milestone done keeps its date");
    }

    [Fact]
    public async Task BoardTimetable_ChartAndTable_ForTheBoard_LinkedFromTheDashboard()
    {
        var chair = await _world.SignInAsync(Chair);
        (await chair.GetDocumentAsync("/")).QuerySelector("[data-testid=board-timetable]")!.GetAttribute("href").ShouldBe("/timetable");

        var page = await chair.GetDocumentAsync("/timetable");

        var svg = page.QuerySelector("[data-testid=chart] svg")!;
        svg.GetAttribute("role").ShouldBe("img");
        svg.QuerySelector("title")!.TextContent.ShouldBe("Timetable of the reviews of Northbridge Safeguarding Children Board");
        svg.QuerySelector("desc")!.TextContent.ShouldStartWith("3 reviews of Northbridge Safeguarding Children Board");
        var rows = page.QuerySelectorAll("[data-testid=review]").ToList();
        rows.Count.ShouldBe(3);
        var references = rows.Select(r => r.GetAttribute("data-reference")!).ToList();
        foreach (var reference in references)
        {
            svg.QuerySelectorAll("text").Select(t => t.TextContent).ShouldContain(reference);
        }
        rows.ShouldAllBe(r => r.QuerySelector("[data-testid=in-force]")!.TextContent.Contains("No interviews of witnesses"));
        rows.ShouldAllBe(r => r.QuerySelectorAll("[data-testid=milestone]").Length == 5);
        page.Body!.TextContent.ShouldContain("agreed; the rules gave 23 March 2027");
        page.Body!.TextContent.ShouldNotContain("Otis Varley");
        page.Body!.TextContent.ShouldNotContain("Eastmere");
        (await _world.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.BoardTimetableRead && e.UserName == Chair))).ShouldBe(1);

        var reviewer = await _world.SignInAsync(Reviewer);
        (await reviewer.GetAsync("/timetable")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Deadlines_ListEachReviewsMilestones()
    {
        var officer = await _world.SignInAsync(Officer);
        var all = await officer.GetDocumentAsync("/deadlines");

        var keys = all.QuerySelectorAll("[data-testid=deadline]").Select(r => r.TextContent).ToList();
        keys.Count(k => k.Contains("Early learning shared", StringComparison.Ordinal)).ShouldBe(9);
        keys.Count(k => k.Contains("Review completed", StringComparison.Ordinal)).ShouldBe(3);
        keys.Count(k => k.Contains("Draft report presented to the board", StringComparison.Ordinal)).ShouldBe(3);
    }
}
