using System.Net;
using System.Text.Json;

namespace Scr.Web.Tests.Pages;

/// <summary>The passkey options endpoints: who may call them, with what. (The browser ceremony is an end-to-end test.)</summary>
[Collection("web")]
public class PasskeyTests(SqliteWorld fixture) : IClassFixture<SqliteWorld>
{
    private WebWorld World => fixture.World;

    private static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string page, string url)
    {
        var document = await client.GetDocumentAsync(page);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("RequestVerificationToken", Browser.AntiforgeryToken(document));
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task CreationOptions_SignedIn_ChallengeForThisPerson()
    {
        var client = await World.SignInAsync("subgroup@northbridge.example");
        var response = await PostWithTokenAsync(client, "/account/passkeys", "/account/passkeys/creation-options");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        options.GetProperty("challenge").GetString().ShouldNotBeNullOrEmpty();
        options.GetProperty("user").GetProperty("name").GetString().ShouldBe("subgroup@northbridge.example");
    }

    [Fact]
    public async Task CreationOptions_Anonymous_SentToSignIn()
    {
        var response = await World.Factory.CreateBrowser().PostAsync("/account/passkeys/creation-options", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task RequestOptions_AnonymousWithToken_Challenge()
    {
        var response = await PostWithTokenAsync(World.Factory.CreateBrowser(), "/sign-in", "/sign-in/passkey/request-options");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("challenge").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task RequestOptions_WithoutAntiforgeryToken_Refused()
    {
        var response = await World.Factory.CreateBrowser().PostAsync("/sign-in/passkey/request-options", null);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SignInWithPasskey_BogusCredential_RefusedWithAMessage()
    {
        var client = World.Factory.CreateBrowser();
        var response = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["CredentialJson"] = "{\"id\":\"nonsense\"}" }, "/sign-in?handler=Passkey");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join("\n", World.Factory.Logs));
        (await response.Content.ReadAsStringAsync()).ShouldContain("That passkey could not sign you in");
    }
}
