using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Rules;
using Scr.Core.Services.Audit;

namespace Scr.Web.Tests.Api;

public abstract class CaseApiTests(WebWorldFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private WebWorld World => fixture.World;

    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string EastmereOfficer = "officer@eastmere.example";

    [Fact]
    public async Task List_NoToken_Unauthorised()
    {
        var response = await World.Factory.CreateBrowser().GetAsync("/api/v1/cases");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task List_BogusToken_Unauthorised()
    {
        var client = World.Factory.CreateBrowser();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "scr_not-a-real-token");
        (await client.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task List_Officer_SeesOnlyOwnBoardsCases()
    {
        var client = await World.ApiClientAsync(Officer);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/cases", Json);
        var boards = list.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("board").GetString()).Distinct().ToList();
        boards.ShouldBe(["Northbridge Safeguarding Children Board"]);
        // Other tests in this class add cases, in an order xUnit derives from the assembly's path.
        var northbridge = await World.OrganisationAsync("northbridge");
        var expected = await World.WithDbAsync(db => db.Reviews.CountAsync(r => r.BoardId == northbridge.Id));
        expected.ShouldBeGreaterThanOrEqualTo(5);
        list.GetProperty("total").GetInt32().ShouldBe(expected);
    }

    [Fact]
    public async Task Get_OtherBoardsCase_NotFound()
    {
        var eastmereCase = await World.CaseAsync("Child death in a house fire");
        var client = await World.ApiClientAsync(Officer);
        (await client.GetAsync($"/api/v1/cases/{eastmereCase.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/cases/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_OwnCase_ReturnsChildAndAuditsTheRead()
    {
        var ownCase = await World.CaseAsync("Infant found unresponsive");
        var client = await World.ApiClientAsync(Officer);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{ownCase.Id}", Json);
        detail.GetProperty("children")[0].GetProperty("name").GetString().ShouldBe("Rowan Tate");
        detail.GetProperty("access").GetString().ShouldBe("Full");
        var reads = await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewRead && e.ItemId == ownCase.Id.ToString()
            && e.UserName == Officer));
        reads.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Get_PanelEvenAfterADecision_CannotOpenTheCaseRecord()
    {
        var decided = await World.CaseAsync("Toddler admitted with a fractured skull");
        var client = await World.ApiClientAsync("panel@panel.example");
        (await client.GetAsync($"/api/v1/cases/{decided.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/cases", Json);
        list.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Notify_ThenTransition_MovesTheCaseAndRefusesAStaleVersion()
    {
        var board = await World.OrganisationAsync("northbridge");
        var agency = await World.OrganisationAsync("northbridge-csc");
        var officer = await World.ApiClientAsync(Officer);
        var created = await officer.PostAsJsonAsync("/api/v1/cases", new
        {
            boardId = board.Id,
            incidentType = "SeriousInjury",
            incidentDate = "2026-11-10",
            knownToBoardOn = "2026-11-12",
            summary = "Fictional API test case.",
            children = new[] { new { name = "Api Child", ageAtIncidentMonths = 30, sex = "Female" } },
            agencyIds = new[] { agency.Id },
        }, Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var detail = await created.Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = detail.GetProperty("id").GetGuid();
        var version = detail.GetProperty("version").GetGuid();

        var forbidden = await officer.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { action = "initiate", reason = "Met", version }, Json);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        version = await World.RecommendAsync(id, Officer);

        var chair = await World.ApiClientAsync(Chair);
        var moved = await chair.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { action = "initiate", reason = "Criteria of 8.6 met", version }, Json);
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        (await moved.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("stage").GetString().ShouldBe(nameof(ReviewStage.Scoping));

        var stale = await chair.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { action = "step-back", reason = "Again", version }, Json);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Notify_ToAnotherBoard_NotFound()
    {
        var board = await World.OrganisationAsync("northbridge");
        var client = await World.ApiClientAsync(EastmereOfficer);
        var response = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            boardId = board.Id,
            incidentType = "Death",
            incidentDate = "2026-11-10",
            knownToBoardOn = "2026-11-12",
            children = new[] { new { name = "X" } },
        }, Json);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Notify_KnownBeforeIncident_ValidationProblemNamingTheField()
    {
        var board = await World.OrganisationAsync("northbridge");
        var client = await World.ApiClientAsync(Officer);
        var response = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            boardId = board.Id,
            incidentType = "Death",
            incidentDate = "2026-11-10",
            knownToBoardOn = "2026-11-01",
            children = new[] { new { name = "X" } },
        }, Json);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("knownToBoardOn");
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheCaseEndpoints()
    {
        var response = await World.Factory.CreateBrowser().GetAsync("/api/v1/openapi.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("/api/v1/cases/{id}/transitions");
        text.ShouldContain("\"Bearer\"", Case.Insensitive);
    }
}

[Collection("web")]
public sealed class CaseApiSqliteTests(SqliteWorld fixture) : CaseApiTests(fixture), IClassFixture<SqliteWorld>;

[Collection("web")]
public sealed class CaseApiPostgresTests(PostgresWorld fixture) : CaseApiTests(fixture), IClassFixture<PostgresWorld>;
