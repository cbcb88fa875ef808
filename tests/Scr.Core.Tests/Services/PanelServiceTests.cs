using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Panel;
using Scr.Core.Services.Reviews;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

public class PanelServiceTests
{
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");

    private sealed record World(Organisation Board, Organisation OtherBoard, Organisation Agency, Principal Chair, Principal Officer,
        Principal SubGroup, Principal OtherOfficer, Principal Panel, User PanelUser, User OfficerUser, User ChairUser);

    private sealed class Fixture(ServiceProvider services, TestClock clock, World world) : IAsyncDisposable
    {
        public TestClock Clock { get; } = clock;
        public World World { get; } = world;

        public async Task<T> WithAsync<T>(Func<IServiceScope, Task<T>> work)
        {
            using var scope = services.CreateScope();
            return await work(scope);
        }

        public Task<T> PanelAsync<T>(Func<PanelService, Task<T>> work) =>
            WithAsync(scope => work(scope.ServiceProvider.GetRequiredService<PanelService>()));

        public Task<Guid> VersionAsync(Guid submissionId) =>
            WithAsync(scope => scope.Db().PanelSubmissions.Where(p => p.Id == submissionId).Select(p => p.Version).SingleAsync());

        /// <summary>A case of the board decided by its chair and so sent to the Panel; returns the submission.</summary>
        public async Task<PanelSubmission> DecidedAsync(string action, Organisation? board = null, Principal? chair = null)
        {
            board ??= World.Board;
            chair ??= World.Chair;
            var reviewId = await WithAsync(async scope =>
            {
                var data = new TestData(scope.Db(), Clock);
                var officer = await scope.Db().Users.FirstAsync(u => u.Id == World.OfficerUser.Id);
                return (await data.CreateReviewAsync(board, officer, World.Agency)).Id;
            });
            await WithAsync(async scope =>
            {
                var version = await scope.Db().Reviews.Where(r => r.Id == reviewId).Select(r => r.Version).SingleAsync();
                return await scope.ServiceProvider.GetRequiredService<ReviewService>().MoveAsync(reviewId, action, "Fictional rationale", version, chair, Tester);
            });
            Clock.Advance(TimeSpan.FromMinutes(1));
            return await WithAsync(scope => scope.Db().PanelSubmissions.AsNoTracking().Where(p => p.ReviewId == reviewId).SingleAsync());
        }

        public async Task<PanelSubmission> RespondAsync(Guid id, PanelResponseKind kind, string? text)
        {
            var version = await VersionAsync(id);
            var result = await PanelAsync(p => p.RespondAsync(id, kind, text, version, World.Panel, Tester));
            Clock.Advance(TimeSpan.FromMinutes(1));
            return result;
        }

        public async Task AnswerAsync(PanelSubmission submission, string text, Principal? by = null)
        {
            var version = await VersionAsync(submission.Id);
            await PanelAsync(p => p.AnswerPanelAsync(submission.ReviewId, submission.Id, text, version, by ?? World.Officer, Tester));
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        public ValueTask DisposeAsync() => services.DisposeAsync();
    }

    private static async Task<Fixture> BuildAsync(TestDatabase database)
    {
        var clock = new TestClock();
        var services = CoreHost.Build(database, clock);
        using var scope = services.CreateScope();
        var data = new TestData(scope.Db(), clock);
        var board = await data.CreateBoardAsync("northbridge");
        var other = await data.CreateBoardAsync("eastmere");
        var agency = await data.CreateAgencyAsync("csc", AgencyType.ChildrensSocialCare, board, other);
        var panelOrg = await data.CreatePanelAsync();
        var chair = await data.CreateUserAsync("chair@nb.example", (Role.BoardChair, board));
        var officer = await data.CreateUserAsync("officer@nb.example", (Role.BusinessUnitOfficer, board));
        var subGroup = await data.CreateUserAsync("subgroup@nb.example", (Role.SubGroupMember, board));
        var otherOfficer = await data.CreateUserAsync("officer@em.example", (Role.BusinessUnitOfficer, other));
        await data.CreateUserAsync("chair@em.example", (Role.BoardChair, other));
        var panel = await data.CreateUserAsync("panel@panel.example", (Role.PanelMember, panelOrg));
        var world = new World(board, other, agency, await data.PrincipalAsync(chair), await data.PrincipalAsync(officer), await data.PrincipalAsync(subGroup),
            await data.PrincipalAsync(otherOfficer), await data.PrincipalAsync(panel), panel, officer, chair);
        return new Fixture(services, clock, world);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Panel_AsksBoardAnswersPanelAccepts_EachStepAuditedAndTheOtherSideTold(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var f = await BuildAsync(database);
        var sent = await f.DecidedAsync("do-not-initiate");

        var asked = await f.RespondAsync(sent.Id, PanelResponseKind.RequestInformation, "Was psychological harm considered?");
        asked.Response.ShouldBe(PanelResponse.Challenged);
        var view = await f.PanelAsync(p => p.GetAsync(sent.Id, f.World.Panel, Tester));
        view.State.ShouldBe(PanelState.AwaitingBoard);
        // The Panel accepts only once the board has answered.
        var early = await Should.ThrowAsync<RuleViolationException>(() => f.RespondAsync(sent.Id, PanelResponseKind.AcceptAfterInformation, null));
        early.Message.ShouldContain("not answered");

        await f.AnswerAsync(sent, "Yes: the sub-group weighed it against 8.6.");
        (await f.PanelAsync(p => p.GetAsync(sent.Id, f.World.Panel, Tester))).State.ShouldBe(PanelState.BoardAnswered);

        var accepted = await f.RespondAsync(sent.Id, PanelResponseKind.AcceptAfterInformation, null);
        accepted.ChallengeOutcome.ShouldBe(ChallengeOutcome.AcceptedAfterInformation);

        var final = await f.PanelAsync(p => p.GetAsync(sent.Id, f.World.Panel, Tester));
        final.State.ShouldBe(PanelState.AcceptedAfterInformation);
        final.Messages.Select(m => m.Kind).ShouldBe([PanelMessageKind.InformationRequested, PanelMessageKind.BoardAnswer, PanelMessageKind.AcceptedAfterInformation]);
        final.Person(final.Messages[1].ById).ShouldBe("officer");

        await f.WithAsync(async scope =>
        {
            var db = scope.Db();
            var audit = await db.AuditEntries.Where(e => e.ItemId == sent.Id.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
            audit.Where(a => a != AuditActions.PanelSubmissionRead).ShouldBe(
                [AuditActions.DecisionSentToPanel, AuditActions.PanelResponded, AuditActions.PanelAnswered, AuditActions.PanelResponded]);
            audit.Count(a => a == AuditActions.PanelSubmissionRead).ShouldBe(3);
            // The board's business unit and chair hear of each response; the Panel hears of the board's answer.
            var link = $"/cases/{sent.ReviewId}/panel";
            (await db.InboxItems.CountAsync(i => i.UserId == f.World.OfficerUser.Id && i.Link == link)).ShouldBe(2);
            (await db.InboxItems.CountAsync(i => i.UserId == f.World.ChairUser.Id && i.Link == link)).ShouldBe(2);
            (await db.InboxItems.CountAsync(i => i.UserId == f.World.PanelUser.Id && i.Link == $"/panel/decisions/{sent.Id}")).ShouldBe(2);
            // Emails and inbox items carry no message text.
            (await db.InboxItems.AnyAsync(i => i.Body!.Contains("psychological"))).ShouldBeFalse();
            return 0;
        });
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Respond_StaleVersion_RefusedAndTheBoardsAnswerMakesAnOlderVersionStale(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var f = await BuildAsync(database);
        var sent = await f.DecidedAsync("do-not-initiate");
        await f.RespondAsync(sent.Id, PanelResponseKind.Challenge, "The harm is serious.");
        var panelRead = await f.VersionAsync(sent.Id);

        await f.AnswerAsync(sent, "Here is why.");

        // The Panel read the decision before the board answered: its acceptance is refused, nothing is saved.
        await Should.ThrowAsync<StaleEditException>(() =>
            f.PanelAsync(p => p.AcceptAfterInformationAsync(sent.Id, null, panelRead, f.World.Panel, Tester)));
        await Should.ThrowAsync<StaleEditException>(() =>
            f.PanelAsync(p => p.AnswerPanelAsync(sent.ReviewId, sent.Id, "Again", panelRead, f.World.Officer, Tester)));
        var saved = await f.WithAsync(scope => scope.Db().PanelSubmissions.Include(p => p.Messages).SingleAsync(p => p.Id == sent.Id));
        saved.ChallengeOutcome.ShouldBe(ChallengeOutcome.AwaitingInformation);
        saved.Messages.Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Access_OnlyThePanelRespondsAndOnlyTheBoardsBusinessUnitAndChairAnswer(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var f = await BuildAsync(database);
        var sent = await f.DecidedAsync("do-not-initiate");
        var version = await f.VersionAsync(sent.Id);
        var w = f.World;

        await Should.ThrowAsync<ForbiddenException>(() => f.PanelAsync(p => p.ListAsync(new PanelListFilter(), w.Officer)));
        await Should.ThrowAsync<ForbiddenException>(() => f.PanelAsync(p => p.FiguresAsync(null, null, w.Chair)));
        await Should.ThrowAsync<NotFoundException>(() => f.PanelAsync(p => p.GetAsync(sent.Id, w.Officer, Tester)));
        await Should.ThrowAsync<ForbiddenException>(() => f.PanelAsync(p => p.AgreeAsync(sent.Id, null, version, w.Chair, Tester)));
        await Should.ThrowAsync<NotFoundException>(() => f.PanelAsync(p => p.GetAsync(Guid.NewGuid(), w.Panel, Tester)));

        await f.RespondAsync(sent.Id, PanelResponseKind.Challenge, "Why not?");
        version = await f.VersionAsync(sent.Id);
        // The Panel never opens the case, nor the board's page of it.
        await Should.ThrowAsync<NotFoundException>(() => f.PanelAsync(p => p.ForBoardAsync(sent.ReviewId, w.Panel, Tester)));
        await Should.ThrowAsync<NotFoundException>(() => f.WithAsync(s => s.ServiceProvider.GetRequiredService<ReviewService>().GetAsync(sent.ReviewId, w.Panel, Tester)));
        // Another board does not find the case; the sub-group sees the case but does not correspond with the Panel.
        await Should.ThrowAsync<NotFoundException>(() => f.PanelAsync(p => p.ForBoardAsync(sent.ReviewId, w.OtherOfficer, Tester)));
        await Should.ThrowAsync<NotFoundException>(() => f.PanelAsync(p => p.AnswerPanelAsync(sent.ReviewId, sent.Id, "x", version, w.OtherOfficer, Tester)));
        await Should.ThrowAsync<ForbiddenException>(() => f.PanelAsync(p => p.ForBoardAsync(sent.ReviewId, w.SubGroup, Tester)));
        await Should.ThrowAsync<ForbiddenException>(() => f.PanelAsync(p => p.AnswerPanelAsync(sent.ReviewId, sent.Id, "x", version, w.SubGroup, Tester)));
        // A submission of another case, under this case's address, is not found.
        var otherCase = await f.DecidedAsync("initiate");
        await Should.ThrowAsync<NotFoundException>(() => f.PanelAsync(p => p.AnswerPanelAsync(sent.ReviewId, otherCase.Id, "x", version, w.Officer, Tester)));

        var chairs = await f.PanelAsync(p => p.ForBoardAsync(sent.ReviewId, w.Chair, Tester));
        chairs.Submissions.Single().State.ShouldBe(PanelState.AwaitingBoard);
        chairs.IsChair.ShouldBeTrue();
        await f.AnswerAsync(sent, "The chair answers.", w.Chair);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Respond_InvalidSteps_RefusedWithTheRule(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var f = await BuildAsync(database);
        var sent = await f.DecidedAsync("do-not-initiate");

        (await Should.ThrowAsync<RuleViolationException>(() => f.RespondAsync(sent.Id, PanelResponseKind.Challenge, "  "))).Message
            .ShouldContain("Enter the Panel's challenge");
        (await Should.ThrowAsync<RuleViolationException>(() => f.RespondAsync(sent.Id, PanelResponseKind.AcceptAfterInformation, null))).Message
            .ShouldContain("Only a decision the Panel questioned");
        await Should.ThrowAsync<RuleViolationException>(() => f.AnswerAsync(sent, "Nobody asked"));
        await Should.ThrowAsync<RuleViolationException>(() => f.RespondAsync(sent.Id, PanelResponseKind.RequestInformation, new string('x', 8001)));

        await f.RespondAsync(sent.Id, PanelResponseKind.Agree, null);
        (await Should.ThrowAsync<RuleViolationException>(() => f.RespondAsync(sent.Id, PanelResponseKind.Agree, null))).Message.ShouldContain("already answered");
        await Should.ThrowAsync<RuleViolationException>(() => f.RespondAsync(sent.Id, PanelResponseKind.Challenge, "Too late"));
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task List_FiltersAndPages_NewestFirst(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var f = await BuildAsync(database);
        var w = f.World;
        var eastmereChair = await f.WithAsync(async s => await new TestData(s.Db(), f.Clock).PrincipalAsync(await s.Db().Users.SingleAsync(u => u.Email == "chair@em.example")));
        var first = await f.DecidedAsync("initiate");
        var questioned = await f.DecidedAsync("do-not-initiate");
        var answered = await f.DecidedAsync("do-not-initiate");
        var eastmere = await f.DecidedAsync("do-not-initiate", w.OtherBoard, eastmereChair);
        await f.RespondAsync(questioned.Id, PanelResponseKind.RequestInformation, "Tell us more");
        await f.RespondAsync(answered.Id, PanelResponseKind.Challenge, "Why?");
        await f.AnswerAsync(answered, "Because.");
        await f.RespondAsync(first.Id, PanelResponseKind.Agree, null);

        async Task<IReadOnlyList<Guid>> Ids(PanelListFilter filter) => (await f.PanelAsync(p => p.ListAsync(filter, w.Panel))).Rows.Select(r => r.Id).ToList();

        (await Ids(new PanelListFilter())).ShouldBe([eastmere.Id, answered.Id, questioned.Id, first.Id]);
        (await Ids(new PanelListFilter(State: PanelState.AwaitingBoard))).ShouldBe([questioned.Id]);
        (await Ids(new PanelListFilter(State: PanelState.BoardAnswered))).ShouldBe([answered.Id]);
        (await Ids(new PanelListFilter(State: PanelState.Agreed))).ShouldBe([first.Id]);
        (await Ids(new PanelListFilter(State: PanelState.NotConsidered))).ShouldBe([eastmere.Id]);
        (await Ids(new PanelListFilter(BoardId: w.OtherBoard.Id))).ShouldBe([eastmere.Id]);
        (await Ids(new PanelListFilter(Outcome: DecisionOutcome.InitiateSeriousCaseReview))).ShouldBe([first.Id]);
        var (rows, total) = await f.PanelAsync(p => p.ListAsync(new PanelListFilter(Page: 2, PageSize: 3), w.Panel));
        total.ShouldBe(4);
        rows.Single().Id.ShouldBe(first.Id);
        var row = (await f.PanelAsync(p => p.ListAsync(new PanelListFilter(State: PanelState.AwaitingBoard), w.Panel))).Rows.Single();
        row.AwaitingBoard.ShouldBeTrue();
        row.BoardName.ShouldBe(w.Board.Name);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Figures_FromTheRecords_CountEachReviewsFirstDecisionAndSilentBoards(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var f = await BuildAsync(database);
        var w = f.World;
        await f.WithAsync(async s => await new TestData(s.Db(), f.Clock).CreateBoardAsync("ashcombe"));

        await f.DecidedAsync("initiate");
        await f.DecidedAsync("commission-learning-review");
        var agreed = await f.DecidedAsync("do-not-initiate");
        await f.RespondAsync(agreed.Id, PanelResponseKind.Agree, null);
        var accepted = await f.DecidedAsync("do-not-initiate");
        await f.RespondAsync(accepted.Id, PanelResponseKind.RequestInformation, "More please");
        await f.AnswerAsync(accepted, "More.");
        await f.RespondAsync(accepted.Id, PanelResponseKind.AcceptAfterInformation, null);
        var awaiting = await f.DecidedAsync("do-not-initiate");
        await f.RespondAsync(awaiting.Id, PanelResponseKind.Challenge, "Why?");
        // A challenged decision not to initiate that the chair reconsiders: one not-initiated decision that became a review.
        var reconsidered = await f.DecidedAsync("do-not-initiate");
        await f.RespondAsync(reconsidered.Id, PanelResponseKind.Challenge, "The criteria are met.");
        await f.WithAsync(async scope =>
        {
            var version = await scope.Db().Reviews.Where(r => r.Id == reconsidered.ReviewId).Select(r => r.Version).SingleAsync();
            return await scope.ServiceProvider.GetRequiredService<ReviewService>().MoveAsync(reconsidered.ReviewId, "reconsider", "The Panel is right",
                version, w.Chair, Tester);
        });
        (await f.WithAsync(s => s.Db().PanelSubmissions.CountAsync(p => p.ReviewId == reconsidered.ReviewId))).ShouldBe(2);

        var figures = await f.PanelAsync(p => p.FiguresAsync(null, null, w.Panel));

        figures.Decisions.Rows.Select(r => (r.Key, r.Count, r.Percent)).ShouldBe(
        [
            ("initiated", 1, 17),
            ("not-initiated", 5, 83),
            ("agreed", 1, 20),
            ("challenged", 3, 60),
            ("became-review", 1, 33),
            ("accepted-after-information", 1, 33),
            ("awaiting-information", 1, 33),
        ]);
        figures.BoardsNotInTouch.Rows.Select(r => (r.Key, r.Count, r.Percent)).ShouldBe([("not-in-touch", 2, 67), ("in-touch", 1, 33)]);
        figures.BoardsWithNothing.Select(b => b.Name).ShouldBe(["Ashcombe Safeguarding Children Board", "Eastmere Safeguarding Children Board"]);

        // The same records counted by the pure rule give the same table.
        var facts = await f.WithAsync(async s => (await s.Db().Reviews.Include(r => r.PanelSubmissions).ToListAsync())
            .Select(PanelDecisionFacts.Of).OfType<PanelDecisionFacts>().ToList());
        figures.Decisions.ShouldBe(PanelFigures.Decisions(facts), new AnalysisTableComparer());

        // A period before any decision: nothing received, every board silent.
        var before = await f.PanelAsync(p => p.FiguresAsync(null, new DateOnly(2026, 1, 1), w.Panel));
        before.Decisions.Base.ShouldBe(0);
        before.BoardsNotInTouch["not-in-touch"].Count.ShouldBe(3);
    }

    private sealed class AnalysisTableComparer : IEqualityComparer<AnalysisTable>
    {
        public bool Equals(AnalysisTable? x, AnalysisTable? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Base == y.Base && x.Rows.SequenceEqual(y.Rows);

        public int GetHashCode(AnalysisTable obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
