using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Reviews;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

/// <summary>Recording who was told what outside the service, and reading the case's communications: who may, and the rules.</summary>
public class CommunicationServiceTests
{
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");

    private sealed record World(Review Case, Organisation Agency, Organisation OtherAgency, Principal Officer, Principal Chair, Principal SubGroup,
        Principal AgencyLead, Principal OtherOfficer);

    private static async Task<World> BuildAsync(IServiceScope scope, TestClock clock)
    {
        var data = new TestData(scope.Db(), clock);
        var board = await data.CreateBoardAsync("northbridge");
        var other = await data.CreateBoardAsync("eastmere");
        var agency = await data.CreateAgencyAsync("csc", AgencyType.ChildrensSocialCare, board);
        var otherAgency = await data.CreateAgencyAsync("police", AgencyType.Police, board);
        var officer = await data.CreateUserAsync("officer@nb.example", (Role.BusinessUnitOfficer, board));
        var chair = await data.CreateUserAsync("chair@nb.example", (Role.BoardChair, board));
        var subGroup = await data.CreateUserAsync("subgroup@nb.example", (Role.SubGroupMember, board));
        var lead = await data.CreateUserAsync("lead@csc.example", (Role.AgencyLead, agency));
        var otherOfficer = await data.CreateUserAsync("officer@em.example", (Role.BusinessUnitOfficer, other));
        var review = await data.CreateReviewAsync(board, officer, agency, otherAgency);
        return new World(review, agency, otherAgency, await data.PrincipalAsync(officer), await data.PrincipalAsync(chair),
            await data.PrincipalAsync(subGroup), await data.PrincipalAsync(lead), await data.PrincipalAsync(otherOfficer));
    }

    private static CommunicationInput Letter(DateTimeOffset sentAt, RecipientKind recipient = RecipientKind.Coroner, Guid? agencyId = null) =>
        new(recipient, "Fictional Coroner", agencyId, CommunicationMethod.Letter, sentAt, "The chair's decision", " A letter by first-class post. ");

    private static Task<Guid> VersionAsync(IServiceScope scope, Guid id) =>
        scope.Db().Reviews.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).SingleAsync();

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task RecordCommunication_ByTheChair_SavedAuditedAndTheVersionMoves(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var clock = new TestClock();
        await using var services = CoreHost.Build(database, clock);
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope, clock);
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
        clock.Advance(TimeSpan.FromHours(3));
        var version = await VersionAsync(scope, world.Case.Id);
        // Sent with an offset: stored as the instant, in UTC.
        var sentAt = new DateTimeOffset(2026, 11, 23, 10, 30, 0, TimeSpan.FromHours(1));

        var recorded = await reviews.RecordCommunicationAsync(world.Case.Id, Letter(sentAt), version, world.Chair, Tester);

        recorded.Version.ShouldNotBe(version);
        (await VersionAsync(scope, world.Case.Id)).ShouldBe(recorded.Version);
        scope.Db().ChangeTracker.Clear();
        var saved = await scope.Db().CaseCommunications.AsNoTracking().SingleAsync(c => c.Id == recorded.Communication.Id);
        saved.ShouldSatisfyAllConditions(
            () => saved.Recipient.ShouldBe(RecipientKind.Coroner),
            () => saved.Method.ShouldBe(CommunicationMethod.Letter),
            () => saved.SentAt.ShouldBe(sentAt),
            () => saved.SentAt.Offset.ShouldBe(TimeSpan.Zero),
            () => saved.Body.ShouldBe("A letter by first-class post."),
            () => saved.SentById.ShouldBe(world.Chair.UserId),
            () => saved.AgencyId.ShouldBeNull());
        var audit = await scope.Db().AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditActions.CommunicationRecorded);
        audit.Action.ShouldBe("review.communication-recorded");
        audit.Detail!.ShouldContain($"communication={saved.Id}");
        audit.Detail!.ShouldContain("recipient=Coroner");

        // The same version again is stale: someone else's change is never overwritten unseen.
        await Should.ThrowAsync<StaleEditException>(() => reviews.RecordCommunicationAsync(world.Case.Id, Letter(sentAt), version, world.Officer, Tester));
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task RecordCommunication_RefusedByTheRules_NothingSaved(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var clock = new TestClock();
        await using var services = CoreHost.Build(database, clock);
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope, clock);
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var version = await VersionAsync(scope, world.Case.Id);
        var now = clock.GetUtcNow();

        var future = await Should.ThrowAsync<RuleViolationException>(() =>
            reviews.RecordCommunicationAsync(world.Case.Id, Letter(now.AddMinutes(5)), version, world.Officer, Tester));
        future.Problems.Single().Field.ShouldBe("sentAt");
        var notInvolved = await Should.ThrowAsync<RuleViolationException>(() => reviews.RecordCommunicationAsync(world.Case.Id,
            Letter(now, RecipientKind.Agency, Guid.NewGuid()), version, world.Officer, Tester));
        notInvolved.Problems.Single().ShouldBe(new RuleProblem("agencyId", "Select an agency involved in this case"));

        scope.Db().ChangeTracker.Clear();
        (await scope.Db().CaseCommunications.CountAsync(c => c.SentById != null)).ShouldBe(0);
        (await scope.Db().AuditEntries.CountAsync(e => e.Action == AuditActions.CommunicationRecorded)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task RecordCommunication_OtherRoles_ForbiddenOrNotFound(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var clock = new TestClock();
        await using var services = CoreHost.Build(database, clock);
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope, clock);
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var version = await VersionAsync(scope, world.Case.Id);
        var letter = Letter(clock.GetUtcNow());

        // Refused before the rules are even applied: who may comes first.
        await Should.ThrowAsync<ForbiddenException>(() => reviews.RecordCommunicationAsync(world.Case.Id, letter with { Subject = null }, version,
            world.SubGroup, Tester));
        await Should.ThrowAsync<ForbiddenException>(() => reviews.RecordCommunicationAsync(world.Case.Id, letter, version, world.AgencyLead, Tester));
        await Should.ThrowAsync<NotFoundException>(() => reviews.RecordCommunicationAsync(world.Case.Id, letter, version, world.OtherOfficer, Tester));
        scope.Db().ChangeTracker.Clear();
        (await scope.Db().CaseCommunications.CountAsync(c => c.SentById != null)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task GetCommunications_BoardSeesEveryOne_AgencyItsOwn_ReadAudited(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var clock = new TestClock();
        await using var services = CoreHost.Build(database, clock);
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope, clock);
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var now = clock.GetUtcNow();
        var version = (await reviews.RecordCommunicationAsync(world.Case.Id, Letter(now), await VersionAsync(scope, world.Case.Id), world.Officer, Tester)).Version;
        version = (await reviews.RecordCommunicationAsync(world.Case.Id, Letter(now, RecipientKind.Agency, world.Agency.Id) with { RecipientName = "Fictional lead" },
            version, world.Officer, Tester)).Version;
        await reviews.RecordCommunicationAsync(world.Case.Id, Letter(now, RecipientKind.Agency, world.OtherAgency.Id) with { RecipientName = "Fictional inspector" },
            version, world.Officer, Tester);

        var board = await reviews.GetCommunicationsAsync(world.Case.Id, world.SubGroup, Tester);
        board.IsBoard.ShouldBeTrue();
        board.MayRecord.ShouldBeFalse();
        board.Entries.Count.ShouldBe(3);
        board.Entries.Single(e => e.Communication.AgencyId == world.Agency.Id).ShouldSatisfyAllConditions(
            e => e.Agency.ShouldBe(world.Agency.Name),
            e => e.SentBy.ShouldBe("officer"),
            e => e.SentByTheService.ShouldBeFalse());

        var agency = await reviews.GetCommunicationsAsync(world.Case.Id, world.AgencyLead, Tester);
        agency.IsBoard.ShouldBeFalse();
        agency.Entries.Select(e => e.Communication.RecipientName).ShouldBe(["Fictional lead"]);

        await Should.ThrowAsync<NotFoundException>(() => reviews.GetCommunicationsAsync(world.Case.Id, world.OtherOfficer, Tester));
        var reads = await scope.Db().AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.ReviewRead).Select(e => e.Detail).ToListAsync();
        reads.ShouldBe(["access=Full; part=communications", "access=AgencySummary; part=communications"], ignoreOrder: true);
    }
}
