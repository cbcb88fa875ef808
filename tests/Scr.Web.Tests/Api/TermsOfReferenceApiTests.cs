using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Services.Audit;

namespace Scr.Web.Tests.Api;

/// <summary>
/// The terms of reference through the API, on the demo seeded on 23 November 2026: the review at scoping has draft version
/// 1; the review at stage 3 and the learning review at publication have version 1 signed off.
/// </summary>
public abstract class TermsOfReferenceApiTests(WebWorldFixture fixture)
{
    private WebWorld World => fixture.World;

    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string SocialCareLead = "agency.lead@northbridge.example";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> TermsAsync(string email, Guid id) =>
        await ReadAsync(await (await World.ApiClientAsync(email)).GetAsync($"/api/v1/cases/{id}/terms-of-reference"), HttpStatusCode.OK);

    [Fact]
    public async Task Get_SignedOffTerms_EveryPart_WhoAndWhen_AndWhereTheWordDocumentIs()
    {
        var working = await World.CaseAsync("Young person died by suicide");

        var terms = await TermsAsync(SocialCareLead, working.Id);

        terms.GetProperty("reference").GetString().ShouldBe(working.Reference);
        terms.GetProperty("signedOffNumber").GetInt32().ShouldBe(1);
        terms.GetProperty("mayEdit").GetBoolean().ShouldBeFalse();
        var current = terms.GetProperty("current");
        current.GetProperty("signedOff").GetBoolean().ShouldBeTrue();
        current.GetProperty("keyLinesOfEnquiry")[0].GetString().ShouldBe("Why were repeated missed appointments not seen as a sign of risk?");
        current.GetProperty("methodology").GetString().ShouldBe("SignificantIncidentLearningProcess");
        current.GetProperty("methodologyName").GetString().ShouldBe("Significant Incident Learning Process (SILP)");
        current.GetProperty("agencyReports").GetString().ShouldBe("ManagementReviews");
        current.GetProperty("chronology").GetString().ShouldBe("KeyEvents");
        current.GetProperty("leadBoard").GetProperty("name").GetString().ShouldBe("Northbridge Safeguarding Children Board");
        current.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ShouldContain("Northbridge Children's Social Care");
        current.GetProperty("signedOffBy").GetString().ShouldBe("Martin Oakes");
        current.GetProperty("savedBy").GetString().ShouldBe("Priya Calder");
        current.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        current.GetProperty("export").GetString().ShouldBe($"/api/v1/cases/{working.Id}/terms-of-reference/versions/1/export");

        var version = await ReadAsync(await (await World.ApiClientAsync(Officer)).GetAsync($"/api/v1/cases/{working.Id}/terms-of-reference/versions/1"),
            HttpStatusCode.OK);
        version.GetProperty("signOffNote").GetString().ShouldBe("Agreed at the first meeting of the review panel.");
    }

    [Fact]
    public async Task Export_ValidWordDocument_Audited()
    {
        var working = await World.CaseAsync("Young person died by suicide");
        var before = await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.TermsOfReferenceExported));

        var response = await (await World.ApiClientAsync(Chair)).GetAsync($"/api/v1/cases/{working.Id}/terms-of-reference/versions/1/export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        new OpenXmlValidator().Validate(document).ShouldBeEmpty();
        document.MainDocumentPart!.HeaderParts.Single().Header!.InnerText.ShouldBe("CONFIDENTIAL");
        (await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.TermsOfReferenceExported))).ShouldBe(before + 1);
    }

    [Fact]
    public async Task PutDraft_Refusals_NameTheirFields_NothingSaved_SignOffWithoutADraftRefused()
    {
        var publication = await World.CaseAsync("Sexual abuse by a family friend");
        var officer = await World.ApiClientAsync(Officer);
        var terms = await TermsAsync(Officer, publication.Id);
        var version = terms.GetProperty("version").GetGuid();

        var missingVersion = await ReadAsync(await officer.PutAsJsonAsync($"/api/v1/cases/{publication.Id}/terms-of-reference/draft", new { }),
            HttpStatusCode.BadRequest);
        missingVersion.GetProperty("errors").TryGetProperty("version", out _).ShouldBeTrue();
        var refused = await ReadAsync(await officer.PutAsJsonAsync($"/api/v1/cases/{publication.Id}/terms-of-reference/draft", new
        {
            keyLinesOfEnquiry = Enumerable.Range(1, 21).Select(i => $"Why {i}?").ToArray(),
            periodFrom = "2026-10-01",
            periodTo = "2026-09-01",
            leadBoardId = Guid.NewGuid(),
            version,
        }), HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["keyLinesOfEnquiry", "periodTo", "leadBoardId"], ignoreOrder: true);
        (await TermsAsync(Officer, publication.Id)).GetProperty("versions").GetArrayLength().ShouldBe(1);

        var noDraft = await ReadAsync(await (await World.ApiClientAsync(Chair)).PostAsJsonAsync($"/api/v1/cases/{publication.Id}/terms-of-reference/sign-off",
            new { version }), HttpStatusCode.BadRequest);
        noDraft.GetProperty("errors").GetProperty("")[0].GetString().ShouldBe("There is no draft of the terms of reference to sign off.");
        (await (await World.ApiClientAsync(Officer)).GetAsync($"/api/v1/cases/{publication.Id}/terms-of-reference/versions/2")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PutDraft_ThenTheChairSignsOff_ThenANewDraft_TheAgencySeesOnlyTheSignedOff()
    {
        var scoping = await World.CaseAsync("Toddler admitted");
        var officer = await World.ApiClientAsync(Officer);
        var before = await TermsAsync(Officer, scoping.Id);
        var draft = before.GetProperty("current");
        (draft.GetProperty("number").GetInt32(), draft.GetProperty("signedOff").GetBoolean()).ShouldBe((1, false));
        (await TermsAsync(SocialCareLead, scoping.Id)).GetProperty("versions").GetArrayLength().ShouldBe(0);
        var board = (await World.OrganisationAsync("northbridge")).Id;
        var agency = (await World.OrganisationAsync("northbridge-csc")).Id;

        var saved = await ReadAsync(await officer.PutAsJsonAsync($"/api/v1/cases/{scoping.Id}/terms-of-reference/draft", new
        {
            keyLinesOfEnquiry = new[] { "What happened on the day?" },
            periodFrom = "2025-06-01",
            periodTo = "2026-10-12",
            leadBoardId = board,
            agencyIds = new[] { agency },
            familyContribution = "The lead reviewer meets the parents.",
            timetable = "Four months.",
            publication = "An anonymised report.",
            methodology = "Hybrid",
            agencyReports = "NotRequired",
            chronology = "None",
            version = before.GetProperty("version").GetGuid(),
        }), HttpStatusCode.OK);

        var current = saved.GetProperty("current");
        current.GetProperty("number").GetInt32().ShouldBe(1);
        current.GetProperty("warnings")[0].GetProperty("key").GetString().ShouldBe("what-questions");
        current.GetProperty("missingForSignOff").EnumerateArray().Select(p => p.GetProperty("field").GetString()).ShouldBe(["methodologyNote"]);
        (await (await World.ApiClientAsync(Officer)).PostAsJsonAsync($"/api/v1/cases/{scoping.Id}/terms-of-reference/sign-off",
            new { version = saved.GetProperty("version").GetGuid() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var chair = await World.ApiClientAsync(Chair);
        var incomplete = await ReadAsync(await chair.PostAsJsonAsync($"/api/v1/cases/{scoping.Id}/terms-of-reference/sign-off",
            new { version = saved.GetProperty("version").GetGuid() }), HttpStatusCode.BadRequest);
        incomplete.GetProperty("errors").GetProperty("methodologyNote")[0].GetString().ShouldBe("Say which parts of which methodologies the hybrid uses");

        var described = await ReadAsync(await officer.PutAsJsonAsync($"/api/v1/cases/{scoping.Id}/terms-of-reference/draft", new
        {
            keyLinesOfEnquiry = new[] { "Why was the injury not foreseen?" },
            periodFrom = "2025-06-01",
            periodTo = "2026-10-12",
            leadBoardId = board,
            agencyIds = new[] { agency },
            familyContribution = "The lead reviewer meets the parents.",
            timetable = "Four months.",
            publication = "An anonymised report.",
            methodology = "Hybrid",
            methodologyNote = "Learning Together with a SILP event.",
            agencyReports = "NotRequired",
            chronology = "None",
            version = saved.GetProperty("version").GetGuid(),
        }), HttpStatusCode.OK);
        var signed = await ReadAsync(await chair.PostAsJsonAsync($"/api/v1/cases/{scoping.Id}/terms-of-reference/sign-off",
            new { note = "Agreed.", version = described.GetProperty("version").GetGuid() }), HttpStatusCode.OK);

        signed.GetProperty("signedOffNumber").GetInt32().ShouldBe(1);
        signed.TryGetProperty("draftNumber", out var none).ShouldBeTrue();
        none.ValueKind.ShouldBe(JsonValueKind.Null);
        var again = await ReadAsync(await officer.PutAsJsonAsync($"/api/v1/cases/{scoping.Id}/terms-of-reference/draft", new
        {
            keyLinesOfEnquiry = new[] { "Why was the injury not foreseen?", "How far was the sibling's plan shared?" },
            version = signed.GetProperty("version").GetGuid(),
        }), HttpStatusCode.OK);
        again.GetProperty("draftNumber").GetInt32().ShouldBe(2);
        again.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("signedOff").GetBoolean()).ShouldBe([true, false]);
        var agencyView = await TermsAsync(SocialCareLead, scoping.Id);
        agencyView.GetProperty("versions").GetArrayLength().ShouldBe(1);
        agencyView.GetProperty("current").GetProperty("keyLinesOfEnquiry").EnumerateArray().Select(l => l.GetString())
            .ShouldBe(["Why was the injury not foreseen?"]);
        (await (await World.ApiClientAsync(SocialCareLead)).GetAsync($"/api/v1/cases/{scoping.Id}/terms-of-reference/versions/2")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
        (await (await World.ApiClientAsync(Officer)).GetAsync($"/api/v1/cases/{scoping.Id}/terms-of-reference/versions/2/export")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection("web")]
public sealed class TermsOfReferenceApiSqliteTests(SqliteWorld fixture) : TermsOfReferenceApiTests(fixture), IClassFixture<SqliteWorld>;

[Collection("web")]
public sealed class TermsOfReferenceApiPostgresTests(PostgresWorld fixture) : TermsOfReferenceApiTests(fixture), IClassFixture<PostgresWorld>;
