using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Deadlines;
using Scr.Core.Services.Decisions;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

/// <summary>
/// Reminders, driven by the test clock. The case is notified on Monday 23 November 2026 at 09:00 UTC (a child's death,
/// incident on the 20th): the chair's 48 hours end on Wednesday 25th at 09:00 and its reminder starts 24 hours before; the
/// agency's records are due by the end of Tuesday 24th (reminder from 12:00 that day); its file review by the end of Friday 27th.
/// </summary>
public class ReminderServiceTests
{
    private static readonly DateTimeOffset Notified = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private sealed record World(TestClock Clock, ServiceProvider Services, string MailFolder, Organisation Board, Organisation Agency, User Chair,
        User Officer, User AgencyLead, Review Case) : IAsyncDisposable
    {
        public async Task<ReminderRun> RunAsync()
        {
            using var scope = Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ReminderService>().RunOnceAsync(TestContext.Current.CancellationToken);
        }

        public async Task<List<InboxItem>> InboxAsync(User user)
        {
            using var scope = Services.CreateScope();
            return await scope.Db().InboxItems.AsNoTracking().Where(i => i.UserId == user.Id).OrderBy(i => i.Title).ToListAsync();
        }

        public int Emails => Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml").Length : 0;

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private static async Task<World> BuildAsync(TestDatabase database, bool withAgency)
    {
        var clock = new TestClock(Notified);
        var mail = Path.Combine(Path.GetTempPath(), "scr-tests", "mail", Guid.NewGuid().ToString("N"));
        var services = CoreHost.Build(database, clock, mail);
        using var scope = services.CreateScope();
        var data = new TestData(scope.Db(), clock);
        var board = await data.CreateBoardAsync("northbridge");
        var other = await data.CreateBoardAsync("eastmere");
        var agency = await data.CreateAgencyAsync("csc", AgencyType.ChildrensSocialCare, board);
        var chair = await data.CreateUserAsync("chair@nb.example", (Role.BoardChair, board));
        var officer = await data.CreateUserAsync("officer@nb.example", (Role.BusinessUnitOfficer, board));
        var lead = await data.CreateUserAsync("lead@csc.example", (Role.AgencyLead, agency));
        await data.CreateUserAsync("chair@em.example", (Role.BoardChair, other));
        await data.CreateUserAsync("author@csc.example", (Role.AgencyReviewAuthor, agency));
        var review = withAgency ? await data.CreateReviewAsync(board, officer, agency) : await data.CreateReviewAsync(board, officer);
        return new World(clock, services, mail, board, agency, chair, officer, lead, review);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task RunOnce_ChairsDeadline_NothingBeforeThenDueSoonThenMissed_EachOnce(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database, withAgency: false);

        // Before the reminder lead: nothing.
        (await world.RunAsync()).Sent.ShouldBe(0);
        world.Clock.Set(Notified.AddHours(24).AddMinutes(-1));
        (await world.RunAsync()).Sent.ShouldBe(0);
        (await world.InboxAsync(world.Chair)).ShouldBeEmpty();

        // 24 hours before the 48 hours end: "due soon", to the chair only, in the inbox and by email, with a link to the case.
        world.Clock.Set(Notified.AddHours(24));
        (await world.RunAsync()).ShouldBe(new ReminderRun(1, 0, 0));
        var dueSoon = (await world.InboxAsync(world.Chair)).ShouldHaveSingleItem();
        dueSoon.Title.ShouldBe($"Due soon: Chair has the notification of the child's death, case {world.Case.Reference}");
        dueSoon.Body!.ShouldStartWith("Due by 25 November 2026 at 9am.");
        dueSoon.Link.ShouldBe($"/cases/{world.Case.Id}");
        dueSoon.ReviewId.ShouldBe(world.Case.Id);
        (await world.InboxAsync(world.Officer)).ShouldBeEmpty();
        world.Emails.ShouldBe(1);

        // Never twice.
        world.Clock.Advance(TimeSpan.FromHours(1));
        (await world.RunAsync()).Sent.ShouldBe(0);

        // Still due at the very moment it is due; missed just after.
        world.Clock.Set(Notified.AddHours(48));
        (await world.RunAsync()).Sent.ShouldBe(0);
        world.Clock.Set(Notified.AddHours(48).AddSeconds(1));
        (await world.RunAsync()).ShouldBe(new ReminderRun(0, 1, 0));
        var inbox = await world.InboxAsync(world.Chair);
        inbox.Count.ShouldBe(2);
        inbox[0].Title.ShouldBe($"Deadline missed: Chair has the notification of the child's death, case {world.Case.Reference}");
        world.Emails.ShouldBe(2);
        (await world.RunAsync()).Sent.ShouldBe(0);

        using var scope = world.Services.CreateScope();
        var sent = await scope.Db().RemindersSent.AsNoTracking().Where(r => r.ReviewId == world.Case.Id).ToListAsync();
        sent.Select(r => (r.DeadlineKey, r.Kind)).OrderBy(r => r.Kind)
            .ShouldBe([("chair-has-notification", ReminderKind.DueSoon), ("chair-has-notification", ReminderKind.Missed)]);
        var audited = await scope.Db().AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.ReminderSent).ToListAsync();
        audited.Count.ShouldBe(2);
        audited.ShouldAllBe(e => e.BoardId == world.Board.Id && e.ItemId == world.Case.Id.ToString());
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task RunOnce_DeadlineDoneBeforeItsReminder_NothingSent(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database, withAgency: false);
        using (var scope = world.Services.CreateScope())
        {
            var chair = await new TestData(scope.Db(), world.Clock).PrincipalAsync(world.Chair);
            await scope.ServiceProvider.GetRequiredService<DecisionService>().AcknowledgeAsync(world.Case.Id, chair, new Actor(world.Chair.Id, "chair", null));
        }

        world.Clock.Set(Notified.AddHours(30));
        (await world.RunAsync()).Sent.ShouldBe(0);
        world.Clock.Set(Notified.AddDays(3));
        (await world.RunAsync()).Sent.ShouldBe(0);

        (await world.InboxAsync(world.Chair)).ShouldBeEmpty();
        world.Emails.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task RunOnce_AgencysRecords_LeadRemindedAndTheBusinessUnitCopiedWhenMissed(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database, withAgency: true);
        using (var scope = world.Services.CreateScope())
        {
            // The chair has the notification: only the agency's deadlines remain.
            var chair = await new TestData(scope.Db(), world.Clock).PrincipalAsync(world.Chair);
            await scope.ServiceProvider.GetRequiredService<DecisionService>().AcknowledgeAsync(world.Case.Id, chair, new Actor(world.Chair.Id, "chair", null));
        }

        // 12 hours before the end of Tuesday: the records are due soon.
        world.Clock.Set(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        (await world.RunAsync()).ShouldBe(new ReminderRun(1, 0, 0));
        var dueSoon = (await world.InboxAsync(world.AgencyLead)).ShouldHaveSingleItem();
        dueSoon.Title.ShouldBe($"Due soon: Records secured: Agency csc, case {world.Case.Reference}");
        dueSoon.Body!.ShouldStartWith("Due by 24 November 2026.");
        (await world.InboxAsync(world.Officer)).ShouldBeEmpty();

        // Wednesday: missed; the agency lead is told, and the business unit that chases agencies.
        world.Clock.Set(new DateTimeOffset(2026, 11, 25, 0, 0, 1, TimeSpan.Zero));
        (await world.RunAsync()).ShouldBe(new ReminderRun(0, 1, 0));
        (await world.InboxAsync(world.AgencyLead)).Count.ShouldBe(2);
        (await world.InboxAsync(world.Officer)).ShouldHaveSingleItem().Title.ShouldStartWith("Deadline missed: Records secured: Agency csc");
        (await world.InboxAsync(world.Chair)).ShouldBeEmpty();

        // Thursday morning: the file review is due soon (its two days' lead before the end of Friday 27th began at midnight).
        world.Clock.Set(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        (await world.RunAsync()).ShouldBe(new ReminderRun(1, 0, 0));
        (await world.InboxAsync(world.AgencyLead)).Count.ShouldBe(3);
        world.Emails.ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task RunOnce_AgencyWithoutALead_ItsReviewAuthorIsReminded(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database, withAgency: true);
        User author;
        using (var scope = world.Services.CreateScope())
        {
            var db = scope.Db();
            db.Memberships.RemoveRange(db.Memberships.Where(m => m.UserId == world.AgencyLead.Id));
            await db.SaveChangesAsync();
            author = await db.Users.SingleAsync(u => u.Email == "author@csc.example");
            var chair = await new TestData(db, world.Clock).PrincipalAsync(world.Chair);
            await scope.ServiceProvider.GetRequiredService<DecisionService>().AcknowledgeAsync(world.Case.Id, chair, new Actor(world.Chair.Id, "chair", null));
        }

        world.Clock.Set(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        (await world.RunAsync()).ShouldBe(new ReminderRun(1, 0, 0));

        (await world.InboxAsync(author)).ShouldHaveSingleItem().Title.ShouldBe($"Due soon: Records secured: Agency csc, case {world.Case.Reference}");
        (await world.InboxAsync(world.AgencyLead)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task TrySend_AnotherInstanceSentItFirst_NothingWrittenOrEmailed(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database, withAgency: false);
        world.Clock.Set(Notified.AddHours(25));
        using var scope = world.Services.CreateScope();
        var open = await scope.ServiceProvider.GetRequiredService<DeadlineService>().OpenAsync(TestContext.Current.CancellationToken);
        var review = open.Single().Review;
        var deadline = open.Single().Deadlines.Single(d => d.Kind == DeadlineKind.ChairHasNotification);
        // The other instance's claim lands after this one decided to send.
        using (var other = world.Services.CreateScope())
        {
            other.Db().RemindersSent.Add(new ReminderSent(review.Id, deadline.Key, ReminderKind.DueSoon, world.Clock.GetUtcNow()));
            await other.Db().SaveChangesAsync();
        }

        var sent = await scope.ServiceProvider.GetRequiredService<ReminderService>()
            .TrySendAsync(review, deadline, ReminderKind.DueSoon, world.Clock.GetUtcNow(), TestContext.Current.CancellationToken);

        sent.ShouldBeFalse();
        (await world.InboxAsync(world.Chair)).ShouldBeEmpty();
        world.Emails.ShouldBe(0);
        scope.Db().ChangeTracker.Entries().ShouldNotContain(e => e.State == EntityState.Added);
        (await scope.Db().AuditEntries.AsNoTracking().CountAsync(e => e.Action == AuditActions.ReminderSent)).ShouldBe(0);
        // The service goes on working after the conflict.
        (await world.RunAsync()).Sent.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task RunOnce_SeveralInstancesAtOnce_EachReminderSentOnce(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database, withAgency: true);
        world.Clock.Set(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(world.RunAsync)));

        // Chair's 48 hours and the records are missed, the file review is due soon: three reminders in all.
        runs.Sum(r => r.Sent).ShouldBe(3);
        runs.Sum(r => r.Missed).ShouldBe(2);
        (await world.InboxAsync(world.Chair)).ShouldHaveSingleItem();
        (await world.InboxAsync(world.AgencyLead)).Count.ShouldBe(2);
        (await world.InboxAsync(world.Officer)).ShouldHaveSingleItem();
        world.Emails.ShouldBe(4);
    }

    [Fact]
    public void KindAt_FollowsTheDeadlinesState()
    {
        var rule = Scr.Core.Rules.Timescales.Deadlines.Wt2006.Rules.First(r => r.Kind == DeadlineKind.ChairHasNotification);
        var due = Notified.AddHours(48);
        var open = new Deadline(Guid.NewGuid(), "chair-has-notification", rule, null, null, due, null, StillOpen: true);

        ReminderService.KindAt(open, due.AddHours(-25)).ShouldBeNull();
        ReminderService.KindAt(open, due.AddHours(-24)).ShouldBe(ReminderKind.DueSoon);
        ReminderService.KindAt(open, due.AddTicks(1)).ShouldBe(ReminderKind.Missed);
        ReminderService.KindAt(open with { DoneAt = due.AddHours(1) }, due.AddHours(2)).ShouldBeNull();
        ReminderService.KindAt(open with { StillOpen = false }, due.AddHours(2)).ShouldBeNull();
    }
}
