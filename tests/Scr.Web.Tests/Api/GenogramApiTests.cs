using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Services.Audit;

namespace Scr.Web.Tests.Api;

/// <summary>
/// The genogram through the API, on the demo seeded on 23 November 2026: Kai's family on the review under way as JSON
/// and SVG, named and anonymised; a family built from empty on the review at scoping, with the whole family checked at
/// each change and stale versions refused.
/// </summary>
public abstract class GenogramApiTests(WebWorldFixture fixture)
{
    private WebWorld World => fixture.World;

    private const string Officer = "officer@northbridge.example";
    private const string Reviewer = "reviewer@northbridge.example";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static IEnumerable<string> ErrorFields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(e => e.Name);

    [Fact]
    public async Task Get_Demo_NamedAndAnonymised_AsJsonAndSvg_Audited()
    {
        var working = await World.CaseAsync("Young person died by suicide");
        var client = await World.ApiClientAsync(Officer);
        var before = await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.GenogramRead));

        var named = await ReadAsync(await client.GetAsync($"/api/v1/cases/{working.Id}/genogram"), HttpStatusCode.OK);
        named.GetProperty("mayEdit").GetBoolean().ShouldBeTrue();
        var people = named.GetProperty("people").EnumerateArray().ToList();
        people.Count.ShouldBe(6);
        var kai = people.Single(p => p.GetProperty("isSubject").GetBoolean());
        kai.GetProperty("name").GetString().ShouldBe("Kai Brannock");
        kai.GetProperty("sex").GetString().ShouldBe("Male");
        kai.GetProperty("deceased").GetBoolean().ShouldBeTrue();
        kai.GetProperty("dateOfBirth").GetString().ShouldNotBeNull();
        named.GetProperty("couples").EnumerateArray().Select(c => c.GetProperty("kind").GetString()).ShouldBe(["Separated", "Partners"]);
        named.GetProperty("parents").GetArrayLength().ShouldBe(6);
        named.GetProperty("households").EnumerateArray().Select(h => h.GetProperty("name").GetString()).ShouldBe(["Mother's home", "Father's flat"]);

        var text = await client.GetStringAsync($"/api/v1/cases/{working.Id}/genogram?anonymised=true");
        foreach (var name in new[] { "Kai", "Brannock", "Dawn", "Gary", "Lewis", "Okafor", "Ruby", "Irene", "Walsh", "Mother's home", "Father's flat" })
        {
            text.ShouldNotContain(name, Case.Sensitive);
        }
        var anonymised = JsonDocument.Parse(text).RootElement;
        anonymised.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["Subject child", "Mother", "Father", "Mother's partner", "Half-sister", "Maternal grandmother"]);
        anonymised.GetProperty("people").EnumerateArray().ShouldAllBe(p => p.GetProperty("dateOfBirth").ValueKind == JsonValueKind.Null);

        var svg = await client.GetAsync($"/api/v1/cases/{working.Id}/genogram.svg?anonymised=true");
        svg.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        (await svg.Content.ReadAsStringAsync()).ShouldNotContain("Brannock");
        (await client.GetStringAsync($"/api/v1/cases/{working.Id}/genogram.svg")).ShouldContain("Kai Brannock");

        (await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.GenogramRead))).ShouldBe(before + 2);
    }

    [Fact]
    public async Task Changes_FromEmpty_EachCheckedWhole_StaleRefused()
    {
        var scoping = await World.CaseAsync("Toddler admitted");
        var client = await World.ApiClientAsync(Reviewer);
        var url = $"/api/v1/cases/{scoping.Id}/genogram";
        var start = await ReadAsync(await client.GetAsync(url), HttpStatusCode.OK);
        var version = start.GetProperty("version").GetGuid();

        var missing = await ReadAsync(await client.PostAsJsonAsync($"{url}/people", new { name = "Ola Penn", sex = "Female" }), HttpStatusCode.BadRequest);
        ErrorFields(missing).ShouldBe(["version"]);
        var bad = await ReadAsync(await client.PostAsJsonAsync($"{url}/people", new { name = "", ageYears = 3, dateOfBirth = "2023-01-01", version }),
            HttpStatusCode.BadRequest);
        ErrorFields(bad).Order().ShouldBe(["ageYears", "name", "sex"]);

        async Task<JsonElement> Change(HttpResponseMessage response)
        {
            var family = await ReadAsync(response, HttpStatusCode.OK);
            version = family.GetProperty("version").GetGuid();
            return family;
        }
        await Change(await client.PostAsJsonAsync($"{url}/people", new { name = "Ola Penn", sex = "Female", dateOfBirth = "2024-02-01", isSubject = true, version }));
        await Change(await client.PostAsJsonAsync($"{url}/people", new { name = "Rae Penn", role = "Mother", sex = "Female", ageYears = 22, version }));
        await Change(await client.PostAsJsonAsync($"{url}/parents", new { parent = "p2", child = "p1", kind = "Birth", version }));
        var circle = await ReadAsync(await client.PostAsJsonAsync($"{url}/parents", new { parent = "p1", child = "p2", kind = "Birth", version }),
            HttpStatusCode.BadRequest);
        ErrorFields(circle).ShouldBe(["child"]);
        var unknown = await ReadAsync(await client.PostAsJsonAsync($"{url}/couples", new { first = "p2", second = "p9", kind = "Married", version }),
            HttpStatusCode.BadRequest);
        ErrorFields(unknown).ShouldBe(["second"]);
        await Change(await client.PostAsJsonAsync($"{url}/households", new { name = "Mother's flat", members = new[] { "p1", "p2" }, version }));
        var changed = await Change(await client.PutAsJsonAsync($"{url}/people/p2", new { name = "Rae Penn", role = "Mother", sex = "Female", ageYears = 23, version }));
        changed.GetProperty("people")[1].GetProperty("ageYears").GetInt32().ShouldBe(23);

        var stale = start.GetProperty("version").GetGuid();
        (await client.DeleteAsync($"{url}/households/0?version={stale}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var removed = await Change(await client.DeleteAsync($"{url}/people/p2?version={version}"));
        removed.GetProperty("people").GetArrayLength().ShouldBe(1);
        removed.GetProperty("parents").GetArrayLength().ShouldBe(0);
        removed.GetProperty("households")[0].GetProperty("members").EnumerateArray().Select(m => m.GetString()).ShouldBe(["p1"]);
        (await client.DeleteAsync($"{url}/people/p1?version={version}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the only subject child stays");
        (await client.DeleteAsync($"{url}/households/5?version={version}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheGenogramEndpoints()
    {
        var text = await World.Factory.CreateBrowser().GetStringAsync("/api/v1/openapi.json");
        text.ShouldContain("/api/v1/cases/{id}/genogram.svg");
        text.ShouldContain("/api/v1/cases/{id}/genogram/households/{index}");
        text.ShouldContain("\"AddGenogramPerson\"");
    }
}

[Collection("web")]
public sealed class GenogramApiSqliteTests(SqliteWorld fixture) : GenogramApiTests(fixture), IClassFixture<SqliteWorld>;

[Collection("web")]
public sealed class GenogramApiPostgresTests(PostgresWorld fixture) : GenogramApiTests(fixture), IClassFixture<PostgresWorld>;
