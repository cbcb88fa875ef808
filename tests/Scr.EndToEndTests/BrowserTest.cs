using System.Collections.Concurrent;
using Microsoft.Playwright;
using Scr.Core.Services.Accounts;

namespace Scr.EndToEndTests;

/// <summary>
/// A test that drives the site in its own browser contexts (closed after the test) and checks every page it visits
/// with axe. Errors in the browser console (a script failing, something the CSP blocked) fail the test at the end.
/// When the test fails, the output shows where each page was, a screenshot, and the site's warnings.
/// </summary>
public abstract class BrowserTest(HostFixture host) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];
    private readonly ConcurrentQueue<string> _browserErrors = new();
    private readonly ConcurrentDictionary<string, bool> _expectedErrorPages = new();

    protected HostFixture Host => host;

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    protected async Task<IPage> NewPageAsync(bool javaScriptEnabled = true)
    {
        var page = await host.NewPageAsync(javaScriptEnabled);
        page.Console += (_, message) =>
        {
            // The browser also reports the error status of a page the test meant to open (a 404 page, say).
            if (message.Type == "error" && !_expectedErrorPages.Keys.Any(url => message.Location.StartsWith(url + ":", StringComparison.Ordinal)))
            {
                _browserErrors.Enqueue($"{message.Location}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _browserErrors.Enqueue(error);
        _pages.Add(page);
        return page;
    }

    /// <summary>Opens a path, checks the status code, and runs axe on what arrived.</summary>
    protected async Task VisitAsync(IPage page, string path, int status = 200)
    {
        if (status >= 400)
        {
            _expectedErrorPages[host.BaseUrl + path] = true;
        }
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        response.Status.ShouldBe(status, $"GET {path}");
        await page.AssertAccessibleAsync();
    }

    /// <summary>The site's date today.</summary>
    protected DateOnly Today => DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);

    /// <summary>The current authenticator code of a demo account, at the site's time.</summary>
    protected string CurrentCode(string email) =>
        SingleUseAuthenticatorTokenProvider.CurrentCode(host.SignIn(email).AuthenticatorKey, host.Clock.GetUtcNow());

    /// <summary>
    /// Signs in as a person uses the site: email and password, then the authenticator code. The test clock moves on
    /// 30 seconds first, so the code is never one the site has already accepted (codes work once). Ends on the dashboard.
    /// </summary>
    protected async Task SignInAsync(IPage page, string email, bool checkSignInPages = true)
    {
        var signIn = host.SignIn(email);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var response = await page.GotoAsync("/sign-in");
        response!.Status.ShouldBe(200);
        if (checkSignInPages)
        {
            await page.AssertAccessibleAsync();
        }
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(signIn.Password);
        await page.GetByTestId("continue").ClickAsync();
        await page.ArriveAsync("**/sign-in/code**");
        if (checkSignInPages)
        {
            await page.AssertAccessibleAsync();
        }
        await page.GetByTestId("code").FillAsync(CurrentCode(email));
        await page.GetByTestId("continue").ClickAsync();
        await page.ArriveAsync(host.BaseUrl + "/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your dashboard");
        await page.AssertAccessibleAsync();
    }

    protected static async Task SignOutAsync(IPage page)
    {
        await page.GetByTestId("sign-out").First.ClickAsync();
        await page.ArriveAsync("**/signed-out");
        await page.AssertAccessibleAsync();
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        var context = TestContext.Current;
        var failed = context.TestState?.Result == TestResult.Failed;
        if (failed)
        {
            var output = context.TestOutputHelper;
            var folder = Path.Combine(Path.GetTempPath(), "scr-tests", "e2e-screenshots");
            Directory.CreateDirectory(folder);
            foreach (var page in _pages.Where(p => !p.IsClosed))
            {
                var file = Path.Combine(folder, $"{Guid.NewGuid():N}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                output?.WriteLine($"Page at {page.Url}; screenshot {file}");
            }
            foreach (var line in _browserErrors.Select(e => "Browser: " + e).Concat(host.Logs))
            {
                output?.WriteLine(line);
            }
        }
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }
        GC.SuppressFinalize(this);
        if (!failed)
        {
            _browserErrors.ShouldBeEmpty("errors in the browser console");
        }
    }
}
