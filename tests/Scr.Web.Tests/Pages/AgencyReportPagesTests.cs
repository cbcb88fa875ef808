using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Services.Audit;
using Scr.TestCommon;
using Scr.Web.Tests.Api;

namespace Scr.Web.Tests.Pages;

/// <summary>
/// Agency reports through the pages, on the demo: on the review under way ("Young person died by suicide") social care's
/// report (by its lead) is accepted with feedback to staff, health's (by the health author) was sent back for changes, and
/// education's waits for its author.
/// </summary>
[Collection("web")]
public sealed class AgencyReportPagesTests : IAsyncLifetime
{
    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string SocialCareLead = "agency.lead@northbridge.example";
    private const string HealthAuthor = "agency.author@northbridge.example";

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private static string Errors(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";

    private async Task<(Review Working, Guid Health, Guid SocialCare)> DemoAsync()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        async Task<Guid> Report(string key)
        {
            var agency = (await _world.OrganisationAsync(key)).Id;
            return await _world.WithDbAsync(db => db.Set<AgencyReport>().Where(r => r.ReviewId == working.Id && r.AgencyId == agency).Select(r => r.Id).FirstAsync());
        }
        return (working, await Report("northbridge-health"), await Report("northbridge-csc"));
    }

    /// <summary>Posts the page's form with the given fields added or changed, as a browser would.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, Dictionary<string, string> changes)
    {
        var document = await client.GetDocumentAsync(page);
        var form = document.QuerySelector("main form[method=post]")!;
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input, textarea"))
        {
            var name = input.GetAttribute("name");
            var type = input.GetAttribute("type");
            if (name is null || (type is "radio" or "checkbox" && !input.HasAttribute("checked")))
            {
                continue;
            }
            fields[name] = input.TagName == "TEXTAREA" ? input.TextContent.TrimStart('\n') : input.GetAttribute("value") ?? "";
        }
        foreach (var (key, value) in changes)
        {
            fields[key] = value;
        }
        return await client.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Demo_TheBoardSeesEveryReport_EachAgencyOnlyItsOwn_TheTeamsNotesStayWithTheTeam()
    {
        var (working, health, socialCare) = await DemoAsync();
        var officer = await _world.SignInAsync(Officer);

        var list = await officer.GetDocumentAsync($"/cases/{working.Id}/agency-reports");

        list.QuerySelectorAll("[data-testid=report]").Select(r => (r.GetAttribute("data-agency"), r.GetAttribute("data-status"))).ShouldBe(
        [
            ("Northbridge and Fellside Health Trust", "ChangesRequested"),
            ("Northbridge Children's Social Care", "QualityAssured"),
            ("Northbridge Schools and Learning", "AuthorToBeNamed"),
        ]);
        var report = await officer.GetDocumentAsync($"/cases/{working.Id}/agency-reports/{health}");
        report.QuerySelector("[data-testid=comments]")!.TextContent.ShouldContain("Please say why letters went to the old address");
        report.QuerySelector("[data-testid=team-notes]")!.TextContent.ShouldBe("The analysis describes what happened but not why.");
        report.QuerySelector("[data-testid=write]").ShouldBeNull("the author writes, not the business unit");
        (await officer.GetDocumentAsync($"/cases/{working.Id}")).QuerySelector("[data-testid=agency-reports-summary]")!.TextContent
            .ShouldContain("3 asked for; 1 quality-assured.");

        var author = await _world.SignInAsync(HealthAuthor);
        var own = await author.GetDocumentAsync($"/cases/{working.Id}/agency-reports");
        own.QuerySelectorAll("[data-testid=report]").Select(r => r.GetAttribute("data-agency")).ShouldBe(["Northbridge and Fellside Health Trust"]);
        var authorsView = await author.GetDocumentAsync($"/cases/{working.Id}/agency-reports/{health}");
        authorsView.QuerySelector("[data-testid=comments]")!.TextContent.ShouldContain("Please say why letters went to the old address");
        authorsView.QuerySelector("[data-testid=team-notes]").ShouldBeNull("the team's own notes are never shown to the agency");
        authorsView.Body!.TextContent.ShouldNotContain("describes what happened but not why");
        authorsView.QuerySelector("[data-testid=write]")!.TextContent.ShouldBe("Revise the report");
        (await author.GetAsync($"/cases/{working.Id}/agency-reports/{socialCare}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await author.GetAsync($"/cases/{working.Id}/agency-reports/{socialCare}/versions/1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var lead = await _world.SignInAsync(SocialCareLead);
        (await lead.GetAsync($"/cases/{working.Id}/agency-reports/{health}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var leadsList = await lead.GetDocumentAsync($"/cases/{working.Id}/agency-reports");
        leadsList.QuerySelectorAll("[data-testid=report]").Select(r => r.GetAttribute("data-agency")).ShouldBe(["Northbridge Children's Social Care"]);
        leadsList.Body!.TextContent.ShouldNotContain("Health Trust");
        var leadsReport = await lead.GetDocumentAsync($"/cases/{working.Id}/agency-reports/{socialCare}");
        leadsReport.QuerySelector("[data-testid=staff-feedback]")!.TextContent.ShouldContain("Two social workers");
        (await _world.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.AgencyReportsRead && e.UserName == HealthAuthor)))
            .ShouldBe(2, "the list and the report read are audited; another agency's report was never read");
    }

    [Fact]
    public async Task Revise_Submit_SendBack_Accept_Feedback_WithErrorsBesideTheirFields()
    {
        var (working, health, _) = await DemoAsync();
        var path = $"/cases/{working.Id}/agency-reports/{health}";
        var author = await _world.SignInAsync(HealthAuthor);

        var edit = await author.GetDocumentAsync($"{path}/edit");
        edit.QuerySelector("[data-testid=comments-to-address]")!.TextContent.ShouldContain("letters went to the old address");
        edit.QuerySelector("textarea[name='Sections[analysis]']")!.TextContent.ShouldContain("offered appointments by letter");
        var saved = await PostAsync(author, $"{path}/edit", new()
        {
            ["Sections[analysis]"] = "Letters went to the old address because the school nursing record was not updated when the young person moved into care.",
            ["Sections[effectivePractice]"] = "",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = await author.GetDocumentAsync(path);
        report.QuerySelector("[data-testid=banner]")!.TextContent.ShouldBe("Draft version 2 saved.");
        report.QuerySelector("[data-testid=current]")!.GetAttribute("data-number").ShouldBe("2");
        report.QuerySelector("[data-section=analysis]")!.TextContent.ShouldStartWith("Letters went to the old address");

        var submitPage = await author.GetDocumentAsync($"{path}/submit");
        submitPage.QuerySelector("[data-testid=missing]")!.TextContent.ShouldContain("Complete the section 'Effective practice' before submitting the report");
        var refused = Browser.Parse(await (await PostAsync(author, $"{path}/submit", new() { ["Input.SeniorOfficer"] = "" })).Content.ReadAsStringAsync());
        Errors(refused).ShouldContain("Enter the senior officer who commissioned the report and accepts its findings");
        Errors(refused).ShouldContain("Complete the section 'Effective practice' before submitting the report");
        refused.QuerySelector(".govuk-error-summary a[href='#Input.SeniorOfficer']").ShouldNotBeNull();
        (await PostAsync(author, $"{path}/edit", new() { ["Sections[effectivePractice]"] = "Visits within a week of each move." })).StatusCode
            .ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(author, $"{path}/submit", new() { ["Input.SeniorOfficer"] = "Chief Nurse" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await author.GetDocumentAsync(path)).QuerySelector("[data-testid=status]")!.GetAttribute("data-status").ShouldBe("Submitted");
        (await author.GetAsync($"{path}/edit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a submitted version is with the review team");

        var chair = await _world.SignInAsync(Chair);
        var noComments = Browser.Parse(await (await PostAsync(chair, $"{path}/quality-assurance", new() { ["Input.Outcome"] = "ChangesRequested" }))
            .Content.ReadAsStringAsync());
        Errors(noComments).ShouldContain("Enter the comments for the author");
        noComments.QuerySelector(".govuk-error-summary a[href='#Input.CommentsForAuthor']").ShouldNotBeNull();
        (await PostAsync(chair, $"{path}/quality-assurance", new() { ["Input.Outcome"] = "Accepted", ["Input.CommentsForAuthor"] = "Thank you." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var accepted = await chair.GetDocumentAsync(path);
        accepted.QuerySelector("[data-testid=status]")!.GetAttribute("data-status").ShouldBe("QualityAssured");
        accepted.QuerySelectorAll("[data-testid=decision]").Select(d => d.GetAttribute("data-outcome")).ShouldBe(["Accepted", "ChangesRequested"]);
        accepted.QuerySelector("[data-testid=current-saved]")!.TextContent.ShouldContain("findings accepted by Chief Nurse");
        accepted.QuerySelectorAll("[data-testid=versions] a").Select(a => a.GetAttribute("href")).ShouldBe([$"{path}/versions/1"]);
        (await chair.GetDocumentAsync($"{path}/versions/1")).QuerySelector("[data-section=analysis]")!.TextContent.ShouldStartWith("The school nursing service");

        var inbox = await _world.WithDbAsync(db => db.InboxItems.AsNoTracking().Where(i => db.Users.Any(u => u.Id == i.UserId && u.Email == HealthAuthor)).Select(i => i.Title).ToListAsync());
        inbox.ShouldContain($"Agency report accepted: case {working.Reference}");

        var future = Browser.Parse(await (await PostAsync(author, $"{path}/staff-feedback", new()
        {
            ["Input.HeldOn.Day"] = "1",
            ["Input.HeldOn.Month"] = "1",
            ["Input.HeldOn.Year"] = "2099",
            ["Input.Attended"] = "",
            ["Input.Notes"] = "Shared",
        })).Content.ReadAsStringAsync());
        Errors(future).ShouldContain("The date the feedback was given must be today or in the past");
        Errors(future).ShouldContain("Enter who attended, by role");
        var today = DateOnly.FromDateTime(_world.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        (await PostAsync(author, $"{path}/staff-feedback", new()
        {
            ["Input.HeldOn.Day"] = today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.HeldOn.Month"] = today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.HeldOn.Year"] = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Attended"] = "Three school nurses and their manager",
            ["Input.Notes"] = "Findings shared; the records team will check addresses on every move into care.",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await author.GetDocumentAsync(path)).QuerySelector("[data-testid=staff-feedback]")!.TextContent.ShouldContain("Three school nurses");
        var actions = await _world.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.ItemId == health.ToString()).Select(e => e.Action).ToListAsync());
        actions.ShouldContain(AuditActions.AgencyReportSubmitted);
        actions.ShouldContain(AuditActions.AgencyReportQualityAssured);
        actions.ShouldContain(AuditActions.AgencyReportStaffFeedback);
    }

    [Fact]
    public async Task NameAuthor_WhoDeclaresInvolvement_IsRefusedBesideTheField_AndTheDeclarationKept()
    {
        var (working, health, _) = await DemoAsync();
        var path = $"/cases/{working.Id}/agency-reports/{health}";
        var officer = await _world.SignInAsync(Officer);
        var author = await _world.UserIdAsync(HealthAuthor);
        (await officer.GetDocumentAsync($"{path}/author")).QuerySelectorAll("input[name='Input.UserId']").Select(i => i.GetAttribute("value"))
            .ShouldBe([author.ToString()], "only people with a role in the agency");

        var missing = Browser.Parse(await (await PostAsync(officer, $"{path}/author", new() { ["Input.UserId"] = author.ToString() })).Content.ReadAsStringAsync());
        Errors(missing).ShouldContain("Select whether the author was involved in the case or line-manages anyone who was");

        var refused = Browser.Parse(await (await PostAsync(officer, $"{path}/author", new()
        {
            ["Input.UserId"] = author.ToString(),
            ["Input.Declaration"] = "LineManagesSomeoneInvolved",
            ["Input.DeclarationDetails"] = "Manages the school nurse who saw the young person",
        })).Content.ReadAsStringAsync());

        Errors(refused).ShouldContain("Helen Moss cannot write the agency's report: declared that they line-manage someone involved: Manages the school nurse");
        refused.QuerySelector(".govuk-error-summary a[href='#Input.UserId']").ShouldNotBeNull();
        (await _world.WithDbAsync(db => db.InvolvementDeclarations.CountAsync(d => d.ReviewId == working.Id && d.UserId == author
            && d.Kind == InvolvementKind.LineManagesSomeoneInvolved))).ShouldBe(1);
        (await _world.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.AgencyReportAuthorRefused))).ShouldBe(1);
    }

    [Fact]
    public async Task Request_NothingLeftToAsk_ThenAStaleFormIsRefused()
    {
        var (working, _, _) = await DemoAsync();
        var officer = await _world.SignInAsync(Officer);

        var page = await officer.GetDocumentAsync($"/cases/{working.Id}/agency-reports/request");

        page.QuerySelector("[data-testid=none-to-ask]")!.TextContent.ShouldContain("Every agency involved in the case has already been asked");
        (await officer.GetDocumentAsync($"/cases/{working.Id}/agency-reports")).QuerySelector("[data-testid=request-reports]").ShouldBeNull();
    }

    private static async Task<HttpResponseMessage> AttachAsync(HttpClient client, string page, string title, string fileName, byte[] content)
    {
        var document = await client.GetDocumentAsync(page);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Browser.AntiforgeryToken(document)), "__RequestVerificationToken");
        form.Add(new StringContent(title), "Title");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        file.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = "\"Upload\"", FileName = $"\"{fileName}\"" };
        form.Add(file);
        return await client.PostAsync(page, form);
    }

    [Fact]
    public async Task Documents_AttachedToAReport_AreTheAgencysWithTheBoard_NeverAnotherAgencys()
    {
        var (working, health, socialCare) = await DemoAsync();
        var author = await _world.SignInAsync(HealthAuthor);
        var attach = $"/cases/{working.Id}/agency-reports/{health}/documents/add";

        var refused = Browser.Parse(await (await AttachAsync(author, attach, "Not a report", "report.pdf", TestFiles.Executable())).Content.ReadAsStringAsync());
        Errors(refused).ShouldContain("“report.pdf” is not a PDF, Word, Excel, PNG or JPEG file");
        (await AttachAsync(author, attach, "Signed copy of the report", "signed.pdf", TestFiles.Pdf())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var report = await author.GetDocumentAsync($"/cases/{working.Id}/agency-reports/{health}");
        var link = report.QuerySelector("[data-testid=documents] a")!;
        link.TextContent.ShouldBe("Signed copy of the report");
        (await author.GetAsync(link.GetAttribute("href"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await _world.WithDbAsync(db => db.CaseDocuments.AsNoTracking().SingleAsync(d => d.AttachedItemId == health));
        (stored.AttachedTo, stored.Audience, stored.AgencyId).ShouldBe((DocumentAttachment.AgencyReport, DocumentAudience.Agency,
            (Guid?)(await _world.OrganisationAsync("northbridge-health")).Id));
        var officer = await _world.SignInAsync(Officer);
        (await officer.GetAsync(link.GetAttribute("href"))).StatusCode.ShouldBe(HttpStatusCode.OK, "the board reads every agency's documents");

        var lead = await _world.SignInAsync(SocialCareLead);
        (await lead.GetAsync(link.GetAttribute("href"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lead.GetAsync(attach)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lead.GetDocumentAsync($"/cases/{working.Id}/agency-reports/{socialCare}")).QuerySelector("[data-testid=no-documents]").ShouldNotBeNull();
        (await _world.WithDbAsync(db => db.CaseDocuments.CountAsync(d => d.AttachedItemId == health))).ShouldBe(1, "the refused file left nothing");
    }
}
