using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Scr.EndToEndTests;

/// <summary>The first steps of a case, through the browser: the officer notifies it, the chair initiates the review.</summary>
public sealed class NotifyAndMoveTests(HostFixture host) : BrowserTest(host), IClassFixture<HostFixture>
{
    [Fact]
    public async Task NotifyThenInitiate_OfficerThenChair_CaseMovesToScoping()
    {
        var page = await NewPageAsync();

        // The officer signs in with password and code, and lands on the dashboard.
        await SignInAsync(page, "officer@northbridge.example");
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("Priya Calder");
        await Expect(page.GetByTestId("stage-counts")).ToBeVisibleAsync();

        // One board, so Notify goes straight to the details form.
        await page.GetByTestId("notify").ClickAsync();
        await page.ArriveAsync("**/cases/notify/details?board=*");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Notify a serious incident");
        await page.AssertAccessibleAsync();

        // Nothing filled in: the error summary appears, takes focus and links to each field.
        await page.GetByTestId("notify-submit").ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToBeFocusedAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        var links = summary.Locator(".govuk-error-summary__list a");
        (await links.CountAsync()).ShouldBeGreaterThanOrEqualTo(8);
        await Expect(links.First).ToHaveTextAsync("Select the type of incident");
        foreach (var href in await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            href.ShouldStartWith("#");
            (await page.Locator($"[id='{href[1..]}']").CountAsync()).ShouldBe(1, $"the field {href} the error summary links to");
        }
        await page.AssertAccessibleAsync();
        // Following a link puts the person in the field.
        await links.First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Type of incident" }).GetByRole(AriaRole.Radio).First).ToBeFocusedAsync();

        // Filled in properly, the case is notified.
        await NotifyForm.FillAsync(page, "Ada Testington", Today);
        await page.GetByTestId("notify-submit").ClickAsync();
        await page.ArriveAsync(NotifyForm.CasePage());
        var banner = page.Locator(".govuk-notification-banner--success");
        await Expect(banner).ToContainTextAsync("has been notified to Northbridge Safeguarding Children Board");
        await Expect(page.GetByText(new Regex("Stage 1: "))).ToBeVisibleAsync();
        var reference = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Replace("Case ", "", StringComparison.Ordinal).Trim();
        var caseUrl = page.Url;
        await page.AssertAccessibleAsync();
        await SignOutAsync(page);
        // The sub-group's recommendation, which the chair decides on (its own form is played in the stage 1 journey).
        await Host.RecommendAsync(reference, "officer@northbridge.example");

        // The chair finds it awaiting a decision on the dashboard.
        await SignInAsync(page, "chair@northbridge.example");
        await page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).First.ClickAsync();
        await page.ArriveAsync(caseUrl);
        await page.AssertAccessibleAsync();

        await page.GetByTestId("action-initiate").ClickAsync();
        await page.ArriveAsync("**/move/initiate");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Initiate a serious case review");
        await page.AssertAccessibleAsync();

        // The rationale is required.
        await page.GetByTestId("confirm").ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the rationale for the decision");
        await Expect(page.Locator(".govuk-error-message")).ToContainTextAsync("Enter the rationale for the decision");
        await page.AssertAccessibleAsync();

        const string rationale = "A child was seriously harmed and agencies may not have worked together well (WT2006 8.6).";
        await page.GetByLabel("Rationale for the decision").FillAsync(rationale);
        await page.GetByTestId("confirm").ClickAsync();
        await page.ArriveAsync(caseUrl);
        await Expect(page.Locator(".govuk-notification-banner--success"))
            .ToContainTextAsync("The case is now at stage 2: proportionality, scoping and commissioning.");
        await Expect(page.GetByText(new Regex("Stage 2: Proportionality, scoping and commissioning"))).ToBeVisibleAsync();
        await Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("2. Proportionality, scoping and commissioning");
        var move = page.GetByTestId("history").GetByRole(AriaRole.Row).Filter(new() { HasText = "Initiate a serious case review" });
        await Expect(move).ToContainTextAsync("Martin Oakes");
        await Expect(move).ToContainTextAsync(rationale);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Notify_AgencyServingTwoBoards_ChoosesTheBoardFirst()
    {
        var page = await NewPageAsync();
        // The health trust serves Northbridge and Eastmere, so its review author is asked which board.
        await SignInAsync(page, "agency.author@northbridge.example");
        await VisitAsync(page, "/cases/notify");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Which board are you notifying?");

        await page.GetByTestId("continue").ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the board to notify");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Eastmere Safeguarding Children Board").CheckAsync();
        await page.GetByTestId("continue").ClickAsync();
        await page.ArriveAsync("**/cases/notify/details?board=*");
        await Expect(page.Locator(".govuk-caption-l")).ToHaveTextAsync("Eastmere Safeguarding Children Board");
        await page.AssertAccessibleAsync();

        await NotifyForm.FillAsync(page, "Mia Crossley", Today, "Northbridge and Fellside Health Trust", "Eastmere Children's Services");
        await page.GetByTestId("notify-submit").ClickAsync();
        await page.ArriveAsync(NotifyForm.CasePage());
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("has been notified to Eastmere Safeguarding Children Board");
        await page.AssertAccessibleAsync();
    }
}
