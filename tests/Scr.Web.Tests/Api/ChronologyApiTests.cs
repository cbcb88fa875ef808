using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Chronology;

namespace Scr.Web.Tests.Api;

/// <summary>
/// The chronology through the API, on the demo's review under way (social care's and health's chronologies imported, not
/// shared, with a planted gap and a planted discrepancy): an agency sees its own entries until the merged view is shared,
/// imports are all or nothing, entries are added, changed and removed by their agency only, episodes are marked, and
/// reads and exports are audited. One journey, since sharing cannot be undone.
/// </summary>
public abstract class ChronologyApiTests(WebWorldFixture fixture)
{
    private WebWorld World => fixture.World;

    private const string Officer = "officer@northbridge.example";
    private const string SocialCareLead = "agency.lead@northbridge.example";
    private const string HealthAuthor = "agency.author@northbridge.example";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static IEnumerable<string> Agencies(JsonElement page) =>
        page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("agency").GetString()!).Distinct();

    private Task<int> StoredAsync(Guid reviewId) =>
        World.WithDbAsync(db => db.ChronologyEntries.CountAsync(e => EF.Property<Guid>(e, "ReviewId") == reviewId));

    [Fact]
    public async Task Journey_OwnEntriesUntilShared_ImportAllOrNothing_EntriesByTheirAgencyOnly_Episode_Analysis_Audited()
    {
        var working = await World.CaseAsync("Young person died by suicide");
        var socialCare = (await World.OrganisationAsync("northbridge-csc")).Id;
        var officer = await World.ApiClientAsync(Officer);
        var lead = await World.ApiClientAsync(SocialCareLead);
        var author = await World.ApiClientAsync(HealthAuthor);
        var url = $"/api/v1/cases/{working.Id}/chronology";

        // The board sees every agency; an agency its own only, and not the other's analysis.
        var all = await ReadAsync(await officer.GetAsync($"{url}?pageSize=500"), HttpStatusCode.OK);
        all.GetProperty("everyAgency").GetBoolean().ShouldBeTrue();
        all.GetProperty("total").GetInt32().ShouldBe(48);
        Agencies(all).Count().ShouldBe(2);
        var own = await ReadAsync(await lead.GetAsync($"{url}?pageSize=500"), HttpStatusCode.OK);
        own.GetProperty("everyAgency").GetBoolean().ShouldBeFalse();
        Agencies(own).ShouldBe(["Northbridge Children's Social Care"]);
        var ownAnalysis = await ReadAsync(await lead.GetAsync($"{url}/analysis"), HttpStatusCode.OK);
        ownAnalysis.GetProperty("discrepancies").GetArrayLength().ShouldBe(0, "one agency's entries alone show no disagreement");
        ownAnalysis.GetProperty("byAgency").EnumerateArray().Select(a => a.GetProperty("agency").GetString()).ShouldBe(["Northbridge Children's Social Care"]);

        // The analysis finds the planted gap and the planted discrepancy.
        var analysis = await ReadAsync(await officer.GetAsync($"{url}/analysis"), HttpStatusCode.OK);
        analysis.GetProperty("gaps").EnumerateArray().ShouldContain(g => g.GetProperty("agency").ValueKind == JsonValueKind.Null
            && g.GetProperty("days").GetInt32() > 100);
        analysis.GetProperty("discrepancies").EnumerateArray().ShouldContain(d => d.GetProperty("kind").GetString() == "ChildSeen");

        // Filters and paging.
        var notSeen = await ReadAsync(await officer.GetAsync($"{url}?childSeen=No&pageSize=10&page=2"), HttpStatusCode.OK);
        notSeen.GetProperty("page").GetInt32().ShouldBe(2);
        notSeen.GetProperty("entries").EnumerateArray().ShouldAllBe(e => e.GetProperty("childSeen").GetString() == "No");

        // An import with a bad row is refused whole, every problem by row and column; nothing is stored.
        var before = await StoredAsync(working.Id);
        var csv = string.Join(",", ChronologyWriter.Header) + "\r\n" + "31/02/2024,,,,social worker,Home visit,,Yes,Not recorded,,Visit,,\r\n";
        using (var form = new MultipartFormDataContent
        {
            { new StringContent(socialCare.ToString()), "agencyId" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "chronology.csv" },
        })
        {
            var refused = await ReadAsync(await lead.PostAsync($"{url}/import", form), HttpStatusCode.BadRequest);
            refused.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("row 2, column 'Date': '31/02/2024'");
        }
        (await StoredAsync(working.Id)).ShouldBe(before);

        // Social care adds an entry; a bad one is refused by column; health cannot touch it.
        var bad = await ReadAsync(await lead.PostAsJsonAsync($"{url}/entries", new
        {
            agencyId = socialCare,
            date = "32/01/2025",
            practitionerRole = "social worker",
            contactType = "Home visit",
            childSeen = "Yes",
            whatHappened = "Visit"
        }), HttpStatusCode.BadRequest);
        bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["date"]);
        await ReadAsync(await lead.PostAsJsonAsync($"{url}/entries", new
        {
            agencyId = socialCare,
            date = "15/01/2025",
            time = "09:30",
            practitionerRole = "social worker",
            contactType = "Home visit",
            childSeen = "Yes",
            wishes = "Recorded",
            wishesText = "Wanted to stay with her gran.",
            whatHappened = "API visit"
        }),
            HttpStatusCode.Created);
        var mine = await ReadAsync(await lead.GetAsync($"{url}?from=15/01/2025&to=15/01/2025"), HttpStatusCode.OK);
        var added = mine.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("whatHappened").GetString() == "API visit");
        var entryId = added.GetProperty("id").GetGuid();
        added.GetProperty("wishesText").GetString().ShouldBe("Wanted to stay with her gran.");
        (await author.PutAsJsonAsync($"{url}/entries/{entryId}", new
        {
            date = "16/01/2025",
            practitionerRole = "nurse",
            contactType = "Phone",
            childSeen = "No",
            whatHappened = "Not mine"
        })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await author.DeleteAsync($"{url}/entries/{entryId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await ReadAsync(await lead.PutAsJsonAsync($"{url}/entries/{entryId}", new
        {
            date = "16/01/2025",
            practitionerRole = "social worker",
            contactType = "Phone",
            childSeen = "No",
            whatHappened = "API call instead"
        }), HttpStatusCode.NoContent);
        var changed = await ReadAsync(await lead.GetAsync($"{url}?from=16/01/2025&to=16/01/2025"), HttpStatusCode.OK);
        changed.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == entryId).GetProperty("contactType").GetString().ShouldBe("Phone");
        await ReadAsync(await lead.DeleteAsync($"{url}/entries/{entryId}"), HttpStatusCode.NoContent);
        (await lead.DeleteAsync($"{url}/entries/{entryId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StoredAsync(working.Id)).ShouldBe(before);

        // Episodes: the days are needed; an agency does not mark them.
        var noDays = await ReadAsync(await officer.PostAsJsonAsync($"{url}/episodes", new { title = "Case closure", whyItMatters = "Closed while worries grew" }),
            HttpStatusCode.BadRequest);
        noDays.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["from", "to"], ignoreOrder: true);
        (await lead.PostAsJsonAsync($"{url}/episodes", new { title = "Case closure", whyItMatters = "Closed", from = "2025-01-01", to = "2025-02-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var episode = await ReadAsync(await officer.PostAsJsonAsync($"{url}/episodes", new
        {
            title = "Case closure",
            whyItMatters = "Closed while worries grew",
            from = "2025-01-01",
            to = "2025-02-01"
        }), HttpStatusCode.Created);
        var inEpisode = await ReadAsync(await officer.GetAsync($"{url}?episode={episode.GetProperty("id").GetGuid()}&pageSize=500"), HttpStatusCode.OK);
        inEpisode.GetProperty("entries").EnumerateArray().ShouldAllBe(e => string.CompareOrdinal(e.GetProperty("date").GetString(), "2025-01-01") >= 0
            && string.CompareOrdinal(e.GetProperty("date").GetString(), "2025-02-01") <= 0);

        // Shared: health now sees social care's entries, still cannot change them (403 now that it sees them); sharing twice is refused.
        (await lead.PostAsJsonAsync($"{url}/share", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ReadAsync(await officer.PostAsJsonAsync($"{url}/share", new { }), HttpStatusCode.NoContent);
        (await officer.PostAsJsonAsync($"{url}/share", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var shared = await ReadAsync(await author.GetAsync($"{url}?pageSize=500"), HttpStatusCode.OK);
        shared.GetProperty("everyAgency").GetBoolean().ShouldBeTrue();
        Agencies(shared).Count().ShouldBe(2);
        var careEntry = shared.GetProperty("entries").EnumerateArray().First(e => e.GetProperty("agency").GetString() == "Northbridge Children's Social Care")
            .GetProperty("id").GetGuid();
        (await author.DeleteAsync($"{url}/entries/{careEntry}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Exports are audited with the format and who read them.
        var xlsx = await officer.GetAsync($"{url}/export.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var audit = await World.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("chronology.")).Select(a => a.Action).ToListAsync());
        audit.ShouldContain(AuditActions.ChronologyExported);
        audit.ShouldContain(AuditActions.ChronologyImportRefused);
        audit.ShouldContain(AuditActions.ChronologyEntryAdded);
        audit.ShouldContain(AuditActions.ChronologyEntryChanged);
        audit.ShouldContain(AuditActions.ChronologyEntryRemoved);
        audit.ShouldContain(AuditActions.ChronologyShared);
        audit.Count(a => a == AuditActions.ChronologyRead).ShouldBeGreaterThanOrEqualTo(8);
    }
}

[Collection("web")]
public sealed class ChronologyApiSqliteTests(SqliteWorld fixture) : ChronologyApiTests(fixture), IClassFixture<SqliteWorld>;

[Collection("web")]
public sealed class ChronologyApiPostgresTests(PostgresWorld fixture) : ChronologyApiTests(fixture), IClassFixture<PostgresWorld>;
