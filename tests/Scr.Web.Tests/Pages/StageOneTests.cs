using System.Net;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Models;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Decisions;
using Scr.TestCommon;
using Scr.Web.Tests.Api;

namespace Scr.Web.Tests.Pages;

/// <summary>Stage 1 through the pages: records, file reviews, the recommendation and who may see what.</summary>
public class StageOneTests : IAsyncLifetime
{
    private const string Officer = "officer@northbridge.example";
    private const string AgencyLead = "agency.lead@northbridge.example";
    private const string AgencyAuthor = "agency.author@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string PeerChair = "chair@eastmere.example";
    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private async Task<Review> NewCaseAsync() => await _world.CaseAsync("Infant found unresponsive");

    [Fact]
    public async Task FileReview_OtherAgenciesSeeItOnlyOnceTheBoardSharesIt()
    {
        var review = await NewCaseAsync();
        var socialCare = await _world.OrganisationAsync("northbridge-csc");
        var lead = await _world.SignInAsync(AgencyLead);
        var sent = await lead.SubmitAsync($"/cases/{review.Id}/agency", new Dictionary<string, string>
        {
            ["Input.Contacts"] = "Fictional: two home visits in October; the child was seen asleep.",
            ["Input.KnownConcerns"] = "Fictional: neighbours reported shouting.",
            ["Input.Recommendation"] = "CriteriaMet",
            ["Input.Rationale"] = "Fictional: neglect suspected.",
        }, $"/cases/{review.Id}/agency?agency={socialCare.Id}&handler=FileReview");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());

        var author = await _world.SignInAsync(AgencyAuthor);
        var before = await author.GetDocumentAsync($"/cases/{review.Id}/file-reviews");
        before.QuerySelectorAll("[data-testid=file-review]").Length.ShouldBe(0);
        (await lead.GetDocumentAsync($"/cases/{review.Id}/file-reviews")).QuerySelectorAll("[data-testid=file-review]").Length.ShouldBe(1);

        var officer = await _world.SignInAsync(Officer);
        var shared = await officer.SubmitAsync($"/cases/{review.Id}/file-reviews", new Dictionary<string, string>
        {
            ["Version"] = (await _world.WithDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Id == review.Id).Select(r => r.Version).FirstAsync())).ToString(),
        }, $"/cases/{review.Id}/file-reviews?handler=Share");
        shared.StatusCode.ShouldBe(HttpStatusCode.Redirect, await shared.Content.ReadAsStringAsync());

        var after = await author.GetDocumentAsync($"/cases/{review.Id}/file-reviews");
        after.QuerySelectorAll("[data-testid=file-review]").Length.ShouldBe(1);
        after.QuerySelector("[data-testid=file-review]")!.TextContent.ShouldContain("neighbours reported shouting");
        var reads = await _world.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.FileReviewRead && e.UserName == AgencyAuthor));
        reads.ShouldBe(1, "only the read that showed a file review is logged as one");
    }

    [Fact]
    public async Task Agency_CannotActForAnotherAgency()
    {
        var review = await NewCaseAsync();
        var socialCare = await _world.OrganisationAsync("northbridge-csc");
        var author = await _world.SignInAsync(AgencyAuthor);
        // Asking for another agency's page shows the author's own agency instead.
        var page = await author.GetDocumentAsync($"/cases/{review.Id}/agency?agency={socialCare.Id}");
        page.QuerySelector(".govuk-caption-l")!.TextContent.ShouldNotContain("Children's");
        var secure = await author.SubmitAsync($"/cases/{review.Id}/agency", new Dictionary<string, string> { ["RecordsNote"] = "x" },
            $"/cases/{review.Id}/agency?agency={socialCare.Id}&handler=Secure");
        secure.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var agencies = await _world.WithDbAsync(db => db.ReviewAgencies.AsNoTracking().Where(a => a.ReviewId == review.Id).ToListAsync());
        agencies.Single(a => a.AgencyId == socialCare.Id).RecordsSecuredAt.ShouldBeNull();
        agencies.Count(a => a.RecordsSecuredAt is not null).ShouldBe(1);
    }

    [Fact]
    public async Task Recommendation_ChecksTheAnswers_ThenRecordsWithTheWarnings()
    {
        var review = await NewCaseAsync();
        var officer = await _world.SignInAsync(Officer);
        var form = await officer.GetDocumentAsync($"/cases/{review.Id}/recommendation");
        var fields = form.QuerySelectorAll("input[type=radio][name^='q-']").Select(r => r.GetAttribute("name")!).Distinct()
            .ToDictionary(n => n, _ => "no");
        fields["q-8_5-child-died"] = "yes";
        fields["q-8_5-abuse-or-neglect"] = "yes";
        fields["Input.Recommendation"] = "DoNotInitiate";
        fields["Input.Rationale"] = "Fictional rationale.";
        fields["Version"] = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var check = await officer.SubmitAsync($"/cases/{review.Id}/recommendation", fields, $"/cases/{review.Id}/recommendation?handler=Check");
        var checkedPage = Browser.Parse(await check.Content.ReadAsStringAsync());
        checkedPage.QuerySelector("[data-testid=prompt]")!.TextContent.ShouldContain("8.5");
        checkedPage.QuerySelectorAll("[data-testid=warning]").ShouldNotBeEmpty();
        (await _world.WithDbAsync(db => db.SubGroupRecommendations.CountAsync(r => r.ReviewId == review.Id))).ShouldBe(0);

        var missing = new Dictionary<string, string>(fields);
        missing.Remove("q-8_5-child-died");
        var refused = await officer.SubmitAsync($"/cases/{review.Id}/recommendation", missing, $"/cases/{review.Id}/recommendation?handler=Record");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Browser.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary a[href='#q-8_5-child-died']").ShouldNotBeNull();

        var recorded = await officer.SubmitAsync($"/cases/{review.Id}/recommendation", fields, $"/cases/{review.Id}/recommendation?handler=Record");
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync());
        var saved = await _world.WithDbAsync(db => db.SubGroupRecommendations.AsNoTracking().SingleAsync(r => r.ReviewId == review.Id));
        saved.Recommendation.ShouldBe(DecisionOutcome.DoNotInitiate);
        saved.Warnings.ShouldNotBeEmpty();
        saved.Answers.ShouldContain("\"8.5-child-died\":\"yes\"");
    }

    [Fact]
    public async Task PeerReview_Answered_ConfirmedOnThePeerReviewAndNowhereElse()
    {
        var review = await NewCaseAsync();
        var peerId = await _world.UserIdAsync(PeerChair);
        var peerReview = await _world.AsAsync<DecisionService, PeerReview>(Chair,
            (decisions, principal, actor) => decisions.RequestPeerReviewAsync(review.Id, peerId, principal, actor));
        var peer = await _world.SignInAsync(PeerChair);

        var answered = await peer.SubmitAsync($"/peer-reviews/{peerReview.Id}", new Dictionary<string, string>
        {
            ["Agrees"] = "true",
            ["Answer"] = "Fictional: the consideration is sound.",
        });

        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await answered.Content.ReadAsStringAsync());
        answered.Location().ShouldBe($"/peer-reviews/{peerReview.Id}");
        var page = await peer.GetDocumentAsync(answered.Location()!);
        page.QuerySelector(".govuk-notification-banner--success")!.TextContent.ShouldContain("Your response has been sent to the chair.");
        page.QuerySelector("main")!.TextContent.ShouldContain("You answered on");
        // The confirmation is used up: it does not turn up later on another page that shows banners.
        var eastmereCase = await _world.NotifyStage1CaseAsync("officer@eastmere.example", "eastmere", "Fictional Eastmere case.", agencyKeys: ["eastmere-csc"]);
        (await peer.GetDocumentAsync($"/cases/{eastmereCase}")).QuerySelector(".govuk-notification-banner--success").ShouldBeNull();
    }
}
