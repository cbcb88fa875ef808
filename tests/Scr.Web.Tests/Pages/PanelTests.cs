using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Panel;
using Scr.Core.Services.Reviews;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>The National Panel's workspace and the board's side of it, each test in a fresh demo world.</summary>
public class PanelTests : IAsyncLifetime
{
    private const string PanelEmail = "panel@panel.example";
    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string EastmereOfficer = "officer@eastmere.example";

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = _world.Factory.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    private Task<Principal> PrincipalAsync(string email) => WithServicesAsync(async s =>
        (await s.GetRequiredService<Principals>().LoadAsync((await s.GetRequiredService<UserManager<User>>().FindByEmailAsync(email))!.Id))!);

    private Task<PanelFiguresView> ServiceFiguresAsync(DateOnly? from = null, DateOnly? to = null) => WithServicesAsync(async s =>
        await s.GetRequiredService<PanelService>().FiguresAsync(from, to, await PrincipalAsync(PanelEmail)));

    /// <summary>The chair decides a case of the demo world (after the sub-group's recommendation); returns its submission to the Panel.</summary>
    private async Task<PanelSubmission> DecideAsync(string summaryStart, string action, string chairEmail = Chair, string recommenderEmail = Officer)
    {
        var review = await _world.CaseAsync(summaryStart);
        var version = await _world.RecommendAsync(review.Id, recommenderEmail,
            action == "initiate" ? DecisionOutcome.InitiateSeriousCaseReview : DecisionOutcome.DoNotInitiate);
        var chair = await PrincipalAsync(chairEmail);
        await WithServicesAsync(s => s.GetRequiredService<ReviewService>().MoveAsync(review.Id, action, "Fictional rationale for a test.", version, chair,
            new Actor(chair.UserId, chairEmail, null)));
        _world.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        return await _world.WithDbAsync(db => db.PanelSubmissions.AsNoTracking().Where(p => p.ReviewId == review.Id).OrderBy(p => p.SentAt).FirstAsync());
    }

    private async Task NotifyEastmereAsync(string summary)
    {
        var eastmere = await _world.OrganisationAsync("eastmere");
        var care = await _world.OrganisationAsync("eastmere-csc");
        var officer = await PrincipalAsync(EastmereOfficer);
        await WithServicesAsync(s => s.GetRequiredService<ReviewService>().NotifyAsync(new NotifyOptions(eastmere.Id, IncidentType.SeriousInjury,
            new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), summary,
            [new NotifyChild("Wren Halloway", 30, Sex.Female, Ethnicity.NotKnown, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None)],
            [care.Id], null), officer, new Actor(officer.UserId, EastmereOfficer, null)));
    }

    private static int Count(IHtmlDocument page, string testId) =>
        int.Parse(page.QuerySelector($"[data-testid=figure-{testId}] [data-testid=count]")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static string Percent(IHtmlDocument page, string testId) =>
        page.QuerySelector($"[data-testid=figure-{testId}] [data-testid=percent]")!.TextContent.Trim();

    private static void ShouldShow(IHtmlDocument page, PanelFiguresView figures)
    {
        Count(page, "received").ShouldBe(figures.Decisions.Base);
        foreach (var row in figures.Decisions.Rows.Concat(figures.BoardsNotInTouch.Rows))
        {
            Count(page, row.Key).ShouldBe(row.Count, row.Key);
            if (row.Percent is { } percent)
            {
                Percent(page, row.Key).ShouldStartWith($"{percent}% ", customMessage: row.Key);
            }
            else
            {
                Percent(page, row.Key).ShouldBe("Not applicable", row.Key);
            }
        }
        Count(page, "boards").ShouldBe(figures.BoardsNotInTouch.Base);
        var silent = page.QuerySelectorAll("[data-testid=silent-boards] li").Select(li => li.TextContent.Trim()).ToList();
        silent.Count.ShouldBe(figures.BoardsWithNothing.Count);
        foreach (var board in figures.BoardsWithNothing)
        {
            silent.ShouldContain(s => s.StartsWith(board.Name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Workspace_DemoWorldPlusNewDecisions_CountsOnThePageAreTheServicesFigures()
    {
        var panel = await _world.SignInAsync(PanelEmail);

        var demo = await panel.GetDocumentAsync("/panel");
        demo.QuerySelector(".govuk-service-navigation__link[aria-current=page]")!.TextContent.Trim().ShouldBe("National Panel");
        var figures = await ServiceFiguresAsync();
        ShouldShow(demo, figures);
        // The demo world: three decisions to initiate, a learning review and a decision not to initiate, both questioned;
        // one board (Ashcombe) has sent nothing.
        figures.Decisions.Rows.Select(r => (r.Key, r.Count)).ShouldBe(
            [("initiated", 3), ("not-initiated", 2), ("agreed", 0), ("challenged", 2), ("became-review", 0), ("accepted-after-information", 1), ("awaiting-information", 1)]);
        figures.BoardsWithNothing.Select(b => b.Name).ShouldBe(["Ashcombe Safeguarding Children Board"]);
        Percent(demo, "not-in-touch").ShouldBe("33% of all boards");
        demo.QuerySelector("[data-testid=decision-count]")!.TextContent.ShouldBe("5 decisions");

        // More decisions, one of them agreed by the Panel: the page follows the records.
        var agreed = await DecideAsync("Infant found unresponsive", "do-not-initiate");
        await NotifyEastmereAsync("Toddler with unexplained burns; fictional case for a test.");
        await DecideAsync("Toddler with unexplained burns", "do-not-initiate", "chair@eastmere.example", EastmereOfficer);
        var panelPrincipal = await PrincipalAsync(PanelEmail);
        await WithServicesAsync(s => s.GetRequiredService<PanelService>().AgreeAsync(agreed.Id, null, agreed.Version, panelPrincipal,
            new Actor(panelPrincipal.UserId, PanelEmail, null)));

        var after = await panel.GetDocumentAsync("/panel");
        var later = await ServiceFiguresAsync();
        ShouldShow(after, later);
        later.Decisions["not-initiated"].Count.ShouldBe(4);
        later.Decisions["agreed"].ShouldBe(new AnalysisRow("agreed", 1, 25));
        Percent(after, "agreed").ShouldBe("25% of decisions not to initiate");

        // A period before every decision: nothing received, every board has sent nothing.
        var before = await panel.GetDocumentAsync("/panel?To.Day=1&To.Month=1&To.Year=2020");
        ShouldShow(before, await ServiceFiguresAsync(to: new DateOnly(2020, 1, 1)));
        Count(before, "received").ShouldBe(0);
        Percent(before, "agreed").ShouldBe("Not applicable");
        before.QuerySelector("[data-testid=decision-count]")!.TextContent.ShouldBe("0 decisions");
    }

    [Fact]
    public async Task Workspace_Filters_ListTheDecisionsInThatState()
    {
        var panel = await _world.SignInAsync(PanelEmail);
        var eastmere = await _world.OrganisationAsync("eastmere");

        var awaiting = await panel.GetDocumentAsync("/panel?State=AwaitingBoard");
        var rows = awaiting.QuerySelectorAll("[data-testid=decisions] tbody tr");
        rows.Length.ShouldBe(1);
        rows[0].TextContent.ShouldContain("Questioned: awaiting the board");
        rows[0].QuerySelectorAll("td").Last().TextContent.ShouldBe("Yes");

        var theirs = await panel.GetDocumentAsync($"/panel?Board={eastmere.Id}");
        theirs.QuerySelectorAll("[data-testid=decisions] tbody tr").Select(r => r.QuerySelector("td:nth-child(2)")!.TextContent)
            .ShouldBe(["Eastmere Safeguarding Children Board"]);
        theirs.QuerySelector($"select[name=Board] option[value='{eastmere.Id}']")!.HasAttribute("selected").ShouldBeTrue();

        var badDate = await panel.GetDocumentAsync("/panel?From.Day=31&From.Month=2&From.Year=2026");
        badDate.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("must be a real date");
    }

    [Fact]
    public async Task Journey_PanelAsksBoardAnswersPanelAccepts_ThroughThePages()
    {
        var sent = await DecideAsync("Infant found unresponsive", "do-not-initiate");
        var panel = await _world.SignInAsync(PanelEmail);
        var url = $"/panel/decisions/{sent.Id}";

        // Exactly what was sent, never the child's name.
        var page = await panel.GetDocumentAsync(url);
        page.QuerySelector("[data-testid=rationale]")!.TextContent.ShouldContain("Fictional rationale for a test.");
        page.QuerySelector("[data-testid=outline]")!.TextContent.ShouldContain("Death on");
        page.QuerySelector("[data-testid=submission]")!.TextContent.ShouldContain("Department for Education");
        page.DocumentElement.OuterHtml.ShouldNotContain("Rowan Tate");
        page.QuerySelector("[data-testid=accept-form]").ShouldBeNull();

        // Nothing chosen: the GOV.UK error summary.
        var empty = await panel.SubmitAsync(url, new Dictionary<string, string> { ["Version"] = sent.Version.ToString() });
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        Browser.Parse(await empty.Content.ReadAsStringAsync()).QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim())
            .ShouldBe(["Select how the Panel responds"]);
        var noText = await panel.SubmitAsync(url, new Dictionary<string, string> { ["Version"] = sent.Version.ToString(), ["Reply"] = "Challenge" });
        (await noText.Content.ReadAsStringAsync()).ShouldContain("Enter the Panel&#x27;s challenge");

        var asked = await panel.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Version"] = sent.Version.ToString(),
            ["Reply"] = "RequestInformation",
            ["Text"] = "Were the bruises noted at hospital explained?",
        });
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await asked.Content.ReadAsStringAsync());
        var shown = await panel.GetDocumentAsync(url);
        shown.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("request for more information has been sent");
        shown.QuerySelector("[data-testid=panel-state]")!.TextContent.ShouldBe("Questioned: awaiting the board");
        _world.Factory.Clock.Advance(TimeSpan.FromMinutes(5));

        // The board's business unit is told, sees the question from the case and answers it.
        var inbox = await _world.WithDbAsync(db => db.InboxItems.Where(i => i.Link == $"/cases/{sent.ReviewId}/panel").Select(i => i.UserId).ToListAsync());
        inbox.Count.ShouldBe(2);
        var officer = await _world.SignInAsync(Officer);
        var casePage = await officer.GetDocumentAsync($"/cases/{sent.ReviewId}");
        casePage.QuerySelector("[data-testid=panel-link]")!.GetAttribute("href").ShouldBe($"/cases/{sent.ReviewId}/panel");
        casePage.QuerySelector("[data-testid=panel-summary]")!.TextContent.ShouldContain("Questioned: awaiting the board");
        var boardUrl = $"/cases/{sent.ReviewId}/panel";
        var boardPage = await officer.GetDocumentAsync(boardUrl);
        boardPage.QuerySelector("[data-testid=messages]")!.TextContent.ShouldContain("Were the bruises noted at hospital explained?");
        var blank = await officer.SubmitAsync(boardUrl, new Dictionary<string, string>
        {
            ["SubmissionId"] = sent.Id.ToString(),
            ["Version"] = boardPage.QuerySelector("[data-testid=answer-form] input[name=Version]")!.GetAttribute("value")!,
        });
        (await blank.Content.ReadAsStringAsync()).ShouldContain("Enter the board&#x27;s answer to the Panel");
        var answered = await officer.SubmitAsync(boardUrl, new Dictionary<string, string>
        {
            ["SubmissionId"] = sent.Id.ToString(),
            ["Version"] = boardPage.QuerySelector("[data-testid=answer-form] input[name=Version]")!.GetAttribute("value")!,
            ["Answer"] = "A skin condition, confirmed by the paediatrician.",
        });
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await answered.Content.ReadAsStringAsync());
        (await officer.GetDocumentAsync(boardUrl)).QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("sent to the National Panel");
        _world.Factory.Clock.Advance(TimeSpan.FromMinutes(5));

        // The Panel is told, reads the answer and accepts the decision: each of its two members heard of the decision and of the answer.
        (await _world.WithDbAsync(db => db.InboxItems.CountAsync(i => i.Link == url))).ShouldBe(4);
        var withAnswer = await panel.GetDocumentAsync(url);
        withAnswer.QuerySelector("[data-testid=messages]")!.TextContent.ShouldContain("A skin condition");
        withAnswer.QuerySelector("[data-testid=panel-state]")!.TextContent.ShouldBe("Questioned: the board has answered");
        var accepted = await panel.PostAsync($"{url}?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(withAnswer),
            ["Version"] = withAnswer.QuerySelector("[data-testid=accept-form] input[name=Version]")!.GetAttribute("value")!,
        }));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await accepted.Content.ReadAsStringAsync());
        var done = await panel.GetDocumentAsync(url);
        done.QuerySelector("[data-testid=panel-state]")!.TextContent.ShouldBe("Accepted after further information");
        done.QuerySelector("[data-testid=closed]").ShouldNotBeNull();
        done.QuerySelectorAll("[data-testid=message]").Length.ShouldBe(3);
        var saved = await _world.WithDbAsync(db => db.PanelSubmissions.AsNoTracking().SingleAsync(p => p.Id == sent.Id));
        saved.ChallengeOutcome.ShouldBe(ChallengeOutcome.AcceptedAfterInformation);
        (await ServiceFiguresAsync()).Decisions["accepted-after-information"].Count.ShouldBe(2);
    }

    [Fact]
    public async Task Agree_ThroughThePage_TheBoardSeesTheAgreement()
    {
        var eastmereCase = await _world.CaseAsync("Child death in a house fire");
        var sent = await _world.WithDbAsync(db => db.PanelSubmissions.AsNoTracking().SingleAsync(p => p.ReviewId == eastmereCase.Id));
        var panel = await _world.SignInAsync(PanelEmail);
        var url = $"/panel/decisions/{sent.Id}";
        var form = await panel.GetDocumentAsync(url);
        form.QuerySelectorAll("input[name=Reply]").Select(i => i.GetAttribute("value")).ShouldBe(["Agree", "RequestInformation", "Challenge"]);

        var agreed = await panel.SubmitAsync(url, new Dictionary<string, string> { ["Version"] = sent.Version.ToString(), ["Reply"] = "Agree" });
        agreed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await agreed.Content.ReadAsStringAsync());

        var board = await _world.SignInAsync(EastmereOfficer);
        var boardPage = await board.GetDocumentAsync($"/cases/{eastmereCase.Id}/panel");
        boardPage.QuerySelector("[data-testid=panel-state]")!.TextContent.ShouldBe("Agreed");
        boardPage.QuerySelector("[data-testid=messages]")!.TextContent.ShouldContain("The Panel agrees with the decision.");
        boardPage.QuerySelector("[data-testid=answer-form]").ShouldBeNull();
    }

    [Fact]
    public async Task BoardPage_QuestionedDecisionNotToInitiate_ChairMayReconsiderOrAnswer()
    {
        var questioned = await _world.CaseAsync("Child injured in a road traffic collision");
        var chair = await _world.SignInAsync(Chair);
        var page = await chair.GetDocumentAsync($"/cases/{questioned.Id}/panel");
        page.QuerySelector("[data-testid=answer-form]").ShouldNotBeNull();
        var reconsider = page.QuerySelector("[data-testid=reconsider]")!.GetAttribute("href")!;
        reconsider.ShouldBe($"/cases/{questioned.Id}/move/reconsider");
        (await chair.GetAsync(reconsider)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The business unit answers but does not reconsider: that is the chair's decision.
        var officer = await _world.SignInAsync(Officer);
        var officerPage = await officer.GetDocumentAsync($"/cases/{questioned.Id}/panel");
        officerPage.QuerySelector("[data-testid=answer-form]").ShouldNotBeNull();
        officerPage.QuerySelector("[data-testid=reconsider]").ShouldBeNull();
    }

    [Fact]
    public async Task Respond_TwoPanelMembersAtOnce_SecondIsToldAndKeepsWhatTheyTyped()
    {
        var eastmereCase = await _world.CaseAsync("Child death in a house fire");
        var sent = await _world.WithDbAsync(db => db.PanelSubmissions.AsNoTracking().SingleAsync(p => p.ReviewId == eastmereCase.Id));
        var first = await _world.SignInAsync(PanelEmail);
        var second = await _world.SignInAsync(PanelEmail);
        var url = $"/panel/decisions/{sent.Id}";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);

        async Task<HttpResponseMessage> Send(HttpClient client, IHtmlDocument form, string reply, string text) =>
            await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Browser.AntiforgeryToken(form),
                ["Version"] = form.QuerySelector("[data-testid=respond-form] input[name=Version]")!.GetAttribute("value")!,
                ["Reply"] = reply,
                ["Text"] = text,
            }));

        (await Send(first, firstForm, "Agree", "")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await Send(second, secondForm, "Challenge", "My careful challenge");
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await stale.Content.ReadAsStringAsync();
        html.ShouldContain("changed this decision after you opened it");
        html.ShouldContain("My careful challenge");
        var saved = await _world.WithDbAsync(db => db.PanelSubmissions.AsNoTracking().Include(p => p.Messages).SingleAsync(p => p.Id == sent.Id));
        saved.Response.ShouldBe(PanelResponse.Agreed);
        saved.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Access_PanelNeverOpensTheCaseAndBoardsOnlyTheirOwn()
    {
        var northbridgeCase = await _world.CaseAsync("Toddler admitted");
        var sent = await _world.WithDbAsync(db => db.PanelSubmissions.AsNoTracking().SingleAsync(p => p.ReviewId == northbridgeCase.Id));

        var panel = await _world.SignInAsync(PanelEmail);
        (await panel.GetAsync($"/cases/{northbridgeCase.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await panel.GetAsync($"/cases/{northbridgeCase.Id}/panel")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await panel.GetAsync($"/panel/decisions/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var eastmere = await _world.SignInAsync(EastmereOfficer);
        (await eastmere.GetAsync("/panel")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await eastmere.GetAsync($"/panel/decisions/{sent.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await eastmere.GetAsync($"/cases/{northbridgeCase.Id}/panel")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var eastmereCase = await _world.CaseAsync("Child death in a house fire");
        var own = await eastmere.GetDocumentAsync($"/cases/{eastmereCase.Id}/panel");
        own.QuerySelectorAll("[data-testid=submission]").Length.ShouldBe(1);
        own.DocumentElement.OuterHtml.ShouldNotContain(sent.Reference);

        // The sub-group sees the case but not the exchange with the Panel, nor a link to it.
        var subGroup = await _world.SignInAsync("subgroup@northbridge.example");
        (await subGroup.GetAsync($"/cases/{northbridgeCase.Id}/panel")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await subGroup.GetDocumentAsync($"/cases/{northbridgeCase.Id}")).QuerySelector("[data-testid=panel-link]").ShouldBeNull();

        // A board answering about a decision of another case is not found.
        var officer = await _world.SignInAsync(Officer);
        var newCase = await _world.CaseAsync("Infant found unresponsive");
        var refused = await officer.SubmitAsync($"/cases/{newCase.Id}/panel", new Dictionary<string, string>
        {
            ["SubmissionId"] = sent.Id.ToString(),
            ["Version"] = sent.Version.ToString(),
            ["Answer"] = "Not ours",
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetDocumentAsync($"/cases/{newCase.Id}/panel")).QuerySelector("[data-testid=nothing-sent]").ShouldNotBeNull();
    }
}
