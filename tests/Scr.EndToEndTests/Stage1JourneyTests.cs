using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Scr.Core.Services.Email;

namespace Scr.EndToEndTests;

/// <summary>
/// Stage 1 from the referral to the chair's decision and the National Panel's challenge, played through the site by each
/// person in turn (seed 000 Stage 1; WT2006 8.5–8.21; 002 ¶10). Only the test clock is moved from outside the site.
/// </summary>
public sealed partial class Stage1JourneyTests(HostFixture host) : BrowserTest(host), IClassFixture<HostFixture>
{
    private const string AgencyLead = "agency.lead@northbridge.example";
    private const string AgencyAuthor = "agency.author@northbridge.example";
    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string SubGroup = "subgroup@northbridge.example";
    private const string PeerChair = "chair@eastmere.example";
    private const string PanelMember = "panel@panel.example";

    private const string SocialCare = "Northbridge Children's Social Care";
    private const string Health = "Northbridge and Fellside Health Trust";
    private const string Police = "Moorland Police";

    private const string ChildName = "Leo Farrant";

    [Fact]
    public async Task Stage1_ReferralToChallengedDecision_ReconsideredIntoAReview()
    {
        var today = Today;

        // 1. An agency refers a child's death, with three agencies involved.
        var lead = await NewPageAsync();
        await SignInAsync(lead, AgencyLead);
        await lead.GetByTestId("notify").ClickAsync();
        // Social care serves one board, so the form opens for it at once.
        await lead.ArriveAsync("**/cases/notify/details?board=*");
        await lead.AssertAccessibleAsync();
        await NotifyForm.FillAsync(lead, ChildName,
            new NotifyForm.Incident("Death", today.AddDays(-1), today,
                "Infant of five months found unresponsive at home; died in hospital. Bruising to the chest noted by the paediatrician."),
            SocialCare, Health, Police);
        await lead.GetByTestId("notify-submit").ClickAsync();
        await lead.ArriveAsync(NotifyForm.CasePage());
        await Expect(lead.Locator(".govuk-notification-banner--success")).ToContainTextAsync("has been notified to Northbridge Safeguarding Children Board");
        var reference = CaseReference().Match(await lead.Locator(".govuk-notification-banner--success").InnerTextAsync()).Value;
        reference.ShouldNotBeEmpty();
        var caseUrl = new Uri(lead.Url).AbsolutePath;
        var caseId = caseUrl["/cases/".Length..];
        // The agency sees the case's outline and its own part, not the board's record.
        await Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "Your agency's part" })).ToBeVisibleAsync();
        await Expect(lead.GetByText(ChildName)).ToHaveCountAsync(0);
        await lead.AssertAccessibleAsync();

        // 2. The chair has it at once: in the inbox, by email, and on the case page with the 48-hour clock running.
        var chair = await NewPageAsync();
        await SignInAsync(chair, Chair, checkSignInPages: false);
        await Expect(chair.GetByRole(AriaRole.Table, new() { Name = "Awaiting the chair's decision" }).GetByRole(AriaRole.Link, new() { Name = reference }))
            .ToBeVisibleAsync();
        var email = PickupFolder.Read(Host.MailFolder, int.MaxValue).Where(m => m.To.Contains(Chair, StringComparison.Ordinal)).ToList();
        email.ShouldContain(m => m.Subject.Contains(reference, StringComparison.Ordinal) && m.Body.Contains("48 hours", StringComparison.Ordinal),
            "the chair's copy of the notification by email");
        email.ShouldAllBe(m => !m.Body.Contains(ChildName), "emails carry no confidential detail");
        await OpenMessageAsync(chair, $"New notification to Northbridge Safeguarding Children Board: case {reference}");
        await chair.ArriveAsync("**" + caseUrl);
        var clock48 = chair.GetByTestId("case-deadlines").Locator("[data-key=chair-has-notification]");
        await Expect(clock48).ToContainTextAsync("within 48 hours");
        await Expect(clock48).ToHaveAttributeAsync("data-state", "Due");
        await Expect(clock48.GetByTestId("progress")).ToContainTextAsync("Due by");
        await Expect(chair.GetByTestId("case-deadlines").GetByRole(AriaRole.Row).Filter(new() { HasText = "Short file review sent: " + Police }))
            .ToHaveAttributeAsync("data-state", "Due");
        await chair.AssertAccessibleAsync();
        // The chair confirms having read it, which stops the 48-hour clock.
        await chair.GetByRole(AriaRole.Link, new() { Name = "Chair's consideration and decision" }).ClickAsync();
        await chair.ArriveAsync($"**{caseUrl}/decision");
        await chair.AssertAccessibleAsync();
        await chair.GetByTestId("acknowledge").ClickAsync();
        await Expect(chair.GetByTestId("acknowledged")).ToBeVisibleAsync();
        await Expect(chair.Locator(".govuk-notification-banner--success")).ToContainTextAsync("You have confirmed that you have the notification.");
        await chair.AssertAccessibleAsync();
        await VisitAsync(chair, caseUrl);
        await Expect(clock48).ToHaveAttributeAsync("data-state", "Done");

        // 3. Two agencies secure their records and send their file reviews; the police send nothing.
        await VisitAsync(lead, "/messages");
        await OpenMessageAsync(lead, $"Secure your records: case {reference} (Northbridge Safeguarding Children Board)");
        await lead.ArriveAsync($"**{caseUrl}/agency");
        await SendFileReviewAsync(lead, SocialCare, checkErrors: true,
            "Fictional: allocated social worker visited twice in the last month; the baby was seen on both visits, asleep on the second.",
            "Fictional: a referral from the health visitor about bruising was closed after a single visit.",
            "The criteria for a serious case review are met");

        var author = await NewPageAsync();
        await SignInAsync(author, AgencyAuthor, checkSignInPages: false);
        var authorCases = author.GetByRole(AriaRole.Table, new() { Name = "Cases your agency referred or is involved in" });
        await authorCases.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await author.ArriveAsync("**" + caseUrl);
        await author.AssertAccessibleAsync();
        await author.GetByTestId("agency-part").ClickAsync();
        await author.ArriveAsync($"**{caseUrl}/agency");
        await SendFileReviewAsync(author, Health, checkErrors: false,
            "Fictional: the health visitor saw the baby at eight weeks and noted a bruise the mother explained as a fall.",
            "Fictional: the health visitor referred her concern to social care; the GP was not told.",
            "The criteria for a serious case review are met");
        // Before the board shares them, each agency reads only its own file review.
        await VisitAsync(author, $"{caseUrl}/file-reviews");
        await Expect(author.GetByTestId("file-review")).ToHaveCountAsync(1);
        await Expect(author.GetByTestId("file-review")).ToContainTextAsync(Health);

        // The week passes without the police's file review: overdue for the police on the board's dashboard and /deadlines.
        Host.Clock.Advance(TimeSpan.FromDays(8));
        var officer = await NewPageAsync();
        await SignInAsync(officer, Officer, checkSignInPages: false);
        var dashboardRow = officer.GetByTestId("deadline-table").GetByRole(AriaRole.Row)
            .Filter(new() { HasText = reference }).Filter(new() { HasText = "Short file review sent" });
        await Expect(dashboardRow).ToHaveCountAsync(1);
        await Expect(dashboardRow).ToContainTextAsync(Police);
        await Expect(dashboardRow).ToHaveAttributeAsync("data-state", "Overdue");
        await Expect(dashboardRow.Locator(".govuk-tag")).ToHaveTextAsync("Overdue");

        await officer.GetByTestId("all-deadlines").ClickAsync();
        await officer.ArriveAsync("**/deadlines");
        await officer.AssertAccessibleAsync();
        await officer.GetByLabel("Case", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = reference });
        await officer.GetByTestId("filter").ClickAsync();
        await officer.ArriveAsync(new Regex("/deadlines\\?.*Case="));
        var fileReviews = officer.GetByTestId("deadline-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "Short file review sent" });
        await Expect(fileReviews).ToHaveCountAsync(3);
        await Expect(fileReviews.Filter(new() { HasText = Police })).ToHaveAttributeAsync("data-state", "Overdue");
        await Expect(fileReviews.Filter(new() { HasText = SocialCare })).ToHaveAttributeAsync("data-state", "Done");
        await Expect(fileReviews.Filter(new() { HasText = Health })).ToHaveAttributeAsync("data-state", "Done");
        await Expect(officer.GetByTestId("deadline-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "Records secured" }).Filter(new() { HasText = Police }))
            .ToHaveAttributeAsync("data-state", "Overdue");
        await officer.AssertAccessibleAsync();
        await officer.GetByLabel("Where it stands").SelectOptionAsync(new SelectOptionValue { Label = "Overdue" });
        await officer.GetByTestId("filter").ClickAsync();
        await officer.ArriveAsync(new Regex("/deadlines\\?.*State=Overdue"));
        var overdue = officer.GetByTestId("deadline-table").GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Expect(overdue).ToHaveCountAsync(2);
        await Expect(overdue.Filter(new() { HasText = "Short file review sent" })).ToContainTextAsync(Police);
        await officer.AssertAccessibleAsync();

        // 4. The business unit shares the file reviews and writes its summary for the sub-group.
        await VisitAsync(officer, $"{caseUrl}/file-reviews");
        await Expect(officer.GetByTestId("file-review")).ToHaveCountAsync(2);
        await Expect(officer.GetByTestId("agency-status").GetByRole(AriaRole.Row).Filter(new() { HasText = Police })).ToContainTextAsync("Not yet sent");
        await officer.GetByTestId("share-file-reviews").ClickAsync();
        await Expect(officer.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Every involved agency can now read all the file reviews.");
        await officer.AssertAccessibleAsync();
        await officer.GetByTestId("send-summary").ClickAsync();
        await Expect(officer.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await Expect(officer.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the summary of the file reviews");
        await officer.AssertAccessibleAsync();
        await officer.GetByLabel("Summary of the file reviews").FillAsync(
            "Fictional: social care and health knew of one bruise, explained as a fall; the police file review has not arrived. "
            + "The post-mortem found no injury linked to the death.");
        await Group(officer, "The business unit's overarching recommendation").GetByLabel("Do not initiate a review", new() { Exact = true }).CheckAsync();
        await officer.GetByTestId("send-summary").ClickAsync();
        await Expect(officer.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The summary has been sent to the review sub-group.");
        await officer.AssertAccessibleAsync();
        // Once shared, every involved agency reads all the file reviews (signed in afresh: a week has passed).
        await SignInAsync(author, AgencyAuthor, checkSignInPages: false);
        await VisitAsync(author, $"{caseUrl}/file-reviews");
        await Expect(author.GetByTestId("file-review")).ToHaveCountAsync(2);

        // The sub-group walks the criteria: recording with questions unanswered is refused; checked, then recorded.
        var subGroup = await NewPageAsync();
        await SignInAsync(subGroup, SubGroup, checkSignInPages: false);
        await OpenMessageAsync(subGroup, $"Case {reference} is ready for the sub-group");
        await subGroup.ArriveAsync($"**{caseUrl}/recommendation");
        await Expect(subGroup.GetByText("The business unit's summary:")).ToBeVisibleAsync();
        await subGroup.AssertAccessibleAsync();
        await subGroup.GetByTestId("record-recommendation").ClickAsync();
        var errors = subGroup.Locator(".govuk-error-summary");
        await Expect(errors).ToBeFocusedAsync();
        await Expect(errors).ToContainTextAsync("Select whether the child died");
        await Expect(errors).ToContainTextAsync("Select the sub-group's recommendation");
        await Expect(errors).ToContainTextAsync("Enter the rationale for the recommendation");
        await subGroup.AssertAccessibleAsync();
        await AnswerCriteriaAsync(subGroup);
        await Group(subGroup, "The sub-group recommends").GetByLabel("Do not initiate a review", new() { Exact = true }).CheckAsync();
        const string recommendationRationale = "Fictional: the child died, but the post-mortem and every agency's file review point to natural causes; "
            + "abuse or neglect is not suspected (WT2006 8.5), and 8.6 is not met.";
        await subGroup.GetByLabel("Rationale, against the criteria").FillAsync(recommendationRationale);
        await subGroup.GetByTestId("check-answers").ClickAsync();
        await Expect(subGroup.GetByTestId("prompt")).ToContainTextAsync("The criteria are not met");
        await subGroup.AssertAccessibleAsync();
        await subGroup.GetByTestId("record-recommendation").ClickAsync();
        await subGroup.ArriveAsync("**" + caseUrl);
        await Expect(subGroup.Locator(".govuk-notification-banner--success"))
            .ToContainTextAsync("The sub-group's recommendation has been recorded and sent to the chair.");
        await subGroup.AssertAccessibleAsync();

        // 5. The chair reads the recommendation, asks another board's chair for a peer review, and decides not to initiate.
        await SignInAsync(chair, Chair, checkSignInPages: false);
        await OpenMessageAsync(chair, $"The sub-group has recommended on case {reference}");
        await chair.ArriveAsync($"**{caseUrl}/decision");
        await Expect(chair.GetByTestId("prompt")).ToContainTextAsync("The criteria are not met");
        await chair.AssertAccessibleAsync();
        await chair.GetByLabel("Ask the chair of another board").SelectOptionAsync(new SelectOptionValue { Label = "Grace Lindqvist, Eastmere Safeguarding Children Board" });
        await chair.GetByTestId("ask-peer").ClickAsync();
        await Expect(chair.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The peer review has been asked for.");
        await chair.AssertAccessibleAsync();

        var peer = await NewPageAsync();
        await SignInAsync(peer, PeerChair, checkSignInPages: false);
        await OpenMessageAsync(peer, "A chair asks you to peer-review a decision (Northbridge Safeguarding Children Board)");
        await peer.ArriveAsync("**/peer-reviews/*");
        await Expect(peer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Peer review of a decision");
        await Expect(peer.Locator("main")).Not.ToContainTextAsync(ChildName);
        await peer.AssertAccessibleAsync();
        await peer.GetByTestId("send-peer-response").ClickAsync();
        await Expect(peer.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await peer.AssertAccessibleAsync();
        await Group(peer, "Do you agree with the chair's consideration?").GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await peer.GetByLabel("Your response to the chair").FillAsync("Fictional: the consideration is sound; record why 8.6 was ruled out.");
        await peer.GetByTestId("send-peer-response").ClickAsync();
        await Expect(peer.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your response has been sent to the chair.");
        await Expect(peer.GetByText("You answered on")).ToBeVisibleAsync();
        await peer.AssertAccessibleAsync();

        await VisitAsync(chair, $"{caseUrl}/decision");
        await Expect(chair.GetByTestId("peer-review")).ToContainTextAsync("Agrees with the consideration");
        await chair.GetByTestId("decide-do-not-initiate").ClickAsync();
        await chair.ArriveAsync("**/move/do-not-initiate");
        await chair.AssertAccessibleAsync();
        await chair.GetByTestId("confirm").ClickAsync();
        await Expect(chair.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await Expect(chair.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the rationale for the decision");
        await chair.AssertAccessibleAsync();
        const string decisionRationale = "Fictional: abuse or neglect is not known or suspected to have been a factor in the death; "
            + "the criteria of WT2006 8.5 and 8.6 are not met. The peer reviewer agrees.";
        await chair.GetByLabel("Rationale for the decision").FillAsync(decisionRationale);
        await chair.GetByTestId("confirm").ClickAsync();
        await chair.ArriveAsync("**" + caseUrl);
        await Expect(chair.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The case is not initiated.");
        await Expect(chair.Locator("main .govuk-tag").First).ToHaveTextAsync("Not initiated");
        await Expect(chair.GetByTestId("panel-summary")).ToContainTextAsync("Not yet considered");
        await chair.AssertAccessibleAsync();

        // 6. The National Panel finds the decision and challenges it.
        var panel = await NewPageAsync();
        await SignInAsync(panel, PanelMember, checkSignInPages: false);
        await VisitAsync(panel, "/panel");
        var received = panel.GetByTestId("decisions").GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Expect(received).ToContainTextAsync("Do not initiate a review");
        await Expect(received).ToContainTextAsync("Not yet considered");
        await received.GetByTestId("decision-link").ClickAsync();
        await panel.ArriveAsync("**/panel/decisions/*");
        var decisionUrl = new Uri(panel.Url).AbsolutePath;
        await Expect(panel.GetByTestId("rationale")).ToContainTextAsync("the criteria of WT2006 8.5 and 8.6 are not met");
        // The Panel reads what the board sent, never the child's name.
        await Expect(panel.Locator("main")).Not.ToContainTextAsync(ChildName);
        await panel.AssertAccessibleAsync();
        await panel.GetByTestId("respond").ClickAsync();
        await Expect(panel.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await Expect(panel.Locator(".govuk-error-summary")).ToContainTextAsync("Select how the Panel responds");
        await panel.AssertAccessibleAsync();
        await Group(panel, "How does the Panel respond?").GetByLabel("Challenge the decision").CheckAsync();
        await panel.GetByTestId("respond").ClickAsync();
        await Expect(panel.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the Panel's challenge");
        await panel.AssertAccessibleAsync();
        await panel.GetByLabel("Your message to the board").FillAsync(
            "Fictional: a bruise on a non-mobile baby was known to two agencies. Neglect cannot be ruled out on a single visit; "
            + "the police view is missing. Why is 8.5 not met?");
        await panel.GetByTestId("respond").ClickAsync();
        await Expect(panel.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The Panel's challenge has been sent to the board.");
        await Expect(panel.GetByTestId("submission")).ToContainTextAsync("Questioned: awaiting the board");
        await panel.AssertAccessibleAsync();

        // 7. The chair reconsiders from the board's Panel page and initiates: the case moves to scoping.
        await OpenMessageAsync(chair, $"The National Panel challenges the decision on case {reference}");
        await chair.ArriveAsync($"**{caseUrl}/panel");
        await Expect(chair.GetByTestId("submission")).ToContainTextAsync("Questioned: awaiting the board");
        await Expect(chair.Locator("main")).ToContainTextAsync("Why is 8.5 not met?");
        await chair.AssertAccessibleAsync();
        await chair.GetByTestId("reconsider").ClickAsync();
        await chair.ArriveAsync("**/move/reconsider");
        await Expect(chair.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reconsider and initiate a serious case review");
        await chair.AssertAccessibleAsync();
        const string newRationale = "Fictional: the Panel is right that neglect cannot be ruled out; a bruise on a non-mobile baby known to two "
            + "agencies meets WT2006 8.5 on suspicion alone.";
        await chair.GetByLabel("Rationale for the new decision").FillAsync(newRationale);
        await chair.GetByTestId("confirm").ClickAsync();
        await chair.ArriveAsync("**" + caseUrl);
        await Expect(chair.Locator(".govuk-notification-banner--success"))
            .ToContainTextAsync("The case is now at stage 2: proportionality, scoping and commissioning.");
        await Expect(chair.GetByText(new Regex("Stage 2: Proportionality, scoping and commissioning"))).ToBeVisibleAsync();
        await Expect(chair.Locator("[aria-current=step]")).ToContainTextAsync("2. Proportionality, scoping and commissioning");
        var history = chair.GetByTestId("history").GetByRole(AriaRole.Row);
        await Expect(history.Filter(new() { HasText = "Do not initiate a review" })).ToContainTextAsync(decisionRationale);
        await Expect(history.Filter(new() { HasText = "Reconsider and initiate a serious case review" })).ToContainTextAsync(newRationale);
        await chair.AssertAccessibleAsync();
        // The Panel sees its challenge became a review.
        await VisitAsync(panel, decisionUrl);
        await Expect(panel.GetByTestId("submission")).ToContainTextAsync("Became a review");

        // 8. The board's audit log shows every step, each by its action.
        await VisitAsync(officer, "/audit");
        var steps = new (string Action, int Count, string Detail, string[] Who)[]
        {
            ("review.notified", 1, $"reference={reference}", [AgencyLead]),
            ("review.notification-acknowledged", 1, "", [Chair]),
            ("review.records-secured", 2, "agency=", [AgencyLead, AgencyAuthor]),
            ("review.file-review-submitted", 2, $"review={caseId}", [AgencyLead, AgencyAuthor]),
            ("review.file-reviews-shared", 1, "", [Officer]),
            ("review.summary-prepared", 1, "recommendation=DoNotInitiate", [Officer]),
            ("review.recommendation-recorded", 1, "recommendation=DoNotInitiate", [SubGroup]),
            ("review.peer-review-requested", 1, $"review={caseId}", [Chair]),
            ("review.peer-review-answered", 1, "agrees=True", [PeerChair]),
            ("review.moved", 2, "status=", [Chair]),
            ("panel.decision-received", 2, $"review={caseId}", [Chair]),
            ("panel.responded", 1, "response=Challenge", [PanelMember]),
        };
        foreach (var (action, count, detail, who) in steps)
        {
            await officer.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync(action);
            await officer.GetByTestId("filter").ClickAsync();
            await officer.ArriveAsync(new Regex($"/audit\\?.*Action={Regex.Escape(action)}"));
            var rows = officer.GetByTestId("audit-entries").Locator("tbody tr").Filter(new() { HasText = caseId });
            await Expect(rows).ToHaveCountAsync(count);
            foreach (var person in who)
            {
                await Expect(rows.Filter(new() { HasText = person }).First).ToContainTextAsync(detail);
            }
        }
        // The moves: the decision not to initiate, then the reconsidered one.
        await officer.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync("review.moved");
        await officer.GetByTestId("filter").ClickAsync();
        await officer.ArriveAsync(new Regex("/audit\\?.*Action=review\\.moved"));
        var moves = officer.GetByTestId("audit-entries").Locator("tbody tr").Filter(new() { HasText = caseId });
        await Expect(moves.Filter(new() { HasText = "action=do-not-initiate" })).ToContainTextAsync("status=NotInitiated");
        await Expect(moves.Filter(new() { HasText = "action=reconsider" })).ToContainTextAsync("to=Scoping; status=Open");
        await officer.AssertAccessibleAsync();
    }

    /// <summary>Secures the agency's records and sends its file review from <c>/cases/{id}/agency</c>; with <paramref name="checkErrors"/>, first once with nothing filled in.</summary>
    private static async Task SendFileReviewAsync(IPage page, string agency, bool checkErrors, string contacts, string knew, string recommendation)
    {
        await Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync(agency);
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Where and how are the records held? (optional)").FillAsync("Fictional: electronic record locked; paper file in the records office.");
        await page.GetByTestId("secure-records").ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"{agency} has confirmed its records are secured.");
        await page.AssertAccessibleAsync();
        if (checkErrors)
        {
            await page.GetByTestId("send-file-review").ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select your agency's recommendation");
            await page.AssertAccessibleAsync();
        }
        await page.GetByLabel("Your agency's contacts with the child and family").FillAsync(contacts);
        await page.GetByLabel("What your agency knew, and any concerns it held").FillAsync(knew);
        await Group(page, "Does your agency think the criteria for a serious case review are met?").GetByLabel(recommendation, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Why?").FillAsync("Fictional: a bruise on a non-mobile baby, explained as a fall, and then a death.");
        await page.GetByTestId("send-file-review").ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"The file review of {agency} has been sent to the board.");
        await page.AssertAccessibleAsync();
    }

    /// <summary>
    /// Answers every criterion as a sub-group would for a death not thought to involve abuse or neglect: the child died;
    /// neither 8.5 nor 8.6 is met; the harm and what led up to it were looked at.
    /// </summary>
    private static async Task AnswerCriteriaAsync(IPage page)
    {
        var questions = page.Locator("fieldset:has(input[type=radio][name^='q-'])");
        var count = await questions.CountAsync();
        count.ShouldBeGreaterThan(20, "the questions of WT2006 8.5, 8.6 and 8.9 and the Panel's checks");
        for (var i = 0; i < count; i++)
        {
            await questions.Nth(i).GetByLabel("No", new() { Exact = true }).CheckAsync();
        }
        foreach (var question in new[]
        {
            "Has the child died?",
            "Has psychological and emotional harm to the child been considered, as well as physical injury?",
            "Have the circumstances leading up to the incident been looked at, and not only its immediate cause?",
            "Has enough initial enquiry been made to show that the agencies involved worked well together?",
        })
        {
            await Group(page, question).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        }
    }

    /// <summary>Opens a message from the person's inbox: it is there, unread, and leads where it says.</summary>
    private async Task OpenMessageAsync(IPage page, string title)
    {
        await VisitAsync(page, "/messages");
        var message = page.GetByTestId("message").Filter(new() { HasText = title });
        await Expect(message).ToHaveCountAsync(1);
        await Expect(message).ToHaveAttributeAsync("data-unread", "true");
        await message.GetByTestId("open-message").ClickAsync();
        await page.LeaveAsync("/messages");
    }

    private static ILocator Group(IPage page, string legend) => page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });

    [GeneratedRegex(@"NORTHBRIDGE-\d{4}-\d{3}")]
    private static partial Regex CaseReference();
}
