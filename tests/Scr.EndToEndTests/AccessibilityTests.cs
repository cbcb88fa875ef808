using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Scr.TestCommon;

namespace Scr.EndToEndTests;

/// <summary>Every page each kind of person reaches, checked with axe against WCAG 2.2 AA as the browser renders it.</summary>
public sealed class AccessibilityTests(HostFixture host) : BrowserTest(host), IClassFixture<HostFixture>
{
    [Fact]
    public async Task AnonymousPages_NotSignedIn_HaveNoViolations()
    {
        var page = await NewPageAsync();
        foreach (var path in new[] { "/sign-in", "/account/password/forgot", "/signed-out", "/accessibility", "/privacy", "/cookies" })
        {
            await VisitAsync(page, path);
        }
        await VisitAsync(page, "/status/404");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");

        // Error states of the anonymous forms.
        await VisitAsync(page, "/sign-in");
        await page.GetByTestId("continue").ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AxeCheck_PageWithViolation_FailsNamingRuleAndElement()
    {
        var page = await NewPageAsync();
        await VisitAsync(page, "/accessibility");
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img id=\\'bad\\' src=\\'/assets/images/favicon.svg\\'>')");

        var failure = await Should.ThrowAsync<Exception>(page.AssertAccessibleAsync());

        failure.Message.ShouldContain("image-alt (critical)");
        failure.Message.ShouldContain("#bad");
    }

    [Fact]
    public async Task StaticFiles_FromContentRoot_AreServed()
    {
        var page = await NewPageAsync();
        foreach (var path in new[] { "/css/app.css", "/js/govuk-frontend.min.js", "/js/init.js", "/assets/manifest.json" })
        {
            var response = await page.APIRequest.GetAsync(path);
            response.Status.ShouldBe(200, path);
        }
    }

    [Theory]
    [InlineData("officer@northbridge.example")]
    [InlineData("chair@northbridge.example")]
    [InlineData("subgroup@northbridge.example")]
    [InlineData("agency.lead@northbridge.example")]
    [InlineData("agency.author@northbridge.example")]
    [InlineData("reviewer@northbridge.example")]
    [InlineData("panel@panel.example")]
    [InlineData("admin@scr.example")]
    public async Task EveryPage_OfTheRole_HasNoViolations(string email)
    {
        var page = await NewPageAsync();
        // The sign-in pages are the same for everyone (checked above); the dashboard is checked per role.
        await SignInAsync(page, email, checkSignInPages: false);

        await VisitAsync(page, "/no-such-page", status: 404);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");

        await VisitAsync(page, "/cases");
        var cases = page.GetByTestId("case-table").Locator("tbody a");
        if (await cases.CountAsync() > 0)
        {
            await cases.First.ClickAsync();
            await page.ArriveAsync(NotifyForm.CasePage());
            await page.AssertAccessibleAsync();
        }

        await VisitAsync(page, "/account/tokens");
        await VisitAsync(page, "/account/password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await page.AssertAccessibleAsync();

        await VisitAsync(page, "/deadlines");
        await VisitAsync(page, "/messages");
        await VisitAsync(page, "/account/calendar");
        if (email == "chair@northbridge.example")
        {
            // An address, so the banner and the table of addresses are there to check.
            await page.GetByTestId("create-feed").ClickAsync();
            await Expect(page.GetByTestId("new-address")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
        }

        if (email is "officer@northbridge.example" or "admin@scr.example")
        {
            await VisitAsync(page, "/audit");
            await VisitAsync(page, "/admin/users");
            await VisitAsync(page, "/admin/users/invite");
            await page.GetByTestId("send-invitation").ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
            await page.AssertAccessibleAsync();
        }

        if (email == "officer@northbridge.example")
        {
            // A case with a review team, so the team table is there to check.
            await VisitAsync(page, "/cases");
            await page.GetByTestId("case-table").GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new Regex("2\\. Proportionality") })
                .GetByRole(AriaRole.Link).First.ClickAsync();
            await page.ArriveAsync(NotifyForm.CasePage());
            await page.GetByTestId("manage-team").ClickAsync();
            await page.ArriveAsync("**/team");
            await Expect(page.GetByTestId("team")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
        }

        if (email == "officer@northbridge.example")
        {
            // Who has been told: a child's death in stage 1, with its log, the prompts and the record form's error state.
            await VisitAsync(page, "/cases");
            await page.GetByTestId("case-table").GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new Regex("1\\. Identification") })
                .GetByRole(AriaRole.Link).First.ClickAsync();
            await page.ArriveAsync(NotifyForm.CasePage());
            await page.GetByTestId("communications-link").ClickAsync();
            await page.ArriveAsync("**/communications");
            await Expect(page.GetByTestId("communications")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
            await page.GetByTestId("record-communication").ClickAsync();
            await page.ArriveAsync("**/communications/record");
            await page.AssertAccessibleAsync();
            await page.GetByTestId("record").ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
            await page.AssertAccessibleAsync();
        }

        if (email == "officer@northbridge.example")
        {
            // A case's documents: the upload form, its error state, and the list with a document.
            await VisitAsync(page, "/cases");
            await cases.First.ClickAsync();
            await page.ArriveAsync(NotifyForm.CasePage());
            await page.GetByTestId("documents-link").ClickAsync();
            await page.ArriveAsync("**/documents");
            await page.AssertAccessibleAsync();
            await page.GetByTestId("add-document").ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
            await page.AssertAccessibleAsync();
            await page.GetByLabel("Title").FillAsync("Accessibility check minutes");
            await page.GetByLabel("The board and the review team", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload
            {
                Name = "minutes.pdf",
                MimeType = "application/pdf",
                Buffer = TestFiles.Pdf(),
            });
            await page.GetByTestId("add-document").ClickAsync();
            await Expect(page.GetByTestId("documents")).ToContainTextAsync("Accessibility check minutes");
            await page.AssertAccessibleAsync();
        }

        if (email == "panel@panel.example")
        {
            // The workspace, a decision with its response form, and its error state.
            await VisitAsync(page, "/panel");
            await Expect(page.GetByTestId("panel-decisions")).ToBeVisibleAsync();
            await page.GetByTestId("decisions").GetByRole(AriaRole.Row).Filter(new() { HasText = "Not yet considered" })
                .GetByTestId("decision-link").First.ClickAsync();
            await page.ArriveAsync("**/panel/decisions/*");
            await page.AssertAccessibleAsync();
            await page.GetByTestId("respond").ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
            await page.AssertAccessibleAsync();
        }

        if (email is "officer@northbridge.example" or "chair@northbridge.example")
        {
            // The board's side of the Panel: a decision the Panel questioned, with the answer form (and, for the chair,
            // the way to reconsider it).
            await VisitAsync(page, "/cases");
            await page.GetByTestId("case-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "Not initiated" })
                .GetByRole(AriaRole.Link).First.ClickAsync();
            await page.ArriveAsync(NotifyForm.CasePage());
            await page.GetByTestId("panel-link").ClickAsync();
            await page.ArriveAsync("**/panel");
            await Expect(page.GetByTestId("answer-form")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
            if (email == "chair@northbridge.example")
            {
                await Expect(page.GetByTestId("reconsider")).ToBeVisibleAsync();
            }
            // Answering with nothing written.
            await page.GetByTestId("answer").ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
            await page.AssertAccessibleAsync();
        }

        if (email is "officer@northbridge.example" or "chair@northbridge.example" or "subgroup@northbridge.example"
            or "agency.lead@northbridge.example" or "agency.author@northbridge.example")
        {
            await Stage1PagesAsync(page, email);
        }

        if (email is "officer@northbridge.example" or "chair@northbridge.example" or "subgroup@northbridge.example")
        {
            // The board's timetable: the chart (an image with its title and description) and the table beside it.
            await VisitAsync(page, "/timetable");
            await Expect(page.GetByTestId("chart").Locator("svg[role=img]")).ToBeVisibleAsync();
        }

        if (email == "officer@northbridge.example")
        {
            // A review's timetable, one of its parallel processes, and the timetable's forms in their error states.
            await page.GetByTestId("timetable").GetByRole(AriaRole.Link).First.ClickAsync();
            await page.ArriveAsync("**/timetable");
            await Expect(page.GetByTestId("milestones")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
            var timetable = page.Url;
            await page.GetByTestId("open-process").First.ClickAsync();
            await page.ArriveAsync("**/timetable/processes/*");
            await page.AssertAccessibleAsync();
            await page.GetByTestId("add-constraint").ClickAsync();
            await page.ArriveAsync("**/constraints/new");
            await page.AssertAccessibleAsync();
            await page.GetByTestId("save-constraint").ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
            await page.AssertAccessibleAsync();
            await page.GotoAsync(timetable);
            await page.GetByTestId("propose").First.ClickAsync();
            await page.ArriveAsync("**/change");
            await page.GetByTestId("propose-change").ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
            await page.AssertAccessibleAsync();
            await VisitAsync(page, page.Url.Replace("/change", "/done", StringComparison.Ordinal));
            await VisitAsync(page, page.Url[..page.Url.IndexOf("/milestones/", StringComparison.Ordinal)] + "/processes/new");
            await page.GetByTestId("save-process").ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
            await page.AssertAccessibleAsync();
        }

        if (email == "chair@northbridge.example")
        {
            // The change of timeline the chair agreed, from the review's timetable.
            await VisitAsync(page, "/timetable");
            await page.GetByTestId("timetable").GetByRole(AriaRole.Row).Filter(new() { HasText = "agreed; the rules gave" })
                .GetByRole(AriaRole.Link).First.ClickAsync();
            await page.ArriveAsync("**/timetable");
            await Expect(page.GetByTestId("changes")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
        }

        if (email == "admin@scr.example")
        {
            // A token, so both token tables have a row.
            await VisitAsync(page, "/account/tokens");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Accessibility check");
            await page.GetByLabel("Days until it expires").FillAsync("30");
            await page.GetByTestId("create-token").ClickAsync();
            await Expect(page.GetByTestId("new-token")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
            await VisitAsync(page, "/admin/tokens");

            // Bank holidays, and the upload's error state.
            await VisitAsync(page, "/admin/bank-holidays");
            await page.GetByTestId("import").ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
            await page.AssertAccessibleAsync();
        }
    }

    [Fact]
    public async Task ReviewPanelAndRegister_EachRolesPages_HaveNoViolations()
    {
        var summary = ".govuk-error-summary";

        // The business unit: the panel of the case in scoping (a conflict awaiting the chair), adding someone (and the
        // empty form's errors), the match with its reasons, the register, an entry, and mentoring (and its empty form).
        var officer = await NewPageAsync();
        await SignInAsync(officer, "officer@northbridge.example", checkSignInPages: false);
        await VisitAsync(officer, "/cases");
        await officer.GetByTestId("case-table").GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new Regex("2\\. Proportionality") })
            .GetByRole(AriaRole.Link).First.ClickAsync();
        await officer.ArriveAsync(NotifyForm.CasePage());
        var caseUrl = new Uri(officer.Url).AbsolutePath;
        await VisitAsync(officer, caseUrl + "/team");
        await Expect(officer.GetByTestId("conflicts")).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("panel-missing")).ToBeVisibleAsync();
        await VisitAsync(officer, caseUrl + "/team/add");
        await officer.GetByTestId("add-submit").ClickAsync();
        await Expect(officer.Locator(summary)).ToBeFocusedAsync();
        await officer.AssertAccessibleAsync();
        await VisitAsync(officer, caseUrl + "/match-reviewer?methodology=LearningTogether");
        await Expect(officer.GetByTestId("match").First).ToBeVisibleAsync();
        await VisitAsync(officer, "/reviewers");
        await Expect(officer.GetByTestId("reviewers")).ToBeVisibleAsync();
        await officer.GetByTestId("reviewers").GetByRole(AriaRole.Link, new() { Name = "Dr Alan Fenwick" }).ClickAsync();
        await officer.ArriveAsync("**/reviewers/*");
        await Expect(officer.GetByTestId("training")).ToBeVisibleAsync();
        await officer.AssertAccessibleAsync();
        await VisitAsync(officer, "/reviewers/mentoring");
        await Expect(officer.GetByTestId("pairs")).ToBeVisibleAsync();
        await VisitAsync(officer, "/reviewers/mentoring/add");
        await officer.GetByTestId("pair-submit").ClickAsync();
        await Expect(officer.Locator(summary)).ToBeFocusedAsync();
        await officer.AssertAccessibleAsync();

        // The chair: the exception to the declared conflict, and its empty form's error.
        var chair = await NewPageAsync();
        await SignInAsync(chair, "chair@northbridge.example", checkSignInPages: false);
        await VisitAsync(chair, caseUrl + "/team");
        await chair.GetByTestId("record-exception").First.ClickAsync();
        await chair.ArriveAsync("**/team/exception/*");
        await chair.AssertAccessibleAsync();
        await chair.GetByTestId("record-exception-submit").ClickAsync();
        await Expect(chair.Locator(summary)).ToBeFocusedAsync();
        await chair.AssertAccessibleAsync();

        // The reviewer: their own entry, and the training and organisation forms with their errors.
        var reviewer = await NewPageAsync();
        await SignInAsync(reviewer, "reviewer@northbridge.example", checkSignInPages: false);
        await VisitAsync(reviewer, "/reviewers/me");
        await Expect(reviewer.GetByTestId("own-training")).ToBeVisibleAsync();
        foreach (var (path, submit) in new[] { ("/reviewers/me/training", "add-training-submit"), ("/reviewers/me/conflicts", "add-affiliation-submit") })
        {
            await VisitAsync(reviewer, path);
            await reviewer.GetByTestId(submit).ClickAsync();
            await Expect(reviewer.Locator(summary)).ToBeFocusedAsync();
            await reviewer.AssertAccessibleAsync();
        }
    }

    [Fact]
    public async Task PeerReview_ChairOfAnotherBoard_HasNoViolations()
    {
        // The Northbridge chair asks the Eastmere chair to peer-review the consideration of the case awaiting decision.
        var chair = await NewPageAsync();
        await SignInAsync(chair, "chair@northbridge.example", checkSignInPages: false);
        var caseUrl = await OpenStage1CaseAsync(chair);
        await VisitAsync(chair, caseUrl + "/decision");
        await chair.GetByTestId("ask-peer").ClickAsync();
        await Expect(chair.GetByTestId("peer-review")).ToContainTextAsync("Not answered yet");
        await chair.AssertAccessibleAsync();

        var peer = await NewPageAsync();
        await SignInAsync(peer, "chair@eastmere.example", checkSignInPages: false);
        await VisitAsync(peer, "/messages");
        await peer.GetByTestId("message").Filter(new() { HasText = "A chair asks you to peer-review a decision" }).GetByTestId("open-message").ClickAsync();
        await peer.ArriveAsync("**/peer-reviews/*");
        await Expect(peer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Peer review of a decision");
        await peer.AssertAccessibleAsync();
        await peer.GetByTestId("send-peer-response").ClickAsync();
        await Expect(peer.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await peer.AssertAccessibleAsync();
    }

    /// <summary>Opens the demo case still awaiting the chair's decision (stage 1, open) from /cases; returns its path.</summary>
    private async Task<string> OpenStage1CaseAsync(IPage page)
    {
        await VisitAsync(page, "/cases");
        await page.GetByTestId("case-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "1. Identification" }).Filter(new() { HasNotText = "Not initiated" })
            .GetByRole(AriaRole.Link).First.ClickAsync();
        await page.ArriveAsync(NotifyForm.CasePage());
        await page.AssertAccessibleAsync();
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>
    /// The stage 1 pages of the case awaiting a decision as each role sees them, with the error state of each form the
    /// role may send (nothing is recorded).
    /// </summary>
    private async Task Stage1PagesAsync(IPage page, string email)
    {
        var caseUrl = await OpenStage1CaseAsync(page);
        var board = email is "officer@northbridge.example" or "chair@northbridge.example" or "subgroup@northbridge.example";
        var summary = page.Locator(".govuk-error-summary");

        // An agency's part: its records and its file review; the business unit may act for any involved agency.
        if (email is "officer@northbridge.example" or "agency.lead@northbridge.example" or "agency.author@northbridge.example")
        {
            await VisitAsync(page, caseUrl + "/agency");
            await Expect(page.GetByTestId("secure-records")).ToBeVisibleAsync();
            await page.GetByTestId("send-file-review").ClickAsync();
            await Expect(summary).ToBeFocusedAsync();
            await page.AssertAccessibleAsync();
        }

        // The file reviews: the business unit shares them and writes its summary; the sub-group may share them.
        await VisitAsync(page, caseUrl + "/file-reviews");
        if (email == "officer@northbridge.example")
        {
            await page.GetByTestId("send-summary").ClickAsync();
            await Expect(summary).ToBeFocusedAsync();
            await page.AssertAccessibleAsync();
        }
        if (!board)
        {
            return;
        }

        // The sub-group's recommendation: read-only for the chair; for those who record it, the check and the refusal.
        await VisitAsync(page, caseUrl + "/recommendation");
        if (email is "officer@northbridge.example" or "subgroup@northbridge.example")
        {
            await page.GetByTestId("check-answers").ClickAsync();
            await Expect(page.GetByTestId("prompt")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
            await page.GetByTestId("record-recommendation").ClickAsync();
            await Expect(summary).ToBeFocusedAsync();
            await page.AssertAccessibleAsync();
        }

        // The chair's consideration.
        await VisitAsync(page, caseUrl + "/decision");
        if (email == "chair@northbridge.example")
        {
            await Expect(page.GetByTestId("acknowledge")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("ask-peer")).ToBeVisibleAsync();
        }
    }
}
