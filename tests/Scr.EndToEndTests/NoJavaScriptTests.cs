using System.Text.RegularExpressions;

namespace Scr.EndToEndTests;

/// <summary>The service works without JavaScript (GOV.UK progressive enhancement): sign in and notify a case.</summary>
public sealed class NoJavaScriptTests(HostFixture host) : BrowserTest(host), IClassFixture<HostFixture>
{
    [Fact]
    public async Task SignInAndNotify_JavaScriptDisabled_CaseIsNotified()
    {
        var page = await NewPageAsync(javaScriptEnabled: false);
        await SignInAsync(page, "officer@northbridge.example");
        (await page.Locator("body").GetAttributeAsync("class"))!.ShouldNotContain("js-enabled");

        await page.GetByTestId("notify").ClickAsync();
        await page.WaitForURLAsync("**/cases/notify/details?board=*");
        await page.AssertAccessibleAsync();

        // The error summary still appears and links to the fields; only the focus move needs JavaScript.
        await page.GetByTestId("notify-submit").ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await page.AssertAccessibleAsync();

        await NotifyForm.FillAsync(page, "Noah Scriptless", Today);
        await page.GetByTestId("notify-submit").ClickAsync();
        await page.WaitForURLAsync(NotifyForm.CasePage());
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("has been notified to Northbridge Safeguarding Children Board");
        await Expect(page.GetByText("Noah Scriptless")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await SignOutAsync(page);
    }
}
