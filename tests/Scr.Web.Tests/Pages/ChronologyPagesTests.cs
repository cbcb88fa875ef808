using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Chronology;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>
/// The chronology through the pages, on the demo: on the review under way social care and health imported their
/// chronologies (not shared), with a planted gap and a planted discrepancy at a strategy discussion.
/// </summary>
[Collection("web")]
public sealed class ChronologyPagesTests : IAsyncLifetime
{
    private const string Officer = "officer@northbridge.example";
    private const string SocialCareLead = "agency.lead@northbridge.example";

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private Task<int> EntriesAsync(Guid reviewId) =>
        _world.WithDbAsync(db => db.ChronologyEntries.CountAsync(e => EF.Property<Guid>(e, "ReviewId") == reviewId));

    [Fact]
    public async Task Demo_BoardSeesTheMergedView_WithGapAndDiscrepancy_AgencyOnlyItsOwn_FiltersByChildSeen()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        var officer = await _world.SignInAsync(Officer);

        var page = await officer.GetDocumentAsync($"/cases/{working.Id}/chronology");
        page.QuerySelector(".govuk-error-summary").ShouldBeNull("the first view, with no filters, has nothing wrong with it");

        page.QuerySelector("[data-testid=entry-count]")!.TextContent.ShouldBe("48 entries");
        page.QuerySelectorAll("[data-testid=entry]").Length.ShouldBe(48);
        page.QuerySelectorAll("[data-testid=gap]").ShouldNotBeEmpty();
        page.QuerySelector("[data-testid=discrepancies]")!.TextContent.ShouldContain("seen");
        page.QuerySelectorAll("[data-testid=discrepancy]").ShouldNotBeEmpty();
        page.QuerySelector("[data-testid=swimlane] svg[role=img]").ShouldNotBeNull();
        page.QuerySelectorAll("tbody[data-same-time=true]").ShouldNotBeEmpty();
        page.QuerySelectorAll("[data-testid=episode]").Length.ShouldBe(1);
        page.QuerySelector("[data-testid=share]").ShouldNotBeNull();

        var notSeen = await officer.GetDocumentAsync($"/cases/{working.Id}/chronology?seen=No");
        notSeen.QuerySelectorAll("[data-testid=entry]").Select(e => e.QuerySelectorAll("td")[4].TextContent).ShouldAllBe(t => t.StartsWith("No"));
        var swimlane = notSeen.QuerySelector("[data-testid=swimlane] svg desc")!.TextContent;
        swimlane.ShouldContain("Northbridge Children's Social Care: 24 entries", customMessage: "the swimlane draws every entry, whatever the filter");
        swimlane.ShouldContain("Northbridge and Fellside Health Trust: 24 entries");

        var lead = await _world.SignInAsync(SocialCareLead);
        var own = await lead.GetDocumentAsync($"/cases/{working.Id}/chronology");
        own.QuerySelector("[data-testid=own-only]").ShouldNotBeNull();
        own.QuerySelectorAll("[data-testid=entry]").Select(e => e.QuerySelectorAll("td")[1].TextContent).Distinct()
            .ShouldBe(["Northbridge Children's Social Care"]);
        own.QuerySelector("[data-testid=share]").ShouldBeNull();
        (await _world.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ChronologyRead))).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Import_WithABadRow_ListsEveryProblemByRowAndColumn_StoresNothing()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        var before = await EntriesAsync(working.Id);
        var lead = await _world.SignInAsync(SocialCareLead);
        var form = await lead.GetDocumentAsync($"/cases/{working.Id}/chronology/import");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var csv = string.Join(",", ChronologyWriter.Header) + "\r\n"
            + "31/02/2024,,,,social worker,Home visit,,Yes,Not recorded,,Visit,,\r\n"
            + "01/03/2024,,,,,Home visit,,Yes,Not recorded,,Visit,,\r\n";
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", "chronology.csv" },
        };

        var response = await lead.PostAsync($"/cases/{working.Id}/chronology/import", content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("row 2, column 'Date': '31/02/2024'");
        html.ShouldContain("row 3, column 'Practitioner role'");
        html.ShouldContain("nothing was imported");
        (await EntriesAsync(working.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Export_Docx_WatermarkedWithTheReader_Audited()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        var officer = await _world.SignInAsync(Officer);

        var response = await officer.GetAsync($"/cases/{working.Id}/chronology/export.docx");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false))
        {
            document.MainDocumentPart!.HeaderParts.Single().Header!.InnerText.ShouldContain("Confidential — exported by");
            document.MainDocumentPart.Document!.Body!.InnerText.ShouldContain("Strategy discussion after he was found missing overnight");
        }
        var audit = await _world.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.ChronologyExported).ToListAsync());
        audit.Single().Detail!.ShouldContain("format=Docx");
    }

    [Fact]
    public async Task Agency_ChangesItsOwnEntry_BadDateBesideTheField_AnalysisFollows_ThenRemovesIt()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        var lead = await _world.SignInAsync(SocialCareLead);
        var page = await lead.GetDocumentAsync($"/cases/{working.Id}/chronology");
        static int Seen(AngleSharp.Html.Dom.IHtmlDocument document) =>
            int.Parse(document.QuerySelectorAll("[data-testid=child-voice] tbody tr").Single().QuerySelectorAll("td")[1].TextContent, CultureInfo.InvariantCulture);
        var seenBefore = Seen(page);
        var links = page.QuerySelectorAll("[data-testid=change-entry]");
        links.Length.ShouldBe(24, "social care changes each of its own 24 entries");
        var change = links[0].GetAttribute("href")!;
        var form = await lead.GetDocumentAsync(change);
        form.QuerySelector("input[name='Input.Date']")!.GetAttribute("value").ShouldNotBeNullOrEmpty();
        var fields = form.QuerySelectorAll("main form input[type=text], main form textarea, main form select")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.TextContent.Trim());
        fields["Input.ContactType"] = form.QuerySelector("select[name='Input.ContactType'] option[selected]")!.GetAttribute("value")!;
        fields["Input.Approximate"] = "No";
        fields["Input.ChildSeen"] = "Yes";
        fields["Input.Wishes"] = "Not recorded";
        fields["Input.Date"] = "31/02/2024";

        var refused = await lead.SubmitAsync(change, fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refusedPage = Browser.Parse(await refused.Content.ReadAsStringAsync());
        refusedPage.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("31/02/2024");
        refusedPage.QuerySelector(".govuk-form-group--error input[name='Input.Date']").ShouldNotBeNull("the message stands beside the date");

        fields["Input.Date"] = "01/01/2001";
        fields["Input.WhatHappened"] = "Changed in the browser: the first contact.";
        (await lead.SubmitAsync(change, fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await lead.GetDocumentAsync($"/cases/{working.Id}/chronology");
        var first = after.QuerySelectorAll("[data-testid=entry]")[0];
        first.TextContent.ShouldContain("Changed in the browser: the first contact.");
        first.QuerySelectorAll("td")[0].TextContent.ShouldStartWith("01/01/2001");
        Seen(after).ShouldBe(seenBefore + 1, "the first entry did not record whether she was seen; the analysis follows the change (the kept one is not stale)");

        var remove = first.QuerySelector("[data-testid=change-entry]")!.GetAttribute("href")!.Replace("/change", "/remove", StringComparison.Ordinal);
        (await lead.SubmitAsync(remove, new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var removed = await lead.GetDocumentAsync($"/cases/{working.Id}/chronology");
        removed.QuerySelector("[data-testid=entry-count]")!.TextContent.ShouldBe("23 entries");
        removed.Body!.TextContent.ShouldNotContain("Changed in the browser");
        var audit = await _world.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.ChronologyEntryChanged
            || a.Action == AuditActions.ChronologyEntryRemoved).Select(a => a.Action).ToListAsync());
        audit.ShouldBe([AuditActions.ChronologyEntryChanged, AuditActions.ChronologyEntryRemoved], ignoreOrder: true);

        var officer = await _world.SignInAsync("chair@northbridge.example");
        (await officer.GetAsync(remove.Replace("/remove", "/change", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddEntry_NoAgencyAndABadDate_BothProblemsAtOnce_NothingStored()
    {
        var working = await _world.CaseAsync("Young person died by suicide");
        var before = await EntriesAsync(working.Id);
        var officer = await _world.SignInAsync(Officer);
        var add = $"/cases/{working.Id}/chronology/entries/add";
        (await officer.GetAsync(add)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await officer.SubmitAsync(add, new Dictionary<string, string>
        {
            ["Input.Date"] = "31/02/2024",
            ["Input.Approximate"] = "No",
            ["Input.ChildSeen"] = "Yes",
            ["Input.Wishes"] = "Not recorded",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = Browser.Parse(await refused.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        summary.ShouldContain("Select the agency whose chronology this is");
        summary.ShouldContain("31/02/2024", customMessage: "the entry's own problems are shown with the agency's, not one round later");
        page.QuerySelector(".govuk-form-group--error input[name='Input.Date']").ShouldNotBeNull("the message stands beside the date");
        (await EntriesAsync(working.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Exports_OpenInLibreOffice_WithTheEntries()
    {
        Assert.SkipWhen(LibreOffice.Binary is null, LibreOffice.SkipReason);
        Assert.SkipUnless(LibreOffice.HasCalc, LibreOffice.CalcSkipReason);
        var working = await _world.CaseAsync("Young person died by suicide");
        var officer = await _world.SignInAsync(Officer);

        var docx = await officer.GetByteArrayAsync($"/cases/{working.Id}/chronology/export.docx");
        var xlsx = await officer.GetByteArrayAsync($"/cases/{working.Id}/chronology/export.xlsx");

        var docxText = Encoding.UTF8.GetString(await LibreOffice.ConvertAsync(docx, "docx", "txt:Text"));
        docxText.ShouldContain("Strategy discussion after he was found missing overnight");
        docxText.ShouldContain("Northbridge and Fellside Health Trust");
        (await LibreOffice.ConvertAsync(docx, "docx", "pdf")).Take(5).ShouldBe("%PDF-"u8.ToArray());
        var xlsxText = Encoding.UTF8.GetString(await LibreOffice.ConvertAsync(xlsx, "xlsx", "csv:Text - txt - csv (StarCalc):44,34,76"));
        xlsxText.ShouldContain("Strategy discussion after he was found missing overnight");
        (await LibreOffice.ConvertAsync(xlsx, "xlsx", "pdf")).Take(5).ShouldBe("%PDF-"u8.ToArray());
    }
}
