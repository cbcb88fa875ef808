using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Services;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Deadlines;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

public class CalendarFeedServiceTests
{
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Create_Open_Revoke_OnlyTheHashKept_RevokingEndsItAtOnce(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var clock = new TestClock();
        await using var services = CoreHost.Build(database, clock);
        using var scope = services.CreateScope();
        var data = new TestData(scope.Db(), clock);
        var board = await data.CreateBoardAsync("northbridge");
        var chair = await data.PrincipalAsync(await data.CreateUserAsync("chair@nb.example", (Role.BoardChair, board)));
        var other = await data.PrincipalAsync(await data.CreateUserAsync("officer@nb.example", (Role.BusinessUnitOfficer, board)));
        var feeds = scope.ServiceProvider.GetRequiredService<CalendarFeedService>();

        var created = await feeds.CreateAsync(chair, Tester);

        created.Secret.ShouldStartWith(CalendarFeedService.SecretPrefix);
        var stored = await scope.Db().CalendarFeeds.AsNoTracking().SingleAsync();
        stored.Hash.ShouldBe(Tokens.Hash(created.Secret));
        stored.Hash.ShouldNotContain(created.Secret[CalendarFeedService.SecretPrefix.Length..]);
        created.Secret.ShouldStartWith(stored.Prefix);
        stored.LastUsedAt.ShouldBeNull();

        (await feeds.OpenAsync(created.Secret, "192.0.2.1"))!.UserId.ShouldBe(chair.UserId);
        clock.Advance(TimeSpan.FromMinutes(30));
        (await feeds.OpenAsync(created.Secret, "192.0.2.1"))!.UserId.ShouldBe(chair.UserId);
        (await scope.Db().CalendarFeeds.AsNoTracking().SingleAsync()).LastUsedAt.ShouldBe(clock.GetUtcNow());
        (await feeds.OpenAsync(created.Secret + "x", null)).ShouldBeNull();
        (await feeds.OpenAsync("scrcal_guess", null)).ShouldBeNull();

        // Reads are audited once a day, not at every poll.
        (await scope.Db().AuditEntries.AsNoTracking().CountAsync(e => e.Action == AuditActions.CalendarFeedRead)).ShouldBe(1);
        clock.Advance(TimeSpan.FromDays(1));
        await feeds.OpenAsync(created.Secret, "192.0.2.1");
        var reads = await scope.Db().AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.CalendarFeedRead).ToListAsync();
        reads.Count.ShouldBe(2);
        reads.ShouldAllBe(e => e.UserName == "chair@nb.example" && e.IpAddress == "192.0.2.1" && e.ItemId == stored.Id.ToString());

        // Another person cannot revoke it, nor learn it exists.
        await Should.ThrowAsync<NotFoundException>(() => feeds.RevokeAsync(stored.Id, other, Tester));
        await feeds.RevokeAsync(stored.Id, chair, Tester);
        (await feeds.OpenAsync(created.Secret, null)).ShouldBeNull();
        (await scope.Db().AuditEntries.AsNoTracking().CountAsync(e => e.Action == AuditActions.CalendarFeedCreated)).ShouldBe(1);
        (await scope.Db().AuditEntries.AsNoTracking().CountAsync(e => e.Action == AuditActions.CalendarFeedRevoked)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Create_Again_TheOldAddressStopsWorking(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var clock = new TestClock();
        await using var services = CoreHost.Build(database, clock);
        using var scope = services.CreateScope();
        var data = new TestData(scope.Db(), clock);
        var board = await data.CreateBoardAsync("northbridge");
        var chair = await data.PrincipalAsync(await data.CreateUserAsync("chair@nb.example", (Role.BoardChair, board)));
        var feeds = scope.ServiceProvider.GetRequiredService<CalendarFeedService>();

        var first = await feeds.CreateAsync(chair, Tester);
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await feeds.CreateAsync(chair, Tester);

        (await feeds.OpenAsync(first.Secret, null)).ShouldBeNull();
        (await feeds.OpenAsync(second.Secret, null)).ShouldNotBeNull();
        var listed = await feeds.ListAsync(chair);
        listed.Select(f => f.Id).ShouldBe([second.Feed.Id, first.Feed.Id]);
        listed[1].RevokedAt.ShouldNotBeNull();
    }
}
