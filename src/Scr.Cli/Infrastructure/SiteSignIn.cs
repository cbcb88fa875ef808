using System.Net;
using Scr.Core.Services.Accounts;

namespace Scr.Cli.Infrastructure;

/// <summary>The site would not sign the person in, or could not be reached; the message says which step failed.</summary>
internal sealed class SignInException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Signs in to the running site over HTTP the way a browser does, for benchmarks. The contract with the site's pages:
/// GET /sign-in has a form with <c>__RequestVerificationToken</c>, <c>Input.Email</c> and <c>Input.Password</c>; a good POST
/// redirects to /sign-in/code, whose form takes <c>Input.Code</c>; a good code redirects away from /sign-in. A refused
/// form is shown again (200). The cookies collected along the way are the signed-in session.
/// </summary>
internal sealed class SiteSignIn(HttpClient http, CookieContainer cookies, TimeProvider clock, TextWriter log)
{
    private const int MaximumRedirects = 5;

    /// <summary>Signs in and returns the session as a request header line: <c>Cookie: a=1; b=2</c>.</summary>
    public async Task<string> SignInAsync(Uri site, string email, string password, string authenticatorKey, long lastUsedStep,
        CancellationToken cancellationToken)
    {
        var root = site.AbsoluteUri.EndsWith('/') ? site : new Uri(site.AbsoluteUri + "/");

        var (signInUrl, signInPage) = await GetPageAsync(new Uri(root, "sign-in"), cancellationToken);
        var token = HtmlForms.FindAntiforgeryToken(signInPage, "Input.Email")
            ?? throw new SignInException($"The page {signInUrl} has no sign-in form (no {HtmlForms.AntiforgeryField} field).");
        var codeUrl = await PostAsync(signInUrl, [("Input.Email", email), ("Input.Password", password), (HtmlForms.AntiforgeryField, token)],
            cancellationToken) ?? throw new SignInException($"The site at {root} did not accept the email address and password of {email}. "
                + "Is the demo data loaded in the database the site uses?");
        if (!IsUnder(root, codeUrl, "sign-in/code"))
        {
            throw new SignInException($"After the password, the site sent us to {codeUrl.PathAndQuery} instead of asking for the code.");
        }

        var (codePageUrl, codePage) = await GetPageAsync(codeUrl, cancellationToken);
        var codeToken = HtmlForms.FindAntiforgeryToken(codePage, "Input.Code")
            ?? throw new SignInException($"The page {codePageUrl} has no form for the code (no {HtmlForms.AntiforgeryField} field).");
        if (DemoAccounts.Step(clock.GetUtcNow()) <= lastUsedStep)
        {
            // Codes work once, and this step's code has been used: wait for a fresh one rather than be refused.
            await WaitForNextStepAsync(cancellationToken);
        }
        for (var attempt = 1; ; attempt++)
        {
            var code = SingleUseAuthenticatorTokenProvider.CurrentCode(authenticatorKey, clock.GetUtcNow());
            using var response = await SendAsync(HttpMethod.Post, codePageUrl, Form([("Input.Code", code), (HtmlForms.AntiforgeryField, codeToken)]),
                cancellationToken);
            if (RedirectTarget(response) is { } next)
            {
                if (IsUnder(root, next, "sign-in"))
                {
                    throw new SignInException($"After the code, the site sent us to {next.PathAndQuery}: the sign-in did not complete.");
                }
                return CookieHeader(root);
            }
            if (attempt == 2)
            {
                throw new SignInException($"The site refused the sign-in code of {email} twice. Is this machine's clock right?");
            }
            // Most likely someone used this step's code a moment ago: try the next step's code, once.
            codeToken = HtmlForms.FindAntiforgeryToken(await response.Content.ReadAsStringAsync(cancellationToken), "Input.Code") ?? codeToken;
            await WaitForNextStepAsync(cancellationToken);
        }
    }

    private async Task WaitForNextStepAsync(CancellationToken cancellationToken)
    {
        var stepMilliseconds = DemoAccounts.StepSeconds * 1000L;
        var wait = TimeSpan.FromMilliseconds(stepMilliseconds - (clock.GetUtcNow().ToUnixTimeMilliseconds() % stepMilliseconds) + 250);
        await log.WriteLineAsync($"The current code has been used; waiting {Math.Round(wait.TotalSeconds)} s for the next one.");
        await Task.Delay(wait, clock, cancellationToken);
    }

    /// <summary>GETs a page, following redirects; returns where it ended up and its HTML.</summary>
    private async Task<(Uri Url, string Html)> GetPageAsync(Uri url, CancellationToken cancellationToken)
    {
        for (var redirects = 0; ; redirects++)
        {
            using var response = await SendAsync(HttpMethod.Get, url, null, cancellationToken);
            if (RedirectTarget(response) is { } next && redirects < MaximumRedirects)
            {
                url = next;
                continue;
            }
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new SignInException($"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            return (url, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    /// <summary>POSTs a form; returns where the site redirected to, or null when it showed the form again (refused).</summary>
    private async Task<Uri?> PostAsync(Uri url, IEnumerable<(string Name, string Value)> fields, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, url, Form(fields), cancellationToken);
        if (RedirectTarget(response) is { } next)
        {
            return next;
        }
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new SignInException($"POST {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        return null;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, HttpContent? content, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new SignInException($"Cannot reach the site at {url.GetLeftPart(UriPartial.Authority)}: {(e.InnerException ?? e).Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SignInException($"The site at {url.GetLeftPart(UriPartial.Authority)} did not answer in time.", e);
        }
    }

    private string CookieHeader(Uri root)
    {
        var jar = cookies.GetCookies(root);
        if (jar.Count == 0)
        {
            throw new SignInException("The site signed us in but set no cookies.");
        }
        return "Cookie: " + string.Join("; ", jar.Select(c => $"{c.Name}={c.Value}"));
    }

    private static FormUrlEncodedContent Form(IEnumerable<(string Name, string Value)> fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static Uri? RedirectTarget(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location
            ? new Uri(response.RequestMessage!.RequestUri!, location)
            : null;

    private static bool IsUnder(Uri root, Uri url, string path) =>
        url.AbsolutePath.TrimEnd('/').StartsWith(root.AbsolutePath + path, StringComparison.OrdinalIgnoreCase);
}
