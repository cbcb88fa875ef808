using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Exchange;
using Scr.TestCommon;

namespace Scr.Web.Tests.Api;

/// <summary>The learning repository and the exchange files through the API, as the pages do them, on the demo world.</summary>
public class LearningApiTests : IAsyncLifetime
{
    private const string PanelEmail = "panel@panel.example";
    private const string Officer = "officer@northbridge.example";

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static byte[] File(int count)
    {
        string[] boards = ["northbridge", "eastmere"];
        var reviews = DemoExchange.Reviews(count).Select((r, i) => r with { Board = boards[i % 2], Reference = $"API-{i:D3}" }).ToList();
        var file = new MemoryStream();
        ExchangeWriter.Write(file, boards.Select(b => new ExchangeBoard(b)), reviews);
        return file.ToArray();
    }

    [Fact]
    public async Task Search_SignedOut_RankedHitsWithMarkedSnippets_AndTheReportReadable()
    {
        var anonymous = _world.Factory.CreateBrowser();

        var found = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/learning/reports?q=neglect", Cancel);
        var hits = found.GetProperty("hits").EnumerateArray().ToList();
        hits.ShouldNotBeEmpty();
        var first = hits[0];
        first.GetProperty("title").GetString().ShouldBe("Child F: neglect over many years", "the title holds the word: it ranks first");
        first.GetProperty("snippet").EnumerateArray().ShouldContain(p => p.GetProperty("marked").GetBoolean());
        found.GetProperty("facets").EnumerateArray().ShouldNotBeEmpty();

        var report = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/learning/reports/{first.GetProperty("id").GetInt32()}", Cancel);
        report.GetProperty("title").GetString().ShouldBe("Child F: neglect over many years");
        report.GetProperty("paragraphs").EnumerateArray().ShouldContain(p => p.GetString()!.Contains("chronic neglect", StringComparison.Ordinal));
        report.GetProperty("record").GetProperty("leads").GetBoolean().ShouldBeFalse("who leads an action is not for a reader signed out");
        (await anonymous.GetAsync("/api/v1/learning/reports/987654", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_ThenTheSameAgain_ThenExport_OnlyThePanelImports()
    {
        var before = await _world.WithDbAsync(db => db.LearningReviews.CountAsync());
        var panel = await _world.ApiClientAsync(PanelEmail);
        var file = File(5);

        var first = await panel.PostAsync("/api/v1/learning-record/import", new ByteArrayContent(file) { Headers = { { "Content-Type", "application/json" } } }, Cancel);
        var second = await panel.PostAsync("/api/v1/learning-record/import", new ByteArrayContent(file) { Headers = { { "Content-Type", "application/json" } } }, Cancel);

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Cancel));
        (await first.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("added").GetInt32().ShouldBe(5);
        (await second.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("unchanged").GetInt32().ShouldBe(5);
        (await _world.WithDbAsync(db => db.LearningReviews.CountAsync())).ShouldBe(before + 5);

        var officer = await _world.ApiClientAsync(Officer);
        var refused = await officer.PostAsync("/api/v1/learning-record/import", new ByteArrayContent(file) { Headers = { { "Content-Type", "application/json" } } }, Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var own = await officer.GetAsync("/api/v1/learning-record/export", Cancel);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        var exported = ExchangeReader.ReadAll(await own.Content.ReadAsStreamAsync(Cancel)).Reviews;
        exported.Select(r => r.Board).Distinct().ShouldBe(["northbridge"]);
        exported.Select(r => r.Reference).Where(r => r.StartsWith("API-", StringComparison.Ordinal)).ShouldBe(["API-000", "API-002", "API-004"]);
    }

    [Fact]
    public async Task Import_FileWithProblems_EachUnderItsJsonPath_NothingStored()
    {
        var before = await _world.WithDbAsync(db => db.LearningReviews.CountAsync());
        var panel = await _world.ApiClientAsync(PanelEmail);
        var bad = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(File(3)).Replace("\"format\":\"scr-exchange/1\"", "\"format\":\"scr-exchange/9\"", StringComparison.Ordinal));

        var refused = await panel.PostAsync("/api/v1/learning-record/import", new ByteArrayContent(bad) { Headers = { { "Content-Type", "application/json" } } }, Cancel);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        problem.GetProperty("errors").TryGetProperty("$.format", out _).ShouldBeTrue(problem.ToString());
        (await _world.WithDbAsync(db => db.LearningReviews.CountAsync())).ShouldBe(before);
    }
}
