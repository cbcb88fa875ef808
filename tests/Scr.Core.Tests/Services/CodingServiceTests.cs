using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services;
using Scr.Core.Services.Exchange;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

/// <summary>Coding of the learning record's reports (decision 0016): blind double coding, agreement and settling.</summary>
public class CodingServiceTests
{
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");

    private sealed record World(ServiceProvider Services, Principal First, Principal Second, Principal Third, Principal Officer, Guid ReviewId)
        : IAsyncDisposable
    {
        public async Task<T> CodingAsync<T>(Func<CodingService, Task<T>> work)
        {
            using var scope = Services.CreateScope();
            return await work(scope.ServiceProvider.GetRequiredService<CodingService>());
        }

        public async Task CodingAsync(Func<CodingService, Task> work)
        {
            using var scope = Services.CreateScope();
            await work(scope.ServiceProvider.GetRequiredService<CodingService>());
        }

        public async Task<AnalysisReport> AnalyseAsync()
        {
            using var scope = Services.CreateScope();
            return (await scope.ServiceProvider.GetRequiredService<ExchangeService>().AnalyseAsync(new AnalysisLimits(), First, Tester)).Tables;
        }

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private static async Task<World> WorldAsync(TestDatabase database)
    {
        var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var data = new TestData(scope.Db(), TimeProvider.System);
        var board = await data.CreateBoardAsync("anytown", Region.YorkshireHumber);
        var panel = await data.CreatePanelAsync();
        var first = await data.PrincipalAsync(await data.CreateUserAsync("first@panel.example", (Role.PanelMember, panel)));
        var second = await data.PrincipalAsync(await data.CreateUserAsync("second@panel.example", (Role.PanelMember, panel)));
        var third = await data.PrincipalAsync(await data.CreateUserAsync("third@panel.example", (Role.PanelMember, panel)));
        var officer = await data.PrincipalAsync(await data.CreateUserAsync("officer@anytown.example", (Role.BusinessUnitOfficer, board)));
        var review = new ExchangeReview
        {
            Reference = "ANY-2002-003",
            Board = "anytown",
            Incident = new ExchangeIncident(IncidentType.Death, new DateOnly(2002, 3, 14)),
            Children = [new ExchangeChild(4, null, Sex.Male)],
            Themes = [ReviewTheme.Neglect],
            Report = new ExchangeReport(new DateOnly(2003, 1, 20), Outline: new ExchangeOutline(new Dictionary<OutlineItem, OutlineAnswer> { [OutlineItem.Genogram] = OutlineAnswer.No })),
            RecommendationsKnown = true,
            Recommendations = [new ExchangeRecommendation(1, "Train staff in neglect.", Focus: RecommendationFocus.Training)],
        };
        var file = new MemoryStream();
        ExchangeWriter.Write(file, [new ExchangeBoard("anytown")], [review]);
        file.Position = 0;
        await scope.ServiceProvider.GetRequiredService<ExchangeService>().ImportAsync(file, first, Tester);
        var id = await scope.Db().LearningReviews.Select(r => r.Id).SingleAsync();
        return new World(services, first, second, third, officer, id);
    }

    private static Dictionary<string, string> Answers(params (string Key, string Value)[] answers) => answers.ToDictionary(a => a.Key, a => a.Value);

    [Fact]
    public async Task Coding_BeforeBothSubmit_NeitherCoderSeesTheOther()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var world = await WorldAsync(database);
        var id = world.ReviewId;

        await world.CodingAsync(c => c.SaveAsync(id, Answers(("outline.genogram", "yes")), false, null, world.First, Tester));
        var firstStarted = await world.CodingAsync(c => c.GetAsync(id, world.First));
        await world.CodingAsync(c => c.SaveAsync(id, Answers(("outline.genogram", "partly")), true, null, world.Second, Tester));
        var secondSubmitted = await world.CodingAsync(c => c.GetAsync(id, world.Second));
        var thirdMeanwhile = await world.CodingAsync(c => c.GetAsync(id, world.Third));
        await world.CodingAsync(c => c.SaveAsync(id, Answers(), true, null, world.First, Tester));
        var firstAfter = await world.CodingAsync(c => c.GetAsync(id, world.First));

        firstStarted.Mine!.Values["outline.genogram"].ShouldBe("yes");
        firstStarted.Mine.Values["theme.neglect"].ShouldBe("yes", "the record's answers start the coding");
        firstStarted.Others.ShouldBeEmpty();
        secondSubmitted.Progress.ShouldBe(CodingProgress.CodedOnce);
        secondSubmitted.Others.ShouldBeEmpty("the other coder has not submitted");
        thirdMeanwhile.Others.ShouldBeEmpty();
        thirdMeanwhile.MayStart.ShouldBeFalse("two coders already");
        firstAfter.Progress.ShouldBe(CodingProgress.CodedTwice);
        firstAfter.Others.Single().Values["outline.genogram"].ShouldBe("partly");
        firstAfter.Differences.ShouldBe(["outline.genogram"]);
        await Should.ThrowAsync<RuleViolationException>(() => world.CodingAsync(c => c.SaveAsync(id, Answers(), false, null, world.Third, Tester)));
        await Should.ThrowAsync<RuleViolationException>(() => world.CodingAsync(c => c.SaveAsync(id, Answers(("outline.genogram", "no")), false, null, world.First, Tester)));
    }

    [Fact]
    public async Task Coding_BoardUser_Refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var world = await WorldAsync(database);

        await Should.ThrowAsync<ForbiddenException>(() => world.CodingAsync(c => c.ListAsync(world.Officer)));
        await Should.ThrowAsync<ForbiddenException>(() => world.CodingAsync(c => c.GetAsync(world.ReviewId, world.Officer)));
        await Should.ThrowAsync<ForbiddenException>(() => world.CodingAsync(c => c.SaveAsync(world.ReviewId, Answers(), false, null, world.Officer, Tester)));
        await Should.ThrowAsync<ForbiddenException>(() => world.CodingAsync(c => c.SettleAsync(world.ReviewId, Answers(), Answers(), world.Officer, Tester)));
    }

    [Fact]
    public async Task Save_AnswerNotAllowed_RefusedNamingTheQuestion()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var world = await WorldAsync(database);

        var refused = await Should.ThrowAsync<RuleViolationException>(() =>
            world.CodingAsync(c => c.SaveAsync(world.ReviewId, Answers(("outline.genogram", "maybe")), false, null, world.First, Tester)));

        refused.Problems.Single().Field.ShouldBe("outline.genogram");
        (await world.CodingAsync(c => c.ListAsync(world.First))).Rows.Single().Mine.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Settle_Differences_WrittenIntoTheRecordAndCountedByTheAnalysis(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await WorldAsync(database);
        var id = world.ReviewId;
        await world.CodingAsync(c => c.SaveAsync(id, Answers(("outline.genogram", "yes"), ("theme.exploitation", "yes"), ("recommendation.1.focus", "supervision")),
            true, null, world.First, Tester));
        await world.CodingAsync(c => c.SaveAsync(id, Answers(("outline.genogram", "partly"), ("theme.exploitation", "yes"), ("recommendation.1.focus", "training")),
            true, null, world.Second, Tester));
        var before = await world.AnalyseAsync();
        var agreement = await world.CodingAsync(c => c.AgreementAsync(world.Third));

        var missingReason = await Should.ThrowAsync<RuleViolationException>(() => world.CodingAsync(c => c.SettleAsync(id,
            Answers(("outline.genogram", "partly"), ("recommendation.1.focus", "supervision")), Answers(("outline.genogram", "The genogram covers only the mother's side.")),
            world.Third, Tester)));
        await world.CodingAsync(c => c.SettleAsync(id, Answers(("outline.genogram", "partly"), ("recommendation.1.focus", "supervision")),
            Answers(("outline.genogram", "The genogram covers only the mother's side."), ("recommendation.1.focus", "It asks for supervision records.")),
            world.Third, Tester));
        var after = await world.AnalyseAsync();
        var settled = await world.CodingAsync(c => c.GetAsync(id, world.First));

        agreement.Reviews.Single().Differences.ShouldBe(2);
        agreement.Items.Single(i => i.Item == "outline.genogram").Agreed.ShouldBe(0);
        agreement.Items.Single(i => i.Item == "theme.exploitation").PercentAgreement.ShouldBe(100);
        missingReason.Problems.Select(p => p.Field).ShouldBe(["recommendation.1.focus.reason"]);
        before.Grid(AnalysisTables.OutlineCompliance)["genogram", "no"].ShouldBe(1);
        after.Grid(AnalysisTables.OutlineCompliance)["genogram", "partly"].ShouldBe(1);
        after.Grid(AnalysisTables.OutlineCompliance)["genogram", "no"].ShouldBe(0);
        before.Table(AnalysisTables.Themes)["exploitation"].Count.ShouldBe(0);
        after.Table(AnalysisTables.Themes)["exploitation"].Count.ShouldBe(1);
        after.Table(AnalysisTables.RecommendationFocus)["supervision"].Count.ShouldBe(1);
        settled.Progress.ShouldBe(CodingProgress.Settled);
        settled.Settlement!.Reasons["outline.genogram"].ShouldBe("The genogram covers only the mother's side.");
        await Should.ThrowAsync<RuleViolationException>(() => world.CodingAsync(c => c.SettleAsync(id, Answers(), Answers(), world.Third, Tester)));
        using var scope = world.Services.CreateScope();
        (await scope.Db().AuditEntries.CountAsync(a => a.Action == Scr.Core.Services.Audit.AuditActions.ReviewCodingSettled)).ShouldBe(1);
    }
}
