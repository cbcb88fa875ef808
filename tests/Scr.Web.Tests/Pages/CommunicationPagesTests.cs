using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Models;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Reviews;
using Scr.Web.Tests.Api;

namespace Scr.Web.Tests.Pages;

/// <summary>Who has been told: the case's communications log, recording a message sent outside the service, and the prompts.</summary>
[Collection("web")]
public sealed class CommunicationPagesTests(SqliteWorld fixture) : IClassFixture<SqliteWorld>
{
    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string SubGroup = "subgroup@northbridge.example";
    private const string AgencyLead = "agency.lead@northbridge.example";
    private const string OtherBoardOfficer = "officer@eastmere.example";

    private WebWorld World => fixture.World;

    /// <summary>A death notified to Northbridge naming social care and health; the clock then moves on, so "a minute ago" is after it.</summary>
    private async Task<Guid> NewCaseAsync(string summary)
    {
        var id = await World.NotifyStage1CaseAsync(Officer, "northbridge", summary, agencyKeys: ["northbridge-csc", "northbridge-health"]);
        World.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        return id;
    }

    private DateOnly Today => UkTime.DateOf(World.Factory.Clock.GetUtcNow());

    /// <summary>A complete form for the record page, sent a minute ago (UK time), with the given changes.</summary>
    private Dictionary<string, string> Form(IHtmlDocument page, params (string Field, string Value)[] changes)
    {
        var sent = UkTime.ToUk(World.Factory.Clock.GetUtcNow()).AddMinutes(-1);
        var fields = new Dictionary<string, string>
        {
            ["Version"] = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!,
            ["Input.Recipient"] = "DirectorOfChildrensServices",
            ["Input.AgencyId"] = "",
            ["Input.RecipientName"] = "Fictional Director, Northbridge Council",
            ["Input.Method"] = "Telephone",
            ["Input.DateSent.Day"] = sent.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.DateSent.Month"] = sent.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.DateSent.Year"] = sent.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TimeSent"] = sent.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Subject"] = "Copy of the notification",
            ["Input.Note"] = "Fictional: told by telephone, copy to follow.",
        };
        foreach (var (field, value) in changes)
        {
            fields[field] = value;
        }
        return fields;
    }

    private static async Task<IHtmlDocument> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync(url);
        fields["__RequestVerificationToken"] = Browser.AntiforgeryToken(page);
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return Browser.Parse(await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<string> ErrorLinks(IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")!);

    [Fact]
    public async Task Log_Board_SeesTheServicesOwnMessagesAndWhoElseMayNeedTelling()
    {
        var id = await NewCaseAsync("Fictional case: the log as the board sees it.");
        var officer = await World.SignInAsync(Officer);

        var casePage = await officer.GetDocumentAsync($"/cases/{id}");
        casePage.QuerySelector("[data-testid=communications-link]")!.GetAttribute("href").ShouldBe($"/cases/{id}/communications");
        casePage.QuerySelector("[data-testid=told-ChiefExecutive]")!.TextContent.ShouldBe("Not recorded");
        casePage.QuerySelector("[data-testid=record-LeadMember]")!.GetAttribute("href")
            .ShouldBe($"/cases/{id}/communications/record?recipient=LeadMember&about=notification");
        casePage.QuerySelector("[data-testid=told-Coroner]").ShouldBeNull("the chair has not decided yet");

        var log = await officer.GetDocumentAsync($"/cases/{id}/communications");
        var table = log.QuerySelector("table[data-testid=communications]")!;
        table.QuerySelector("caption")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent).ShouldBe(["Sent", "To", "What", "How", "By"]);
        var rows = log.QuerySelectorAll("[data-testid=communication]");
        rows.Select(r => r.GetAttribute("data-recipient")).ShouldBe(["BoardChair", "Agency", "Agency"], ignoreOrder: true);
        rows.ShouldAllBe(r => r.QuerySelectorAll("td")[4].TextContent == "The service");
        log.QuerySelector("[data-testid=record-communication]")!.GetAttribute("href").ShouldBe($"/cases/{id}/communications/record");
        log.QuerySelector("[data-testid=who-to-tell]").ShouldNotBeNull();
        (await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewRead && e.ItemId == id.ToString()
            && e.Detail == "access=Full; part=communications"))).ShouldBe(1);
    }

    [Fact]
    public async Task Record_ToldTheDirector_ShownInTheLogAndOnTheCasePage()
    {
        var id = await NewCaseAsync("Fictional case: the director is told by telephone.");
        var chair = await World.SignInAsync(Chair);
        var url = $"/cases/{id}/communications/record?recipient=DirectorOfChildrensServices&about=notification";
        var form = await chair.GetDocumentAsync(url);
        form.QuerySelector("input[name='Input.Recipient'][value=DirectorOfChildrensServices]")!.HasAttribute("checked").ShouldBeTrue();
        form.QuerySelector("input[name='Input.Subject']")!.GetAttribute("value")!.ShouldStartWith("Copy of the notification of case");
        form.QuerySelector("input[name='Input.DateSent.Day']")!.GetAttribute("value").ShouldBe(Today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        form.QuerySelectorAll("input[name='Input.Method']").Select(i => i.GetAttribute("value")).ShouldNotContain("InApp");

        var fields = Form(form);
        fields["__RequestVerificationToken"] = Browser.AntiforgeryToken(form);
        var sent = await chair.PostAsync($"/cases/{id}/communications/record", new FormUrlEncodedContent(fields));

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());
        sent.Location().ShouldBe($"/cases/{id}/communications");
        var log = await chair.GetDocumentAsync($"/cases/{id}/communications");
        log.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("director of children's services told by telephone");
        var row = log.QuerySelectorAll("[data-testid=communication]").Single(r => r.GetAttribute("data-recipient") == "DirectorOfChildrensServices");
        row.TextContent.ShouldContain("Fictional Director, Northbridge Council");
        row.TextContent.ShouldContain("told by telephone, copy to follow");
        row.QuerySelectorAll("td")[4].TextContent.ShouldBe("Martin Oakes");
        var casePage = await chair.GetDocumentAsync($"/cases/{id}");
        casePage.QuerySelector("[data-testid=told-DirectorOfChildrensServices]")!.TextContent.ShouldStartWith("Told ");
        casePage.QuerySelector("[data-testid=record-DirectorOfChildrensServices]").ShouldBeNull();
        casePage.QuerySelector("[data-testid=told-ChiefExecutive]")!.TextContent.ShouldBe("Not recorded");
    }

    [Fact]
    public async Task Record_Empty_ErrorSummaryLinksEveryFieldAndNothingSaved()
    {
        var id = await NewCaseAsync("Fictional case: an empty form.");
        var officer = await World.SignInAsync(Officer);
        var url = $"/cases/{id}/communications/record";
        var version = (await officer.GetDocumentAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var page = await PostAsync(officer, url, new Dictionary<string, string> { ["Version"] = version });

        ErrorLinks(page).ShouldBe(["#Input.Recipient", "#Input.RecipientName", "#Input.Method", "#Input.DateSent.Day", "#Input.TimeSent", "#Input.Subject"]);
        page.QuerySelector("#Input.Recipient-error, [id='Input.Recipient-error']")!.TextContent.ShouldContain("Select who was told");
        page.QuerySelector("[id='Input.TimeSent-error']")!.TextContent.ShouldContain("Enter the time it was sent");
        page.Title!.ShouldStartWith("Error: ");
        (await World.WithDbAsync(db => db.CaseCommunications.CountAsync(c => c.ReviewId == id && c.SentById != null))).ShouldBe(0);
    }

    [Fact]
    public async Task Record_FutureTimeAndAnAgencyNotInvolved_EachOnItsField()
    {
        var id = await NewCaseAsync("Fictional case: refused by the rules.");
        var officer = await World.SignInAsync(Officer);
        var url = $"/cases/{id}/communications/record";
        var form = await officer.GetDocumentAsync(url);
        var later = UkTime.ToUk(World.Factory.Clock.GetUtcNow()).AddMinutes(5);
        var eastmere = await World.OrganisationAsync("eastmere-csc");

        var page = await PostAsync(officer, url, Form(form, ("Input.TimeSent", later.ToString("h:mmtt", System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Recipient", "Agency"), ("Input.AgencyId", eastmere.Id.ToString())));

        ErrorLinks(page).ShouldBe(["#Input.AgencyId", "#Input.TimeSent"]);
        page.QuerySelector("[id='Input.AgencyId-error']")!.TextContent.ShouldContain("Select an agency involved in this case");
        page.QuerySelector("[id='Input.TimeSent-error']")!.TextContent.ShouldContain("must be now or in the past");
        // What was typed is kept.
        page.QuerySelector("input[name='Input.RecipientName']")!.GetAttribute("value").ShouldBe("Fictional Director, Northbridge Council");

        var badTime = await PostAsync(officer, url, Form(form, ("Input.TimeSent", "25:70")));
        badTime.QuerySelector("[id='Input.TimeSent-error']")!.TextContent.ShouldContain("must be a real time");
        (await World.WithDbAsync(db => db.CaseCommunications.CountAsync(c => c.ReviewId == id && c.SentById != null))).ShouldBe(0);
    }

    [Fact]
    public async Task Record_StaleVersion_KeepsWhatWasTypedAndSavesNothing()
    {
        var id = await NewCaseAsync("Fictional case: a stale form.");
        var officer = await World.SignInAsync(Officer);
        var url = $"/cases/{id}/communications/record";
        var form = await officer.GetDocumentAsync(url);
        await World.AsAsync<Scr.Core.Services.Decisions.DecisionService, bool>(Chair, async (decisions, principal, actor) =>
        {
            await decisions.AcknowledgeAsync(id, principal, actor);
            return true;
        });

        var page = await PostAsync(officer, url, Form(form));

        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Someone else changed this case");
        page.QuerySelector("input[name=Version]")!.GetAttribute("value").ShouldBe((await World.VersionAsync(id)).ToString());
        (await World.WithDbAsync(db => db.CaseCommunications.CountAsync(c => c.ReviewId == id && c.SentById != null))).ShouldBe(0);
    }

    [Fact]
    public async Task Coroner_AfterTheDecision_PromptedOnTheDecisionAndCasePages_UntilRecorded()
    {
        var id = await NewCaseAsync("Fictional case: the coroner is told of the decision.");
        var version = await World.RecommendAsync(id, SubGroup);
        await World.AsAsync<ReviewService, StageEventResult>(Chair, async (reviews, principal, actor) =>
            new(await reviews.MoveAsync(id, "initiate", "Fictional rationale.", version, principal, actor)));
        World.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var officer = await World.SignInAsync(Officer);

        var decision = await officer.GetDocumentAsync($"/cases/{id}/decision");
        decision.QuerySelector("[data-testid=told-Coroner]")!.TextContent.ShouldBe("Not recorded");
        var link = decision.QuerySelector("[data-testid=record-Coroner]")!.GetAttribute("href")!;
        link.ShouldBe($"/cases/{id}/communications/record?recipient=Coroner&method=Letter&about=decision");
        (await officer.GetDocumentAsync($"/cases/{id}")).QuerySelector("[data-testid=told-Coroner]")!.TextContent.ShouldBe("Not recorded");

        var form = await officer.GetDocumentAsync(link);
        form.QuerySelector("input[name='Input.Recipient'][value=Coroner]")!.HasAttribute("checked").ShouldBeTrue();
        form.QuerySelector("input[name='Input.Method'][value=Letter]")!.HasAttribute("checked").ShouldBeTrue();
        form.QuerySelector("input[name='Input.Subject']")!.GetAttribute("value")!.ShouldContain("initiate a serious case review");
        var fields = Form(form, ("Input.Recipient", "Coroner"), ("Input.Method", "Letter"), ("Input.RecipientName", "Fictional senior coroner"),
            ("Input.Subject", "The chair's decision"));
        fields["__RequestVerificationToken"] = Browser.AntiforgeryToken(form);
        (await officer.PostAsync($"/cases/{id}/communications/record", new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var casePage = await officer.GetDocumentAsync($"/cases/{id}");
        casePage.QuerySelector("[data-testid=told-Coroner]")!.TextContent.ShouldEndWith("by letter");
        casePage.QuerySelector("[data-testid=record-Coroner]").ShouldBeNull();
        (await officer.GetDocumentAsync($"/cases/{id}/decision")).QuerySelector("[data-testid=told-Coroner]")!.TextContent.ShouldStartWith("Told ");
    }

    [Fact]
    public async Task OtherRoles_AgencySeesItsOwn_OthersRefused()
    {
        var id = await NewCaseAsync("Fictional case: who may see and record.");
        var lead = await World.SignInAsync(AgencyLead);
        var log = await lead.GetDocumentAsync($"/cases/{id}/communications");
        var rows = log.QuerySelectorAll("[data-testid=communication]");
        rows.Single().TextContent.ShouldContain("Northbridge Children's Social Care");
        log.QuerySelector("[data-testid=who-to-tell]").ShouldBeNull();
        log.QuerySelector("[data-testid=record-communication]").ShouldBeNull();
        (await lead.GetDocumentAsync($"/cases/{id}")).QuerySelector("[data-testid=communications-link]").ShouldNotBeNull();
        (await lead.GetAsync($"/cases/{id}/communications/record")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var subGroup = await World.SignInAsync(SubGroup);
        (await subGroup.GetAsync($"/cases/{id}/communications")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await subGroup.GetAsync($"/cases/{id}/communications/record")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var token = Browser.AntiforgeryToken(await subGroup.GetDocumentAsync($"/cases/{id}/communications"));
        (await subGroup.PostAsync($"/cases/{id}/communications/record", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Recipient"] = "Coroner",
        }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var eastmere = await World.SignInAsync(OtherBoardOfficer);
        (await eastmere.GetAsync($"/cases/{id}/communications")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await eastmere.GetAsync($"/cases/{id}/communications/record")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private sealed record StageEventResult(StageEvent Event);
}
