using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Exchange;
using Scr.Core.Services.Panel;
using Scr.Core.Services.Reviews;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

/// <summary>Reviews run here join the national learning record when decided and when the Panel answers (issue 7, item 2).</summary>
public class ReviewLearningRecordTests
{
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");

    private sealed class World(ServiceProvider services, TestClock clock, Organisation board, User officer, Organisation agency, Principal chair,
        Principal panel) : IAsyncDisposable
    {
        public Principal Panel { get; } = panel;

        public async Task<T> WithAsync<T>(Func<IServiceScope, Task<T>> work)
        {
            using var scope = services.CreateScope();
            return await work(scope);
        }

        public Task<Review> CaseAsync() => WithAsync(async scope =>
            await new TestData(scope.Db(), clock).CreateReviewAsync(board, await scope.Db().Users.FirstAsync(u => u.Id == officer.Id), agency));

        public async Task DecideAsync(Guid reviewId, string action)
        {
            await WithAsync(async scope =>
            {
                var version = await scope.Db().Reviews.Where(r => r.Id == reviewId).Select(r => r.Version).SingleAsync();
                return await scope.ServiceProvider.GetRequiredService<ReviewService>().MoveAsync(reviewId, action, "Fictional rationale", version, chair, Tester);
            });
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        public Task AgreeAsync(Guid reviewId) => WithAsync(async scope =>
        {
            var sent = await scope.Db().PanelSubmissions.AsNoTracking().SingleAsync(p => p.ReviewId == reviewId);
            return await scope.ServiceProvider.GetRequiredService<PanelService>().RespondAsync(sent.Id, PanelResponseKind.Agree, null, sent.Version,
                Panel, Tester);
        });

        public Task<List<LearningReview>> RecordsAsync() => WithAsync(scope => scope.Db().LearningReviews.AsNoTracking().ToListAsync());

        /// <summary>An analyst's coding written into the record, as a settled coding is.</summary>
        public Task CodeAsync(Guid learningReviewId, Func<ExchangeReview, ExchangeReview> coding) => WithAsync(async scope =>
        {
            var held = await scope.Db().LearningReviews.SingleAsync(r => r.Id == learningReviewId);
            held.Recode(ExchangeService.RecordOf(coding(ExchangeService.ReviewOf(held.Record))));
            return await scope.Db().SaveChangesAsync();
        });

        public ValueTask DisposeAsync() => services.DisposeAsync();
    }

    private static async Task<World> WorldAsync(TestDatabase database)
    {
        var clock = new TestClock();
        var services = CoreHost.Build(database, clock);
        using var scope = services.CreateScope();
        var data = new TestData(scope.Db(), clock);
        var board = await data.CreateBoardAsync("northbridge", Region.NorthEast);
        var agency = await data.CreateAgencyAsync("csc", AgencyType.ChildrensSocialCare, board);
        var panelOrg = await data.CreatePanelAsync();
        var chair = await data.CreateUserAsync("chair@nb.example", (Role.BoardChair, board));
        var officer = await data.CreateUserAsync("officer@nb.example", (Role.BusinessUnitOfficer, board));
        var panel = await data.CreateUserAsync("panel@panel.example", (Role.PanelMember, panelOrg));
        return new World(services, clock, board, officer, agency, await data.PrincipalAsync(chair), await data.PrincipalAsync(panel));
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task MoveAsync_DecisionRecorded_RecordOfTheCaseHoldsTheDecision(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await WorldAsync(database);
        var review = await world.CaseAsync();
        (await world.RecordsAsync()).ShouldBeEmpty();

        await world.DecideAsync(review.Id, "do-not-initiate");

        var held = (await world.RecordsAsync()).ShouldHaveSingleItem();
        held.ReviewId.ShouldBe(review.Id);
        held.BoardKey.ShouldBe("northbridge");
        held.Reference.ShouldBe(review.Reference);
        held.Region.ShouldBe(Region.NorthEast);
        held.IncidentDate.ShouldBe(review.IncidentDate);
        var decision = ExchangeService.ReviewOf(held.Record).Decision.ShouldNotBeNull();
        decision.Outcome.ShouldBe(ExchangeDecisionOutcome.NotInitiate);
        decision.Rationale.ShouldBe("Fictional rationale");
        decision.Panel.ShouldBe(new ExchangePanelAnswer(PanelResponse.NotConsidered));
        (await world.WithAsync(scope => scope.Db().AuditEntries.CountAsync(a => a.Action == AuditActions.LearningReviewRecorded))).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task RespondAsync_RecordCodedThenPanelAgrees_KeepsTheCodingAndTakesTheAnswer(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await WorldAsync(database);
        var review = await world.CaseAsync();
        await world.DecideAsync(review.Id, "do-not-initiate");
        var held = (await world.RecordsAsync()).Single();
        await world.CodeAsync(held.Id, r => r with { Themes = [ReviewTheme.Neglect, ReviewTheme.DomesticViolence], ParentsEthnicity = Ethnicity.Mixed });

        await world.AgreeAsync(review.Id);

        var refreshed = ExchangeService.ReviewOf((await world.RecordsAsync()).ShouldHaveSingleItem().Record);
        refreshed.Decision!.Panel.ShouldBe(new ExchangePanelAnswer(PanelResponse.Agreed));
        refreshed.Themes.ShouldBe([ReviewTheme.Neglect, ReviewTheme.DomesticViolence]);
        refreshed.ParentsEthnicity.ShouldBe(Ethnicity.Mixed);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task MoveAsync_BoardHadImportedTheCase_LinksThatRecordAndTheAnalysisCountsItOnce(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await WorldAsync(database);
        var review = await world.CaseAsync();
        var sent = new ExchangeReview
        {
            Reference = review.Reference,
            Board = "northbridge",
            Kind = ExchangeReviewKind.SeriousCaseReview,
            Themes = [ReviewTheme.Exploitation],
        };
        using (var file = new MemoryStream())
        {
            ExchangeWriter.Write(file, [new ExchangeBoard("northbridge")], [sent]);
            file.Position = 0;
            await world.WithAsync(scope => scope.ServiceProvider.GetRequiredService<ExchangeService>().ImportAsync(file, world.Panel, Tester));
        }
        var imported = (await world.RecordsAsync()).Single();

        await world.DecideAsync(review.Id, "do-not-initiate");

        var held = (await world.RecordsAsync()).ShouldHaveSingleItem();
        held.Id.ShouldBe(imported.Id);
        held.ReviewId.ShouldBe(review.Id);
        var record = ExchangeService.ReviewOf(held.Record);
        record.Themes.ShouldBe([ReviewTheme.Exploitation]);
        record.Decision!.Outcome.ShouldBe(ExchangeDecisionOutcome.NotInitiate);
        var analysis = await world.WithAsync(scope =>
            scope.ServiceProvider.GetRequiredService<ExchangeService>().AnalyseAsync(new AnalysisLimits(), world.Panel, Tester));
        analysis.Reviews.ShouldBe(1);
        analysis.Tables.Table("panel-decisions")["not-initiated"].Count.ShouldBe(1);
    }
}
