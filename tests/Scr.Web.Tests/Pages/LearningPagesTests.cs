using System.Net;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Exchange;
using Scr.Core.Services.Exchange;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>
/// The learning repository's pages (decision 0017): search and read without signing in, publish as the Panel or the board's
/// business unit. The demo publishes four reports, one of them Northbridge's.
/// </summary>
public class LearningPagesTests : IAsyncLifetime
{
    private const string Panel = "panel@panel.example";
    private const string Officer = "officer@northbridge.example";
    private const string OtherOfficer = "officer@eastmere.example";

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private static string Text(AngleSharp.Dom.IElement? element) => element?.TextContent.Trim() ?? "";

    /// <summary>A Northbridge review of the learning record with no report yet.</summary>
    private Task<Guid> UnpublishedAsync() => _world.WithDbAsync(db => db.LearningReviews
        .Where(r => r.BoardKey == "northbridge" && !db.PublishedReports.Any(p => p.LearningReviewId == r.Id))
        .OrderBy(r => r.Reference).Select(r => r.Id).FirstAsync());

    /// <summary>Posts the publish form as a browser does (multipart), with a file part empty and nameless when no file is given.</summary>
    private static async Task<HttpResponseMessage> PublishAsync(HttpClient client, string url, string title, string text, string? fileName = null,
        byte[]? file = null)
    {
        var page = await client.GetDocumentAsync(url);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Browser.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(title), "Title" },
            { new StringContent("1"), "PublishedOn.Day" },
            { new StringContent("3"), "PublishedOn.Month" },
            { new StringContent("2004"), "PublishedOn.Year" },
            { new StringContent(text), "Text" },
        };
        var part = new ByteArrayContent(file ?? []);
        part.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data")
        {
            Name = "\"Upload\"",
            FileName = $"\"{fileName ?? ""}\"",
        };
        form.Add(part);
        return await client.PostAsync(url, form);
    }

    [Fact]
    public async Task Search_SignedOut_FindsTheReportWithTheWordMarked()
    {
        var anonymous = _world.Factory.CreateBrowser();

        var page = await anonymous.GetDocumentAsync("/learning?q=bruising");

        Text(page.QuerySelector("[data-testid=total]")).ShouldBe("1 report");
        var hit = page.QuerySelector("[data-testid=hits] li")!;
        Text(hit.QuerySelector("[data-testid=title]")).ShouldBe("Baby E: a serious case review");
        hit.QuerySelector("[data-testid=snippet]")!.InnerHtml.ShouldContain("<mark>bruising</mark>");
        page.QuerySelectorAll("input[type=checkbox][name=region]").ShouldNotBeEmpty();
        page.QuerySelector("[data-testid=publish-link]").ShouldBeNull();
    }

    [Fact]
    public async Task Search_ValueOfAFacetChosen_OnlyItsReportsAndItsBoxTicked()
    {
        var anonymous = _world.Factory.CreateBrowser();
        var all = await anonymous.GetDocumentAsync("/learning");
        var box = all.QuerySelector("input[type=checkbox][name=region]")!;
        var label = Text(all.QuerySelector($"label[for='{box.Id}']"));
        var count = int.Parse(label[(label.LastIndexOf('(') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);

        var filtered = await anonymous.GetDocumentAsync($"/learning?region={box.GetAttribute("value")}");

        Text(all.QuerySelector("[data-testid=total]")).ShouldBe("4 reports");
        filtered.QuerySelectorAll("[data-testid=hits] li").Length.ShouldBe(count);
        filtered.QuerySelector($"input[name=region][value='{box.GetAttribute("value")}']")!.HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public async Task Search_TextWithHtml_EncodedAndOnlyTheMarksAreElements()
    {
        var officer = await _world.SignInAsync(Officer);
        var published = await PublishAsync(officer, $"/learning/publish/{await UnpublishedAsync()}", "Child <i>J</i>",
            "The <script>alert(1)</script> note said <b>zebra</b> & more.");
        var anonymous = _world.Factory.CreateBrowser();

        var page = await anonymous.GetDocumentAsync("/learning?q=zebra");

        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var snippet = page.QuerySelector("[data-testid=snippet]")!;
        snippet.Children.Select(c => c.LocalName).ShouldBe(["mark"]);
        snippet.TextContent.ShouldContain("<script>alert(1)</script> note said <b>zebra</b> & more.");
        Text(page.QuerySelector("[data-testid=title]")).ShouldBe("Child <i>J</i>");
    }

    [Fact]
    public async Task Report_SignedOut_TheTextAndRecordWithoutTheCodedDataLink_WhichThePanelGets()
    {
        var id = await _world.WithDbAsync(db => db.PublishedReports.Where(p => p.Title.StartsWith("Child F")).Select(p => p.Id).SingleAsync());
        var anonymous = _world.Factory.CreateBrowser();
        var panel = await _world.SignInAsync(Panel);

        var signedOut = await anonymous.GetDocumentAsync($"/learning/{id}");
        var asPanel = await panel.GetDocumentAsync($"/learning/{id}");

        Text(signedOut.QuerySelector("[data-testid=title]")).ShouldBe("Child F: neglect over many years");
        signedOut.QuerySelectorAll("[data-testid=text] p").Length.ShouldBe(3);
        signedOut.QuerySelector("[data-testid=coded-data]").ShouldBeNull();
        signedOut.QuerySelector("[data-testid=record]").ShouldNotBeNull();
        asPanel.QuerySelector("[data-testid=coded-data]")!.GetAttribute("href").ShouldStartWith("/analysis/coding/");
        asPanel.QuerySelector("[data-testid=record]").ShouldNotBeNull();
        (await anonymous.GetAsync($"/learning/{id + 100}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// A report published by Northbridge's business unit of one of its decided cases (in the learning record since its decision),
    /// whose record an analyst has given a recommendation with an action; its id and the case's.
    /// </summary>
    private async Task<(int Report, Guid Case)> CaseReportAsync()
    {
        var (learningReviewId, caseId) = await _world.WithDbAsync(async db =>
        {
            var held = await db.LearningReviews.Where(l => l.BoardKey == "northbridge" && l.ReviewId != null).OrderBy(l => l.Reference).FirstAsync();
            held.Recode(ExchangeService.RecordOf(ExchangeService.ReviewOf(held.Record) with
            {
                RecommendationsKnown = true,
                Recommendations = [new ExchangeRecommendation(1, "Share the chronology between agencies.")],
                ActionPlan = new ExchangeActionPlan() with
                {
                    ActionsKnown = true,
                    Actions = [new ExchangeAction(1, "Agree a sharing protocol.", "Head of safeguarding", Status: "in progress")],
                },
            }));
            await db.SaveChangesAsync();
            return (held.Id, held.ReviewId!.Value);
        });
        var officer = await _world.SignInAsync(Officer);
        (await PublishAsync(officer, $"/learning/publish/{learningReviewId}", "Child K: a review run here", "What the review found."))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = await _world.WithDbAsync(db => db.PublishedReports.Where(p => p.LearningReviewId == learningReviewId).Select(p => p.Id).SingleAsync());
        return (report, caseId);
    }

    [Fact]
    public async Task Report_OfACaseRunHereSignedOut_RecommendationsAndActionStatusWithoutTheCaseLink()
    {
        var (report, _) = await CaseReportAsync();
        var anonymous = _world.Factory.CreateBrowser();

        var page = await anonymous.GetDocumentAsync($"/learning/{report}");

        Text(page.QuerySelector("[data-testid=recommendation]")).ShouldBe("Recommendation 1");
        page.QuerySelector("[data-testid=record]")!.TextContent.ShouldContain("Share the chronology between agencies.");
        Text(page.QuerySelector("[data-testid=actions] [data-testid=status]")).ShouldBe("in progress");
        // Who leads an action is for those who may read the review's record.
        page.QuerySelector("[data-testid=actions]")!.TextContent.ShouldNotContain("Head of safeguarding");
        page.QuerySelector("[data-testid=case]").ShouldBeNull();
    }

    [Fact]
    public async Task Report_OfACaseRunHereReadByTheBoard_LinksToTheCase()
    {
        var (report, caseId) = await CaseReportAsync();
        var officer = await _world.SignInAsync(Officer);
        var otherOfficer = await _world.SignInAsync(OtherOfficer);

        var page = await officer.GetDocumentAsync($"/learning/{report}");
        var otherBoards = await otherOfficer.GetDocumentAsync($"/learning/{report}");

        var link = page.QuerySelector("[data-testid=case]")!.GetAttribute("href");
        link.ShouldBe($"/cases/{caseId}");
        (await officer.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=actions]")!.TextContent.ShouldContain("Head of safeguarding");
        otherBoards.QuerySelector("[data-testid=case]").ShouldBeNull();
    }

    [Fact]
    public async Task Publish_SignedOut_SentToSignIn()
    {
        var anonymous = _world.Factory.CreateBrowser();

        var list = await anonymous.GetAsync("/learning/publish");
        var form = await anonymous.GetAsync($"/learning/publish/{await UnpublishedAsync()}");

        list.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        list.Location()!.ShouldContain("/sign-in");
        form.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        form.Location()!.ShouldContain("/sign-in");
    }

    [Fact]
    public async Task Publish_EmptyUploadOrNothing_ErrorMessagesAndNothingPublished()
    {
        var officer = await _world.SignInAsync(Officer);
        var url = $"/learning/publish/{await UnpublishedAsync()}";

        var empty = Browser.Parse(await (await PublishAsync(officer, url, "Child K", "", "report.pdf", [])).Content.ReadAsStringAsync());
        var nothing = Browser.Parse(await (await PublishAsync(officer, url, "Child K", "")).Content.ReadAsStringAsync());
        var wrongKind = Browser.Parse(await (await PublishAsync(officer, url, "", "", "report.txt", [1, 2, 3])).Content.ReadAsStringAsync());

        Text(empty.QuerySelector(".govuk-error-summary__list")).ShouldBe("The selected file is empty");
        Text(empty.QuerySelector("#Upload-error")).ShouldContain("The selected file is empty");
        Text(nothing.QuerySelector(".govuk-error-summary__list")).ShouldBe("Select a PDF or Word file of the report, or enter its text");
        wrongKind.QuerySelectorAll(".govuk-error-summary__list li").Select(Text)
            .ShouldBe(["Enter the title of the report", "The selected file must be a PDF or a Word document (.docx)"],
                "the title's problem is shown with the file's, not one round later");
        (await _world.WithDbAsync(db => db.PublishedReports.CountAsync())).ShouldBe(4);
    }

    [Fact]
    public async Task Publish_TypedByTheBoardsOfficer_ShownAndSearchable_OtherBoardsOfficerRefused()
    {
        var officer = await _world.SignInAsync(Officer);
        var other = await _world.SignInAsync(OtherOfficer);
        var url = $"/learning/publish/{await UnpublishedAsync()}";

        var refused = await other.GetAsync(url);
        var list = await officer.GetDocumentAsync("/learning/publish");
        var published = await PublishAsync(officer, url, "Child L: a learning review", "Agencies missed the quokka.\n\nThe second paragraph.");
        var report = await officer.GetDocumentAsync(published.Location()!);
        var found = await _world.Factory.CreateBrowser().GetDocumentAsync("/learning?q=quokka");

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        list.QuerySelectorAll("[data-testid^=review-NORTHBRIDGE]").ShouldNotBeEmpty();
        list.QuerySelectorAll("[data-testid^=review-EASTMERE]").ShouldBeEmpty();
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Text(report.QuerySelector("[data-testid=published]")).ShouldContain("published to the learning repository");
        report.QuerySelectorAll("[data-testid=text] p").Select(Text).ShouldBe(["Agencies missed the quokka.", "The second paragraph."]);
        Text(found.QuerySelector("[data-testid=title]")).ShouldBe("Child L: a learning review");
    }
}
