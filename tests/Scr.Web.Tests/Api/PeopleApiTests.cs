using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Services.Audit;

namespace Scr.Web.Tests.Api;

/// <summary>
/// The people of a review through the API, on the demo seeded on 23 November 2026: the lists (never a family's contact
/// details), an interview refused while the trial holds interviews back, shared and answered by its interviewee, a
/// family member and a contact, and the one audited endpoint for contact details.
/// </summary>
public abstract class PeopleApiTests(WebWorldFixture fixture)
{
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

    private async Task<JsonElement> PeopleAsync(string email, Guid id) =>
        await ReadAsync(await (await World.ApiClientAsync(email)).GetAsync($"/api/v1/cases/{id}/people"), HttpStatusCode.OK);

    private static IEnumerable<string> ErrorFields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(e => e.Name);

    [Fact]
    public async Task GetPeople_Demo_ListsWithoutContactDetails_AgencySeesItsOwnStaffSupportOnly()
    {
        var working = await World.CaseAsync("Young person died by suicide");
        var client = await World.ApiClientAsync(Officer);

        var text = await client.GetStringAsync($"/api/v1/cases/{working.Id}/people");
        var people = JsonDocument.Parse(text).RootElement;

        people.GetProperty("interviews").EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("SharedForAgreement");
        people.GetProperty("staffSupport").GetArrayLength().ShouldBe(3);
        people.GetProperty("staffSupportMeetings").EnumerateArray().Select(m => m.GetProperty("kind").GetString()).ShouldBe(["Start", "Start"]);
        var mother = people.GetProperty("family").EnumerateArray().Single();
        mother.GetProperty("name").GetString().ShouldBe("Dawn Brannock");
        mother.GetProperty("contacts").GetArrayLength().ShouldBe(2);
        mother.TryGetProperty("phone", out _).ShouldBeFalse();
        text.ShouldNotContain("07700 900461");
        text.ShouldNotContain("Larchfield");

        var agency = await PeopleAsync(SocialCareLead, working.Id);
        agency.GetProperty("interviews").GetArrayLength().ShouldBe(0);
        agency.GetProperty("family").GetArrayLength().ShouldBe(0);
        agency.GetProperty("staffSupport").EnumerateArray().Select(s => s.GetProperty("agency").GetString()).ShouldBe(["Northbridge Children's Social Care"]);
    }

    [Fact]
    public async Task Interview_HeldBackUnlessCleared_Shared_StaleRefused_IntervieweeAsksForChanges()
    {
        var publication = await World.CaseAsync("Sexual abuse by a family friend");
        var client = await World.ApiClientAsync(Reviewer);
        var reviewerId = await World.UserIdAsync(Reviewer);
        var version = (await PeopleAsync(Reviewer, publication.Id)).GetProperty("version").GetGuid();

        var missing = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/people/interviews", new { version }), HttpStatusCode.BadRequest);
        ErrorFields(missing).ShouldBe(["intervieweeEmail", "intervieweeName", "interviewerIds"], ignoreOrder: true);
        var request = new Dictionary<string, object?>
        {
            ["intervieweeEmail"] = SocialCareLead,
            ["intervieweeName"] = "Sam Ridley",
            ["interviewerIds"] = new[] { reviewerId },
            ["heldOn"] = "2026-11-20",
            ["record"] = "Mr Ridley described the school's referral.",
            ["version"] = version,
        };
        var heldBack = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/people/interviews", request), HttpStatusCode.BadRequest);
        ErrorFields(heldBack).ShouldBe(["heldOn"]);

        request["constraintClearance"] = "The CPS lawyer agreed Mr Ridley is not a witness.";
        var created = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/people/interviews", request), HttpStatusCode.Created);
        var interviewId = created.GetProperty("id").GetGuid();
        created.GetProperty("status").GetString().ShouldBe("Draft");
        created.GetProperty("constraintClearance").GetString()!.ShouldContain("not a witness");
        (await client.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/people/interviews/{interviewId}/share", new { version }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "the case changed since that version");
        var shared = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/people/interviews/{interviewId}/share",
            new { version = created.GetProperty("version").GetGuid() }), HttpStatusCode.OK);
        shared.GetProperty("status").GetString().ShouldBe("SharedForAgreement");

        var interviewee = await World.ApiClientAsync(SocialCareLead);
        var own = await ReadAsync(await interviewee.GetAsync($"/api/v1/interviews/{interviewId}"), HttpStatusCode.OK);
        own.GetProperty("versions")[0].GetProperty("text").GetString().ShouldBe("Mr Ridley described the school's referral.");
        var noComments = await ReadAsync(await interviewee.PostAsJsonAsync($"/api/v1/interviews/{interviewId}/answer",
            new { agree = false, version = own.GetProperty("version").GetGuid() }), HttpStatusCode.BadRequest);
        ErrorFields(noComments).ShouldBe(["comments"]);
        (await client.PostAsJsonAsync($"/api/v1/interviews/{interviewId}/answer", new { agree = true, version = own.GetProperty("version").GetGuid() }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only the interviewee answers");
        var answered = await ReadAsync(await interviewee.PostAsJsonAsync($"/api/v1/interviews/{interviewId}/answer",
            new { agree = false, comments = "It was the college, not the school.", version = own.GetProperty("version").GetGuid() }), HttpStatusCode.OK);
        answered.GetProperty("status").GetString().ShouldBe("ChangesRequested");
        answered.GetProperty("versions")[0].GetProperty("comments").GetString().ShouldBe("It was the college, not the school.");
    }

    [Fact]
    public async Task Family_ReasonsRequiredWhenNotInvolved_Added_ContactLogged_ContactDetailsAuditedForWhoMay()
    {
        var publication = await World.CaseAsync("Sexual abuse by a family friend");
        var client = await World.ApiClientAsync(Officer);
        var version = (await PeopleAsync(Officer, publication.Id)).GetProperty("version").GetGuid();

        var noReasons = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/people/family",
            new { name = "Pat Penrose", relationship = "Stepfather", notInvolved = true, version }), HttpStatusCode.BadRequest);
        ErrorFields(noReasons).ShouldBe(["notInvolvedReasons"]);
        var added = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/people/family",
            new { name = "Pat Penrose", relationship = "Stepfather", notInvolved = true, notInvolvedReasons = "Under police investigation.", version }),
            HttpStatusCode.Created);
        var member = added.GetProperty("family").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Pat Penrose");
        member.GetProperty("involvement").GetString().ShouldBe("Not involved");
        var memberId = member.GetProperty("id").GetGuid();
        var logged = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{publication.Id}/people/family/{memberId}/contacts",
            new { on = "2026-11-23", method = "Letter", summary = "Letter explaining why the review will not contact him yet.", version = added.GetProperty("version").GetGuid() }),
            HttpStatusCode.Created);
        logged.GetProperty("family").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == memberId).GetProperty("contacts").GetArrayLength().ShouldBe(1);

        var before = await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.FamilyContactDetailsRead && e.ItemId == memberId.ToString()));
        var details = await ReadAsync(await client.GetAsync($"/api/v1/cases/{publication.Id}/people/family/{memberId}/contact-details"), HttpStatusCode.OK);
        details.GetProperty("name").GetString().ShouldBe("Pat Penrose");
        (await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.FamilyContactDetailsRead && e.ItemId == memberId.ToString())))
            .ShouldBe(before + 1);
        (await (await World.ApiClientAsync(Chair)).GetAsync($"/api/v1/cases/{publication.Id}/people/family/{memberId}/contact-details"))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

[Collection("web")]
public sealed class PeopleApiSqliteTests(SqliteWorld fixture) : PeopleApiTests(fixture), IClassFixture<SqliteWorld>;

[Collection("web")]
public sealed class PeopleApiPostgresTests(PostgresWorld fixture) : PeopleApiTests(fixture), IClassFixture<PostgresWorld>;
