using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Scr.Core.Services.Demo;

namespace Scr.Web.Tests.Api;

/// <summary>The review panel and the reviewer register through the API: the same rules as the pages.</summary>
public abstract class ReviewPanelApiTests(WebWorldFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private WebWorld World => fixture.World;

    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string Reviewer = "reviewer@northbridge.example";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> TeamAsync(string email, Guid id) =>
        await ReadAsync(await (await World.ApiClientAsync(email)).GetAsync($"/api/v1/cases/{id}/team"), HttpStatusCode.OK);

    [Fact]
    public async Task Team_ScopingCase_MinimumMembershipAndTheConflictAwaitingTheChair()
    {
        var scoping = await World.CaseAsync("Toddler admitted");

        var team = await TeamAsync(Officer, scoping.Id);

        team.GetProperty("reference").GetString().ShouldBe(scoping.Reference);
        var composition = team.GetProperty("composition");
        composition.GetProperty("missing").EnumerateArray().Select(e => e.GetString()).ShouldBe(["ChildrensSocialCare", "HealthTrust"]);
        composition.GetProperty("complete").GetBoolean().ShouldBeFalse();
        composition.GetProperty("hasLeadReviewer").GetBoolean().ShouldBeTrue();
        team.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "PanelMember"
            && m.GetProperty("agencyType").GetString() == "Police").GetProperty("agency").GetString().ShouldBe("Moorland Police");
        var conflicted = team.GetProperty("conflicted").EnumerateArray().Single();
        conflicted.GetProperty("name").GetString().ShouldBe("Declan Horsfall");
        conflicted.GetProperty("consideredFor").GetString().ShouldBe("IndependentPanelChair");
        conflicted.GetProperty("covered").GetBoolean().ShouldBeFalse();
        conflicted.GetProperty("conflicts")[0].GetProperty("kind").GetString().ShouldBe("InvolvedAgency");
        team.GetProperty("mayRecordExceptions").GetBoolean().ShouldBeFalse();
        (await TeamAsync(Chair, scoping.Id)).GetProperty("mayRecordExceptions").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Appoint_Conflicted_400_ThenTheChairsException_ThenAppointed()
    {
        var id = await World.NotifyStage1CaseAsync(Officer, "northbridge", "Fictional case: appointed through the API.",
            agencyKeys: ["northbridge-csc", "moorland-police"]);
        var declan = await World.UserIdAsync(DemoData.ConflictedReviewer);
        var officer = await World.ApiClientAsync(Officer);
        var chair = await World.ApiClientAsync(Chair);
        var version = (await TeamAsync(Officer, id)).GetProperty("version").GetGuid();

        var missing = await ReadAsync(await officer.PostAsJsonAsync($"/api/v1/cases/{id}/team", new { userId = declan, version }, Json), HttpStatusCode.BadRequest);
        missing.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["role", "declaration"], ignoreOrder: true);
        var noVersion = await ReadAsync(await officer.PostAsJsonAsync($"/api/v1/cases/{id}/team", new { userId = declan }, Json), HttpStatusCode.BadRequest);
        noVersion.GetProperty("errors").TryGetProperty("version", out _).ShouldBeTrue();

        var refused = await ReadAsync(await officer.PostAsJsonAsync($"/api/v1/cases/{id}/team",
            new { userId = declan, role = "LeadReviewer", declaration = "None", version }, Json), HttpStatusCode.BadRequest);
        refused.GetProperty("errors").GetProperty("userId")[0].GetString()!.ShouldContain("worked for Moorland Police, an agency involved in the case");

        var team = await TeamAsync(Chair, id);
        version = team.GetProperty("version").GetGuid();
        var forbidden = await officer.PostAsJsonAsync($"/api/v1/cases/{id}/team/{declan}/exception", new { reason = "Because", version }, Json);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var stale = await chair.PostAsJsonAsync($"/api/v1/cases/{id}/team/{declan}/exception", new { reason = "Because", version = Guid.NewGuid() }, Json);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var exception = await ReadAsync(await chair.PostAsJsonAsync($"/api/v1/cases/{id}/team/{declan}/exception",
            new { reason = "Fictional: left the force before the family was known to it.", version }, Json), HttpStatusCode.Created);
        exception.GetProperty("exception").GetProperty("conflicts")[0].GetString()!.ShouldStartWith("Worked for Moorland Police");
        version = exception.GetProperty("version").GetGuid();

        var appointed = await ReadAsync(await officer.PostAsJsonAsync($"/api/v1/cases/{id}/team",
            new { userId = declan, role = "LeadReviewer", declaration = "None", version }, Json), HttpStatusCode.Created);
        appointed.GetProperty("member").GetProperty("underException").GetBoolean().ShouldBeTrue();
        appointed.GetProperty("member").GetProperty("declaration").GetProperty("kind").GetString().ShouldBe("None");

        var removed = await ReadAsync(await officer.DeleteAsync($"/api/v1/cases/{id}/team/{declan}?version={appointed.GetProperty("version").GetGuid()}"),
            HttpStatusCode.OK);
        removed.GetProperty("version").GetGuid().ShouldNotBe(appointed.GetProperty("version").GetGuid());
        (await TeamAsync(Officer, id)).GetProperty("members").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Matches_OnTheTermsOfReferenceMethodology_WhenNoneIsAskedFor()
    {
        // The demo's scoping case has draft terms of reference choosing SCIE Learning Together.
        var id = (await World.CaseAsync("Toddler admitted")).Id;

        var result = await ReadAsync(await (await World.ApiClientAsync(Chair)).GetAsync($"/api/v1/cases/{id}/reviewer-matches"), HttpStatusCode.OK);

        result.GetProperty("methodology").GetString().ShouldBe("LearningTogether");
        result.GetProperty("methodologySource").GetString().ShouldBe("TermsOfReference");
    }

    [Fact]
    public async Task Matches_ReasonsAndExclusions()
    {
        var id = await World.NotifyStage1CaseAsync(Officer, "northbridge", "Fictional case: matched through the API.",
            agencyKeys: ["northbridge-csc", "moorland-police"]);

        var result = await ReadAsync(await (await World.ApiClientAsync(Chair)).GetAsync($"/api/v1/cases/{id}/reviewer-matches?methodology=RootCauseAnalysis"),
            HttpStatusCode.OK);

        result.GetProperty("methodology").GetString().ShouldBe("RootCauseAnalysis");
        result.GetProperty("methodologySource").GetString().ShouldBe("AskedFor");
        var matches = result.GetProperty("matches").EnumerateArray().ToList();
        var last = matches[^1];
        last.GetProperty("name").GetString().ShouldBe("Declan Horsfall");
        last.GetProperty("excluded").GetBoolean().ShouldBeTrue();
        last.GetProperty("conflicts")[0].GetProperty("text").GetString()!.ShouldContain("Moorland Police");
        var first = matches[0];
        first.GetProperty("excluded").GetBoolean().ShouldBeFalse();
        first.GetProperty("maxScore").GetInt32().ShouldBe(13);
        first.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("factor").GetString())
            .ShouldBe(["Methodology", "CaseType", "Experience", "Area", "Availability"]);
        matches.Select(m => m.GetProperty("score").GetInt32()).Take(matches.Count - 1).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task Register_ReviewerKeepsTheirEntry_BusinessUnitsSearchIt()
    {
        var reviewer = await World.ApiClientAsync(Reviewer);
        var mine = await ReadAsync(await reviewer.GetAsync("/api/v1/reviewers/me"), HttpStatusCode.OK);
        mine.GetProperty("reviewer").GetProperty("name").GetString().ShouldBe("Dr Alan Fenwick");
        var version = mine.GetProperty("version").GetGuid();

        var invalid = await ReadAsync(await reviewer.PutAsJsonAsync("/api/v1/reviewers/me", new
        {
            regions = Array.Empty<string>(),
            methodologies = Array.Empty<string>(),
            reviewsLed = 6,
            capacity = 11,
            version
        }, Json), HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["regions", "methodologies", "capacity"], ignoreOrder: true);
        var saved = await ReadAsync(await reviewer.PutAsJsonAsync("/api/v1/reviewers/me", new
        {
            background = "Fictional: former director of children's services.",
            regions = new[] { "NorthEast", "YorkshireHumber", "NorthWest" },
            methodologies = new[] { "LearningTogether", "AgencyReviewsAndOverview", "Hybrid" },
            caseTypes = new[] { "Death", "SeriousInjury", "Suicide" },
            reviewsLed = 6,
            capacity = 4,
            version,
        }, Json), HttpStatusCode.OK);
        saved.GetProperty("reviewer").GetProperty("regions").GetArrayLength().ShouldBe(3);
        (await reviewer.PutAsJsonAsync("/api/v1/reviewers/me", new
        {
            regions = new[] { "NorthEast" },
            methodologies = new[] { "Hybrid" },
            reviewsLed = 1,
            capacity = 1,
            version
        }, Json)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var training = await ReadAsync(await reviewer.PostAsJsonAsync("/api/v1/reviewers/me/training",
            new { courseKey = "action-learning-set", completedOn = "2014-03-20" }, Json), HttpStatusCode.Created);
        training.GetProperty("level").GetString().ShouldBe("PeerLearning");
        (await reviewer.DeleteAsync($"/api/v1/reviewers/me/training/{training.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var eastmere = await World.OrganisationAsync("eastmere");
        var affiliation = await ReadAsync(await reviewer.PostAsJsonAsync("/api/v1/reviewers/me/affiliations",
            new { organisationId = eastmere.Id, position = "Fictional: independent chair", until = "2020-07-31" }, Json), HttpStatusCode.Created);
        affiliation.GetProperty("organisationName").GetString().ShouldBe("Eastmere Safeguarding Children Board");

        var officer = await World.ApiClientAsync(Officer);
        var accredited = await ReadAsync(await officer.GetAsync("/api/v1/reviewers?accredited=true"), HttpStatusCode.OK);
        accredited.EnumerateArray().Select(r => r.GetProperty("name").GetString()).ShouldBe(["Dr Alan Fenwick"]);
        var silp = await ReadAsync(await officer.GetAsync("/api/v1/reviewers?methodology=SignificantIncidentLearningProcess&region=NorthWest"), HttpStatusCode.OK);
        silp.EnumerateArray().Select(r => r.GetProperty("name").GetString()).ShouldBe(["Margaret Ilsley"]);
        var newReviewers = await ReadAsync(await officer.GetAsync("/api/v1/reviewers?newReviewers=true"), HttpStatusCode.OK);
        newReviewers.EnumerateArray().Single().GetProperty("newReviewer").GetBoolean().ShouldBeTrue();
        var entry = await ReadAsync(await officer.GetAsync($"/api/v1/reviewers/{mine.GetProperty("reviewer").GetProperty("profileId").GetGuid()}"), HttpStatusCode.OK);
        entry.GetProperty("affiliations").EnumerateArray().Select(a => a.GetProperty("organisationName").GetString()).ShouldContain("Eastmere Safeguarding Children Board");
        entry.GetProperty("mentoring").GetArrayLength().ShouldBe(1);

        // Eastmere's case is now a conflict for him: excluded from its match.
        var eastmereCase = await World.CaseAsync("Child death in a house fire");
        var matches = await ReadAsync(await (await World.ApiClientAsync("officer@eastmere.example")).GetAsync($"/api/v1/cases/{eastmereCase.Id}/reviewer-matches"),
            HttpStatusCode.OK);
        var alan = matches.GetProperty("matches").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Dr Alan Fenwick");
        alan.GetProperty("excluded").GetBoolean().ShouldBeTrue();
        alan.GetProperty("conflicts")[0].GetProperty("kind").GetString().ShouldBe("ReviewingBoard");
    }

    [Fact]
    public async Task Mentoring_ListedAndPaired()
    {
        var officer = await World.ApiClientAsync(Officer);
        var pairs = await ReadAsync(await officer.GetAsync("/api/v1/reviewers/mentoring"), HttpStatusCode.OK);
        var demo = pairs.EnumerateArray().Single(p => p.GetProperty("mentee").GetString() == "Tomasz Wierzbicki");
        demo.GetProperty("mentor").GetString().ShouldBe("Dr Alan Fenwick");
        demo.GetProperty("shadowCase").GetString().ShouldBe((await World.CaseAsync("Toddler admitted")).Reference);

        var profiles = await ReadAsync(await officer.GetAsync("/api/v1/reviewers"), HttpStatusCode.OK);
        Guid Profile(string name) => profiles.EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("profileId").GetGuid();
        var refused = await ReadAsync(await officer.PostAsJsonAsync("/api/v1/reviewers/mentoring",
            new { mentorId = Profile("Tomasz Wierzbicki"), menteeId = Profile("Margaret Ilsley") }, Json), HttpStatusCode.BadRequest);
        refused.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["mentorId", "menteeId"], ignoreOrder: true);
        var paired = await ReadAsync(await officer.PostAsJsonAsync("/api/v1/reviewers/mentoring",
            new { mentorId = Profile("Margaret Ilsley"), menteeId = Profile("Tomasz Wierzbicki"), note = "Fictional: SILP practice." }, Json), HttpStatusCode.Created);
        var ended = await ReadAsync(await officer.PostAsJsonAsync($"/api/v1/reviewers/mentoring/{paired.GetProperty("id").GetGuid()}/end", new { }, Json),
            HttpStatusCode.OK);
        ended.GetProperty("endedOn").GetString().ShouldNotBeNull();
    }

    [Fact]
    public async Task OpenApi_DocumentsThePanelAndTheRegister()
    {
        var document = await ReadAsync(await World.Factory.CreateBrowser().GetAsync("/api/v1/openapi.json"), HttpStatusCode.OK);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/cases/{id}/team", "/api/v1/cases/{id}/team/{userId}", "/api/v1/cases/{id}/team/{userId}/exception",
            "/api/v1/cases/{id}/reviewer-matches", "/api/v1/reviewers", "/api/v1/reviewers/{profileId}", "/api/v1/reviewers/me",
            "/api/v1/reviewers/me/training", "/api/v1/reviewers/me/affiliations", "/api/v1/reviewers/mentoring" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "AppointRequest", "ReviewTeamDetail", "ReviewerMatchesDetail", "ReviewerProfileRequest", "ReviewerDetail" })
        {
            schemas.TryGetProperty(schema, out _).ShouldBeTrue(schema);
        }
    }
}

[Collection("web")]
public sealed class ReviewPanelApiSqliteTests(SqliteWorld fixture) : ReviewPanelApiTests(fixture), IClassFixture<SqliteWorld>;

[Collection("web")]
public sealed class ReviewPanelApiPostgresTests(PostgresWorld fixture) : ReviewPanelApiTests(fixture), IClassFixture<PostgresWorld>;
