using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Scr.Core.Services.Accounts;

namespace Scr.Web.Tests;

/// <summary>What a person's browser does: read forms, send them with their anti-forgery token, sign in with a code.</summary>
public static class Browser
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return Parse(await response.Content.ReadAsStringAsync());
    }

    public static string AntiforgeryToken(IHtmlDocument document) =>
        document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no anti-forgery token.");

    /// <summary>GETs the page for its token, then POSTs the fields to <paramref name="action"/> (default: the same URL).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string page, IDictionary<string, string> fields, string? action = null)
    {
        var document = await client.GetDocumentAsync(page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(document) };
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// GETs the page for its token, then POSTs it as a browser sends a form with a file upload (multipart/form-data): the
    /// file under <paramref name="field"/>, or an empty file part with no name when <paramref name="content"/> is null (what a
    /// browser sends when no file was chosen).
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string page, string field, string fileName, byte[]? content)
    {
        var document = await client.GetDocumentAsync(page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AntiforgeryToken(document)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content ?? []);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(content is null ? "application/octet-stream" : "application/json");
        // Set by hand: MultipartFormDataContent refuses the empty file name a browser sends when no file was chosen.
        file.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data")
        {
            Name = $"\"{field}\"",
            FileName = $"\"{(content is null ? "" : fileName)}\"",
        };
        form.Add(file);
        return await client.PostAsync(page, form);
    }

    public static string? Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    /// <summary>Signs in with password and the current TOTP code; moves the test clock on first so each code is fresh.</summary>
    public static async Task<HttpClient> SignInAsync(this WebWorld world, string email)
    {
        var signIn = world.SignIns.Single(s => s.Email == email);
        world.Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var client = world.Factory.CreateBrowser();
        var password = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = signIn.Password });
        password.StatusCode.ShouldBe(HttpStatusCode.Redirect, await password.Content.ReadAsStringAsync());
        password.Location()!.ShouldStartWith("/sign-in/code");
        var code = SingleUseAuthenticatorTokenProvider.CurrentCode(signIn.AuthenticatorKey, world.Factory.Clock.GetUtcNow());
        var signedIn = await client.SubmitAsync(password.Location()!, new Dictionary<string, string> { ["Input.Code"] = code });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        signedIn.Location().ShouldBe("/");
        return client;
    }
}
