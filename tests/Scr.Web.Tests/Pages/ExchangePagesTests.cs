using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Exchange;
using Scr.Core.Services.Audit;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>The learning record's exchange files through the pages: the Panel imports, the Panel and a board's business unit export.</summary>
public class ExchangePagesTests : IAsyncLifetime
{
    private const string PanelEmail = "panel@panel.example";
    private const string Officer = "officer@northbridge.example";

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    /// <summary>The demo collection's reviews given to the demo world's two boards in turn, as a file.</summary>
    private static byte[] File(int count, Func<string, string>? change = null)
    {
        string[] boards = ["northbridge", "eastmere"];
        var reviews = DemoExchange.Reviews(count).Select((r, i) => r with { Board = boards[i % 2], Reference = $"REF-{i:D4}" }).ToList();
        var file = new MemoryStream();
        ExchangeWriter.Write(file, boards.Select(b => new ExchangeBoard(b)), reviews);
        var text = Encoding.UTF8.GetString(file.ToArray());
        return Encoding.UTF8.GetBytes(change is null ? text : change(text));
    }

    private Task<int> HeldAsync() => _world.WithDbAsync(db => db.LearningReviews.CountAsync());

    [Fact]
    public async Task Import_AFile_StoresItsReviewsAndSaysSo_TheSameFileAgainChangesNothing()
    {
        var before = await HeldAsync();
        var panel = await _world.SignInAsync(PanelEmail);
        var file = File(6);

        var imported = await panel.UploadAsync("/analysis/import", "Upload", "collection.json", file);

        imported.StatusCode.ShouldBe(HttpStatusCode.Redirect, await imported.Content.ReadAsStringAsync());
        imported.Location().ShouldBe("/analysis/coding");
        (await HeldAsync()).ShouldBe(before + 6);
        var list = await panel.GetDocumentAsync("/analysis/coding");
        list.QuerySelector("[data-testid=banner]")!.TextContent.ShouldBe("6 reviews read from collection.json: 6 added, 0 replaced, 0 already held.");
        list.QuerySelectorAll("[data-testid^='review-REF-']").Length.ShouldBe(6);

        (await panel.UploadAsync("/analysis/import", "Upload", "collection.json", file)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await panel.GetDocumentAsync("/analysis/coding")).QuerySelector("[data-testid=banner]")!.TextContent
            .ShouldBe("6 reviews read from collection.json: 0 added, 0 replaced, 6 already held.");
        (await HeldAsync()).ShouldBe(before + 6);
    }

    [Fact]
    public async Task Import_FileWithProblems_EveryProblemWithItsJsonPath_NothingStored()
    {
        var before = await HeldAsync();
        var panel = await _world.SignInAsync(PanelEmail);
        var bad = File(4, text => new Regex("\"sex\":\"[a-z-]+\"").Replace(text, "\"sex\":\"boy\"", 1));
        Encoding.UTF8.GetString(bad).ShouldContain("\"boy\"", customMessage: "the demo file has a boy to spoil");

        var refused = await panel.UploadAsync("/analysis/import", "Upload", "bad.json", bad);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = Browser.Parse(await refused.Content.ReadAsStringAsync());
        var problems = page.QuerySelectorAll("[data-testid=file-problems] li").Select(li => li.TextContent.Trim()).ToList();
        problems[0].ShouldContain("nothing was imported");
        problems.ShouldContain(p => p.StartsWith("$.reviews[", StringComparison.Ordinal) && p.Contains(".sex", StringComparison.Ordinal), string.Join("\n", problems));
        page.QuerySelector(".govuk-form-group--error input[name=Upload]").ShouldNotBeNull("the message stands beside the upload");
        (await HeldAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Import_NoFile_AskedToSelectOne()
    {
        var panel = await _world.SignInAsync(PanelEmail);

        var refused = await panel.UploadAsync("/analysis/import", "Upload", "", null);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Browser.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Select an exchange file");
    }

    [Fact]
    public async Task Import_BoardOfficer_Forbidden()
    {
        var officer = await _world.SignInAsync(Officer);

        (await officer.GetAsync("/analysis/import")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Export_PanelAllAndOfficerOwnBoard_FilesImportAgainToTheSameReviews_Audited()
    {
        var panel = await _world.SignInAsync(PanelEmail);
        (await panel.UploadAsync("/analysis/import", "Upload", "collection.json", File(6))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var all = await panel.GetAsync("/analysis/export?handler=Download&Board=");
        all.StatusCode.ShouldBe(HttpStatusCode.OK);
        all.Content.Headers.ContentType!.MediaType.ShouldBe("application/json", await all.Content.ReadAsStringAsync());
        var allReviews = ExchangeReader.ReadAll(await all.Content.ReadAsStreamAsync()).Reviews;
        allReviews.Select(r => r.Reference).Where(r => r.StartsWith("REF-", StringComparison.Ordinal)).ShouldBe(["REF-0001", "REF-0003", "REF-0005", "REF-0000", "REF-0002", "REF-0004"]);

        var officer = await _world.SignInAsync(Officer);
        (await officer.GetDocumentAsync("/")).QuerySelector("[data-testid=export-link]")!.GetAttribute("href").ShouldBe("/analysis/export");
        var form = await officer.GetDocumentAsync("/analysis/export");
        form.QuerySelectorAll("select#Board option").Select(o => o.TextContent.Trim()).ShouldBe(["Northbridge Safeguarding Children Board"]);
        var own = await officer.GetAsync("/analysis/export?handler=Download");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        ExchangeReader.ReadAll(await own.Content.ReadAsStreamAsync()).Reviews.Select(r => r.Board).Distinct().ShouldBe(["northbridge"]);
        var other = await officer.GetAsync("/analysis/export?handler=Download&Board=eastmere");
        other.StatusCode.ShouldBe(HttpStatusCode.OK, "a refusal is the page with its message, not a download");
        Browser.Parse(await other.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary")!.TextContent
            .ShouldContain("Select a board whose reviews you may export");

        (await _world.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.LearningReviewsExported))).ShouldBe(2);
    }

    [Fact]
    public async Task Export_AgencyLead_Forbidden()
    {
        var lead = await _world.SignInAsync("agency.lead@northbridge.example");

        (await lead.GetAsync("/analysis/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
