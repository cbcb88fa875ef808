using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.TestCommon;

namespace Scr.EndToEndTests;

/// <summary>
/// Running a review (seed 000 stages 2–4; WT2006 8.15–8.27), from the chair's decision to hold it to the draft report
/// falling due, played through the site by each person in turn. Only the test clock is moved from outside the site.
/// </summary>
public sealed class Stage2JourneyTests(HostFixture host) : BrowserTest(host), IClassFixture<HostFixture>
{
    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string SocialCareLead = "agency.lead@northbridge.example";
    private const string HealthAuthor = "agency.author@northbridge.example";

    private const string SocialCare = "Northbridge Children's Social Care";
    private const string Health = "Northbridge and Fellside Health Trust";
    private const string Police = "Moorland Police";
    private const string Education = "Northbridge Schools and Learning";

    private const string WhyLine = "Why was the school's concern about the bruising not shared with the health visitor?";

    [Fact]
    public async Task Review_FromTheDecisionToTheDraftFallingDue()
    {
        // 1. The business unit notifies a serious injury, the sub-group recommends a review and the chair holds one.
        var officer = await NewPageAsync();
        await SignInAsync(officer, Officer, checkSignInPages: false);
        await officer.GetByTestId("notify").ClickAsync();
        await officer.ArriveAsync("**/cases/notify/details?board=*");
        await NotifyForm.FillAsync(officer, "Nell Ashby", new NotifyForm.Incident("Serious injury", Today.AddDays(-6), Today.AddDays(-3),
            "Fictional: a girl of one admitted with a fractured arm and older bruising; the school had raised concerns about her brother."),
            SocialCare, Health, Police, Education);
        await officer.GetByTestId("notify-submit").ClickAsync();
        await officer.ArriveAsync(NotifyForm.CasePage());
        var caseUrl = new Uri(officer.Url).AbsolutePath;
        var reference = (await officer.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Replace("Case ", "", StringComparison.Ordinal).Trim();
        await Host.RecommendAsync(reference, Officer);

        var chair = await NewPageAsync();
        await SignInAsync(chair, Chair, checkSignInPages: false);
        await VisitAsync(chair, $"{caseUrl}/move/initiate");
        var decidedOn = UkTime.DateOf(Host.Clock.GetUtcNow());
        await chair.GetByLabel("Rationale for the decision").FillAsync("Fictional: serious injury where agencies may not have shared what they knew (WT2006 8.6).");
        await chair.GetByTestId("confirm").ClickAsync();
        await chair.ArriveAsync("**" + caseUrl);
        await Expect(chair.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The case is now at stage 2");

        // Commissioning waits for the lead reviewer, the minimum panel and signed-off terms of reference.
        await VisitAsync(chair, $"{caseUrl}/move/commission");
        var unmet = chair.GetByTestId("unmet");
        await Expect(unmet).ToContainTextAsync("Appoint a lead reviewer");
        await Expect(unmet).ToContainTextAsync("Complete the review panel");
        await Expect(unmet).ToContainTextAsync("Have the chair sign off the terms of reference");

        // 2. Terms of reference: a draft that only asks what happened is saved with a warning, then rewritten.
        await VisitAsync(officer, caseUrl);
        await officer.GetByTestId("terms-link").ClickAsync();
        await officer.ArriveAsync($"**{caseUrl}/terms-of-reference");
        await officer.AssertAccessibleAsync();
        await officer.GetByTestId("edit-terms").First.ClickAsync();
        await officer.ArriveAsync($"**{caseUrl}/terms-of-reference/edit");
        await officer.AssertAccessibleAsync();
        await officer.GetByLabel("Key lines of enquiry").FillAsync("What contact did agencies have with the family?\nWhat did the school know?");
        await officer.GetByTestId("save-terms").ClickAsync();
        await officer.ArriveAsync($"**{caseUrl}/terms-of-reference");
        await Expect(officer.Locator("[data-testid=warning][data-warning=what-questions]")).ToContainTextAsync("Every key line of enquiry asks what happened");
        await officer.AssertAccessibleAsync();

        await officer.GetByTestId("edit-terms").First.ClickAsync();
        await officer.ArriveAsync($"**{caseUrl}/terms-of-reference/edit");
        await officer.GetByLabel("Key lines of enquiry").FillAsync(WhyLine + "\nHow far did the professionals who visited hear the children's own experience?");
        var from = Today.AddYears(-2);
        await FillDateAsync(officer, "Input.PeriodFrom", from);
        await officer.Locator("input[name='Input.Methodology'][value='SignificantIncidentLearningProcess']").CheckAsync();
        await officer.Locator("input[name='Input.AgencyReports'][value='ManagementReviews']").CheckAsync();
        await officer.Locator("input[name='Input.Chronology'][value='IntegratedMultiAgency']").CheckAsync();
        await officer.GetByLabel("How the family will contribute").FillAsync("Fictional: the lead reviewer meets the mother and grandmother, with the police's agreement.");
        await officer.GetByLabel("Timetable", new() { Exact = true }).FillAsync("Fictional: panel monthly; draft to the board within six months.");
        await officer.GetByLabel("Publication", new() { Exact = true }).FillAsync("Fictional: an anonymised overview report and executive summary.");
        await officer.GetByTestId("save-terms").ClickAsync();
        await officer.ArriveAsync($"**{caseUrl}/terms-of-reference");
        await Expect(officer.GetByTestId("warning")).ToHaveCountAsync(0);
        await Expect(officer.GetByTestId("key-lines")).ToContainTextAsync(WhyLine);

        // The chair signs them off; the signed-off version is a Word document that opens cleanly.
        await VisitAsync(chair, $"{caseUrl}/terms-of-reference");
        await chair.GetByTestId("sign-off-link").ClickAsync();
        await chair.ArriveAsync($"**{caseUrl}/terms-of-reference/sign-off");
        await Expect(chair.GetByTestId("missing")).ToHaveCountAsync(0);
        await chair.AssertAccessibleAsync();
        await chair.GetByTestId("sign-off").ClickAsync();
        await chair.ArriveAsync($"**{caseUrl}/terms-of-reference");
        await Expect(chair.GetByTestId("current")).ToHaveAttributeAsync("data-status", "Signed off");
        await chair.AssertAccessibleAsync();
        var download = await chair.RunAndWaitForDownloadAsync(() => chair.GetByTestId("export").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".docx");
        var docx = await File.ReadAllBytesAsync(await download.PathAsync());
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            new OpenXmlValidator().Validate(word).ShouldBeEmpty();
            word.MainDocumentPart!.Document!.Body!.InnerText.ShouldContain(WhyLine);
        }
        if (LibreOffice.Binary is not null)
        {
            var text = Encoding.UTF8.GetString(await LibreOffice.ConvertAsync(docx, "docx", "txt:Text"));
            text.ShouldContain(WhyLine);
            text.ShouldContain(reference);
        }

        // 3. The panel: an independent chair who worked for the police force involved is refused; four members join.
        await VisitAsync(officer, $"{caseUrl}/team");
        await officer.GetByTestId("add-member").ClickAsync();
        await officer.ArriveAsync($"**{caseUrl}/team/add");
        await officer.AssertAccessibleAsync();
        await AddToTeamAsync(officer, "Declan Horsfall", "IndependentPanelChair", null);
        await Expect(officer.Locator(".govuk-error-summary")).ToContainTextAsync("Declan Horsfall cannot join the review team");
        await Expect(officer.GetByTestId("refused")).ToBeVisibleAsync();
        await officer.AssertAccessibleAsync();
        foreach (var (person, agency) in new[] { ("Gareth Pell", SocialCare), ("Dr Nia Castell", Health), ("Helen Ashdown", Education),
            ("Det Supt Owen Brackley", Police) })
        {
            await VisitAsync(officer, $"{caseUrl}/team/add");
            await AddToTeamAsync(officer, person, "PanelMember", agency);
            await officer.ArriveAsync($"**{caseUrl}/team");
        }
        await Expect(officer.GetByTestId("panel-complete")).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("conflicted").Filter(new() { HasText = "Declan Horsfall" })).ToHaveCountAsync(1);
        await officer.AssertAccessibleAsync();

        // 4. A lead reviewer matched from the register, with the reasons; the conflicted reviewer is shown excluded.
        await officer.GetByTestId("match-reviewer").ClickAsync();
        await officer.ArriveAsync($"**{caseUrl}/match-reviewer**");
        await officer.AssertAccessibleAsync();
        await Expect(officer.Locator("[data-testid=match][data-excluded=true]").Filter(new() { HasText = "Declan Horsfall" })).ToHaveCountAsync(1);
        var best = officer.Locator("[data-testid=match][data-excluded=false]").First;
        await Expect(best.GetByTestId("reason").First).ToBeVisibleAsync();
        var reviewerName = (await best.GetByRole(AriaRole.Heading).InnerTextAsync()).Trim();
        await best.GetByTestId("appoint").ClickAsync();
        await officer.ArriveAsync($"**{caseUrl}/team/add?**");
        await officer.GetByRole(AriaRole.Group, new() { Name = "Have they declared any involvement" }).GetByLabel("No", new() { Exact = true }).CheckAsync();
        await officer.GetByTestId("add-submit").ClickAsync();
        await officer.ArriveAsync($"**{caseUrl}/team");
        await Expect(officer.Locator("[data-testid=member][data-role=LeadReviewer]")).ToContainTextAsync(reviewerName);

        // 5. A criminal trial holds back interviews of witnesses until it ends.
        await VisitAsync(officer, $"{caseUrl}/timetable");
        await officer.GetByTestId("add-process").ClickAsync();
        await officer.ArriveAsync($"**{caseUrl}/timetable/processes/new");
        var trial = Today.AddDays(70);
        await officer.Locator("input[name='Input.Kind'][value='CriminalProceedings']").CheckAsync();
        await officer.GetByLabel("Short description (optional)").FillAsync("Trial at the Crown Court");
        await FillDateAsync(officer, "Input.HearingOn", trial);
        await officer.GetByLabel("Contact's name").FillAsync("DI Fictional Marsh");
        await officer.GetByTestId("save-process").ClickAsync();
        await officer.ArriveAsync("**/timetable/processes/*");
        await officer.GetByTestId("add-constraint").ClickAsync();
        await officer.ArriveAsync("**/constraints/new");
        await officer.Locator("input[name='Input.Activity'][value='Interviews']").CheckAsync();
        await officer.GetByLabel("The constraint in words").FillAsync("No interviews of witnesses before the trial ends");
        await officer.Locator("input[name='Input.Until'][value='ProcessEnds']").CheckAsync();
        await officer.GetByTestId("save-constraint").ClickAsync();
        await officer.ArriveAsync("**/timetable/processes/*");
        await officer.AssertAccessibleAsync();
        await VisitAsync(officer, $"{caseUrl}/timetable");
        await Expect(officer.GetByTestId("in-force")).ToContainTextAsync("No interviews of witnesses before the trial ends");

        // 6. The trial pushes the completion back: the business unit proposes a new date and the chair agrees it.
        var completion = decidedOn.AddMonths(4);
        var agreed = completion.AddMonths(2);
        await officer.Locator("[data-testid=milestone][data-key=review-completed]").GetByTestId("propose").ClickAsync();
        await officer.ArriveAsync("**/milestones/review-completed/change");
        await officer.AssertAccessibleAsync();
        await FillDateAsync(officer, "Input.ProposedDate", agreed);
        await officer.GetByLabel("Why should the date change?").FillAsync("Fictional: the trial holds back the interviews of witnesses.");
        await officer.GetByTestId("propose-change").ClickAsync();
        await officer.ArriveAsync($"**{caseUrl}/timetable");

        await VisitAsync(chair, $"{caseUrl}/timetable");
        await chair.GetByTestId("decide-change").ClickAsync();
        await chair.ArriveAsync("**/timetable/changes/*");
        await chair.AssertAccessibleAsync();
        await chair.Locator("input[name='Input.Approve'][value='true']").CheckAsync();
        await chair.GetByLabel("Note").FillAsync("Fictional: agreed; the director of children's services told.");
        await chair.GetByTestId("decide").ClickAsync();
        await chair.ArriveAsync($"**{caseUrl}/timetable");
        await Expect(chair.Locator("[data-testid=change][data-status=Approved]")).ToHaveCountAsync(1);

        // 7. Everything commissioning needs is there: the chair commissions the review.
        await VisitAsync(chair, $"{caseUrl}/move/commission");
        await Expect(chair.GetByTestId("unmet")).ToHaveCountAsync(0);
        await chair.GetByTestId("confirm").ClickAsync();
        await chair.ArriveAsync("**" + caseUrl);
        await Expect(chair.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The case is now at stage 3");

        // 8. Agency reports: social care and health are asked; each names an author who was not involved, who writes on the
        // template and submits; the chair sends health's back with comments, then accepts both.
        await VisitAsync(officer, $"{caseUrl}/agency-reports");
        await officer.AssertAccessibleAsync();
        await officer.GetByTestId("request-reports").ClickAsync();
        await officer.ArriveAsync("**/agency-reports/request");
        await officer.AssertAccessibleAsync();
        foreach (var agency in new[] { Police, Education })
        {
            await officer.GetByLabel(agency).UncheckAsync();
        }
        await officer.Locator("input[name='Input.Kind'][value='ManagementReviews']").CheckAsync();
        await FillDateAsync(officer, "Input.DueOn", Today.AddDays(42));
        await officer.GetByTestId("ask").ClickAsync();
        await officer.ArriveAsync($"**{caseUrl}/agency-reports");
        await Expect(officer.GetByTestId("report")).ToHaveCountAsync(2);

        var socialCareLead = await NewPageAsync();
        await SignInAsync(socialCareLead, SocialCareLead, checkSignInPages: false);
        var socialCareReport = await OpenReportAsync(socialCareLead, caseUrl, SocialCare);
        await socialCareLead.GetByTestId("name-author").ClickAsync();
        await socialCareLead.ArriveAsync("**/author");
        await socialCareLead.AssertAccessibleAsync();
        await socialCareLead.GetByLabel("Sam Ridley").CheckAsync();
        await socialCareLead.Locator("input[name='Input.Declaration'][value='None']").CheckAsync();
        await socialCareLead.GetByTestId("name-author").ClickAsync();
        await socialCareLead.ArriveAsync("**" + socialCareReport);
        await WriteAndSubmitReportAsync(socialCareLead, socialCareReport, "Director of Children's Services");

        var healthReport = await OpenReportAsync(officer, caseUrl, Health);
        await officer.GetByTestId("name-author").ClickAsync();
        await officer.ArriveAsync("**/author");
        await officer.GetByLabel("Helen Moss").CheckAsync();
        await officer.Locator("input[name='Input.Declaration'][value='None']").CheckAsync();
        await officer.GetByTestId("name-author").ClickAsync();
        await officer.ArriveAsync("**" + healthReport);
        var healthAuthor = await NewPageAsync();
        await SignInAsync(healthAuthor, HealthAuthor, checkSignInPages: false);
        await VisitAsync(healthAuthor, $"{caseUrl}/agency-reports");
        await Expect(healthAuthor.GetByTestId("report")).ToHaveCountAsync(1);
        await Expect(healthAuthor.GetByTestId("report")).ToHaveAttributeAsync("data-agency", Health);
        await VisitAsync(healthAuthor, healthReport);
        await WriteAndSubmitReportAsync(healthAuthor, healthReport, "Chief Nurse");

        await DecideAsync(chair, healthReport, "ChangesRequested", "Fictional: say why the health visitor did not hear of the school's concern.");
        await VisitAsync(healthAuthor, healthReport);
        await Expect(healthAuthor.GetByTestId("comments")).ToContainTextAsync("say why the health visitor did not hear");
        await healthAuthor.GetByTestId("write").ClickAsync();
        await healthAuthor.ArriveAsync("**/edit");
        await healthAuthor.Locator("textarea[name='Sections[analysis]']").FillAsync(
            "Fictional: the health visitor was not told because the school's concern went to the duty team, which did not share it.");
        await healthAuthor.GetByTestId("save-report").ClickAsync();
        await healthAuthor.ArriveAsync("**" + healthReport);
        await healthAuthor.GetByTestId("submit").ClickAsync();
        await healthAuthor.ArriveAsync("**/submit");
        await healthAuthor.GetByTestId("submit-report").ClickAsync();
        await healthAuthor.ArriveAsync("**" + healthReport);
        await Expect(healthAuthor.GetByTestId("status")).ToHaveAttributeAsync("data-status", "Submitted");
        await DecideAsync(chair, healthReport, "Accepted", null);
        await DecideAsync(chair, socialCareReport, "Accepted", null);
        await VisitAsync(chair, $"{caseUrl}/agency-reports");
        await Expect(chair.Locator("[data-testid=report][data-status=QualityAssured]")).ToHaveCountAsync(2);

        // 9. People: an interview before the trial is refused until the business unit records who agreed it may go ahead; the
        // record is shared with the interviewee, who agrees it from her dashboard. The mother is involved and a contact logged.
        await VisitAsync(officer, $"{caseUrl}/people");
        await officer.AssertAccessibleAsync();
        await officer.GetByTestId("add-interview").ClickAsync();
        await officer.ArriveAsync("**/people/interviews/add");
        await officer.AssertAccessibleAsync();
        await officer.GetByLabel("Interviewee's email address").FillAsync(HealthAuthor);
        await officer.GetByLabel("Interviewee's name").FillAsync("Helen Moss");
        await officer.GetByLabel("Their role (optional)").FillAsync("Named nurse for safeguarding");
        await officer.Locator("input[name='Input.InterviewerIds']").First.CheckAsync();
        await FillDateAsync(officer, "Input.HeldOn", Today.AddDays(7));
        await officer.GetByLabel("Record of the interview (optional for now)").FillAsync(
            "Fictional: Ms Moss said the health visitor was never told of the school's concern about the bruising.");
        await officer.GetByTestId("save-interview").ClickAsync();
        await Expect(officer.Locator(".govuk-error-summary")).ToContainTextAsync("No interviews of witnesses before the trial ends");
        await officer.AssertAccessibleAsync();
        await officer.GetByLabel("If a constraint holds back interviews on that date: who agreed this interview may go ahead?").FillAsync(
            "Fictional: DI Marsh agreed Ms Moss is not a witness in the trial.");
        await officer.GetByTestId("save-interview").ClickAsync();
        await officer.ArriveAsync("**/people/interviews/*-*");
        await Expect(officer.GetByTestId("clearance")).ToContainTextAsync("DI Marsh agreed");
        await officer.GetByTestId("share-interview").ClickAsync();
        await Expect(officer.GetByTestId("with-interviewee")).ToBeVisibleAsync();
        var interview = new Uri(officer.Url).AbsolutePath;

        await VisitAsync(healthAuthor, "/");
        await healthAuthor.GetByTestId("interviews-to-check").GetByRole(AriaRole.Link).First.ClickAsync();
        await healthAuthor.ArriveAsync("**/interviews/*");
        await healthAuthor.AssertAccessibleAsync();
        await Expect(healthAuthor.GetByTestId("record")).ToContainTextAsync("never told of the school's concern");
        await healthAuthor.Locator("input[name='Answer'][value='agree']").CheckAsync();
        await healthAuthor.GetByTestId("answer-interview").ClickAsync();
        await Expect(healthAuthor.GetByTestId("agreed")).ToBeVisibleAsync();
        // As the health trust's author she sees her agency's staff support, not the review's interviews.
        await VisitAsync(healthAuthor, $"{caseUrl}/people");
        await Expect(healthAuthor.GetByTestId("interviews")).ToHaveCountAsync(0);
        await VisitAsync(officer, interview);
        await Expect(officer.GetByTestId("agreed")).ToBeVisibleAsync();

        await VisitAsync(officer, $"{caseUrl}/people");
        await officer.GetByTestId("add-family-member").ClickAsync();
        await officer.ArriveAsync("**/people/family/add");
        await officer.AssertAccessibleAsync();
        await officer.GetByLabel("Name", new() { Exact = true }).FillAsync("Fictional Mother");
        await officer.GetByLabel("Relationship to the child").FillAsync("Mother");
        await officer.Locator("input[name='Input.Involve'][value='Yes']").CheckAsync();
        await officer.Locator("input[name='Input.Invited'][value='true']").CheckAsync();
        await officer.Locator("input[name='Input.Consent'][value='Given']").CheckAsync();
        await officer.GetByTestId("save-family-member").ClickAsync();
        await officer.ArriveAsync("**/people/family/*-*");
        await officer.GetByTestId("log-contact").ClickAsync();
        await officer.ArriveAsync("**/contacts/add");
        await officer.AssertAccessibleAsync();
        await FillDateAsync(officer, "Input.On", Today);
        await officer.Locator("input[name='Input.Method'][value='Letter']").CheckAsync();
        await officer.GetByLabel("Summary").FillAsync("Fictional: letter explaining the review and inviting her to meet the lead reviewer.");
        await officer.GetByTestId("save-contact").ClickAsync();
        await officer.ArriveAsync("**/people/family/*-*");
        await Expect(officer.GetByTestId("contacts")).ToContainTextAsync("inviting her to meet the lead reviewer");
        await officer.AssertAccessibleAsync();

        // 10. Five and a half months on, the draft for the board falls due: each milestone from the chair's decision, the
        // completion at the date the chair agreed beside the rules' date.
        Host.Clock.Advance(TimeSpan.FromDays(170));
        await SignInAsync(chair, Chair, checkSignInPages: false);
        await VisitAsync(chair, $"{caseUrl}/timetable");
        await Expect(Milestone(chair, "first-early-learning").GetByTestId("due")).ToContainTextAsync(Labels.Date(decidedOn.AddDays(28)));
        await Expect(Milestone(chair, "second-early-learning").GetByTestId("due")).ToContainTextAsync(Labels.Date(decidedOn.AddDays(56)));
        await Expect(Milestone(chair, "third-early-learning").GetByTestId("due")).ToContainTextAsync(Labels.Date(decidedOn.AddMonths(4)));
        var completed = Milestone(chair, "review-completed");
        await Expect(completed.GetByTestId("agreed")).ToContainTextAsync(Labels.Date(agreed));
        await Expect(completed.GetByTestId("original")).ToContainTextAsync(Labels.Date(completion));
        // The rules' date has passed, but the agreed one has not: due soon, not overdue.
        await Expect(completed).ToHaveAttributeAsync("data-state", "DueSoon");
        var draft = Milestone(chair, "draft-to-board");
        await Expect(draft.GetByTestId("due")).ToContainTextAsync(Labels.Date(decidedOn.AddMonths(6)));
        await Expect(draft).ToHaveAttributeAsync("data-state", "DueSoon");
        await Expect(Milestone(chair, "first-early-learning")).ToHaveAttributeAsync("data-state", "Overdue");
        await chair.AssertAccessibleAsync();
    }

    private static ILocator Milestone(IPage page, string key) => page.Locator($"[data-testid=milestone][data-key={key}]");

    /// <summary>Opens an agency's report from the case's list of agency reports and returns its path.</summary>
    private async Task<string> OpenReportAsync(IPage page, string caseUrl, string agency)
    {
        await VisitAsync(page, $"{caseUrl}/agency-reports");
        await page.Locator($"[data-testid=report][data-agency=\"{agency}\"] a").ClickAsync();
        await page.ArriveAsync("**/agency-reports/*-*");
        await page.AssertAccessibleAsync();
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>The author writes every section of the template and submits the report.</summary>
    private static async Task WriteAndSubmitReportAsync(IPage page, string report, string seniorOfficer)
    {
        await page.GetByTestId("write").ClickAsync();
        await page.ArriveAsync("**/edit");
        await page.AssertAccessibleAsync();
        foreach (var key in new[] { "scope", "sources", "involvement", "analysis", "effectivePractice", "lessons", "recommendations" })
        {
            await page.Locator($"textarea[name='Sections[{key}]']").FillAsync($"Fictional: what the agency found ({key}).");
        }
        await page.GetByTestId("save-report").ClickAsync();
        await page.ArriveAsync("**" + report);
        await page.GetByTestId("submit").ClickAsync();
        await page.ArriveAsync("**/submit");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Senior officer who commissioned the report and accepts its findings").FillAsync(seniorOfficer);
        await page.GetByTestId("submit-report").ClickAsync();
        await page.ArriveAsync("**" + report);
        await Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-status", "Submitted");
    }

    /// <summary>The review team's decision on the submitted version.</summary>
    private async Task DecideAsync(IPage page, string report, string outcome, string? comments)
    {
        await VisitAsync(page, report);
        await page.GetByTestId("quality-assure").ClickAsync();
        await page.ArriveAsync("**/quality-assurance");
        await page.AssertAccessibleAsync();
        await page.Locator($"input[name='Input.Outcome'][value='{outcome}']").CheckAsync();
        if (comments is not null)
        {
            await page.GetByLabel("Comments for the author").FillAsync(comments);
        }
        await page.GetByTestId("decide").ClickAsync();
        await page.ArriveAsync("**" + report);
        await Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-status", outcome == "Accepted" ? "QualityAssured" : "ChangesRequested");
        await page.AssertAccessibleAsync();
    }

    private static async Task AddToTeamAsync(IPage page, string person, string role, string? agency)
    {
        var option = await page.Locator("select[name='Input.Person'] option").Filter(new() { HasText = person }).First.GetAttributeAsync("value");
        await page.Locator("select[name='Input.Person']").SelectOptionAsync(option!);
        await page.Locator($"input[name='Input.Role'][value='{role}']").CheckAsync();
        if (agency is not null)
        {
            var seat = await page.Locator("select[name='Input.AgencyId'] option").Filter(new() { HasText = agency }).First.GetAttributeAsync("value");
            await page.Locator("select[name='Input.AgencyId']").SelectOptionAsync(seat!);
        }
        await page.Locator("input[name='Input.Declaration'][value='None']").CheckAsync();
        await page.GetByTestId("add-submit").ClickAsync();
    }

    private static async Task FillDateAsync(IPage page, string name, DateOnly date)
    {
        await page.Locator($"input[name='{name}.Day']").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"input[name='{name}.Month']").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"input[name='{name}.Year']").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
