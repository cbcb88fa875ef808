using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services;
using Scr.Core.Services.Deadlines;
using Scr.Core.Services.Reviews;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

public class DeadlineServiceTests
{
    private static readonly DateTimeOffset Notified = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");

    private sealed record World(TestClock Clock, ServiceProvider Services, Organisation Board, Organisation Csc, Organisation Police, User Chair,
        User Officer, User CscLead, User CscAuthor, User PoliceLead, User OtherOfficer, Review Case) : IAsyncDisposable
    {
        public async Task<IReadOnlyList<CaseDeadline>> ForAsync(User user, bool responsible = false)
        {
            using var scope = Services.CreateScope();
            var principal = await new TestData(scope.Db(), Clock).PrincipalAsync(user);
            var deadlines = scope.ServiceProvider.GetRequiredService<DeadlineService>();
            return responsible ? await deadlines.ResponsibleForAsync(principal) : await deadlines.ForAsync(principal);
        }

        public async Task<Review> AddCaseAsync()
        {
            using var scope = Services.CreateScope();
            return await new TestData(scope.Db(), Clock).CreateReviewAsync(Board, Officer, Csc, Police);
        }

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private static async Task<World> BuildAsync(TestDatabase database)
    {
        var clock = new TestClock(Notified);
        var services = CoreHost.Build(database, clock);
        using var scope = services.CreateScope();
        var data = new TestData(scope.Db(), clock);
        var board = await data.CreateBoardAsync("northbridge");
        var other = await data.CreateBoardAsync("eastmere");
        var csc = await data.CreateAgencyAsync("csc", AgencyType.ChildrensSocialCare, board);
        var police = await data.CreateAgencyAsync("police", AgencyType.Police, board, other);
        var chair = await data.CreateUserAsync("chair@nb.example", (Role.BoardChair, board));
        var officer = await data.CreateUserAsync("officer@nb.example", (Role.BusinessUnitOfficer, board));
        var cscLead = await data.CreateUserAsync("lead@csc.example", (Role.AgencyLead, csc));
        var cscAuthor = await data.CreateUserAsync("author@csc.example", (Role.AgencyReviewAuthor, csc));
        var policeLead = await data.CreateUserAsync("lead@police.example", (Role.AgencyLead, police));
        var otherOfficer = await data.CreateUserAsync("officer@em.example", (Role.BusinessUnitOfficer, other));
        var review = await data.CreateReviewAsync(board, officer, csc, police);
        return new World(clock, services, board, csc, police, chair, officer, cscLead, cscAuthor, policeLead, otherOfficer, review);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task For_TheBoard_SeesEveryDeadlineOfItsCases_AnotherBoardNone(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);

        var deadlines = await world.ForAsync(world.Officer);

        deadlines.Select(d => d.Deadline.Key).ShouldBe([
            "chair-has-notification", "decision",
            $"file-review:{world.Csc.Id:N}", $"file-review:{world.Police.Id:N}",
            $"records-secured:{world.Csc.Id:N}", $"records-secured:{world.Police.Id:N}",
        ], ignoreOrder: true);
        deadlines.ShouldAllBe(d => d.Reference == world.Case.Reference && d.BoardName == world.Board.Name && d.State == DeadlineState.Due);
        (await world.ForAsync(world.Chair)).Count.ShouldBe(6);
        (await world.ForAsync(world.OtherOfficer)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task For_AgencyStaff_SeeOnlyTheirOwnAgencysRecordsAndFileReview(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);

        (await world.ForAsync(world.CscLead)).Select(d => d.Deadline.Key)
            .ShouldBe([$"file-review:{world.Csc.Id:N}", $"records-secured:{world.Csc.Id:N}"], ignoreOrder: true);
        (await world.ForAsync(world.CscAuthor)).Count.ShouldBe(2);
        (await world.ForAsync(world.PoliceLead)).ShouldAllBe(d => d.Deadline.AgencyId == world.Police.Id);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task For_StatesAtTheClocksNow_MostPressingFirst(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);

        // Thursday noon: the records (end of Tuesday) and the chair's 48 hours (Wednesday 9am) are overdue, the file
        // reviews (end of Friday) due soon.
        world.Clock.Set(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var deadlines = await world.ForAsync(world.Officer);

        deadlines.Select(d => (d.Deadline.Kind, d.State)).ShouldBe([
            (DeadlineKind.RecordsSecured, DeadlineState.Overdue),
            (DeadlineKind.RecordsSecured, DeadlineState.Overdue),
            (DeadlineKind.ChairHasNotification, DeadlineState.Overdue),
            (DeadlineKind.FileReview, DeadlineState.DueSoon),
            (DeadlineKind.FileReview, DeadlineState.DueSoon),
            (DeadlineKind.Decision, DeadlineState.Due),
        ]);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task For_DecidedCase_Stage1ListedWithItsOutcomesForAMonth_ThenOnlyTheReviewsMilestones(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        world.Clock.Set(Notified.AddDays(2));
        using (var scope = world.Services.CreateScope())
        {
            var chair = await new TestData(scope.Db(), world.Clock).PrincipalAsync(world.Chair);
            await scope.ServiceProvider.GetRequiredService<ReviewService>().MoveAsync(world.Case.Id, "initiate", "Criteria met", world.Case.Version, chair, Tester);
        }

        world.Clock.Advance(TimeSpan.FromDays(10));
        var decided = await world.ForAsync(world.Officer);
        decided.Single(d => d.Deadline.Kind == DeadlineKind.Decision).State.ShouldBe(DeadlineState.Done);
        decided.Where(d => d.Deadline.Kind != DeadlineKind.Decision && !d.Deadline.IsMilestone).ShouldAllBe(d => d.State == DeadlineState.Missed);
        // The review now under way has its milestones, counted from the decision.
        decided.Count(d => d.Deadline.IsMilestone).ShouldBe(5);

        world.Clock.Advance(TimeSpan.FromDays(40));
        var later = await world.ForAsync(world.Officer);
        later.Select(d => d.Deadline.Kind).ShouldBe([DeadlineKind.FirstEarlyLearning, DeadlineKind.SecondEarlyLearning, DeadlineKind.ThirdEarlyLearning,
            DeadlineKind.ReviewCompleted, DeadlineKind.DraftToBoard]);
        later[0].State.ShouldBe(DeadlineState.Overdue);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task ResponsibleFor_EachPersonGetsTheDeadlinesTheyAnswerFor(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);

        (await world.ForAsync(world.Chair, responsible: true)).Select(d => d.Deadline.Kind).Order()
            .ShouldBe([DeadlineKind.ChairHasNotification, DeadlineKind.Decision]);
        (await world.ForAsync(world.CscLead, responsible: true)).Select(d => d.Deadline.Key)
            .ShouldBe([$"file-review:{world.Csc.Id:N}", $"records-secured:{world.Csc.Id:N}"], ignoreOrder: true);
        // The business unit chases the agencies, so it is copied on theirs.
        (await world.ForAsync(world.Officer, responsible: true)).Select(d => d.Deadline.Kind).Distinct().Order()
            .ShouldBe([DeadlineKind.RecordsSecured, DeadlineKind.FileReview]);
        (await world.ForAsync(world.CscAuthor, responsible: true)).ShouldBeEmpty();
        (await world.ForAsync(world.OtherOfficer, responsible: true)).ShouldBeEmpty();
    }

    [Fact]
    public async Task For_ManyCases_TheSameNumberOfQueriesAsOne()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var world = await BuildAsync(database);
        // The bank holidays are read once and then cached: read them before counting.
        await world.ForAsync(world.Officer);
        var one = await CountQueriesAsync(database, () => world.ForAsync(world.Officer));

        for (var i = 0; i < 5; i++)
        {
            await world.AddCaseAsync();
        }
        var six = await CountQueriesAsync(database, () => world.ForAsync(world.Officer));

        six.Deadlines.ShouldBe(36);
        six.Queries.ShouldBe(one.Queries);
    }

    private static async Task<(int Deadlines, int Queries)> CountQueriesAsync(TestDatabase database, Func<Task<IReadOnlyList<CaseDeadline>>> work)
    {
        using var counter = new CommandCounter(database.ConnectionString);
        var deadlines = await work();
        return (deadlines.Count, counter.Count);
    }

    /// <summary>Counts the SQL commands EF Core sends to one database (other tests' databases are ignored).</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _dataSource;
        private readonly IDisposable _subscription;
        private readonly List<IDisposable> _listeners = [];
        private int _count;

        public CommandCounter(string connectionString)
        {
            _dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            _subscription = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public int Count => _count;

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_listeners)
                {
                    _listeners.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            // Only reads: loading the person's roles is one query per kind of role, whatever the number of cases.
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
                && data.Command.Connection?.DataSource == _dataSource)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _subscription.Dispose();
            lock (_listeners)
            {
                _listeners.ForEach(l => l.Dispose());
            }
        }
    }
}
