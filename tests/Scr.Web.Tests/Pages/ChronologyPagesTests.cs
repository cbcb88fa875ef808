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
            document.MainDocumentPart.Document!.Body!.InnerText.ShouldContain("Strategy discussion after she was found missing overnight");
        }
        var audit = await _world.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.ChronologyExported).ToListAsync());
        audit.Single().Detail!.ShouldContain("format=Docx");
    }
}
