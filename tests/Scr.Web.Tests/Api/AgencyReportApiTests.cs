using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Models;

namespace Scr.Web.Tests.Api;

/// <summary>
/// Agency reports through the API, on the demo's review under way: health's report sent back for changes, social care's
/// accepted, education's waiting for its author. Against SQLite and PostgreSQL.
/// </summary>
public abstract class AgencyReportApiTests(WebWorldFixture fixture)
{
    private WebWorld World => fixture.World;

    private const string Officer = "officer@northbridge.example";
    private const string SocialCareLead = "agency.lead@northbridge.example";
    private const string HealthAuthor = "agency.author@northbridge.example";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<(Guid Working, Guid Report)> ReportAsync(string agencyKey)
    {
        var working = (await World.CaseAsync("Young person died by suicide")).Id;
        var agency = (await World.OrganisationAsync(agencyKey)).Id;
        return (working, await World.WithDbAsync(db => db.Set<AgencyReport>().Where(r => r.ReviewId == working && r.AgencyId == agency).Select(r => r.Id).FirstAsync()));
    }

    [Fact]
    public async Task List_AndGet_AnAgencySeesOnlyItsOwn_AndNeverTheTeamsNotes()
    {
        var (working, health) = await ReportAsync("northbridge-health");
        var author = await World.ApiClientAsync(HealthAuthor);

        var list = await ReadAsync(await author.GetAsync($"/api/v1/cases/{working}/agency-reports"), HttpStatusCode.OK);

        list.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("agency").GetString()).ShouldBe(["Northbridge and Fellside Health Trust"]);
        list.GetProperty("mayRequest").GetBoolean().ShouldBeFalse();
        var own = await ReadAsync(await author.GetAsync($"/api/v1/cases/{working}/agency-reports/{health}"), HttpStatusCode.OK);
        own.GetProperty("status").GetString().ShouldBe("ChangesRequested");
        own.GetProperty("mayWrite").GetBoolean().ShouldBeTrue();
        var decision = own.GetProperty("decisions")[0];
        decision.GetProperty("commentsForAuthor").GetString()!.ShouldStartWith("Please say why letters went");
        decision.GetProperty("panelNotes").ValueKind.ShouldBe(JsonValueKind.Null);
        var board = await ReadAsync(await (await World.ApiClientAsync(Officer)).GetAsync($"/api/v1/cases/{working}/agency-reports/{health}"), HttpStatusCode.OK);
        board.GetProperty("decisions")[0].GetProperty("panelNotes").GetString().ShouldBe("The analysis describes what happened but not why.");
        (await (await World.ApiClientAsync(SocialCareLead)).GetAsync($"/api/v1/cases/{working}/agency-reports/{health}")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Draft_WithTheStamp_StartsVersion2_AStaleStampIsRefused_SubmitNamesWhatIsMissing()
    {
        var (working, education) = await ReportAsync("northbridge-education");
        var officer = await World.ApiClientAsync(Officer);
        var report = await ReadAsync(await officer.GetAsync($"/api/v1/cases/{working}/agency-reports/{education}"), HttpStatusCode.OK);
        report.GetProperty("status").GetString().ShouldBe("AuthorToBeNamed");
        var nobody = await ReadAsync(await officer.PostAsJsonAsync($"/api/v1/cases/{working}/agency-reports/{education}/author",
            new { userId = await World.UserIdAsync(HealthAuthor), declaration = "None", stamp = report.GetProperty("stamp").GetInt64() }), HttpStatusCode.BadRequest);
        nobody.GetProperty("errors").GetProperty("userId")[0].GetString().ShouldBe("Select a person who holds a role in Northbridge Schools and Learning");

        var (_, healthReport) = await ReportAsync("northbridge-health");
        var author = await World.ApiClientAsync(HealthAuthor);
        var before = await ReadAsync(await author.GetAsync($"/api/v1/cases/{working}/agency-reports/{healthReport}"), HttpStatusCode.OK);
        var stamp = before.GetProperty("stamp").GetInt64();

        var saved = await ReadAsync(await author.PutAsJsonAsync($"/api/v1/cases/{working}/agency-reports/{healthReport}/draft",
            new { sections = new Dictionary<string, string> { ["analysis"] = "Why: the record was not updated on the move into care." }, stamp }), HttpStatusCode.OK);

        saved.GetProperty("versions").EnumerateArray().Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("submitted").GetBoolean()))
            .ShouldBe([(1, true), (2, false)]);
        (await author.PutAsJsonAsync($"/api/v1/cases/{working}/agency-reports/{healthReport}/draft",
            new { sections = new Dictionary<string, string> { ["analysis"] = "Overwritten?" }, stamp })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var unknown = await ReadAsync(await author.PutAsJsonAsync($"/api/v1/cases/{working}/agency-reports/{healthReport}/draft",
            new { sections = new Dictionary<string, string> { ["gossip"] = "No" }, stamp = saved.GetProperty("stamp").GetInt64() }), HttpStatusCode.BadRequest);
        unknown.GetProperty("errors").GetProperty("sections.gossip")[0].GetString().ShouldBe("'gossip' is not a section of the agency report template");

        var refused = await ReadAsync(await author.PostAsJsonAsync($"/api/v1/cases/{working}/agency-reports/{healthReport}/submit",
            new { seniorOfficer = "", stamp = saved.GetProperty("stamp").GetInt64() }), HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        errors.GetProperty("seniorOfficer")[0].GetString().ShouldBe("Enter the senior officer who commissioned the report and accepts its findings");
        errors.GetProperty("sections.scope")[0].GetString().ShouldBe("Complete the section 'Terms of reference and how the review was done' before submitting the report");
        var stored = await World.WithDbAsync(db => db.Set<AgencyReportVersion>().AsNoTracking().Where(v => v.ReportId == healthReport).OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.SubmittedAt }).ToListAsync());
        stored.Select(v => (v.Number, v.SubmittedAt is null)).ShouldBe([(1, false), (2, true)], "nothing submitted when refused");
    }
}

[Collection("web")]
public sealed class AgencyReportApiSqliteTests(SqliteWorld fixture) : AgencyReportApiTests(fixture), IClassFixture<SqliteWorld>;

[Collection("web")]
public sealed class AgencyReportApiPostgresTests(PostgresWorld fixture) : AgencyReportApiTests(fixture), IClassFixture<PostgresWorld>;
