using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Demo;
using Scr.Web.Tests.Api;

namespace Scr.Web.Tests.Pages;

/// <summary>
/// The review panel and team pages: the minimum membership check, adding with a declaration, a conflicted appointment
/// refused, the chair's exception letting it through, and matching a case to the reviewer register with the reasons shown.
/// </summary>
[Collection("web")]
public sealed class ReviewPanelPagesTests(SqliteWorld fixture) : IClassFixture<SqliteWorld>
{
    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";

    private WebWorld World => fixture.World;

    /// <summary>A death notified to Northbridge naming social care and the police (for whom the conflicted reviewer worked).</summary>
    private Task<Guid> NewCaseAsync(string summary) =>
        World.NotifyStage1CaseAsync(Officer, "northbridge", summary, agencyKeys: ["northbridge-csc", "moorland-police"]);

    private static string Option(IHtmlDocument form, string select, string text) =>
        form.QuerySelectorAll($"select[name='{select}'] option").First(o => o.TextContent.Contains(text, StringComparison.Ordinal)).GetAttribute("value")!;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IHtmlDocument form, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Browser.AntiforgeryToken(form);
        fields["Version"] = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static IEnumerable<string> Errors(IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim());

    [Fact]
    public async Task Team_ScopingCase_ShowsTheMinimumMembershipAndTheConflictAwaitingTheChair()
    {
        var scoping = await World.CaseAsync("Toddler admitted");
        var officer = await World.SignInAsync(Officer);

        var page = await officer.GetDocumentAsync($"/cases/{scoping.Id}/team");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Review panel and team");
        page.QuerySelector("[data-testid=seat-ChildrensSocialCare]")!.TextContent.Trim().ShouldBe("Missing");
        page.QuerySelector("[data-testid=seat-HealthTrust]")!.TextContent.Trim().ShouldBe("Missing");
        page.QuerySelector("[data-testid=seat-Education]")!.TextContent.ShouldContain("Helen Ashdown (Northbridge Schools and Learning)");
        page.QuerySelector("[data-testid=seat-Police]")!.TextContent.ShouldContain("Det Supt Owen Brackley (Moorland Police)");
        page.QuerySelector("[data-testid=panel-missing]")!.TextContent.ShouldContain("children's social care and health");
        page.QuerySelectorAll("[data-testid=member]").Select(m => m.GetAttribute("data-role"))
            .ShouldBe(["LeadReviewer", "PanelMember", "PanelMember", "ShadowReviewer"], ignoreOrder: true);
        var conflicted = page.QuerySelector("[data-testid=conflicted]")!;
        conflicted.TextContent.ShouldContain("Declan Horsfall");
        conflicted.TextContent.ShouldContain("Worked for Moorland Police, an agency involved in the case, until 31 March 2024");
        conflicted.TextContent.ShouldContain("Awaiting the chair");
        conflicted.QuerySelector("[data-testid=record-exception]").ShouldBeNull("only the chair records an exception");
        page.QuerySelector("table[data-testid=team] caption")!.TextContent.ShouldNotBeNullOrWhiteSpace();

        var chairPage = await (await World.SignInAsync(Chair)).GetDocumentAsync($"/cases/{scoping.Id}/team");
        chairPage.QuerySelector("[data-testid=record-exception]")!.GetAttribute("href")
            .ShouldBe($"/cases/{scoping.Id}/team/exception/{await World.UserIdAsync(DemoData.ConflictedReviewer)}");

        // The case page's task list points at the panel while it is incomplete.
        var casePage = await officer.GetDocumentAsync($"/cases/{scoping.Id}");
        casePage.QuerySelectorAll("[data-testid=task-list] a").Select(a => a.GetAttribute("href")).ShouldContain($"/cases/{scoping.Id}/team");
    }

    [Fact]
    public async Task Add_EmptyForm_EachQuestionAsked()
    {
        var id = await NewCaseAsync("Fictional case: an empty add form.");
        var officer = await World.SignInAsync(Officer);
        var url = $"/cases/{id}/team/add";
        var form = await officer.GetDocumentAsync(url);

        var response = await PostFormAsync(officer, url, form, []);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = Browser.Parse(await response.Content.ReadAsStringAsync());
        Errors(page).ShouldBe(["Select the person to add", "Select their role on the review team",
            "Select whether the person was involved in the case or line-manages anyone who was"]);
        page.QuerySelectorAll(".govuk-error-summary__list a").First().GetAttribute("href").ShouldBe("#Input.Person");
    }

    [Fact]
    public async Task Add_PanelMemberForTheirAgency_ShownInTheSeat()
    {
        var id = await NewCaseAsync("Fictional case: a panel member added.");
        var officer = await World.SignInAsync(Officer);
        var url = $"/cases/{id}/team/add";
        var form = await officer.GetDocumentAsync(url);
        var wrong = await PostFormAsync(officer, url, form, new()
        {
            ["Input.Person"] = Option(form, "Input.Person", "Sam Ridley"),
            ["Input.Role"] = "PanelMember",
            ["Input.AgencyId"] = Option(form, "Input.AgencyId", "Moorland Police"),
            ["Input.Declaration"] = "None",
        });
        Errors(Browser.Parse(await wrong.Content.ReadAsStringAsync())).ShouldBe(["Select an agency the person works for"]);

        form = await officer.GetDocumentAsync(url);
        var added = await PostFormAsync(officer, url, form, new()
        {
            ["Input.Person"] = Option(form, "Input.Person", "Sam Ridley"),
            ["Input.Role"] = "PanelMember",
            ["Input.AgencyId"] = Option(form, "Input.AgencyId", "Northbridge Children's Social Care"),
            ["Input.Declaration"] = "None",
        });

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        added.Location().ShouldBe($"/cases/{id}/team");
        var team = await officer.GetDocumentAsync($"/cases/{id}/team");
        team.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("Sam Ridley added to the review team as review panel member.");
        team.QuerySelector("[data-testid=seat-ChildrensSocialCare]")!.TextContent.ShouldContain("Sam Ridley (Northbridge Children's Social Care)");
        team.QuerySelector("[data-testid=member]")!.TextContent.ShouldContain("No involvement in the case");
    }

    [Fact]
    public async Task Add_ConflictedReviewer_Refused_ThenTheChairsExceptionAllowsIt()
    {
        var id = await NewCaseAsync("Fictional case: a conflicted reviewer.");
        var declan = await World.UserIdAsync(DemoData.ConflictedReviewer);
        var officer = await World.SignInAsync(Officer);
        var url = $"/cases/{id}/team/add";
        var form = await officer.GetDocumentAsync($"{url}?person={declan}&role=LeadReviewer");
        form.QuerySelector($"select[name='Input.Person'] option[value='{declan}']")!.HasAttribute("selected").ShouldBeTrue();
        form.QuerySelector("input[name='Input.Role'][value=LeadReviewer]")!.HasAttribute("checked").ShouldBeTrue();

        var refused = await PostFormAsync(officer, url, form, new()
        {
            ["Input.Person"] = declan.ToString(),
            ["Input.Role"] = "LeadReviewer",
            ["Input.Declaration"] = "None",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = Browser.Parse(await refused.Content.ReadAsStringAsync());
        Errors(page).Single().ShouldBe("Declan Horsfall cannot join the review team: worked for Moorland Police, an agency involved in the case, "
            + "until 31 March 2024. The board chair may record a justified exception.");
        page.QuerySelector("[data-testid=refused]")!.TextContent.ShouldContain("What Declan Horsfall declared is recorded on the case");
        (await World.WithDbAsync(db => db.ReviewTeamMembers.CountAsync(t => t.ReviewId == id && t.UserId == declan))).ShouldBe(0);
        (await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.AppointmentRefused && e.ItemId == id.ToString()))).ShouldBe(1);

        // The business unit may not except; the chair may, with a reason.
        (await officer.GetAsync($"/cases/{id}/team/exception/{declan}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var chair = await World.SignInAsync(Chair);
        var exceptionUrl = $"/cases/{id}/team/exception/{declan}";
        var exceptionForm = await chair.GetDocumentAsync(exceptionUrl);
        exceptionForm.QuerySelector("[data-testid=conflicts]")!.TextContent.ShouldContain("Worked for Moorland Police");
        var empty = await PostFormAsync(chair, exceptionUrl, exceptionForm, new() { ["Reason"] = " " });
        Errors(Browser.Parse(await empty.Content.ReadAsStringAsync())).ShouldBe(["Enter why the person may still serve despite the conflict"]);

        exceptionForm = await chair.GetDocumentAsync(exceptionUrl);
        var excepted = await PostFormAsync(chair, exceptionUrl, exceptionForm, new()
        {
            ["Reason"] = "Fictional: left the force before the family was known to it; no one involved in the case reported to him.",
        });
        excepted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await excepted.Content.ReadAsStringAsync());
        var team = await officer.GetDocumentAsync($"/cases/{id}/team");
        var row = team.QuerySelector("[data-testid=conflicted]")!;
        row.TextContent.ShouldContain("Exception recorded");
        row.QuerySelector("[data-testid=add-after-exception]")!.GetAttribute("href").ShouldBe($"/cases/{id}/team/add?person={declan}&role=LeadReviewer");
        var exception = await World.WithDbAsync(db => db.ConflictExceptions().SingleAsync(e => e.ReviewId == id));
        exception.GrantedById.ShouldBe(await World.UserIdAsync(Chair));
        (await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ConflictExceptionRecorded && e.ItemId == id.ToString()))).ShouldBe(1);

        form = await officer.GetDocumentAsync($"{url}?person={declan}&role=LeadReviewer");
        var appointed = await PostFormAsync(officer, url, form, new()
        {
            ["Input.Person"] = declan.ToString(),
            ["Input.Role"] = "LeadReviewer",
            ["Input.Declaration"] = "None",
        });
        appointed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await appointed.Content.ReadAsStringAsync());
        team = await officer.GetDocumentAsync($"/cases/{id}/team");
        var member = team.QuerySelectorAll("[data-testid=member]").Single(m => m.TextContent.Contains("Declan Horsfall"));
        member.GetAttribute("data-role").ShouldBe("LeadReviewer");
        member.TextContent.ShouldContain("Under the chair's exception");
    }

    [Fact]
    public async Task Add_DeclaredInvolvement_RefusedWithWhatWasDeclared()
    {
        var id = await NewCaseAsync("Fictional case: a declared involvement.");
        var officer = await World.SignInAsync(Officer);
        var url = $"/cases/{id}/team/add";
        var form = await officer.GetDocumentAsync(url);
        var noDetails = await PostFormAsync(officer, url, form, new()
        {
            ["Input.Person"] = Option(form, "Input.Person", "Joan Whitby"),
            ["Input.Role"] = "LayMember",
            ["Input.Declaration"] = "LineManagesSomeoneInvolved",
        });
        Errors(Browser.Parse(await noDetails.Content.ReadAsStringAsync())).ShouldBe(["Describe the involvement they declared"]);

        form = await officer.GetDocumentAsync(url);
        var refused = await PostFormAsync(officer, url, form, new()
        {
            ["Input.Person"] = Option(form, "Input.Person", "Joan Whitby"),
            ["Input.Role"] = "LayMember",
            ["Input.Declaration"] = "LineManagesSomeoneInvolved",
            ["Input.DeclarationDetails"] = "Fictional: I manage the family's social worker.",
        });
        Errors(Browser.Parse(await refused.Content.ReadAsStringAsync())).Single()
            .ShouldBe("Joan Whitby cannot join the review team: declared that they line-manage someone involved: Fictional: I manage the family's "
                + "social worker. The board chair may record a justified exception.");
    }

    [Fact]
    public async Task Match_ReasonsShown_ConflictedReviewerExcludedWithTheReason_AppointGoesToTheAddStep()
    {
        var id = await NewCaseAsync("Fictional case: matched to the register.");
        var officer = await World.SignInAsync(Officer);

        var page = await officer.GetDocumentAsync($"/cases/{id}/match-reviewer?methodology=LearningTogether");

        var matches = page.QuerySelectorAll("[data-testid=match]");
        matches.Length.ShouldBe(6);
        var best = matches[0];
        best.QuerySelector("h2")!.TextContent.ShouldBe("Dr Alan Fenwick");
        best.QuerySelector("[data-testid=score]")!.TextContent.ShouldBe("Score: 13 out of 13");
        best.QuerySelectorAll("[data-testid=reason]").Select(r => r.TextContent).ShouldBe(
        [
            "Uses SCIE Learning Together (systems model) and is accredited in it (SCIE Learning Together: accredited reviewer, 18 June 2021)",
            "Has reviewed cases of this kind: death",
            "Experienced: has led 9 reviews",
            "Works in the board's region: North East",
            "Available now: leading 3 reviews, can lead 4 at once",
        ]);
        var alan = await World.UserIdAsync("reviewer@northbridge.example");
        var appoint = best.QuerySelector("form")!;
        appoint.GetAttribute("action").ShouldBe($"/cases/{id}/team/add");
        appoint.QuerySelector("input[name=person]")!.GetAttribute("value").ShouldBe(alan.ToString());
        appoint.QuerySelector("input[name=role]")!.GetAttribute("value").ShouldBe("LeadReviewer");

        var declanId = (await World.UserIdAsync(DemoData.ConflictedReviewer)).ToString();
        var declan = matches.Single(m => m.GetAttribute("data-user") == declanId);
        declan.GetAttribute("data-excluded").ShouldBe("true");
        declan.QuerySelector("[data-testid=exclusion]")!.TextContent.ShouldContain("Worked for Moorland Police, an agency involved in the case, until 31 March 2024");
        declan.QuerySelector("[data-testid=appoint]").ShouldBeNull();
        matches[^1].ShouldBe(declan);
        var priti = matches.Single(m => m.QuerySelector("h2")!.TextContent == "Priti Anand");
        priti.QuerySelectorAll("[data-testid=reason]").Single(r => r.GetAttribute("data-factor") == "Availability").TextContent.ShouldStartWith("Not available until ");
        (await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ItemId == id.ToString() && e.Detail!.Contains("part=reviewer-match")))).ShouldBe(1);

        // Without a methodology asked for, the sub-group's proposal (none in the demo) is used: not weighed.
        var plain = await officer.GetDocumentAsync($"/cases/{id}/match-reviewer");
        plain.QuerySelector("[data-testid=reason][data-factor=Methodology]")!.TextContent.ShouldBe("No methodology chosen for the case yet");
    }

    [Fact]
    public async Task Match_OtherRoles_Refused()
    {
        var id = await NewCaseAsync("Fictional case: who may match.");
        (await (await World.SignInAsync("subgroup@northbridge.example")).GetAsync($"/cases/{id}/match-reviewer")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await World.SignInAsync("officer@eastmere.example")).GetAsync($"/cases/{id}/match-reviewer")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Remove_Member_LeavesTheTeamAndIsAudited()
    {
        var id = await NewCaseAsync("Fictional case: a member removed.");
        var officer = await World.SignInAsync(Officer);
        var url = $"/cases/{id}/team/add";
        var form = await officer.GetDocumentAsync(url);
        (await PostFormAsync(officer, url, form, new()
        {
            ["Input.Person"] = Option(form, "Input.Person", "Joan Whitby"),
            ["Input.Role"] = "LegalAdviser",
            ["Input.Declaration"] = "None",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var team = await officer.GetDocumentAsync($"/cases/{id}/team");
        var joan = await World.UserIdAsync("subgroup@northbridge.example");
        var action = team.QuerySelectorAll("[data-testid=member] form").Single().GetAttribute("action")!;
        action.ShouldContain($"user={joan}");

        var removed = await PostFormAsync(officer, action, team, []);

        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await removed.Content.ReadAsStringAsync());
        (await World.WithDbAsync(db => db.ReviewTeamMembers.CountAsync(t => t.ReviewId == id))).ShouldBe(0);
        (await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewTeamRemoved && e.ItemId == id.ToString()))).ShouldBe(1);
    }
}
