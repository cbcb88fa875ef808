using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Exchange;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>Coding of the learning record's reports (decision 0016): two Panel analysts code a report blind, see the agreement and settle.</summary>
public class CodingPagesTests : IAsyncLifetime
{
    private const string FirstEmail = "panel@panel.example";
    private const string SecondEmail = "analyst@panel.example";

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    /// <summary>Three reviews of the demo world's boards; the first with a genogram coded "no" and neglect its only theme.</summary>
    private async Task<Guid> ImportAsync()
    {
        using var scope = _world.Factory.Services.CreateScope();
        var s = scope.ServiceProvider;
        var panel = (await s.GetRequiredService<Principals>().LoadAsync((await s.GetRequiredService<UserManager<User>>().FindByEmailAsync(FirstEmail))!.Id))!;
        var reviews = DemoExchange.Reviews(3).Select((r, i) => r with { Board = "northbridge", Reference = $"NB-{i + 1:D3}" }).ToList();
        reviews[0] = reviews[0] with
        {
            Themes = [ReviewTheme.Neglect],
            Report = reviews[0].Report! with { Outline = new ExchangeOutline(new Dictionary<OutlineItem, OutlineAnswer> { [OutlineItem.Genogram] = OutlineAnswer.No }) },
        };
        var file = new MemoryStream();
        ExchangeWriter.Write(file, [new ExchangeBoard("northbridge")], reviews);
        file.Position = 0;
        await s.GetRequiredService<ExchangeService>().ImportAsync(file, panel, new Actor(panel.UserId, FirstEmail, null));
        return await _world.WithDbAsync(db => db.LearningReviews.Where(r => r.Reference == "NB-001").Select(r => r.Id).SingleAsync());
    }

    private static string Text(AngleSharp.Dom.IElement? element) => element?.TextContent.Trim() ?? "";

    [Fact]
    public async Task Coding_TwoAnalystsBlind_ThenSettled_TheAnalysisCountsTheSettledAnswer()
    {
        var id = await ImportAsync();
        var first = await _world.SignInAsync(FirstEmail);
        var second = await _world.SignInAsync(SecondEmail);
        var url = $"/analysis/coding/{id}";

        var list = await first.GetDocumentAsync("/analysis/coding");
        var form = await first.GetDocumentAsync(url);
        var saved = await first.SubmitAsync(url, new Dictionary<string, string> { ["outline.genogram"] = "yes", ["theme.exploitation"] = "yes", ["Action"] = "save" });
        var secondBefore = await second.GetDocumentAsync(url);
        var submitted = await second.SubmitAsync(url, new Dictionary<string, string>
        { ["outline.genogram"] = "partly", ["theme.exploitation"] = "yes", ["Action"] = ReviewSubmit });
        var secondWaiting = await second.GetDocumentAsync(url);
        var firstSubmitted = await first.SubmitAsync(url, new Dictionary<string, string> { ["Action"] = ReviewSubmit });
        var firstAfter = await first.GetDocumentAsync(url);
        var agreement = await second.GetDocumentAsync("/analysis/coding/agreement");
        var settleUrl = $"{url}/settle";
        var noReason = await second.SubmitAsync(settleUrl, new Dictionary<string, string> { ["outline.genogram"] = "partly" });
        var noReasonPage = Browser.Parse(await noReason.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var settled = await second.SubmitAsync(settleUrl, new Dictionary<string, string>
        { ["outline.genogram"] = "partly", ["outline.genogram.reason"] = "Only the mother's side is drawn." });
        var settledPage = await second.GetDocumentAsync(settleUrl);
        var listAfter = await first.GetDocumentAsync("/analysis/coding");
        var analysis = await first.GetDocumentAsync("/analysis");

        Text(list.QuerySelector("[data-testid=review-NB-001] [data-testid=progress]")).ShouldBe("Not coded");
        Text(list.QuerySelector("[data-testid=review-NB-001] [data-testid=open]")).ShouldStartWith("Code this report");
        form.QuerySelector("[data-testid=report]").ShouldNotBeNull();
        form.QuerySelector("[data-testid=coding-form]").ShouldNotBeNull();
        form.QuerySelector("select[name='outline.genogram'] option[selected]")!.GetAttribute("value").ShouldBe("no", "the record's answer starts the form");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        secondBefore.QuerySelector("select[name='outline.genogram'] option[selected]")!.GetAttribute("value").ShouldBe("no", "blind: not the first coder's yes");
        secondBefore.QuerySelector("[data-testid=codings]").ShouldBeNull();
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        secondWaiting.QuerySelector("[data-testid=waiting]").ShouldNotBeNull();
        secondWaiting.QuerySelectorAll("[data-testid=codings] thead th").Length.ShouldBe(2, "only the question and their own coding");
        firstSubmitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        firstAfter.QuerySelectorAll("[data-testid=difference]").Select(r => r.GetAttribute("data-key")).ShouldBe(["outline.genogram"]);
        firstAfter.QuerySelector("[data-testid=settle-link]").ShouldNotBeNull();
        Text(agreement.QuerySelector("[data-item='outline.genogram'] [data-testid=percent]")).ShouldBe("0%");
        Text(agreement.QuerySelector("[data-item='outline.genogram'] [data-testid=kappa]")).ShouldBe("0.00");
        Text(agreement.QuerySelector("[data-item='theme.exploitation'] [data-testid=percent]")).ShouldBe("100%");
        Text(agreement.QuerySelector("[data-testid=review-NB-001] [data-testid=differences]")).ShouldBe("1");
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        Text(noReasonPage.QuerySelector(".govuk-error-summary")).ShouldContain("Enter why this is the answer for Genogram");
        noReasonPage.QuerySelector(".govuk-error-summary a")!.GetAttribute("href").ShouldBe("#outline.genogram.reason");
        settled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        settledPage.QuerySelector("[data-testid=settled]").ShouldNotBeNull();
        Text(listAfter.QuerySelector("[data-testid=review-NB-001] [data-testid=progress]")).ShouldBe("Settled");
        Text(analysis.QuerySelector("[data-testid=table-outline-compliance] [data-testid=row-genogram]")).ShouldNotBeEmpty();
        var outline = await OutlineAsync();
        outline["genogram", "partly"].ShouldBeGreaterThanOrEqualTo(1);
        var record = await _world.WithDbAsync(db => db.LearningReviews.Where(r => r.Id == id).Select(r => r.Record).SingleAsync());
        var coded = ExchangeService.ReviewOf(record);
        coded.Report!.Outline![OutlineItem.Genogram].ShouldBe(OutlineAnswer.Partly);
        coded.Themes.ShouldBe([ReviewTheme.Neglect, ReviewTheme.Exploitation]);
    }

    private const string ReviewSubmit = Scr.Web.Pages.Analysis.Coding.ReviewModel.Submit;

    private async Task<AnalysisGrid> OutlineAsync()
    {
        using var scope = _world.Factory.Services.CreateScope();
        var s = scope.ServiceProvider;
        var panel = (await s.GetRequiredService<Principals>().LoadAsync((await s.GetRequiredService<UserManager<User>>().FindByEmailAsync(FirstEmail))!.Id))!;
        var result = await s.GetRequiredService<ExchangeService>().AnalyseAsync(new AnalysisLimits(), panel, new Actor(panel.UserId, FirstEmail, null));
        return result.Tables.Grid(AnalysisTables.OutlineCompliance);
    }

    [Fact]
    public async Task Coding_AnswerNotAllowed_ErrorSummaryLinksToTheQuestion()
    {
        var id = await ImportAsync();
        var first = await _world.SignInAsync(FirstEmail);
        var url = $"/analysis/coding/{id}";

        var refused = await first.SubmitAsync(url, new Dictionary<string, string> { ["outline.genogram"] = "maybe", ["child.1.ageAtIncidentMonths"] = "old", ["Action"] = "save" });
        var page = Browser.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["#child.1.ageAtIncidentMonths", "#outline.genogram"], ignoreOrder: true);
        page.QuerySelector("input[name='child.1.ageAtIncidentMonths']")!.GetAttribute("value").ShouldBe("old");
        (await _world.WithDbAsync(db => db.ReviewCodings.CountAsync(c => c.LearningReviewId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task Api_SaveSubmitAgreementAndSettle_AsThePages()
    {
        var id = await ImportAsync();
        var first = await _world.ApiClientAsync(FirstEmail);
        var second = await _world.ApiClientAsync(SecondEmail);
        var board = await _world.ApiClientAsync("officer@northbridge.example");
        var ct = TestContext.Current.CancellationToken;

        var started = await first.PutAsJsonAsync($"/api/v1/analysis/coding/{id}", new { answers = new { outlineGenogram = "x" }, submit = false }, ct);
        var bad = await first.PutAsJsonAsync($"/api/v1/analysis/coding/{id}",
            new Dictionary<string, object> { ["answers"] = new Dictionary<string, string> { ["outline.genogram"] = "maybe" }, ["submit"] = false }, ct);
        var firstSaved = await first.PutAsJsonAsync($"/api/v1/analysis/coding/{id}",
            new Dictionary<string, object> { ["answers"] = new Dictionary<string, string> { ["outline.genogram"] = "yes" }, ["submit"] = true }, ct);
        var secondView = await second.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/analysis/coding/{id}", ct);
        var secondSaved = await second.PutAsJsonAsync($"/api/v1/analysis/coding/{id}",
            new Dictionary<string, object> { ["answers"] = new Dictionary<string, string> { ["outline.genogram"] = "partly" }, ["submit"] = true }, ct);
        var agreement = await second.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/analysis/coding/agreement", ct);
        var settle = await second.PostAsJsonAsync($"/api/v1/analysis/coding/{id}/settlement", new Dictionary<string, object>
        {
            ["choices"] = new Dictionary<string, string> { ["outline.genogram"] = "yes" },
            ["reasons"] = new Dictionary<string, string> { ["outline.genogram"] = "The genogram is complete." },
        }, ct);
        var refused = await board.GetAsync($"/api/v1/analysis/coding/{id}", ct);

        started.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "outlineGenogram is not a question");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        firstSaved.StatusCode.ShouldBe(HttpStatusCode.OK);
        secondView.GetProperty("others").GetArrayLength().ShouldBe(0, "blind before both submit");
        secondSaved.StatusCode.ShouldBe(HttpStatusCode.OK);
        agreement.GetProperty("reviews").EnumerateArray().Single(r => r.GetProperty("reference").GetString() == "NB-001")
            .GetProperty("differences").GetInt32().ShouldBe(1);
        settle.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
