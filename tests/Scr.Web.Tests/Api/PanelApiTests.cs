using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Panel;
using Scr.TestCommon;

namespace Scr.Web.Tests.Api;

/// <summary>The National Panel's API and the board's answers, in a fresh demo world per test.</summary>
public class PanelApiTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private const string PanelEmail = "panel@panel.example";
    private const string Officer = "officer@northbridge.example";

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private async Task<PanelFiguresView> ServiceFiguresAsync()
    {
        using var scope = _world.Factory.Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(PanelEmail))!;
        var principal = (await scope.ServiceProvider.GetRequiredService<Principals>().LoadAsync(user.Id))!;
        return await scope.ServiceProvider.GetRequiredService<PanelService>().FiguresAsync(null, null, principal);
    }

    [Fact]
    public async Task List_Panel_DecisionsWithTheFiguresAsTheAnalysisWritesThem()
    {
        var client = await _world.ApiClientAsync(PanelEmail);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/panel/decisions", Json);

        list.GetProperty("total").GetInt32().ShouldBe(5);
        list.GetProperty("decisions").GetArrayLength().ShouldBe(5);
        var figures = await ServiceFiguresAsync();
        var tables = list.GetProperty("figures").GetProperty("tables");
        foreach (var table in new[] { figures.Decisions, figures.BoardsNotInTouch })
        {
            var json = tables.GetProperty(table.Id);
            json.GetProperty("base").GetInt32().ShouldBe(table.Base);
            json.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("key").GetString(), r.GetProperty("count").GetInt32(),
                r.TryGetProperty("percent", out var p) ? p.GetInt32() : (int?)null)).ShouldBe(table.Rows.Select(r => ((string?)r.Key, r.Count, r.Percent)));
        }
        // Nothing agreed among the demo's decisions not to initiate: the percent of those challenged is still there.
        tables.GetProperty("panel-decisions").GetProperty("rows")[3].GetProperty("percent").GetInt32().ShouldBe(100);
        list.GetProperty("figures").GetProperty("boardsWithNothing")[0].GetProperty("name").GetString().ShouldBe("Ashcombe Safeguarding Children Board");

        var awaiting = await client.GetFromJsonAsync<JsonElement>("/api/v1/panel/decisions?state=AwaitingBoard", Json);
        awaiting.GetProperty("decisions").EnumerateArray().Single().GetProperty("awaitingBoard").GetBoolean().ShouldBeTrue();
        var badPeriod = await client.GetAsync("/api/v1/panel/decisions?from=2026-05-01&to=2026-04-01");
        badPeriod.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var empty = await client.GetFromJsonAsync<JsonElement>("/api/v1/panel/decisions?to=2020-01-01", Json);
        empty.GetProperty("total").GetInt32().ShouldBe(0);
        empty.GetProperty("figures").GetProperty("tables").GetProperty("panel-decisions").GetProperty("rows")[0].TryGetProperty("percent", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Respond_PanelAsksBoardAnswersPanelAccepts_WithVersionsAndValidation()
    {
        var review = await _world.CaseAsync("Infant found unresponsive");
        var version = await _world.RecommendAsync(review.Id, Officer, DecisionOutcome.DoNotInitiate);
        var chair = await _world.ApiClientAsync("chair@northbridge.example");
        (await chair.PostAsJsonAsync($"/api/v1/cases/{review.Id}/transitions", new { action = "do-not-initiate", reason = "Not met", version }, Json))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var sentId = await _world.WithDbAsync(db => db.PanelSubmissions.Where(p => p.ReviewId == review.Id).Select(p => p.Id).SingleAsync());
        var panel = await _world.ApiClientAsync(PanelEmail);
        var detail = await panel.GetFromJsonAsync<JsonElement>($"/api/v1/panel/decisions/{sentId}", Json);
        detail.GetProperty("rationale").GetString().ShouldBe("Not met");
        detail.GetProperty("availableResponses").EnumerateArray().Select(e => e.GetString()).ShouldBe(["agree", "request-information", "challenge"]);
        detail.ToString().ShouldNotContain("Rowan Tate");
        var panelVersion = detail.GetProperty("version").GetGuid();

        var badKind = await panel.PostAsJsonAsync($"/api/v1/panel/decisions/{sentId}/responses", new { kind = "shrug", version = panelVersion }, Json);
        badKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badKind.Content.ReadAsStringAsync()).ShouldContain("kind");
        var noText = await panel.PostAsJsonAsync($"/api/v1/panel/decisions/{sentId}/responses", new { kind = "challenge", version = panelVersion }, Json);
        noText.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var asked = await panel.PostAsJsonAsync($"/api/v1/panel/decisions/{sentId}/responses",
            new { kind = "request-information", text = "Explain the bruising.", version = panelVersion }, Json);
        asked.StatusCode.ShouldBe(HttpStatusCode.OK, await asked.Content.ReadAsStringAsync());
        var afterAsk = await asked.Content.ReadFromJsonAsync<JsonElement>(Json);
        afterAsk.GetProperty("state").GetString().ShouldBe("AwaitingBoard");
        var stale = await panel.PostAsJsonAsync($"/api/v1/panel/decisions/{sentId}/responses", new { kind = "challenge", text = "Again", version = panelVersion }, Json);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        _world.Factory.Clock.Advance(TimeSpan.FromMinutes(5));

        var officer = await _world.ApiClientAsync(Officer);
        var casePanel = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{review.Id}/panel", Json);
        var boardView = casePanel.GetProperty("decisions").EnumerateArray().Single();
        boardView.GetProperty("availableResponses").EnumerateArray().Select(e => e.GetString()).ShouldBe(["answer"]);
        var answered = await officer.PostAsJsonAsync($"/api/v1/cases/{review.Id}/panel/{sentId}/answers",
            new { text = "A skin condition.", version = boardView.GetProperty("version").GetGuid() }, Json);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        var afterAnswer = (await answered.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("decisions")[0];
        afterAnswer.GetProperty("state").GetString().ShouldBe("BoardAnswered");
        _world.Factory.Clock.Advance(TimeSpan.FromMinutes(5));

        var accepted = await panel.PostAsJsonAsync($"/api/v1/panel/decisions/{sentId}/responses",
            new { kind = "accept-after-information", version = afterAnswer.GetProperty("version").GetGuid() }, Json);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var final = await accepted.Content.ReadFromJsonAsync<JsonElement>(Json);
        final.GetProperty("challengeOutcome").GetString().ShouldBe("AcceptedAfterInformation");
        final.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("kind").GetString())
            .ShouldBe(["InformationRequested", "BoardAnswer", "AcceptedAfterInformation"]);
        final.GetProperty("availableResponses").GetArrayLength().ShouldBe(0);

        // Another board cannot answer about it, nor see it.
        var eastmere = await _world.ApiClientAsync("officer@eastmere.example");
        (await eastmere.GetAsync($"/api/v1/cases/{review.Id}/panel")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await eastmere.PostAsJsonAsync($"/api/v1/cases/{review.Id}/panel/{sentId}/answers", new { text = "x", version = Guid.Empty }, Json))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await eastmere.GetAsync($"/api/v1/panel/decisions/{sentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesThePanelEndpoints()
    {
        var text = await _world.Factory.CreateBrowser().GetStringAsync("/api/v1/openapi.json");
        text.ShouldContain("/api/v1/panel/decisions/{id}/responses");
        text.ShouldContain("/api/v1/cases/{id}/panel/{submissionId}/answers");
        text.ShouldContain("National Panel");
        using var document = JsonDocument.Parse(text);
        var responses = document.RootElement.GetProperty("paths").GetProperty("/api/v1/panel/decisions/{id}/responses").GetProperty("post").GetProperty("responses");
        responses.EnumerateObject().Select(p => p.Name).ShouldBe(["200", "400", "409", "403", "404"], ignoreOrder: true);
    }
}
