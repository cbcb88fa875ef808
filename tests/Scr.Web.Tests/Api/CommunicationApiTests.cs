using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Services.Audit;

namespace Scr.Web.Tests.Api;

/// <summary>Who was told what, through the API: the log each caller may see, recording one, the rules and stale versions.</summary>
public abstract class CommunicationApiTests(WebWorldFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private WebWorld World => fixture.World;

    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string SubGroup = "subgroup@northbridge.example";
    private const string SocialCareLead = "agency.lead@northbridge.example";
    private const string EastmereOfficer = "officer@eastmere.example";

    private async Task<Guid> NewCaseAsync(string summary)
    {
        var id = await World.NotifyStage1CaseAsync(Officer, "northbridge", summary, agencyKeys: ["northbridge-csc", "northbridge-health"]);
        World.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        return id;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> LogAsync(string email, Guid id) =>
        await ReadAsync(await (await World.ApiClientAsync(email)).GetAsync($"/api/v1/cases/{id}/communications"), HttpStatusCode.OK);

    private object Coroner(Guid version, DateTimeOffset? sentAt = null, string recipient = "Coroner", Guid? agencyId = null) => new
    {
        recipient,
        recipientName = "Fictional senior coroner",
        agencyId,
        method = "Letter",
        sentAt = sentAt ?? World.Factory.Clock.GetUtcNow().AddMinutes(-1),
        subject = "The notification of a child's death",
        note = "Fictional: a letter with a copy of the notification.",
        version,
    };

    [Fact]
    public async Task Log_BoardSeesEveryOneAndWhoToTell_AgencyItsOwn()
    {
        var id = await NewCaseAsync("Fictional case: the log through the API.");
        var socialCare = await World.OrganisationAsync("northbridge-csc");

        var board = await LogAsync(SubGroup, id);
        board.GetProperty("version").GetGuid().ShouldBe(await World.VersionAsync(id));
        var recipients = board.GetProperty("communications").EnumerateArray().Select(c => c.GetProperty("recipient").GetString()).ToList();
        recipients.ShouldBe(["BoardChair", "Agency", "Agency"], ignoreOrder: true);
        board.GetProperty("communications").EnumerateArray().ShouldAllBe(c => c.GetProperty("sentByTheService").GetBoolean());
        var who = board.GetProperty("whoToTell");
        who.GetProperty("childDied").GetBoolean().ShouldBeTrue();
        who.GetProperty("ofNotification").EnumerateArray().Select(t => t.GetProperty("recipient").GetString())
            .ShouldBe(["ChiefExecutive", "LeadMember", "DirectorOfChildrensServices"]);
        who.GetProperty("coronerDue").GetBoolean().ShouldBeFalse();

        var agency = await LogAsync(SocialCareLead, id);
        var own = agency.GetProperty("communications").EnumerateArray().Single();
        own.GetProperty("agencyId").GetGuid().ShouldBe(socialCare.Id);
        own.GetProperty("agency").GetString().ShouldBe(socialCare.Name);
        agency.GetProperty("whoToTell").ValueKind.ShouldBe(JsonValueKind.Null);
        var reads = await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewRead && e.ItemId == id.ToString()
            && e.Detail!.EndsWith("part=communications")));
        reads.ShouldBe(2);
    }

    [Fact]
    public async Task Record_ByTheOfficer_CreatedShownAndTheOldVersionThenStale()
    {
        var id = await NewCaseAsync("Fictional case: recorded through the API.");
        var officer = await World.ApiClientAsync(Officer);
        var version = await World.VersionAsync(id);

        var created = await ReadAsync(await officer.PostAsJsonAsync($"/api/v1/cases/{id}/communications", Coroner(version), Json), HttpStatusCode.Created);

        var communication = created.GetProperty("communication");
        communication.GetProperty("recipient").GetString().ShouldBe("Coroner");
        communication.GetProperty("method").GetString().ShouldBe("Letter");
        communication.GetProperty("sentBy").GetString().ShouldBe("Priya Calder");
        communication.GetProperty("sentByTheService").GetBoolean().ShouldBeFalse();
        var newVersion = created.GetProperty("version").GetGuid();
        newVersion.ShouldNotBe(version);
        newVersion.ShouldBe(await World.VersionAsync(id));
        var log = await LogAsync(Chair, id);
        log.GetProperty("communications").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())
            .ShouldContain(communication.GetProperty("id").GetGuid());

        var stale = await officer.PostAsJsonAsync($"/api/v1/cases/{id}/communications", Coroner(version), Json);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await World.WithDbAsync(db => db.CaseCommunications.CountAsync(c => c.ReviewId == id && c.SentById != null))).ShouldBe(1);
    }

    [Fact]
    public async Task Record_RefusedByTheRules_ValidationProblemNamingEachField()
    {
        var id = await NewCaseAsync("Fictional case: refused through the API.");
        var chair = await World.ApiClientAsync(Chair);
        var version = await World.VersionAsync(id);
        var eastmere = await World.OrganisationAsync("eastmere-csc");

        var future = await ReadAsync(await chair.PostAsJsonAsync($"/api/v1/cases/{id}/communications",
            Coroner(version, World.Factory.Clock.GetUtcNow().AddHours(1)), Json), HttpStatusCode.BadRequest);
        future.GetProperty("errors").GetProperty("sentAt")[0].GetString().ShouldBe("The date and time it was sent must be now or in the past");

        var notInvolved = await ReadAsync(await chair.PostAsJsonAsync($"/api/v1/cases/{id}/communications",
            Coroner(version, recipient: "Agency", agencyId: eastmere.Id), Json), HttpStatusCode.BadRequest);
        notInvolved.GetProperty("errors").GetProperty("agencyId")[0].GetString().ShouldBe("Select an agency involved in this case");

        var empty = await ReadAsync(await chair.PostAsJsonAsync($"/api/v1/cases/{id}/communications", new { version }, Json), HttpStatusCode.BadRequest);
        var fields = empty.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        fields.ShouldBe(["recipient", "recipientName", "method", "sentAt", "subject"], ignoreOrder: true);
        (await chair.PostAsJsonAsync($"/api/v1/cases/{id}/communications", new { recipient = "Coroner" }, Json)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await World.WithDbAsync(db => db.CaseCommunications.CountAsync(c => c.ReviewId == id && c.SentById != null))).ShouldBe(0);
    }

    [Fact]
    public async Task Record_OtherRoles_ForbiddenOrNotFound()
    {
        var id = await NewCaseAsync("Fictional case: who may record through the API.");
        var version = await World.VersionAsync(id);
        foreach (var (email, status) in new[]
        {
            (SubGroup, HttpStatusCode.Forbidden), (SocialCareLead, HttpStatusCode.Forbidden), (EastmereOfficer, HttpStatusCode.NotFound),
        })
        {
            var response = await (await World.ApiClientAsync(email)).PostAsJsonAsync($"/api/v1/cases/{id}/communications", Coroner(version), Json);
            response.StatusCode.ShouldBe(status, email);
        }
        (await (await World.ApiClientAsync(EastmereOfficer)).GetAsync($"/api/v1/cases/{id}/communications")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await World.WithDbAsync(db => db.CaseCommunications.CountAsync(c => c.ReviewId == id && c.SentById != null))).ShouldBe(0);
    }

    [Fact]
    public async Task OpenApi_DocumentsBothOperations()
    {
        var document = JsonDocument.Parse(await World.Factory.CreateBrowser().GetStringAsync("/api/v1/openapi.json")).RootElement;
        var path = document.GetProperty("paths").GetProperty("/api/v1/cases/{id}/communications");
        foreach (var method in new[] { "get", "post" })
        {
            var operation = path.GetProperty(method);
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace();
            operation.GetProperty("responses").TryGetProperty("404", out _).ShouldBeTrue(method);
        }
        path.GetProperty("post").GetProperty("responses").TryGetProperty("409", out _).ShouldBeTrue();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "RecordCommunicationRequest", "CommunicationLogDetail", "CommunicationDetail", "WhoToTellDetail" })
        {
            schemas.TryGetProperty(schema, out _).ShouldBeTrue(schema);
        }
    }
}

[Collection("web")]
public sealed class CommunicationApiSqliteTests(SqliteWorld fixture) : CommunicationApiTests(fixture), IClassFixture<SqliteWorld>;

[Collection("web")]
public sealed class CommunicationApiPostgresTests(PostgresWorld fixture) : CommunicationApiTests(fixture), IClassFixture<PostgresWorld>;
