using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Deadlines;
using Scr.Core.Services.Reviews;
using Scr.Core.Services.Timetable;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

/// <summary>The review's timetable through its service: parallel processes, milestones, changes of timeline, the board's timetable.</summary>
public class TimetableServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");

    private sealed record World(TestClock Clock, ServiceProvider Services, Organisation Board, Organisation Csc, User Chair, User Officer, User SubGroup,
        User CscLead, User OtherOfficer, Review Case) : IAsyncDisposable
    {
        public async Task<T> AsAsync<T>(User user, Func<TimetableService, Principal, Task<T>> work)
        {
            using var scope = Services.CreateScope();
            var principal = await new TestData(scope.Db(), Clock).PrincipalAsync(user);
            return await work(scope.ServiceProvider.GetRequiredService<TimetableService>(), principal);
        }

        public Task AsAsync(User user, Func<TimetableService, Principal, Task> work) =>
            AsAsync<bool>(user, async (service, principal) =>
            {
                await work(service, principal);
                return true;
            });

        public async Task<Guid> VersionAsync()
        {
            using var scope = Services.CreateScope();
            return await scope.Db().Reviews.AsNoTracking().Where(r => r.Id == Case.Id).Select(r => r.Version).FirstAsync();
        }

        public async Task<IReadOnlyList<string>> AuditAsync()
        {
            using var scope = Services.CreateScope();
            return await scope.Db().AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        }

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private static async Task<World> BuildAsync(TestDatabase database)
    {
        var clock = new TestClock(Start);
        var services = CoreHost.Build(database, clock);
        using var scope = services.CreateScope();
        var data = new TestData(scope.Db(), clock);
        var board = await data.CreateBoardAsync("northbridge");
        var other = await data.CreateBoardAsync("eastmere");
        var csc = await data.CreateAgencyAsync("csc", AgencyType.ChildrensSocialCare, board);
        var chair = await data.CreateUserAsync("chair@nb.example", (Role.BoardChair, board));
        var officer = await data.CreateUserAsync("officer@nb.example", (Role.BusinessUnitOfficer, board));
        var subGroup = await data.CreateUserAsync("subgroup@nb.example", (Role.SubGroupMember, board));
        var cscLead = await data.CreateUserAsync("lead@csc.example", (Role.AgencyLead, csc));
        var otherOfficer = await data.CreateUserAsync("officer@em.example", (Role.BusinessUnitOfficer, other));
        var review = await data.CreateReviewAsync(board, officer, csc);
        var principal = await data.PrincipalAsync(chair);
        await scope.ServiceProvider.GetRequiredService<ReviewService>().MoveAsync(review.Id, "initiate", "Criteria met", review.Version, principal, Tester);
        return new World(clock, services, board, csc, chair, officer, subGroup, cscLead, otherOfficer, review);
    }

    private static ParallelProcessInput Trial(DateOnly? ended = null) =>
        new(ParallelProcessKind.CriminalProceedings, "Crown Court trial", new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 12), ended,
            "A lawyer", "CPS reviewing lawyer", null);

    private static readonly ConstraintInput NoInterviews =
        new(ConstrainedActivity.Interviews, "No interviews of witnesses before the trial ends", null, ConstraintEnd.ProcessEnds, null);

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task AddProcess_WithConstraints_Audited_ChangesTheVersion_AndShowsInForce(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        var before = await world.VersionAsync();

        var process = await world.AsAsync(world.Officer, (s, p) => s.AddProcessAsync(world.Case.Id, Trial(), [NoInterviews], before, p, Tester));

        (await world.VersionAsync()).ShouldNotBe(before);
        (await world.AuditAsync()).ShouldContain(AuditActions.ParallelProcessAdded);
        var timetable = await world.AsAsync(world.SubGroup, (s, p) => s.GetAsync(world.Case.Id, p, Tester));
        timetable.Processes.Single().Id.ShouldBe(process.Id);
        timetable.Processes.Single().Constraints.Single().Activity.ShouldBe(ConstrainedActivity.Interviews);
        timetable.InForceToday.Single().Constraint.Description.ShouldBe("No interviews of witnesses before the trial ends");
        timetable.NameOf(process.RecordedById).ShouldBe("officer");
        timetable.MayEdit.ShouldBeFalse("the sub-group reads the timetable; the business unit and review team keep it");
        (await world.AuditAsync()).ShouldContain(AuditActions.TimetableRead);

        var inForce = await world.AsAsync(world.CscLead, (s, p) => s.ConstraintsInForceAsync(world.Case.Id, new DateOnly(2027, 2, 1), ConstrainedActivity.Interviews, p));
        inForce.Single().Process.Id.ShouldBe(process.Id);
        (await world.AsAsync(world.CscLead, (s, p) => s.ConstraintsInForceAsync(world.Case.Id, new DateOnly(2027, 2, 1), ConstrainedActivity.Publication, p)))
            .ShouldBeEmpty();
        await Should.ThrowAsync<NotFoundException>(() =>
            world.AsAsync(world.OtherOfficer, (s, p) => s.ConstraintsInForceAsync(world.Case.Id, new DateOnly(2027, 2, 1), ConstrainedActivity.Interviews, p)));
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Process_ChangeEndAndConstraints_LiftsTheConstraint_EachChangeAudited(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        var processId = (await world.AsAsync(world.Officer, async (s, p) =>
            await s.AddProcessAsync(world.Case.Id, Trial(), [], await world.VersionAsync(), p, Tester))).Id;
        var constraint = await world.AsAsync(world.Officer, async (s, p) =>
            await s.AddConstraintAsync(world.Case.Id, processId, NoInterviews, await world.VersionAsync(), p, Tester));

        world.Clock.Set(new DateTimeOffset(2027, 2, 13, 9, 0, 0, TimeSpan.Zero));
        await world.AsAsync(world.Officer, async (s, p) => await s.ChangeProcessAsync(world.Case.Id, processId, Trial(ended: new DateOnly(2027, 2, 12)),
            await world.VersionAsync(), p, Tester));
        var timetable = await world.AsAsync(world.Officer, (s, p) => s.GetAsync(world.Case.Id, p, Tester));
        timetable.InForceToday.ShouldBeEmpty("the trial has ended");

        await world.AsAsync(world.Officer, async (s, p) => await s.ChangeConstraintAsync(world.Case.Id, processId, constraint.Id,
            NoInterviews with { Until = ConstraintEnd.Date, EndsOn = new DateOnly(2027, 3, 1) }, await world.VersionAsync(), p, Tester));
        (await world.AsAsync(world.Officer, (s, p) => s.GetAsync(world.Case.Id, p, Tester))).InForceToday.Single().Constraint.EndsOn
            .ShouldBe(new DateOnly(2027, 3, 1));
        await world.AsAsync(world.Officer, async (s, p) => await s.RemoveConstraintAsync(world.Case.Id, processId, constraint.Id, await world.VersionAsync(), p, Tester));
        (await world.AsAsync(world.Officer, (s, p) => s.GetAsync(world.Case.Id, p, Tester))).Processes.Single().Constraints.ShouldBeEmpty();

        (await world.AuditAsync()).Where(a => a.StartsWith("review.constraint", StringComparison.Ordinal) || a.StartsWith("review.parallel", StringComparison.Ordinal))
            .ShouldBe([AuditActions.ParallelProcessAdded, AuditActions.ConstraintAdded, AuditActions.ParallelProcessChanged, AuditActions.ConstraintChanged,
                AuditActions.ConstraintRemoved]);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Edits_WhoMay_StaleVersion_AndRules(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        var version = await world.VersionAsync();

        await Should.ThrowAsync<ForbiddenException>(() => world.AsAsync(world.Chair, (s, p) => s.AddProcessAsync(world.Case.Id, Trial(), [], version, p, Tester)));
        await Should.ThrowAsync<ForbiddenException>(() => world.AsAsync(world.SubGroup, (s, p) => s.AddProcessAsync(world.Case.Id, Trial(), [], version, p, Tester)));
        await Should.ThrowAsync<ForbiddenException>(() => world.AsAsync(world.CscLead, (s, p) => s.AddProcessAsync(world.Case.Id, Trial(), [], version, p, Tester)));
        await Should.ThrowAsync<ForbiddenException>(() => world.AsAsync(world.CscLead, (s, p) => s.GetAsync(world.Case.Id, p, Tester)));
        await Should.ThrowAsync<NotFoundException>(() => world.AsAsync(world.OtherOfficer, (s, p) => s.AddProcessAsync(world.Case.Id, Trial(), [], version, p, Tester)));
        await Should.ThrowAsync<StaleEditException>(() => world.AsAsync(world.Officer, (s, p) => s.AddProcessAsync(world.Case.Id, Trial(), [], Guid.NewGuid(), p, Tester)));
        var refused = await Should.ThrowAsync<RuleViolationException>(() => world.AsAsync(world.Officer, (s, p) => s.AddProcessAsync(world.Case.Id,
            Trial() with { Kind = ParallelProcessKind.PoliceInvestigation, ContactName = null }, [NoInterviews with { Description = "" }], version, p, Tester)));
        refused.Problems.Select(p => p.Field).ShouldBe(["contactName", "constraints[0].description"]);
        (await world.VersionAsync()).ShouldBe(version, "nothing was saved");
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task TimelineChange_Proposed_ChairTold_Approved_MilestoneMoves_ProposerTold(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);

        var change = await world.AsAsync(world.Officer, async (s, p) => await s.ProposeChangeAsync(world.Case.Id, "review-completed", new DateOnly(2027, 5, 4),
            "The trial is listed for February", await world.VersionAsync(), p, Tester));

        change.DateBefore.ShouldBe(new DateOnly(2027, 3, 23));
        var pending = await world.AsAsync(world.Chair, (s, p) => s.GetAsync(world.Case.Id, p, Tester));
        pending.MilestoneOf(DeadlineKind.ReviewCompleted)!.Pending!.Id.ShouldBe(change.Id);
        pending.MilestoneOf(DeadlineKind.ReviewCompleted)!.DueDate.ShouldBe(new DateOnly(2027, 3, 23), "not until the chair agrees");
        pending.MayDecide.ShouldBeTrue();
        await Should.ThrowAsync<ForbiddenException>(() => world.AsAsync(world.Officer, async (s, p) =>
            await s.DecideChangeAsync(world.Case.Id, change.Id, true, null, await world.VersionAsync(), p, Tester)));
        await Should.ThrowAsync<RuleViolationException>(() => world.AsAsync(world.Chair, async (s, p) =>
            await s.DecideChangeAsync(world.Case.Id, change.Id, false, " ", await world.VersionAsync(), p, Tester)));

        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.AsAsync(world.Chair, async (s, p) => await s.DecideChangeAsync(world.Case.Id, change.Id, true, "Agreed", await world.VersionAsync(), p, Tester));

        var agreed = await world.AsAsync(world.Officer, (s, p) => s.GetAsync(world.Case.Id, p, Tester));
        var milestone = agreed.MilestoneOf(DeadlineKind.ReviewCompleted)!;
        milestone.DueDate.ShouldBe(new DateOnly(2027, 5, 4));
        milestone.OriginalDueDate.ShouldBe(new DateOnly(2027, 3, 23));
        milestone.Agreed!.DecidedById.ShouldBe(world.Chair.Id);
        milestone.Agreed.DecidedAt.ShouldBe(Start.AddDays(1));
        (await world.AuditAsync()).ShouldContain(AuditActions.TimelineChangeProposed);
        (await world.AuditAsync()).ShouldContain(AuditActions.TimelineChangeApproved);
        using var scope = world.Services.CreateScope();
        var inbox = await scope.Db().InboxItems.AsNoTracking().Select(i => new { i.UserId, i.Title, i.Link }).ToListAsync();
        inbox.ShouldContain(i => i.UserId == world.Chair.Id && i.Title.StartsWith("A change of timeline waits") && i.Link.EndsWith($"/timetable/changes/{change.Id}"));
        inbox.ShouldContain(i => i.UserId == world.Officer.Id && i.Title.StartsWith("Change of timeline agreed"));
        // Answered once only.
        await Should.ThrowAsync<RuleViolationException>(() => world.AsAsync(world.Chair, async (s, p) =>
            await s.DecideChangeAsync(world.Case.Id, change.Id, false, "No", await world.VersionAsync(), p, Tester)));
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Milestone_RecordedDone_ShowsInTheDeadlines_ForTheBoardNotTheAgency(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        world.Clock.Set(new DateTimeOffset(2026, 12, 18, 9, 0, 0, TimeSpan.Zero));

        await world.AsAsync(world.Officer, async (s, p) => await s.RecordMilestoneAsync(world.Case.Id, "first-early-learning", new DateOnly(2026, 12, 17),
            "Shared at the executive", await world.VersionAsync(), p, Tester));

        using var scope = world.Services.CreateScope();
        var data = new TestData(scope.Db(), world.Clock);
        var deadlines = scope.ServiceProvider.GetRequiredService<DeadlineService>();
        var officers = await deadlines.ForAsync(await data.PrincipalAsync(world.Officer));
        var first = officers.Single(d => d.Deadline.Key == "first-early-learning");
        first.State.ShouldBe(DeadlineState.Done);
        officers.Single(d => d.Deadline.Key == "second-early-learning").State.ShouldBe(DeadlineState.Due);
        officers.Where(d => d.Deadline.IsMilestone).Count().ShouldBe(5);
        (await deadlines.ForAsync(await data.PrincipalAsync(world.CscLead))).ShouldNotContain(d => d.Deadline.IsMilestone);
        // The business unit answers for the milestones; the chair is told of a missed one, so sees them in the calendar too.
        (await deadlines.ResponsibleForAsync(await data.PrincipalAsync(world.Officer))).Count(d => d.Deadline.IsMilestone).ShouldBe(5);
        (await deadlines.ResponsibleForAsync(await data.PrincipalAsync(world.Chair))).Count(d => d.Deadline.IsMilestone).ShouldBe(5);
        (await deadlines.OpenAsync()).Single().Deadlines.Count(d => d.IsMilestone).ShouldBe(5);
        (await world.AuditAsync()).ShouldContain(AuditActions.MilestoneRecorded);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Reminders_MilestoneDueSoon_RemindedOnce_AgainOnceItsDateMoves(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        // A week before the first early learning (21 December 2026).
        world.Clock.Set(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero));

        using (var scope = world.Services.CreateScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<ReminderService>().RunOnceAsync();
            run.DueSoon.ShouldBe(1);
        }
        using (var scope = world.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<ReminderService>().RunOnceAsync()).Sent.ShouldBe(0);
        }
        var change = await world.AsAsync(world.Officer, async (s, p) => await s.ProposeChangeAsync(world.Case.Id, "first-early-learning",
            new DateOnly(2026, 12, 18), "Sooner", await world.VersionAsync(), p, Tester));
        await world.AsAsync(world.Chair, async (s, p) => await s.DecideChangeAsync(world.Case.Id, change.Id, true, null, await world.VersionAsync(), p, Tester));
        using (var scope = world.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<ReminderService>().RunOnceAsync()).DueSoon.ShouldBe(1, "reminded again for the new date");
            var inbox = await scope.Db().InboxItems.AsNoTracking().Where(i => i.Title.StartsWith("Due soon")).Select(i => new { i.UserId, i.Link }).ToListAsync();
            inbox.ShouldAllBe(i => i.UserId == world.Officer.Id && i.Link == $"/cases/{world.Case.Id}/timetable");
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Reminders_Milestone_ReachTheReviewsLeadReviewer_NotOneOnAnotherReview(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        User lead, other;
        using (var scope = world.Services.CreateScope())
        {
            var db = scope.Db();
            var data = new TestData(db, world.Clock);
            lead = await data.CreateUserAsync("lead.reviewer@example.org", (Role.LeadReviewer, world.Board));
            other = await data.CreateUserAsync("other.reviewer@example.org", (Role.LeadReviewer, world.Board));
            var review = await db.Reviews.Include(r => r.Team).SingleAsync(r => r.Id == world.Case.Id);
            review.AddToTeam(lead.Id, TeamRole.LeadReviewer, world.Officer.Id, world.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        // A week before the first early learning (21 December 2026).
        world.Clock.Set(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero));

        using (var scope = world.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<ReminderService>().RunOnceAsync()).DueSoon.ShouldBe(1);
            var inbox = await scope.Db().InboxItems.AsNoTracking().Where(i => i.Title.StartsWith("Due soon")).Select(i => i.UserId).ToListAsync();
            inbox.ShouldBe([world.Officer.Id, lead.Id], ignoreOrder: true);
            var data = new TestData(scope.Db(), world.Clock);
            var deadlines = scope.ServiceProvider.GetRequiredService<DeadlineService>();
            (await deadlines.ResponsibleForAsync(await data.PrincipalAsync(lead))).Count(d => d.Deadline.IsMilestone).ShouldBe(5);
            (await deadlines.ResponsibleForAsync(await data.PrincipalAsync(other))).ShouldBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task BoardTimetable_TheBoardsReviewsPastTheDecision_ForTheBoardOnly(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        using (var scope = world.Services.CreateScope())
        {
            await new TestData(scope.Db(), world.Clock).CreateReviewAsync(world.Board, world.Officer, world.Csc);
        }

        var board = await world.AsAsync(world.SubGroup, (s, p) => s.BoardAsync(null, p, Tester));

        board.BoardId.ShouldBe(world.Board.Id);
        board.Rows.Single().Review.Id.ShouldBe(world.Case.Id, "the case still at stage 1 is not on the timetable");
        board.Rows.Single().DecisionOn.ShouldBe(new DateOnly(2026, 11, 23));
        board.Rows.Single().Final!.Kind.ShouldBe(DeadlineKind.DraftToBoard);
        (await world.AuditAsync()).ShouldContain(AuditActions.BoardTimetableRead);
        await Should.ThrowAsync<ForbiddenException>(() => world.AsAsync(world.CscLead, (s, p) => s.BoardAsync(null, p, Tester)));
        await Should.ThrowAsync<NotFoundException>(() => world.AsAsync(world.OtherOfficer, (s, p) => s.BoardAsync(world.Board.Id, p, Tester)));
        (await world.AsAsync(world.OtherOfficer, (s, p) => s.BoardAsync(null, p, Tester))).Rows.ShouldBeEmpty();
    }
}
