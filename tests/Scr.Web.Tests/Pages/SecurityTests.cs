using System.Net;

namespace Scr.Web.Tests.Pages;

public abstract class SecurityTests(WebWorldFixture fixture)
{
    private WebWorld World => fixture.World;

    [Fact]
    public async Task Health_Anonymous_Healthy()
    {
        var response = await World.Factory.CreateBrowser().GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Headers_AuthenticatedPage_StrictAndNotCached()
    {
        var client = await World.SignInAsync("chair@northbridge.example");
        var response = await client.GetAsync("/cases");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self' 'nonce-");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000; includeSubDomains");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Layout_InlineScript_CarriesTheRequestsNonce()
    {
        var response = await World.Factory.CreateBrowser().GetAsync("/sign-in");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = csp.Split("'nonce-")[1].Split('\'')[0];
        // Read through the parser: a nonce with '+' or '/' is HTML-encoded in the markup, as browsers expect.
        var page = Browser.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("script:not([src])")!.GetAttribute("nonce").ShouldBe(nonce);
    }

    [Fact]
    public async Task Cookies_AllHostPrefixedSecureHttpOnly()
    {
        var client = World.Factory.CreateBrowser();
        var page = await client.GetAsync("/sign-in");
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldNotBeEmpty();
        cookies.ShouldAllBe(c => c.StartsWith("__Host-", StringComparison.Ordinal) && c.Contains("secure") && c.Contains("path=/"));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Refused()
    {
        var client = await World.SignInAsync("officer@northbridge.example");
        var response = await client.PostAsync("/account/tokens?handler=Create",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "x", ["Input.Days"] = "5" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task NotFound_UnknownPage_GovUkPageWithoutDetails()
    {
        var client = await World.SignInAsync("officer@northbridge.example");
        var response = await client.GetAsync($"/cases/{Guid.NewGuid()}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Fact]
    public async Task OpenRedirect_ExternalReturnUrl_GoesHomeInstead()
    {
        var signIn = World.SignIns.Single(s => s.Email == "subgroup@northbridge.example");
        World.Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var client = World.Factory.CreateBrowser();
        var first = await client.SubmitAsync("/sign-in?returnUrl=%2F%2Fevil.example", new Dictionary<string, string>
        {
            ["Input.Email"] = signIn.Email,
            ["Input.Password"] = signIn.Password,
        });
        var code = Scr.Core.Services.Accounts.SingleUseAuthenticatorTokenProvider.CurrentCode(signIn.AuthenticatorKey, World.Factory.Clock.GetUtcNow());
        var second = await client.SubmitAsync(first.Location()!, new Dictionary<string, string> { ["Input.Code"] = code });
        second.Location().ShouldBe("/");
    }
}

[Collection("web")]
public sealed class SecuritySqliteTests(SqliteWorld fixture) : SecurityTests(fixture), IClassFixture<SqliteWorld>;

[Collection("web")]
public sealed class SecurityPostgresTests(PostgresWorld fixture) : SecurityTests(fixture), IClassFixture<PostgresWorld>;

public class RateLimitTests
{
    [Fact]
    public async Task SignIn_TooManyAttemptsFromOneAddress_TooManyRequests()
    {
        await using var database = await Scr.TestCommon.TestDatabase.CreateAsync(Scr.TestCommon.DatabaseKind.Sqlite);
        await using var factory = new ScrWebFactory(database, new Scr.TestCommon.TestClock()) { SignInAttemptsPerMinute = 3 };
        var client = factory.CreateBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = "someone@x.example", ["Input.Password"] = "whatever-password" });
            statuses.Add(response.StatusCode);
        }
        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.Skip(3).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }
}
