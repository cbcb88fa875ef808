using System.Net;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Models;
using Scr.Core.Services.Audit;
using Scr.TestCommon;
using Scr.Web.Tests.Api;

namespace Scr.Web.Tests.Pages;

/// <summary>
/// The people of a review through the pages, on the demo seeded on 23 November 2026: the review under way ("Young person
/// died by suicide") has a trial holding back interviews, an interview with the health trust's named nurse (the demo
/// agency review author) waiting for her agreement, two staff support meetings and the mother with her contact log.
/// </summary>
[Collection("web")]
public sealed class PeoplePagesTests : IAsyncLifetime
{
    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string AgencyLead = "agency.lead@northbridge.example";
    private const string AgencyAuthor = "agency.author@northbridge.example";
    private const string Reviewer = "reviewer@northbridge.example";
    private const string OtherBoardOfficer = "officer@eastmere.example";
    private static readonly DateOnly Today = new(2026, 11, 23);

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private Task<Guid> VersionAsync(Guid reviewId) =>
        _world.WithDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.Version).FirstAsync());

    private static string Errors(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) => Browser.Parse(await response.Content.ReadAsStringAsync());

    private static Dictionary<string, string> Date(string field, DateOnly date) => new()
    {
        [$"{field}.Day"] = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{field}.Month"] = date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{field}.Year"] = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> With(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private Task<int> AuditCountAsync(string action, string email) =>
        _world.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.UserName == email));

    private Task<Guid> DemoInterviewAsync(Guid reviewId) =>
        _world.WithDbAsync(db => db.PractitionerInterviews.Where(i => i.ReviewId == reviewId).Select(i => i.Id).FirstAsync());

    private Task<Guid> MotherAsync(Guid reviewId) =>
        _world.WithDbAsync(db => db.Set<FamilyMember>().Where(m => m.ReviewId == reviewId && m.Name == "Dawn Brannock").Select(m => m.Id).FirstAsync());

    [Fact]
    public async Task People_Demo_InterviewsStaffSupportWithMissingMeetingsFamily_NoContactDetails_Audited()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        var officer = await _world.SignInAsync(Officer);

        var page = await officer.GetDocumentAsync($"/cases/{working.Id}/people");

        var interview = page.QuerySelector("[data-testid=interview]")!;
        interview.TextContent.ShouldContain("Helen Moss");
        interview.QuerySelector("[data-testid=interview-status]")!.TextContent.ShouldBe("With the interviewee to check");
        page.QuerySelector("[data-testid=interview-constraints]")!.TextContent.ShouldContain("No interviews of witnesses");
        var support = page.QuerySelectorAll("[data-testid=agency-support]").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim());
        support.Count.ShouldBe(3);
        support["Northbridge and Fellside Health Trust"].QuerySelector("[data-testid=start]")!.TextContent.Trim().ShouldBe("Held");
        support["Northbridge and Fellside Health Trust"].QuerySelector("[data-testid=end]")!.TextContent.Trim().ShouldBe("Missing");
        support.Values.Count(r => r.QuerySelector("[data-testid=start]")!.TextContent.Trim() == "Missing").ShouldBe(1, "education has had none");
        page.QuerySelectorAll("[data-testid=meeting]").Length.ShouldBe(2);
        var mother = page.QuerySelector("[data-testid=family-member]")!;
        mother.TextContent.ShouldContain("Dawn Brannock");
        mother.QuerySelector("[data-testid=involvement]")!.TextContent.ShouldBe("Taking part");
        page.Body!.TextContent.ShouldNotContain("07700 900461");
        page.Body.TextContent.ShouldNotContain("Larchfield");
        (await AuditCountAsync(AuditActions.PeopleRead, Officer)).ShouldBe(1);

        var casePage = await officer.GetDocumentAsync($"/cases/{working.Id}");
        casePage.QuerySelector("[data-testid=people-link]")!.GetAttribute("href").ShouldBe($"/cases/{working.Id}/people");
    }

    [Fact]
    public async Task Interview_RefusedWhileTheTrialHoldsItBack_ClearedAdded_Shared_IntervieweeAsksChanges_ThenAgrees_Frozen()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        var officer = await _world.SignInAsync(Officer);
        var reviewerId = await _world.UserIdAsync(Reviewer);
        var add = $"/cases/{working.Id}/people/interviews/add";
        var form = With(new()
        {
            ["Version"] = (await VersionAsync(working.Id)).ToString(),
            ["Input.IntervieweeEmail"] = AgencyLead,
            ["Input.IntervieweeName"] = "Sam Ridley",
            ["Input.IntervieweeRole"] = "Team manager",
            ["Input.InterviewerIds"] = reviewerId.ToString(),
            ["Input.Record"] = "Mr Ridley explained how cases are allocated when a young person moves between teams.",
        }, Date("Input.HeldOn", Today.AddDays(-1)));

        var missing = await ParseAsync(await officer.SubmitAsync(add, new Dictionary<string, string> { ["Version"] = form["Version"] }));
        Errors(missing).ShouldContain("Enter the interviewee's email address");
        Errors(missing).ShouldContain("Enter the interviewee's name");
        var heldBack = await ParseAsync(await officer.SubmitAsync(add, form));
        Errors(heldBack).ShouldContain("Interviews are held back on 22 November 2026");
        heldBack.QuerySelector(".govuk-error-summary a[href='#Input.HeldOn.Day']").ShouldNotBeNull("the error is against the date");
        heldBack.QuerySelector("[data-testid=interview-constraints]").ShouldNotBeNull();

        form["Input.ConstraintClearance"] = "The CPS lawyer agreed on 20 November that Mr Ridley is not a witness.";
        var added = await officer.SubmitAsync(add, form);
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, Errors(await ParseAsync(added)));
        var interviewPath = added.Location()!;
        var interviewId = Guid.Parse(interviewPath.Split('/')[^1]);
        var shared = await officer.SubmitAsync(interviewPath, new Dictionary<string, string> { ["Version"] = (await VersionAsync(working.Id)).ToString() },
            $"{interviewPath}?handler=Share");
        shared.StatusCode.ShouldBe(HttpStatusCode.Redirect, Errors(await ParseAsync(shared)));
        var afterShare = await officer.GetDocumentAsync(interviewPath);
        afterShare.QuerySelector("[data-testid=status]")!.TextContent.ShouldBe("With the interviewee to check");
        afterShare.QuerySelector("[data-testid=clearance]")!.TextContent.ShouldContain("not a witness");
        afterShare.QuerySelector("[data-testid=save-interview]").ShouldBeNull("the record is with the interviewee");
        var leadId = await _world.UserIdAsync(AgencyLead);
        (await _world.WithDbAsync(db => db.InboxItems.CountAsync(i => i.UserId == leadId && i.Title == "Your interview record is ready for you to check"
            && i.Link == $"/interviews/{interviewId}"))).ShouldBe(1);

        // The interviewee finds it on their dashboard, asks for a change, then agrees the revised record.
        var lead = await _world.SignInAsync(AgencyLead);
        var dashboard = await lead.GetDocumentAsync("/");
        dashboard.QuerySelector($"[data-testid=interviews-to-check] a[href='/interviews/{interviewId}']").ShouldNotBeNull();
        var own = await lead.GetDocumentAsync($"/interviews/{interviewId}");
        own.QuerySelector("[data-testid=record]")!.TextContent.ShouldContain("how cases are allocated");
        var noAnswer = await ParseAsync(await lead.SubmitAsync($"/interviews/{interviewId}", new Dictionary<string, string> { ["Version"] = (await VersionAsync(working.Id)).ToString() }));
        Errors(noAnswer).ShouldContain("Select whether you agree the record");
        var noComments = await ParseAsync(await lead.SubmitAsync($"/interviews/{interviewId}",
            new Dictionary<string, string> { ["Version"] = (await VersionAsync(working.Id)).ToString(), ["Answer"] = "changes" }));
        Errors(noComments).ShouldContain("Say what should change in the record");
        var changes = await lead.SubmitAsync($"/interviews/{interviewId}", new Dictionary<string, string>
        {
            ["Version"] = (await VersionAsync(working.Id)).ToString(),
            ["Answer"] = "changes",
            ["Comments"] = "I manage the east team, not both teams.",
        });
        changes.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var revise = await officer.GetDocumentAsync(interviewPath);
        revise.QuerySelector("[data-testid=status]")!.TextContent.ShouldBe("Changes requested");
        revise.QuerySelector("[data-testid=comments]")!.TextContent.ShouldContain("east team");
        form["Version"] = (await VersionAsync(working.Id)).ToString();
        form["Input.Record"] = "Mr Ridley, manager of the east team, explained how cases are allocated.";
        (await officer.SubmitAsync(interviewPath, form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officer.SubmitAsync(interviewPath, new Dictionary<string, string> { ["Version"] = (await VersionAsync(working.Id)).ToString() },
            $"{interviewPath}?handler=Share")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var agreed = await lead.SubmitAsync($"/interviews/{interviewId}",
            new Dictionary<string, string> { ["Version"] = (await VersionAsync(working.Id)).ToString(), ["Answer"] = "agree" });
        agreed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await lead.GetDocumentAsync($"/interviews/{interviewId}")).QuerySelector("[data-testid=agreed]").ShouldNotBeNull();

        var frozen = await officer.GetDocumentAsync(interviewPath);
        frozen.QuerySelector("[data-testid=status]")!.TextContent.ShouldBe("Agreed");
        frozen.QuerySelectorAll("[data-testid=record-version]").Select(v => v.GetAttribute("data-number")).ShouldBe(["2", "1"]);
        frozen.QuerySelector("[data-testid=save-interview]").ShouldBeNull();
        form["Version"] = (await VersionAsync(working.Id)).ToString();
        Errors(await ParseAsync(await officer.PostAsync(interviewPath, new FormUrlEncodedContent(With(form,
            new() { ["__RequestVerificationToken"] = Browser.AntiforgeryToken(frozen) })))))
            .ShouldContain("The interviewee agreed this record: it cannot change.");
        (await lead.GetDocumentAsync("/")).QuerySelector("[data-testid=interviews-to-check]").ShouldBeNull();
        var actions = await _world.WithDbAsync(db => db.AuditEntries.Where(e => e.ItemId == interviewId.ToString()).Select(e => e.Action).ToListAsync());
        actions.ShouldContain(AuditActions.InterviewAdded);
        actions.Count(a => a == AuditActions.InterviewShared).ShouldBe(2);
        actions.ShouldContain(AuditActions.InterviewChangesRequested);
        actions.ShouldContain(AuditActions.InterviewAgreed);
    }

    [Fact]
    public async Task Interviewee_WithNoOtherAccess_SeesOnlyTheirOwnInterview()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        var officer = await _world.SignInAsync(Officer);
        var added = await officer.SubmitAsync($"/cases/{working.Id}/people/interviews/add", new Dictionary<string, string>
        {
            ["Version"] = (await VersionAsync(working.Id)).ToString(),
            ["Input.IntervieweeEmail"] = OtherBoardOfficer,
            ["Input.IntervieweeName"] = "A former Northbridge social worker",
            ["Input.InterviewerIds"] = (await _world.UserIdAsync(Reviewer)).ToString(),
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, Errors(await ParseAsync(added)));
        var own = Guid.Parse(added.Location()!.Split('/')[^1]);
        var demo = await _world.WithDbAsync(db => db.PractitionerInterviews.Where(i => i.ReviewId == working.Id && i.Id != own).Select(i => i.Id).FirstAsync());
        var interviewee = await _world.SignInAsync(OtherBoardOfficer);

        (await interviewee.GetAsync($"/interviews/{own}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await interviewee.GetAsync($"/interviews/{demo}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await interviewee.GetAsync($"/cases/{working.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await interviewee.GetAsync($"/cases/{working.Id}/people")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await interviewee.GetAsync($"/cases/{working.Id}/people/interviews/{own}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // An agency author reads their own interview and no other; the people page shows them staff support only.
        var author = await _world.SignInAsync(AgencyAuthor);
        (await author.GetAsync($"/interviews/{demo}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await author.GetAsync($"/interviews/{own}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await author.GetAsync($"/cases/{working.Id}/people/interviews/{demo}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var authorsPeople = await author.GetDocumentAsync($"/cases/{working.Id}/people");
        authorsPeople.QuerySelector("[data-testid=interviews]").ShouldBeNull();
        authorsPeople.QuerySelector("[data-testid=family]").ShouldBeNull();
        authorsPeople.QuerySelectorAll("[data-testid=agency-support]").Select(r => r.QuerySelector("th")!.TextContent.Trim())
            .ShouldBe(["Northbridge and Fellside Health Trust"]);
        (await (await _world.ApiClientAsync(AgencyAuthor)).GetAsync($"/api/v1/interviews/{own}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Family_NotInvolvedNeedsReasons_MemberAdded_ContactLogged_ContactDetailsOnlyForWhoMayAndEachReadAudited()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        var officer = await _world.SignInAsync(Officer);
        var add = $"/cases/{working.Id}/people/family/add";
        var noReasons = await ParseAsync(await officer.SubmitAsync(add, new Dictionary<string, string>
        {
            ["Version"] = (await VersionAsync(working.Id)).ToString(),
            ["Input.Name"] = "Lee Brannock",
            ["Input.Relationship"] = "Father",
            ["Input.Involve"] = "No",
        }));
        Errors(noReasons).ShouldContain("Give the reasons for not involving them");
        noReasons.QuerySelector("#Input\\.NotInvolvedReasons-error").ShouldNotBeNull("the error is beside the field");

        var added = await officer.SubmitAsync(add, new Dictionary<string, string>
        {
            ["Version"] = (await VersionAsync(working.Id)).ToString(),
            ["Input.Name"] = "Rosa Brannock",
            ["Input.Relationship"] = "Older sister",
            ["Input.Involve"] = "Yes",
            ["Input.Invited"] = "true",
            ["Input.Consent"] = "NotAsked",
            ["Input.MetById"] = (await _world.UserIdAsync(Reviewer)).ToString(),
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, Errors(await ParseAsync(added)));
        var memberPath = added.Location()!;
        var contact = await officer.SubmitAsync($"{memberPath}/contacts/add", With(new()
        {
            ["Version"] = (await VersionAsync(working.Id)).ToString(),
            ["Input.Method"] = "Phone",
            ["Input.Summary"] = "Arranged to meet after college.",
        }, Date("Input.On", Today)));
        contact.StatusCode.ShouldBe(HttpStatusCode.Redirect, Errors(await ParseAsync(contact)));
        var member = await officer.GetDocumentAsync(memberPath);
        member.QuerySelector("[data-testid=contact]")!.TextContent.ShouldContain("Arranged to meet after college.");
        member.QuerySelector("[data-testid=involvement]")!.TextContent.ShouldBe("Invited");
        member.QuerySelector("[data-testid=show-contact-details]")!.GetAttribute("href").ShouldBe($"{memberPath}/contact-details");

        var saved = await officer.SubmitAsync($"{memberPath}/contact-details", new Dictionary<string, string>
        {
            ["Version"] = (await VersionAsync(working.Id)).ToString(),
            ["Input.Phone"] = "01632 960777",
            ["Input.Email"] = "not-an-email",
        });
        Errors(await ParseAsync(saved)).ShouldContain("Enter an email address in the correct format");
        saved = await officer.SubmitAsync($"{memberPath}/contact-details", new Dictionary<string, string>
        {
            ["Version"] = (await VersionAsync(working.Id)).ToString(),
            ["Input.Phone"] = "01632 960777",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var readsBefore = await AuditCountAsync(AuditActions.FamilyContactDetailsRead, Reviewer);

        // The reviewer meets her: he sees her details, each showing audited; the chair and the agencies do not.
        var reviewer = await _world.SignInAsync(Reviewer);
        (await reviewer.GetDocumentAsync($"{memberPath}/contact-details")).QuerySelector("[data-testid=contact-details]")!.TextContent.ShouldContain("01632 960777");
        await reviewer.GetDocumentAsync($"{memberPath}/contact-details");
        (await AuditCountAsync(AuditActions.FamilyContactDetailsRead, Reviewer)).ShouldBe(readsBefore + 2);
        var chair = await _world.SignInAsync(Chair);
        (await chair.GetAsync($"{memberPath}/contact-details")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await chair.GetDocumentAsync(memberPath)).QuerySelector("[data-testid=contact-details-withheld]").ShouldNotBeNull();
        (await (await _world.SignInAsync(AgencyLead)).GetAsync($"{memberPath}/contact-details")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var audit = await _world.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.FamilyContactDetailsChanged).Select(e => e.Detail).ToListAsync());
        audit.ShouldNotBeEmpty();
        audit.ShouldAllBe(d => d == null || !d.Contains("01632"), "the audit says that they changed, never what they are");
    }

    [Fact]
    public async Task ContactDetails_PlantedPhone_NeverInAPageListExportFeedOrMessage()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        var mother = await MotherAsync(working.Id);
        const string Planted = "01632 960418";
        var officer = await _world.SignInAsync(Officer);
        var saved = await officer.SubmitAsync($"/cases/{working.Id}/people/family/{mother}/contact-details", new Dictionary<string, string>
        {
            ["Version"] = (await VersionAsync(working.Id)).ToString(),
            ["Input.Phone"] = Planted,
            ["Input.Address"] = "Planted Cottage",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reviewer = await _world.SignInAsync(Reviewer);

        foreach (var (client, path) in new[]
        {
            (officer, $"/cases/{working.Id}/people"), (officer, $"/cases/{working.Id}/people/family/{mother}"), (officer, $"/cases/{working.Id}"),
            (reviewer, $"/cases/{working.Id}/people"), (reviewer, "/"), (officer, "/messages"), (reviewer, "/messages"),
        })
        {
            var text = await client.GetStringAsync(path);
            text.ShouldNotContain(Planted, customMessage: path);
            text.ShouldNotContain("Planted Cottage", customMessage: path);
        }
        var api = await (await _world.ApiClientAsync(Officer)).GetStringAsync($"/api/v1/cases/{working.Id}/people");
        api.ShouldNotContain(Planted);
        api.ShouldNotContain("phone", Case.Insensitive);
        api.ShouldContain("Dawn Brannock");

        var export = await officer.GetAsync($"/cases/{working.Id}/terms-of-reference/versions/1/export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), false))
        {
            document.MainDocumentPart!.Document!.Body!.InnerText.ShouldNotContain(Planted);
        }

        var made = await reviewer.SubmitAsync("/account/calendar", new Dictionary<string, string>(), "/account/calendar?handler=Create");
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var address = new Uri((await reviewer.GetDocumentAsync("/account/calendar")).QuerySelector("[data-testid=new-address]")!.TextContent.Trim());
        using var program = _world.Factory.CreateBrowser();
        var feed = await program.GetAsync(address.AbsolutePath);
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await feed.Content.ReadAsStringAsync()).ShouldNotContain(Planted);

        var leaks = await _world.WithDbAsync(async db =>
            (await db.InboxItems.Where(i => (i.Body != null && i.Body.Contains(Planted)) || i.Title.Contains(Planted)).CountAsync())
            + (await db.AuditEntries.Where(e => e.Detail != null && e.Detail.Contains(Planted)).CountAsync()));
        leaks.ShouldBe(0);
    }
    [Fact]
    public async Task StaffSupport_ErrorsBesideTheFields_ThenAnEndMeetingRecorded_NoLongerMissing()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        var officer = await _world.SignInAsync(Officer);
        var add = $"/cases/{working.Id}/people/staff-support/add";
        var health = (await _world.OrganisationAsync("northbridge-health")).Id;

        var refused = await ParseAsync(await officer.SubmitAsync(add, new Dictionary<string, string> { ["Version"] = (await VersionAsync(working.Id)).ToString() }));
        Errors(refused).ShouldContain("Select the agency");
        Errors(refused).ShouldContain("Select when in the review the meeting was held");
        refused.QuerySelector(".govuk-error-summary a[href='#Input.HeldOn.Day']").ShouldNotBeNull();
        var future = await ParseAsync(await officer.SubmitAsync(add, With(new()
        {
            ["Version"] = (await VersionAsync(working.Id)).ToString(),
            ["Input.AgencyId"] = health.ToString(),
            ["Input.Kind"] = "End",
        }, Date("Input.HeldOn", Today.AddDays(1)))));
        Errors(future).ShouldContain("must be today or in the past");

        var saved = await officer.SubmitAsync(add, With(new()
        {
            ["Version"] = (await VersionAsync(working.Id)).ToString(),
            ["Input.AgencyId"] = health.ToString(),
            ["Input.Kind"] = "End",
            ["Input.Attendees"] = "Fictional: the health visitors",
        }, Date("Input.HeldOn", Today)));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, Errors(await ParseAsync(saved)));
        var page = await officer.GetDocumentAsync($"/cases/{working.Id}/people");
        page.QuerySelector("[data-testid=banner]")!.TextContent.ShouldContain("Northbridge and Fellside Health Trust");
        var row = page.QuerySelector($"[data-testid=agency-support][data-agency='{health}']")!;
        row.QuerySelector("[data-testid=end]")!.TextContent.Trim().ShouldBe("Held");
        (await AuditCountAsync(AuditActions.StaffSupportMeetingAdded, Officer)).ShouldBe(1);
        (await (await _world.SignInAsync(Chair)).GetAsync(add)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
