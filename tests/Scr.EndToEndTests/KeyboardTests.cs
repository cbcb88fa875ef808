using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Scr.EndToEndTests;

/// <summary>Someone who uses only a keyboard: the skip link, a sensible focus order, and a visible focus indicator.</summary>
public sealed partial class KeyboardTests(HostFixture host) : BrowserTest(host), IClassFixture<HostFixture>
{
    private const string Email = "officer@northbridge.example";

    [Fact]
    public async Task SignIn_KeyboardOnly_ReachesDashboardInFocusOrder()
    {
        var page = await NewPageAsync();
        Host.Clock.Advance(TimeSpan.FromSeconds(30));
        await VisitAsync(page, "/sign-in");

        // The first Tab reaches the skip link, shown on screen; then the service name, then the form in order.
        (await TabAsync(page)).ShouldBe("Skip to main content");
        await ExpectSkipLinkShownAsync(page);
        (await TabAsync(page)).ShouldBe("Serious case reviews");
        (await TabAsync(page)).ShouldBe("email");
        await page.Keyboard.TypeAsync(Email);
        (await TabAsync(page)).ShouldBe("password");
        await page.Keyboard.TypeAsync(Host.SignIn(Email).Password);
        (await TabAsync(page)).ShouldBe("continue");
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAsync("**/sign-in/code**");
        await page.AssertAccessibleAsync();

        // The skip link takes focus to the main content, and the next Tab to the code field.
        (await TabAsync(page)).ShouldBe("Skip to main content");
        await ExpectSkipLinkShownAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main-content")).ToBeFocusedAsync();
        (await TabAsync(page)).ShouldBe("code");
        await page.Keyboard.TypeAsync(CurrentCode(Email));
        // Enter in the field submits the form, as in any browser.
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your dashboard");
        await page.AssertAccessibleAsync();

        // On a fresh load of the dashboard: skip link, service name, the navigation in order, sign out, then the page.
        await page.GotoAsync("/");
        var order = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            order.Add(await TabAsync(page));
        }
        // The officer has unread messages from the seeded Panel responses, which the link counts: "Messages (4)".
        order.Select(name => UnreadCount().Replace(name, "")).ShouldBe(
            ["Skip to main content", "Serious case reviews", "Dashboard", "Cases", "Messages", "Audit log", "Accounts", "Reviewers", "API tokens", "sign-out", "notify"]);
    }

    private static async Task ExpectSkipLinkShownAsync(IPage page)
    {
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skipLink).ToBeFocusedAsync();
        (await skipLink.BoundingBoxAsync())!.Height.ShouldBeGreaterThan(10, "the focused skip link is shown on screen");
    }

    /// <summary>
    /// Presses Tab and describes where the focus went: its <c>data-testid</c>, else its text. The focused element must
    /// show the GOV.UK focus state (yellow outline or background), or a keyboard user cannot see where they are.
    /// </summary>
    private static async Task<string> TabAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<FocusState>("""
            () => {
                const el = document.activeElement;
                const style = getComputedStyle(el);
                const yellow = 'rgb(255, 221, 0)';
                return {
                    name: el.getAttribute('data-testid') ?? el.textContent.trim().replace(/\s+/g, ' '),
                    visible: style.outlineColor === yellow && style.outlineStyle !== 'none' || style.backgroundColor === yellow,
                };
            }
            """);
        focused.Visible.ShouldBeTrue($"“{focused.Name}” has focus but no visible focus indicator");
        return focused.Name;
    }

    [GeneratedRegex(@"(?<=^Messages) \(\d+\)$")]
    private static partial Regex UnreadCount();

    private sealed class FocusState
    {
        public string Name { get; set; } = "";
        public bool Visible { get; set; }
    }
}
