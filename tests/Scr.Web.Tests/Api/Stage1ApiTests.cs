using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Models;
using Scr.Core.Services.Audit;

namespace Scr.Web.Tests.Api;

/// <summary>Stage 1 through the API: who may do what, what each caller sees, stale versions, and the criteria.</summary>
public abstract class Stage1ApiTests(WebWorldFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private WebWorld World => fixture.World;

    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string SubGroup = "subgroup@northbridge.example";
    private const string SocialCareLead = "agency.lead@northbridge.example";
    private const string HealthAuthor = "agency.author@northbridge.example";
    private const string EastmereOfficer = "officer@eastmere.example";
    private const string EastmereChair = "chair@eastmere.example";

    private async Task<Guid> NewCaseAsync(string summary, GuidanceEdition guidance = GuidanceEdition.Wt2006) =>
        await World.NotifyStage1CaseAsync(Officer, "northbridge", summary, guidance, "northbridge-csc", "northbridge-health");

    private async Task<JsonElement> GetCaseAsync(string email, Guid id)
    {
        var client = await World.ApiClientAsync(email);
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}", Json);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonElement Agency(JsonElement detail, Guid agencyId) =>
        detail.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agencyId").GetGuid() == agencyId);

    private static JsonElement Deadline(JsonElement detail, string keyStart) =>
        detail.GetProperty("deadlines").EnumerateArray().First(d => d.GetProperty("key").GetString()!.StartsWith(keyStart, StringComparison.Ordinal));

    /// <summary>An answer to every question of the set: "no" (or the first offered), with the given exceptions.</summary>
    private async Task<Dictionary<string, string>> AnswersAsync(string set, params (string Id, string Answer)[] except)
    {
        var criteria = await (await World.ApiClientAsync(SubGroup)).GetFromJsonAsync<JsonElement>($"/api/v1/criteria/{set}", Json);
        var answers = new Dictionary<string, string>();
        foreach (var question in criteria.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("questions").EnumerateArray()))
        {
            var offered = question.GetProperty("answers").EnumerateArray().Select(a => a.GetString()!).ToList();
            answers[question.GetProperty("id").GetString()!] = offered.Contains("no") ? "no" : offered[0];
        }
        foreach (var (id, answer) in except)
        {
            answers[id] = answer;
        }
        return answers;
    }

    [Fact]
    public async Task Notify_SeveralChildrenAndCurrentGuidance_RecordedAndShownWithItsDeadlines()
    {
        var board = await World.OrganisationAsync("northbridge");
        var socialCare = await World.OrganisationAsync("northbridge-csc");
        var officer = await World.ApiClientAsync(Officer);
        var created = await officer.PostAsJsonAsync("/api/v1/cases", new
        {
            boardId = board.Id,
            incidentType = "SeriousInjury",
            incidentDate = "2026-11-18",
            knownToBoardOn = "2026-11-20",
            summary = "Fictional siblings harmed at home.",
            children = new object[]
            {
                new { name = "Fictional Elder", ageAtIncidentMonths = 70, sex = "Female", childProtectionPlan = "Yes" },
                new { name = "Fictional Younger", ageAtIncidentMonths = 14, sex = "Male", legalStatus = "InterimCareOrder" },
            },
            agencyIds = new[] { socialCare.Id },
            otherChildrenAtRisk = "A fictional cousin who stays at weekends.",
            immediateActions = "Both children placed with a fictional aunt.",
            guidance = "Wt2018",
        }, Json);
        var detail = await ReadAsync(created, HttpStatusCode.Created);

        detail.GetProperty("children").GetArrayLength().ShouldBe(2);
        detail.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Fictional Younger")
            .GetProperty("legalStatus").GetString().ShouldBe("InterimCareOrder");
        detail.GetProperty("otherChildrenAtRisk").GetString().ShouldBe("A fictional cousin who stays at weekends.");
        detail.GetProperty("immediateActions").GetString().ShouldBe("Both children placed with a fictional aunt.");
        detail.GetProperty("guidance").GetString().ShouldBe("Wt2018");
        detail.GetProperty("criteriaSet").GetString().ShouldBe("wt2018");
        detail.GetProperty("chair").GetProperty("notifiedAt").ValueKind.ShouldBe(JsonValueKind.String);
        var agency = Agency(detail, socialCare.Id);
        agency.GetProperty("recordsRequestedAt").ValueKind.ShouldBe(JsonValueKind.String);
        agency.GetProperty("recordsSecuredAt").ValueKind.ShouldBe(JsonValueKind.Null);
        // Current guidance: the Panel is notified of the incident within 5 working days of the board knowing (Friday 20th → Friday 27th).
        var panel = Deadline(detail, "incident-notified-to-panel");
        panel.GetProperty("state").GetString().ShouldBe("Due");
        panel.GetProperty("due").GetDateTimeOffset().Date.ShouldBe(new DateTime(2026, 11, 27));
        Deadline(detail, "decision").GetProperty("period").GetString().ShouldBe("15 working days");
        // The chair was told, and the agency asked to secure its records: both on the record, for the board.
        detail.GetProperty("communications").EnumerateArray().Select(c => c.GetProperty("recipient").GetString()).ShouldContain("BoardChair");
        detail.GetProperty("communications").EnumerateArray().Select(c => c.GetProperty("recipient").GetString()).ShouldContain("Agency");
    }

    [Fact]
    public async Task Notify_FutureDateAndAnAgencyTwice_ValidationProblemNamingEachField()
    {
        var board = await World.OrganisationAsync("northbridge");
        var socialCare = await World.OrganisationAsync("northbridge-csc");
        var response = await (await World.ApiClientAsync(Officer)).PostAsJsonAsync("/api/v1/cases", new
        {
            boardId = board.Id,
            incidentType = "Death",
            incidentDate = "2027-01-10",
            knownToBoardOn = "2027-01-11",
            children = new[] { new { name = "Fictional Child" }, new { name = " " } },
            agencyIds = new[] { socialCare.Id, socialCare.Id },
        }, Json);
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("incidentDate")[0].GetString()!.ShouldContain("today or in the past");
        errors.GetProperty("knownToBoardOn")[0].GetString()!.ShouldContain("today or in the past");
        errors.GetProperty("children[1].name")[0].GetString().ShouldBe("Enter the name of each child");
        errors.GetProperty("agencyIds")[0].GetString().ShouldBe("Name each agency once");
        (await World.WithDbAsync(db => db.Reviews.CountAsync(r => r.IncidentDate == new DateOnly(2027, 1, 10)))).ShouldBe(0);
    }

    [Fact]
    public async Task FileReview_AnotherAgency_HiddenUntilTheBoardSharesThem_ThenReadableAndAudited()
    {
        var id = await NewCaseAsync("Fictional case: file reviews shared.");
        var socialCare = await World.OrganisationAsync("northbridge-csc");
        var health = await World.OrganisationAsync("northbridge-health");
        var lead = await World.ApiClientAsync(SocialCareLead);
        var author = await World.ApiClientAsync(HealthAuthor);

        var sent = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/agencies/{socialCare.Id}/file-review", new
        {
            contacts = "Fictional health visitor contacts.",
            knownConcerns = "Fictional concerns about neglect.",
            recommendation = "CriteriaMet",
            rationale = "Fictional rationale.",
        }, Json);
        (await ReadAsync(sent, HttpStatusCode.Created)).GetProperty("contacts").GetString().ShouldBe("Fictional health visitor contacts.");
        (await author.PostAsJsonAsync($"/api/v1/cases/{id}/agencies/{health.Id}/file-review", new
        {
            contacts = "Fictional GP contacts.",
            knownConcerns = "None known.",
            recommendation = "Unsure",
            rationale = "Fictional.",
        }, Json)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Before sharing: the health author reads its own, not social care's, which it is not even shown.
        (await author.GetAsync($"/api/v1/cases/{id}/agencies/{socialCare.Id}/file-review")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await author.GetAsync($"/api/v1/cases/{id}/agencies/{health.Id}/file-review")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await GetCaseAsync(HealthAuthor, id);
        before.GetProperty("access").GetString().ShouldBe("AgencySummary");
        before.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agencyId").GetGuid()).ShouldBe([health.Id]);
        before.GetProperty("children").GetArrayLength().ShouldBe(0);
        before.GetProperty("deadlines").EnumerateArray().ShouldAllBe(d => d.GetProperty("agencyId").GetGuid() == health.Id);

        // A stale version is refused and shares nothing.
        var stale = await (await World.ApiClientAsync(Officer)).PostAsJsonAsync($"/api/v1/cases/{id}/file-reviews/share", new { version = Guid.NewGuid() }, Json);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await author.GetAsync($"/api/v1/cases/{id}/agencies/{socialCare.Id}/file-review")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var shared = await (await World.ApiClientAsync(Officer)).PostAsJsonAsync($"/api/v1/cases/{id}/file-reviews/share",
            new { version = await World.VersionAsync(id) }, Json);
        (await ReadAsync(shared, HttpStatusCode.OK)).GetProperty("fileReviewsSharedAt").ValueKind.ShouldBe(JsonValueKind.String);

        var read = await ReadAsync(await author.GetAsync($"/api/v1/cases/{id}/agencies/{socialCare.Id}/file-review"), HttpStatusCode.OK);
        read.GetProperty("knownConcerns").GetString().ShouldBe("Fictional concerns about neglect.");
        read.GetProperty("submittedBy").GetString().ShouldBe("Sam Ridley");
        var after = Agency(await GetCaseAsync(HealthAuthor, id), socialCare.Id);
        after.GetProperty("fileReview").GetProperty("contentIncluded").GetBoolean().ShouldBeTrue();
        var fileReviewId = await World.WithDbAsync(db => db.FileReviews.Where(f => f.ReviewId == id && f.AgencyId == socialCare.Id).Select(f => f.Id).FirstAsync());
        (await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.FileReviewRead && e.ItemId == fileReviewId.ToString()
            && e.UserName == HealthAuthor))).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task RecordsSecured_ByTheAgency_ShownWithWhoAndWhen_OnceOnly()
    {
        var id = await NewCaseAsync("Fictional case: records secured.");
        var socialCare = await World.OrganisationAsync("northbridge-csc");
        var lead = await World.ApiClientAsync(SocialCareLead);
        var url = $"/api/v1/cases/{id}/agencies/{socialCare.Id}/records-secured";

        var detail = await ReadAsync(await lead.PostAsJsonAsync(url, new { note = "Fictional: case files locked in the records room." }, Json), HttpStatusCode.OK);
        var agency = Agency(detail, socialCare.Id);
        agency.GetProperty("recordsSecuredBy").GetString().ShouldBe("Sam Ridley");
        agency.GetProperty("recordsNote").GetString().ShouldBe("Fictional: case files locked in the records room.");
        Deadline(detail, "records-secured:" + socialCare.Id.ToString("N")).GetProperty("state").GetString().ShouldBe("Done");

        var again = await ReadAsync(await lead.PostAsJsonAsync(url, new { note = "Again" }, Json), HttpStatusCode.BadRequest);
        again.GetProperty("errors").GetProperty("")[0].GetString()!.ShouldContain("already confirmed");
        // The health author may not act for social care.
        (await (await World.ApiClientAsync(HealthAuthor)).PostAsJsonAsync(url, new { }, Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Acknowledgement_ByTheChair_StopsTheChairsClock()
    {
        var id = await NewCaseAsync("Fictional case: chair acknowledges.");
        (await (await World.ApiClientAsync(Officer)).PostAsync($"/api/v1/cases/{id}/acknowledgement", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var detail = await ReadAsync(await (await World.ApiClientAsync(Chair)).PostAsync($"/api/v1/cases/{id}/acknowledgement", null), HttpStatusCode.OK);

        detail.GetProperty("chair").GetProperty("acknowledgedBy").GetString().ShouldBe("Martin Oakes");
        Deadline(detail, "chair-has-notification").GetProperty("state").GetString().ShouldBe("Done");
    }

    [Fact]
    public async Task SummaryAndRecommendation_CheckedAgainstTheCriteria_StaleVersionsRefused()
    {
        var id = await NewCaseAsync("Fictional case: recommendation.");
        var officer = await World.ApiClientAsync(Officer);
        var subGroup = await World.ApiClientAsync(SubGroup);
        var read = await World.VersionAsync(id);

        var summarised = await officer.PostAsJsonAsync($"/api/v1/cases/{id}/summary",
            new { summary = "Fictional summary of the file reviews.", recommendation = "InitiateSeriousCaseReview", version = read }, Json);
        var afterSummary = await ReadAsync(summarised, HttpStatusCode.OK);
        afterSummary.GetProperty("businessUnitSummary").GetProperty("preparedBy").GetString().ShouldBe("Priya Calder");
        (await officer.PostAsJsonAsync($"/api/v1/cases/{id}/summary",
            new { summary = "Overwrite", recommendation = "DoNotInitiate", version = read }, Json)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var version = afterSummary.GetProperty("version").GetGuid();
        // A missing answer, and an answer the question does not offer, are named by question.
        var incomplete = await AnswersAsync("wt2006", ("8.5-child-died", "not-known"));
        incomplete.Remove("8.6-serious-sexual-abuse");
        var refused = await ReadAsync(await subGroup.PostAsJsonAsync($"/api/v1/cases/{id}/recommendation",
            new { answers = incomplete, recommendation = "DoNotInitiate", rationale = "Fictional.", version }, Json), HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        errors.GetProperty("answers.8.6-serious-sexual-abuse")[0].GetString().ShouldBe("Select whether the child suffered serious sexual abuse");
        errors.GetProperty("answers.8.5-child-died")[0].GetString()!.ShouldContain("yes, no");

        // The child died and neglect is suspected, yet the proposal is not to review: 8.5 is met and the guidance requires a review.
        var answers = await AnswersAsync("wt2006", ("8.5-child-died", "yes"), ("8.5-abuse-or-neglect-factor", "yes"));
        var recorded = await ReadAsync(await subGroup.PostAsJsonAsync($"/api/v1/cases/{id}/recommendation",
            new { answers, recommendation = "DoNotInitiate", rationale = "Fictional rationale.", methodology = "LearningTogether", version }, Json),
            HttpStatusCode.OK);
        var evaluation = recorded.GetProperty("evaluation");
        evaluation.GetProperty("prompt").GetString().ShouldBe("MustHoldReview");
        evaluation.GetProperty("paragraph").GetString().ShouldBe("WT2006 8.5");
        evaluation.GetProperty("explanation").GetString()!.ShouldContain("WT2006 8.5 is met");
        var warnings = evaluation.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("key").GetString()).ToList();
        warnings.ShouldContain("review-required");

        (await subGroup.PostAsJsonAsync($"/api/v1/cases/{id}/recommendation",
            new { answers, recommendation = "InitiateSeriousCaseReview", rationale = "Stale.", version }, Json)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var detail = await GetCaseAsync(Chair, id);
        var recommendation = detail.GetProperty("recommendation");
        recommendation.GetProperty("criteriaSet").GetString().ShouldBe("wt2006");
        recommendation.GetProperty("answers").GetProperty("8.5-child-died").GetString().ShouldBe("yes");
        recommendation.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ShouldContain("The guidance requires a serious case review");
        recommendation.GetProperty("recordedBy").GetString().ShouldBe("Joan Whitby");
        recommendation.GetProperty("evaluation").GetProperty("prompt").GetString().ShouldBe("MustHoldReview");
        // The agencies see none of it.
        (await GetCaseAsync(SocialCareLead, id)).GetProperty("recommendation").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task PeerReview_OnlyThePeerReadsAndAnswers_OnlyTheBoardSeesTheAnswer()
    {
        var id = await NewCaseAsync("Fictional case: peer review.");
        var chair = await World.ApiClientAsync(Chair);
        var peers = await chair.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/peer-reviewers", Json);
        var eastmereChair = peers.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Grace Lindqvist").GetProperty("id").GetGuid();

        var requested = await ReadAsync(await chair.PostAsJsonAsync($"/api/v1/cases/{id}/peer-reviews", new { peerId = eastmereChair }, Json), HttpStatusCode.Created);
        var peerReviewId = requested.GetProperty("id").GetGuid();

        (await (await World.ApiClientAsync(Officer)).GetAsync($"/api/v1/peer-reviews/{peerReviewId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chair.GetAsync($"/api/v1/peer-reviews/{peerReviewId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var peer = await World.ApiClientAsync(EastmereChair);
        var text = await (await peer.GetAsync($"/api/v1/peer-reviews/{peerReviewId}")).Content.ReadAsStringAsync();
        text.ShouldContain("Northbridge Safeguarding Children Board");
        text.ShouldNotContain("Fictional Child");

        var answered = await ReadAsync(await peer.PostAsJsonAsync($"/api/v1/peer-reviews/{peerReviewId}/response",
            new { agrees = false, response = "Fictional: ask the school first." }, Json), HttpStatusCode.OK);
        answered.GetProperty("agrees").GetBoolean().ShouldBeFalse();
        (await peer.PostAsJsonAsync($"/api/v1/peer-reviews/{peerReviewId}/response", new { agrees = true, response = "Again." }, Json))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var board = await GetCaseAsync(Chair, id);
        var review = board.GetProperty("peerReviews").EnumerateArray().Single();
        review.GetProperty("peer").GetString().ShouldBe("Grace Lindqvist");
        review.GetProperty("response").GetString().ShouldBe("Fictional: ask the school first.");
        var agency = await GetCaseAsync(SocialCareLead, id);
        agency.GetProperty("peerReviews").GetArrayLength().ShouldBe(0);
        agency.GetProperty("communications").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task PanelNotification_CurrentGuidanceOnlyAndOnce()
    {
        var officer = await World.ApiClientAsync(Officer);
        var old = await NewCaseAsync("Fictional case: Panel under 2006 guidance.");
        var refused = await ReadAsync(await officer.PostAsync($"/api/v1/cases/{old}/panel-notification", null), HttpStatusCode.BadRequest);
        refused.GetProperty("errors").GetProperty("")[0].GetString()!.ShouldContain("not notified to the National Panel");

        var current = await NewCaseAsync("Fictional case: Panel under current guidance.", GuidanceEdition.Wt2023);
        var detail = await ReadAsync(await officer.PostAsync($"/api/v1/cases/{current}/panel-notification", null), HttpStatusCode.OK);
        detail.GetProperty("incidentNotifiedToPanelAt").ValueKind.ShouldBe(JsonValueKind.String);
        Deadline(detail, "incident-notified-to-panel").GetProperty("state").GetString().ShouldBe("Done");
        (await officer.PostAsync($"/api/v1/cases/{current}/panel-notification", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnotherBoard_CannotTouchTheCase_EveryEndpointSaysNotFound()
    {
        var id = await NewCaseAsync("Fictional case: another board's reach.");
        await World.SubmitFileReviewAsync(SocialCareLead, id, "northbridge-csc", "Fictional contacts.");
        var socialCare = (await World.OrganisationAsync("northbridge-csc")).Id;
        var version = await World.VersionAsync(id);
        var eastmere = await World.ApiClientAsync(EastmereOfficer);
        var eastmereChair = await World.ApiClientAsync(EastmereChair);
        var posts = new (string Url, object Body)[]
        {
            ($"/api/v1/cases/{id}/acknowledgement", new { }),
            ($"/api/v1/cases/{id}/agencies/{socialCare}/records-secured", new { note = "x" }),
            ($"/api/v1/cases/{id}/agencies/{socialCare}/file-review", new { contacts = "x", knownConcerns = "x", recommendation = "Unsure", rationale = "x" }),
            ($"/api/v1/cases/{id}/file-reviews/share", new { version }),
            ($"/api/v1/cases/{id}/summary", new { summary = "x", recommendation = "DoNotInitiate", version }),
            ($"/api/v1/cases/{id}/recommendation", new { answers = new { }, recommendation = "DoNotInitiate", rationale = "x", version }),
            ($"/api/v1/cases/{id}/peer-reviews", new { peerId = Guid.NewGuid() }),
            ($"/api/v1/cases/{id}/panel-notification", new { }),
        };
        foreach (var client in new[] { eastmere, eastmereChair })
        {
            foreach (var (url, body) in posts)
            {
                (await client.PostAsJsonAsync(url, body, Json)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            }
            (await client.GetAsync($"/api/v1/cases/{id}/agencies/{socialCare}/file-review")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await World.VersionAsync(id)).ShouldBe(version);
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryStage1OperationWithItsSchemas()
    {
        var text = await World.Factory.CreateBrowser().GetStringAsync("/api/v1/openapi.json");
        var document = JsonDocument.Parse(text).RootElement;
        var paths = document.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/v1/cases/{id}/acknowledgement", "post"),
            ("/api/v1/cases/{id}/agencies/{agencyId}/records-secured", "post"),
            ("/api/v1/cases/{id}/agencies/{agencyId}/file-review", "post"),
            ("/api/v1/cases/{id}/agencies/{agencyId}/file-review", "get"),
            ("/api/v1/cases/{id}/file-reviews/share", "post"),
            ("/api/v1/cases/{id}/summary", "post"),
            ("/api/v1/cases/{id}/recommendation", "post"),
            ("/api/v1/cases/{id}/peer-reviews", "post"),
            ("/api/v1/peer-reviews/{id}", "get"),
            ("/api/v1/peer-reviews/{id}/response", "post"),
            ("/api/v1/cases/{id}/panel-notification", "post"),
            ("/api/v1/criteria/{setId}", "get"),
        })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace(path);
            operation.GetProperty("responses").TryGetProperty("404", out _).ShouldBeTrue($"{method} {path} documents 404");
        }
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "RecommendationRequest", "RecommendationResponse", "EvaluationDetail", "FileReviewRequest", "CaseDetail", "DeadlineDetail", "PeerReviewDetail" })
        {
            schemas.TryGetProperty(schema, out _).ShouldBeTrue(schema);
        }
        paths.GetProperty("/api/v1/cases/{id}/recommendation").GetProperty("post").GetProperty("responses").TryGetProperty("409", out _).ShouldBeTrue();
    }
}

[Collection("web")]
public sealed class Stage1ApiSqliteTests(SqliteWorld fixture) : Stage1ApiTests(fixture), IClassFixture<SqliteWorld>;

[Collection("web")]
public sealed class Stage1ApiPostgresTests(PostgresWorld fixture) : Stage1ApiTests(fixture), IClassFixture<PostgresWorld>;
