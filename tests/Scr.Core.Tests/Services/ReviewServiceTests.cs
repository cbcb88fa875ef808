using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Reviews;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

public class ReviewServiceTests
{
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");

    private sealed record World(Organisation Board, Organisation OtherBoard, Organisation Agency, User Chair, User Officer, User OtherOfficer, Review Case);

    private static async Task<World> BuildAsync(IServiceScope scope)
    {
        var data = new TestData(scope.Db(), scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var board = await data.CreateBoardAsync("northbridge");
        var other = await data.CreateBoardAsync("eastmere");
        var agency = await data.CreateAgencyAsync("csc", AgencyType.ChildrensSocialCare, board);
        var chair = await data.CreateUserAsync("chair@nb.example", (Role.BoardChair, board));
        var officer = await data.CreateUserAsync("officer@nb.example", (Role.BusinessUnitOfficer, board));
        var otherOfficer = await data.CreateUserAsync("officer@em.example", (Role.BusinessUnitOfficer, other));
        var review = await data.CreateReviewAsync(board, officer, agency);
        return new World(board, other, agency, chair, officer, otherOfficer, review);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task GetAsync_OtherBoardsCase_NotFoundAndNothingRevealed(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var intruder = await new TestData(scope.Db(), new TestClock()).PrincipalAsync(world.OtherOfficer);

        await Should.ThrowAsync<NotFoundException>(() => reviews.GetAsync(world.Case.Id, intruder, Tester));
        await Should.ThrowAsync<NotFoundException>(() => reviews.GetAsync(Guid.NewGuid(), intruder, Tester));
        var (rows, total) = await reviews.ListAsync(intruder, new ReviewListFilter());
        total.ShouldBe(0);
        rows.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task GetAsync_OwnBoard_ReadIsAudited(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var officer = await new TestData(scope.Db(), new TestClock()).PrincipalAsync(world.Officer);

        var view = await reviews.GetAsync(world.Case.Id, officer, Tester);

        view.Access.ShouldBe(ReviewAccess.Full);
        var read = await scope.Db().AuditEntries.SingleAsync(e => e.Action == AuditActions.ReviewRead);
        read.ItemId.ShouldBe(world.Case.Id.ToString());
        read.BoardId.ShouldBe(world.Board.Id);
        read.Detail!.ShouldNotContain("Test Child");
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task MoveAsync_StaleVersion_RefusedAndTheOtherEditKept(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        Guid caseId, staleVersion;
        Principal chair;
        using (var scope = services.CreateScope())
        {
            var world = await BuildAsync(scope);
            caseId = world.Case.Id;
            staleVersion = world.Case.Version;
            chair = await new TestData(scope.Db(), new TestClock()).PrincipalAsync(world.Chair);
        }
        using (var first = services.CreateScope())
        {
            await first.ServiceProvider.GetRequiredService<ReviewService>().MoveAsync(caseId, "initiate", "Criteria of 8.5 met", staleVersion, chair, Tester);
        }
        using (var second = services.CreateScope())
        {
            await Should.ThrowAsync<StaleEditException>(() =>
                second.ServiceProvider.GetRequiredService<ReviewService>().MoveAsync(caseId, "do-not-initiate", "Not met", staleVersion, chair, Tester));
        }
        using var check = services.CreateScope();
        var saved = await check.Db().Reviews.AsNoTracking().SingleAsync(r => r.Id == caseId);
        saved.Decision.ShouldBe(DecisionOutcome.InitiateSeriousCaseReview);
        saved.DecisionRationale.ShouldBe("Criteria of 8.5 met");
        saved.Stage.ShouldBe(ReviewStage.Scoping);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task MoveAsync_RacingEditsWithTheSameVersion_OnlyOneWins(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        Guid caseId, version;
        Principal chair;
        using (var scope = services.CreateScope())
        {
            var world = await BuildAsync(scope);
            caseId = world.Case.Id;
            version = world.Case.Version;
            chair = await new TestData(scope.Db(), new TestClock()).PrincipalAsync(world.Chair);
        }
        // Both load the case before either saves: the database's concurrency check decides.
        using var a = services.CreateScope();
        using var b = services.CreateScope();
        var loadedA = await a.Db().Reviews.Include(r => r.Agencies).Include(r => r.Team).Include(r => r.Recommendations).SingleAsync(r => r.Id == caseId);
        var loadedB = await b.Db().Reviews.Include(r => r.Agencies).Include(r => r.Team).Include(r => r.Recommendations).SingleAsync(r => r.Id == caseId);
        loadedA.Apply(Lifecycle.Initiate, chair.UserId, "A", DateTimeOffset.UtcNow);
        loadedB.Apply(Lifecycle.DoNotInitiate, chair.UserId, "B", DateTimeOffset.UtcNow);
        a.Db().Entry(loadedA).Property(r => r.Version).OriginalValue = version;
        b.Db().Entry(loadedB).Property(r => r.Version).OriginalValue = version;
        await a.Db().SaveChangesAsync();
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => b.Db().SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task MoveAsync_OfficerTriesTheChairsDecision_Forbidden(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var officer = await new TestData(scope.Db(), new TestClock()).PrincipalAsync(world.Officer);
        await Should.ThrowAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<ReviewService>()
            .MoveAsync(world.Case.Id, "initiate", "Met", world.Case.Version, officer, Tester));
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task AppointAsync_AfterTheyDeclaredInvolvement_Refused(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var data = new TestData(scope.Db(), new TestClock());
        var reviewer = await data.CreateUserAsync("reviewer@nb.example", (Role.LeadReviewer, world.Board));
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var panels = scope.ServiceProvider.GetRequiredService<ReviewPanelService>();
        var reviewerPrincipal = await data.PrincipalAsync(reviewer);
        var officer = await data.PrincipalAsync(world.Officer);

        // The reviewer cannot see the case until appointed (declaring no involvement), after which they declare and
        // leave the team; re-appointment is then refused.
        await panels.AppointAsync(world.Case.Id, new PanelAppointmentInput(reviewer.Id, TeamRole.LeadReviewer, null, InvolvementKind.None, null),
            world.Case.Version, officer, Tester);
        scope.Db().ChangeTracker.Clear();
        await reviews.DeclareInvolvementAsync(world.Case.Id, "I supervised the social worker in 2025", reviewerPrincipal, Tester);
        scope.Db().ChangeTracker.Clear();
        var version = await scope.Db().Reviews.Where(r => r.Id == world.Case.Id).Select(r => r.Version).SingleAsync();

        var refused = await Should.ThrowAsync<RuleViolationException>(() => panels.AppointAsync(world.Case.Id,
            new PanelAppointmentInput(reviewer.Id, TeamRole.LeadReviewer, null, InvolvementKind.None, null), version, officer, Tester));
        refused.Message.ShouldContain("declared involvement in the case: I supervised the social worker in 2025");
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task NotifyAsync_AgencyOfAnotherArea_Refused(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var data = new TestData(scope.Db(), new TestClock());
        var foreign = await data.CreateAgencyAsync("em-police", AgencyType.Police, world.OtherBoard);
        var officer = await data.PrincipalAsync(world.Officer);
        var options = new NotifyOptions(world.Board.Id, IncidentType.Death, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), "",
            [new NotifyChild("Test Child", 3, Sex.Female, Ethnicity.NotKnown, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None)],
            [foreign.Id], null);
        await Should.ThrowAsync<RuleViolationException>(() => scope.ServiceProvider.GetRequiredService<ReviewService>().NotifyAsync(options, officer, Tester));
    }
}
