using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Services.Audit;

namespace Scr.Web.Tests.Api;

/// <summary>
/// The timetable through the API, on the demo seeded on 23 November 2026: the milestones with the date the chair agreed
/// against the rules' date, parallel processes and their constraints, proposing a change and the chair's answer.
/// </summary>
public abstract class TimetableApiTests(WebWorldFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private WebWorld World => fixture.World;

    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string SocialCareLead = "agency.lead@northbridge.example";
    private const string Reviewer = "reviewer@northbridge.example";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> TimetableAsync(string email, Guid id) =>
        await ReadAsync(await (await World.ApiClientAsync(email)).GetAsync($"/api/v1/cases/{id}/timetable"), HttpStatusCode.OK);

    private static JsonElement Milestone(JsonElement timetable, string key) =>
        timetable.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("key").GetString() == key);

    [Fact]
    public async Task GetTimetable_AgreedDateBesideTheRulesDate_TheTrialAndWhatItHoldsBack()
    {
        var working = await World.CaseAsync("Young person died by suicide");

        var timetable = await TimetableAsync(Officer, working.Id);

        timetable.GetProperty("ruleSet").GetString().ShouldBe("wt2006");
        timetable.GetProperty("decisionOn").GetString().ShouldBe("2026-11-23");
        var completed = Milestone(timetable, "review-completed");
        completed.GetProperty("originalDue").GetString().ShouldBe("2027-03-23");
        completed.GetProperty("due").GetString().ShouldBe("2027-05-04");
        completed.GetProperty("moved").GetBoolean().ShouldBeTrue();
        completed.GetProperty("state").GetString().ShouldBe("Due");
        completed.GetProperty("basis").GetString()!.ShouldContain("8.15");
        Milestone(timetable, "first-early-learning").GetProperty("period").GetString().ShouldBe("4 weeks");
        var change = timetable.GetProperty("changes").EnumerateArray().Single();
        change.GetProperty("status").GetString().ShouldBe("Approved");
        change.GetProperty("decidedBy").GetString().ShouldBe("Martin Oakes");
        var trial = timetable.GetProperty("parallelProcesses").EnumerateArray().Single();
        trial.GetProperty("kind").GetString().ShouldBe("CriminalProceedings");
        trial.GetProperty("constraints").EnumerateArray().Select(c => c.GetProperty("activity").GetString()).ShouldBe(["Interviews", "Publication"]);
        trial.GetProperty("constraints")[0].GetProperty("inForceToday").GetBoolean().ShouldBeTrue();
        timetable.GetProperty("inForceToday").GetArrayLength().ShouldBe(2);
        (await (await World.ApiClientAsync(SocialCareLead)).GetAsync($"/api/v1/cases/{working.Id}/timetable")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AddParallelProcess_EachProblemOnItsField_ThenCreated_StaleRefused()
    {
        var publication = await World.CaseAsync("Sexual abuse by a family friend");
        var client = await World.ApiClientAsync(Reviewer);
        var version = (await TimetableAsync(Reviewer, publication.Id)).GetProperty("version").GetGuid();

        var refused = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/parallel-processes", new
        {
            kind = "PoliceInvestigation",
            endedOn = "2030-01-01",
            constraints = new[] { new { activity = "FamilyContact", description = "No contact without the SIO's agreement" } },
            version,
        }), HttpStatusCode.BadRequest);
        refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["contactName", "endedOn", "constraints[0].until"], ignoreOrder: true);

        var created = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/parallel-processes", new
        {
            kind = "CoronersInquest",
            description = "Inquest",
            hearingOn = "2027-06-14",
            contactName = "A fictional coroner's officer",
            constraints = new[]
            {
                new { activity = "Publication", description = "No publication before the inquest", until = "ProcessEnds", endsOn = (string?)null },
                new { activity = "SharingDraft", description = "Not shared with the coroner before legal advice", until = "Date", endsOn = (string?)"2027-01-31" },
            },
            version,
        }), HttpStatusCode.Created);
        var inquest = created.GetProperty("parallelProcesses").EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "CoronersInquest");
        inquest.GetProperty("constraints").GetArrayLength().ShouldBe(2);
        inquest.GetProperty("constraints")[1].GetProperty("period").GetString().ShouldBe("Until 31 January 2027");
        inquest.GetProperty("updatedBy").GetString().ShouldBe("Dr Alan Fenwick");
        created.GetProperty("version").GetGuid().ShouldNotBe(version);

        (await client.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/parallel-processes", new { kind = "Other", version }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ParallelProcessAdded && e.UserName == Reviewer))).ShouldBe(1);
    }

    [Fact]
    public async Task TimelineChange_Proposed_RefusedWithoutANote_ThenAgreed_TheMilestoneMoves()
    {
        var publication = await World.CaseAsync("Sexual abuse by a family friend");
        var officer = await World.ApiClientAsync(Officer);
        var chair = await World.ApiClientAsync(Chair);

        var proposed = await ReadAsync(await officer.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/timeline-changes", new
        {
            milestone = "draft-to-board",
            proposedDate = "2027-07-01",
            reason = "The trial of the family friend is listed for January.",
            version = (await TimetableAsync(Officer, publication.Id)).GetProperty("version").GetGuid(),
        }), HttpStatusCode.Created);
        proposed.GetProperty("status").GetString().ShouldBe("Proposed");
        proposed.GetProperty("dateBefore").GetString().ShouldBe("2027-05-23");
        var changeId = proposed.GetProperty("id").GetGuid();
        Milestone(await TimetableAsync(Chair, publication.Id), "draft-to-board").GetProperty("pendingChangeId").GetGuid().ShouldBe(changeId);

        var noNote = await ReadAsync(await chair.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/timeline-changes/{changeId}/decision",
            new { approve = false, version = proposed.GetProperty("version").GetGuid() }), HttpStatusCode.BadRequest);
        noNote.GetProperty("errors").GetProperty("note")[0].GetString().ShouldBe("Enter why you refuse the change");
        (await officer.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/timeline-changes/{changeId}/decision",
            new { approve = true, version = proposed.GetProperty("version").GetGuid() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var agreed = await ReadAsync(await chair.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/timeline-changes/{changeId}/decision",
            new { approve = true, note = "Agreed", version = proposed.GetProperty("version").GetGuid() }), HttpStatusCode.OK);

        agreed.GetProperty("status").GetString().ShouldBe("Approved");
        agreed.GetProperty("decidedBy").GetString().ShouldBe("Martin Oakes");
        var draft = Milestone(await TimetableAsync(Officer, publication.Id), "draft-to-board");
        draft.GetProperty("due").GetString().ShouldBe("2027-07-01");
        draft.GetProperty("originalDue").GetString().ShouldBe("2027-05-23");
        (await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.TimelineChangeApproved && e.UserName == Chair))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task RecordMilestone_Done_UnknownMilestoneRefused()
    {
        var scoping = await World.CaseAsync("Toddler admitted");
        var officer = await World.ApiClientAsync(Officer);
        var version = (await TimetableAsync(Officer, scoping.Id)).GetProperty("version").GetGuid();
        var today = DateOnly.FromDateTime(World.Factory.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var unknown = await ReadAsync(await officer.PostAsJsonAsync($"/api/v1/cases/{scoping.Id}/milestones/no-such/done", new { doneOn = today, version }),
            HttpStatusCode.BadRequest);
        unknown.GetProperty("errors").TryGetProperty("milestone", out _).ShouldBeTrue();
        var done = await ReadAsync(await officer.PostAsJsonAsync($"/api/v1/cases/{scoping.Id}/milestones/second-early-learning/done",
            new { doneOn = today, note = "Early", version }), HttpStatusCode.OK);

        var second = Milestone(done, "second-early-learning");
        second.GetProperty("state").GetString().ShouldBe("Done");
        second.GetProperty("doneOn").GetString().ShouldBe(today);
        second.GetProperty("note").GetString().ShouldBe("Early");
    }

    [Fact]
    public async Task OpenApi_DocumentsTheTimetable()
    {
        var document = await World.Factory.CreateBrowser().GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var paths = document.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/v1/cases/{id}/timetable", "get"),
            ("/api/v1/cases/{id}/parallel-processes", "post"),
            ("/api/v1/cases/{id}/milestones/{milestone}/done", "post"),
            ("/api/v1/cases/{id}/timeline-changes", "post"),
            ("/api/v1/cases/{id}/timeline-changes/{changeId}/decision", "post"),
        })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace(path);
            operation.GetProperty("responses").TryGetProperty("404", out _).ShouldBeTrue($"{method} {path} documents 404");
            operation.GetProperty("responses").TryGetProperty("403", out _).ShouldBeTrue($"{method} {path} documents 403");
        }
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "TimetableDetail", "MilestoneDetail", "ParallelProcessRequest", "ConstraintRequest", "TimelineChangeDetail" })
        {
            schemas.TryGetProperty(schema, out _).ShouldBeTrue(schema);
        }
        paths.GetProperty("/api/v1/cases/{id}/timeline-changes").GetProperty("post").GetProperty("responses").TryGetProperty("409", out _).ShouldBeTrue();
    }
}

[Collection("web")]
public sealed class TimetableApiSqliteTests(SqliteWorld fixture) : TimetableApiTests(fixture), IClassFixture<SqliteWorld>;

[Collection("web")]
public sealed class TimetableApiPostgresTests(PostgresWorld fixture) : TimetableApiTests(fixture), IClassFixture<PostgresWorld>;
