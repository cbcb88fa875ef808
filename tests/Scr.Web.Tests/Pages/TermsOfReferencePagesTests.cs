using System.Net;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Services.Audit;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>
/// The terms of reference through the pages, on the demo seeded on 23 November 2026: the review at scoping ("Toddler
/// admitted") has draft version 1 waiting for the chair; the review at stage 3 ("Young person died by suicide") has version 1
/// signed off.
/// </summary>
[Collection("web")]
public sealed class TermsOfReferencePagesTests : IAsyncLifetime
{
    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string AgencyLead = "agency.lead@northbridge.example";
    private const string Reviewer = "reviewer@northbridge.example";

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private Task<Guid> VersionAsync(Guid reviewId) =>
        _world.WithDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.Version).FirstAsync());

    private static string Errors(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";

    /// <summary>The edit form as the page fills it in, with some fields changed: what a browser would send.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string page, Dictionary<string, string> changes)
    {
        var document = await client.GetDocumentAsync(page);
        var form = document.QuerySelector("main form[method=post]")!;
        var fields = new Dictionary<string, string>();
        var multi = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input, textarea"))
        {
            var name = input.GetAttribute("name");
            if (name is null || name == "__RequestVerificationToken")
            {
                continue;
            }
            var type = input.GetAttribute("type");
            if (type is "radio" or "checkbox")
            {
                if (input.HasAttribute("checked"))
                {
                    fields[type == "checkbox" ? $"{name}#{input.GetAttribute("value")}" : name] = input.GetAttribute("value")!;
                }
                continue;
            }
            fields[name] = input.TagName == "TEXTAREA" ? input.TextContent.TrimStart('\n') : input.GetAttribute("value") ?? "";
        }
        foreach (var (key, value) in changes)
        {
            fields[key] = value;
        }
        return fields;
    }

    /// <summary>Posts fields (a checkbox's as name#value) with the page's anti-forgery token.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var document = await client.GetDocumentAsync(page);
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Key.Split('#')[0], f.Value)).ToList();
        pairs.Add(new("__RequestVerificationToken", Browser.AntiforgeryToken(document)));
        return await client.PostAsync(page, new FormUrlEncodedContent(pairs));
    }

    [Fact]
    public async Task Demo_TheDraftForTheBoard_OnlySignedOffTermsForAnAgency_TheCasePageLinksThem()
    {
        var scoping = await _world.CaseAsync("Toddler admitted");
        var working = await _world.CaseAsync("Young person died by suicide");
        var officer = await _world.SignInAsync(Officer);

        var page = await officer.GetDocumentAsync($"/cases/{scoping.Id}/terms-of-reference");

        var current = page.QuerySelector("[data-testid=current]")!;
        (current.GetAttribute("data-number"), current.GetAttribute("data-status")).ShouldBe(("1", "Draft"));
        page.QuerySelectorAll("[data-testid=key-lines] li").Select(l => l.TextContent).First().ShouldStartWith("Why was what health");
        page.QuerySelector("[data-testid=methodology]")!.TextContent.ShouldBe("SCIE Learning Together (systems model)");
        page.QuerySelector("[data-testid=warning]").ShouldBeNull("every demo line of enquiry asks why");
        page.QuerySelector("[data-testid=missing]").ShouldBeNull();
        page.QuerySelector("[data-testid=edit-terms]")!.TextContent.ShouldBe("Change the draft");
        page.QuerySelector("[data-testid=sign-off-link]").ShouldBeNull("only the chair signs off");
        page.QuerySelector("[data-testid=export]").ShouldBeNull("a draft does not export");
        page.QuerySelectorAll("[data-testid=version]").Select(r => r.GetAttribute("data-status")).ShouldBe(["Draft"]);
        page.Body!.TextContent.ShouldNotContain("Ivy Marsh");
        (await _world.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.TermsOfReferenceRead && e.UserName == Officer))).ShouldBe(1);

        var casePage = await officer.GetDocumentAsync($"/cases/{scoping.Id}");
        casePage.QuerySelector("[data-testid=terms-summary]")!.TextContent.ShouldContain("Draft version 1 waits for the chair's sign-off.");
        casePage.QuerySelector("[data-testid=terms-link]")!.GetAttribute("href").ShouldBe($"/cases/{scoping.Id}/terms-of-reference");
        casePage.QuerySelector("[data-testid=task-list]")!.TextContent.ShouldContain("Have the chair sign off the terms of reference");
        casePage.QuerySelector($"[data-testid=task-list] a[href='/cases/{scoping.Id}/terms-of-reference']").ShouldNotBeNull();

        var lead = await _world.SignInAsync(AgencyLead);
        var agencyScoping = await lead.GetDocumentAsync($"/cases/{scoping.Id}/terms-of-reference");
        agencyScoping.QuerySelector("[data-testid=no-terms]")!.TextContent.ShouldContain("The chair has not signed off terms of reference");
        agencyScoping.QuerySelector("[data-testid=versions]").ShouldBeNull();
        (await lead.GetDocumentAsync($"/cases/{scoping.Id}")).QuerySelector("[data-testid=terms-link]").ShouldBeNull();
        var agencyWorking = await lead.GetDocumentAsync($"/cases/{working.Id}/terms-of-reference");
        agencyWorking.QuerySelector("[data-testid=current]")!.GetAttribute("data-status").ShouldBe("Signed off");
        agencyWorking.QuerySelector("[data-testid=export]")!.GetAttribute("href").ShouldBe($"/cases/{working.Id}/terms-of-reference/versions/1/export");
        agencyWorking.QuerySelector("[data-testid=edit-terms]").ShouldBeNull();
        (await lead.GetDocumentAsync($"/cases/{working.Id}")).QuerySelector("[data-testid=terms-summary]")!.TextContent.ShouldContain("Version 1 signed off");
    }

    [Fact]
    public async Task Edit_ErrorsOnTheirFields_ThenSavedWithAWarningAboutWhatQuestions_TheDraftUpdated()
    {
        var scoping = await _world.CaseAsync("Toddler admitted");
        var reviewer = await _world.SignInAsync(Reviewer);
        var edit = $"/cases/{scoping.Id}/terms-of-reference/edit";
        var editPage = await reviewer.GetDocumentAsync(edit);
        editPage.QuerySelector("textarea[name='Input.KeyLinesOfEnquiry']")!.TextContent.ShouldContain("How far did the older sibling's");
        editPage.QuerySelectorAll("input[name='Input.Methodology']").Length.ShouldBe(9);
        editPage.QuerySelector("#Input\\.Methodology-item-hint")!.TextContent.ShouldContain("case group");
        editPage.QuerySelector("input[name='__draft']")!.GetAttribute("value").ShouldBe($"terms-of-reference:{scoping.Id:N}");

        var refused = await PostAsync(reviewer, edit, await FormAsync(reviewer, edit, new()
        {
            ["Input.PeriodFrom.Day"] = "1",
            ["Input.PeriodFrom.Month"] = "3",
            ["Input.PeriodFrom.Year"] = "2026",
            ["Input.PeriodTo.Day"] = "1",
            ["Input.PeriodTo.Month"] = "1",
            ["Input.PeriodTo.Year"] = "2026",
        }));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = Browser.Parse(await refused.Content.ReadAsStringAsync());
        Errors(errors).ShouldContain("The end of the period under review must be on or after its start");
        errors.QuerySelector(".govuk-error-summary a[href='#Input.PeriodTo.Day']").ShouldNotBeNull();

        var partial = await PostAsync(reviewer, edit, await FormAsync(reviewer, edit, new() { ["Input.PeriodFrom.Year"] = "" }));
        Errors(Browser.Parse(await partial.Content.ReadAsStringAsync())).ShouldContain("The start of the period must include a year");

        var saved = await PostAsync(reviewer, edit, await FormAsync(reviewer, edit, new()
        {
            ["Input.KeyLinesOfEnquiry"] = "1. What contact did agencies have with the family?\n2. When was Ivy last seen by a professional?",
        }));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        saved.Location().ShouldBe($"/cases/{scoping.Id}/terms-of-reference");
        var page = await reviewer.GetDocumentAsync(saved.Location()!);
        page.QuerySelector("[data-testid=banner]")!.TextContent.ShouldBe("Draft version 1 saved. Check the warnings below.");
        page.QuerySelector("[data-testid=warning]")!.GetAttribute("data-warning").ShouldBe("what-questions");
        page.QuerySelector("[data-testid=warning]")!.TextContent.ShouldContain("Every key line of enquiry asks what happened");
        page.QuerySelectorAll("[data-testid=key-lines] li").Select(l => l.TextContent)
            .ShouldBe(["What contact did agencies have with the family?", "When was Ivy last seen by a professional?"]);
        page.QuerySelectorAll("[data-testid=version]").Length.ShouldBe(1);
        page.QuerySelector("[data-testid=current-saved]")!.TextContent.ShouldContain("Dr Alan Fenwick");
        (await _world.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.TermsOfReferenceDraftSaved && e.UserName == Reviewer)))
            .ShouldBe(1);
    }

    [Fact]
    public async Task Edit_SomeoneSavedMeanwhile_RefusedKeepingWhatWasTyped()
    {
        var scoping = await _world.CaseAsync("Toddler admitted");
        var officer = await _world.SignInAsync(Officer);
        var edit = $"/cases/{scoping.Id}/terms-of-reference/edit";
        var fields = await FormAsync(officer, edit, new() { ["Input.Timetable"] = "My timetable", ["Version"] = Guid.NewGuid().ToString() });

        var refused = await PostAsync(officer, edit, fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = Browser.Parse(await refused.Content.ReadAsStringAsync());
        Errors(page).ShouldContain("Someone else changed this case");
        page.QuerySelector("textarea[name='Input.Timetable']")!.TextContent.Trim().ShouldBe("My timetable");
        page.QuerySelector("input[name=Version]")!.GetAttribute("value").ShouldBe((await VersionAsync(scoping.Id)).ToString());
    }

    [Fact]
    public async Task SignOff_ChairOnly_IncompleteRefused_ThenFrozen_ANewDraftIsVersion2_CommissionNoLongerWaits()
    {
        var scoping = await _world.CaseAsync("Toddler admitted");
        var officer = await _world.SignInAsync(Officer);
        var chair = await _world.SignInAsync(Chair);
        var signOff = $"/cases/{scoping.Id}/terms-of-reference/sign-off";
        (await officer.GetAsync(signOff)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var edit = $"/cases/{scoping.Id}/terms-of-reference/edit";
        (await PostAsync(officer, edit, await FormAsync(officer, edit, new() { ["Input.Publication"] = "" }))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var review = await chair.GetDocumentAsync(signOff);
        review.QuerySelector("[data-testid=missing]")!.TextContent.ShouldContain("Say what is expected of publication");
        var incomplete = await chair.SubmitAsync(signOff, new Dictionary<string, string> { ["Version"] = (await VersionAsync(scoping.Id)).ToString() });
        incomplete.StatusCode.ShouldBe(HttpStatusCode.OK);
        Errors(Browser.Parse(await incomplete.Content.ReadAsStringAsync())).ShouldContain("Say what is expected of publication");
        (await chair.GetDocumentAsync($"/cases/{scoping.Id}/move/commission")).QuerySelector("[data-testid=unmet]")!.TextContent
            .ShouldContain("Have the chair sign off the terms of reference");

        (await PostAsync(officer, edit, await FormAsync(officer, edit, new() { ["Input.Publication"] = "An anonymised report." })))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await chair.SubmitAsync(signOff, new Dictionary<string, string> { ["Version"] = scoping.Version.ToString() });
        Errors(Browser.Parse(await stale.Content.ReadAsStringAsync())).ShouldContain("Someone else changed this case");
        var signed = await chair.SubmitAsync(signOff, new Dictionary<string, string>
        {
            ["Version"] = (await VersionAsync(scoping.Id)).ToString(),
            ["Input.Note"] = "Agreed at the first meeting of the review panel.",
        });

        signed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signed.Content.ReadAsStringAsync());
        var page = await chair.GetDocumentAsync(signed.Location()!);
        page.QuerySelector("[data-testid=banner]")!.TextContent.ShouldStartWith("Version 1 of the terms of reference is signed off.");
        page.QuerySelector("[data-testid=current]")!.GetAttribute("data-status").ShouldBe("Signed off");
        page.QuerySelector("[data-testid=current-saved]")!.TextContent.ShouldContain("signed off by Martin Oakes");
        page.QuerySelector("[data-testid=export]").ShouldNotBeNull();
        page.Body!.TextContent.ShouldContain("Agreed at the first meeting of the review panel.");
        // What else commissioning waits for (the demo panel lacks social care and health) is no longer the terms.
        (await chair.GetDocumentAsync($"/cases/{scoping.Id}/move/commission")).QuerySelector("[data-testid=unmet]")!.TextContent
            .ShouldNotContain("terms of reference");
        (await chair.GetDocumentAsync(signOff)).QuerySelector("[data-testid=no-draft]").ShouldNotBeNull();

        var newDraft = await officer.GetDocumentAsync(edit);
        newDraft.QuerySelector("[data-testid=new-version]")!.TextContent.ShouldContain("This starts version 2 from version 1");
        (await PostAsync(officer, edit, await FormAsync(officer, edit, new() { ["Input.Timetable"] = "Six months, agreed with the police." })))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await officer.GetDocumentAsync($"/cases/{scoping.Id}/terms-of-reference");
        after.QuerySelectorAll("[data-testid=version]").Select(r => (r.GetAttribute("data-number"), r.GetAttribute("data-status")))
            .ShouldBe([("2", "Draft"), ("1", "Signed off")]);
        after.QuerySelector("[data-testid=export]")!.GetAttribute("href").ShouldEndWith("/versions/1/export");
        var first = await officer.GetDocumentAsync($"/cases/{scoping.Id}/terms-of-reference/versions/1");
        first.QuerySelector("[data-testid=superseded]").ShouldNotBeNull();
        first.Body!.TextContent.ShouldNotContain("Six months, agreed with the police.");
        (await officer.GetAsync($"/cases/{scoping.Id}/terms-of-reference/versions/2/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync($"/cases/{scoping.Id}/terms-of-reference/versions/3")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Export_SignedOffVersion_AValidWordDocument_Audited()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        var lead = await _world.SignInAsync(AgencyLead);

        var response = await lead.GetAsync($"/cases/{working.Id}/terms-of-reference/versions/1/export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"terms-of-reference-{working.Reference}-v1.docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        new OpenXmlValidator().Validate(document).ShouldBeEmpty();
        document.MainDocumentPart!.Document!.Body!.InnerText.ShouldContain("Why were repeated missed appointments not seen as a sign of risk?");
        document.MainDocumentPart.Document.Body.InnerText.ShouldNotContain("Kai Brannock");
        document.MainDocumentPart.FooterParts.Single().Footer!.InnerText.ShouldContain($"CONFIDENTIAL · Case {working.Reference}");
        (await _world.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.TermsOfReferenceExported && e.UserName == AgencyLead)))
            .ShouldBe(1);
    }
}
