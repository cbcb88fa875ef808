using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Genogram;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Genogram;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

/// <summary>The genogram through its service: built a change at a time, each checked against the whole family, versioned, audited, for the board and the team only.</summary>
public class GenogramServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");

    private sealed record World(TestClock Clock, ServiceProvider Services, User Officer, User Chair, User AgencyLead, Review Case) : IAsyncDisposable
    {
        public async Task<T> AsAsync<T>(User user, Func<GenogramService, Principal, Task<T>> work)
        {
            using var scope = Services.CreateScope();
            var principal = await new TestData(scope.Db(), Clock).PrincipalAsync(user);
            return await work(scope.ServiceProvider.GetRequiredService<GenogramService>(), principal);
        }

        public Task<GenogramView> ReadAsync(bool anonymised = false) => AsAsync(Officer, (s, p) => s.GetAsync(Case.Id, anonymised, p, Tester));

        /// <summary>A change as the business unit, at the version now stored.</summary>
        public async Task<T> ChangeAsync<T>(Func<GenogramService, Principal, Guid, Task<T>> work)
        {
            var version = (await ReadAsync()).Version;
            return await AsAsync(Officer, (s, p) => work(s, p, version));
        }

        public Task ChangeAsync(Func<GenogramService, Principal, Guid, Task> work) =>
            ChangeAsync<bool>(async (s, p, v) => { await work(s, p, v); return true; });

        public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string action)
        {
            using var scope = Services.CreateScope();
            return await scope.Db().AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync();
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
        var csc = await data.CreateAgencyAsync("csc", AgencyType.ChildrensSocialCare, board);
        var chair = await data.CreateUserAsync("chair@nb.example", (Role.BoardChair, board));
        var officer = await data.CreateUserAsync("officer@nb.example", (Role.BusinessUnitOfficer, board));
        var lead = await data.CreateUserAsync("lead@csc.example", (Role.AgencyLead, csc));
        var review = await data.CreateReviewAsync(board, officer, csc);
        return new World(clock, services, officer, chair, lead, review);
    }

    private static GenogramPersonInput Input(GenogramPerson p) => new(p.Name, p.Role, p.Sex, p.DateOfBirth, p.AgeYears, p.Deceased, p.IsSubject);

    /// <summary>Enters the sample family through the service, subject child first; returns the sample's keys to the service's.</summary>
    private static async Task<Dictionary<string, string>> EnterSampleAsync(World world)
    {
        var sample = GenogramSamples.Family();
        var keys = new Dictionary<string, string>();
        foreach (var person in sample.People.OrderByDescending(p => p.IsSubject))
        {
            keys[person.Key] = (await world.ChangeAsync((s, p, v) => s.AddPersonAsync(world.Case.Id, Input(person), v, p, Tester))).Key;
        }
        foreach (var couple in sample.Couples)
        {
            await world.ChangeAsync((s, p, v) => s.AddCoupleAsync(world.Case.Id, new GenogramCoupleInput(keys[couple.First], keys[couple.Second], couple.Kind), v, p, Tester));
        }
        foreach (var link in sample.Parents)
        {
            await world.ChangeAsync((s, p, v) => s.AddParentAsync(world.Case.Id, new GenogramParentInput(keys[link.Parent], keys[link.Child], link.Kind), v, p, Tester));
        }
        foreach (var household in sample.Households)
        {
            await world.ChangeAsync((s, p, v) => s.AddHouseholdAsync(world.Case.Id,
                new GenogramHouseholdInput(household.Name, household.Members.Select(m => keys[m]).ToList()), v, p, Tester));
        }
        return keys;
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Family_EnteredAChangeAtATime_IsStoredWhole_EachChangeAudited(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        (await world.ReadAsync()).Version.ShouldBe(Guid.Empty);

        var keys = await EnterSampleAsync(world);

        var view = await world.ReadAsync();
        var sample = GenogramSamples.Family();
        view.Version.ShouldNotBe(Guid.Empty);
        view.Family.People.Select(p => p.Name).Order().ShouldBe(sample.People.Select(p => p.Name).Order());
        view.Family.People.First().IsSubject.ShouldBeTrue();
        view.Family.People.Single(p => p.Key == keys["cal"]).ShouldBe(sample.People.Single(p => p.Key == "cal") with { Key = keys["cal"] });
        view.Family.Couples.ShouldBe(sample.Couples.Select(c => c with { First = keys[c.First], Second = keys[c.Second] }));
        view.Family.Parents.ShouldBe(sample.Parents.Select(c => c with { Parent = keys[c.Parent], Child = keys[c.Child] }));
        view.Family.Households.Select(h => (h.Name, string.Join(',', h.Members)))
            .ShouldBe(sample.Households.Select(h => (h.Name, string.Join(',', h.Members.Select(m => keys[m])))));
        GenogramRules.Check(view.Family).ShouldBeEmpty();
        (await world.AuditAsync(AuditActions.GenogramPersonAdded)).Count.ShouldBe(8);
        (await world.AuditAsync(AuditActions.GenogramRelationshipAdded)).Count.ShouldBe(sample.Couples.Count + sample.Parents.Count);
        (await world.AuditAsync(AuditActions.GenogramHouseholdAdded)).Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Change_ThatWouldMakeTheFamilyInvalid_IsRefusedOnItsField_NothingStored(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);

        // The first person must be the subject child: a family without one is refused.
        var first = await Should.ThrowAsync<RuleViolationException>(() => world.ChangeAsync((s, p, v) =>
            s.AddPersonAsync(world.Case.Id, new GenogramPersonInput("Mia Fenn", "Mother", Sex.Female, null, 27, false, false), v, p, Tester)));
        first.Problems.ShouldContain(new RuleProblem(null, "Mark the child the review is about"));
        (await world.ReadAsync()).Version.ShouldBe(Guid.Empty);

        var keys = await EnterSampleAsync(world);
        var before = await world.ReadAsync();

        // Ava would be her grandmother's mother: a circle.
        var circle = await Should.ThrowAsync<RuleViolationException>(() => world.ChangeAsync((s, p, v) =>
            s.AddParentAsync(world.Case.Id, new GenogramParentInput(keys["ava"], keys["g"], ParentKind.Birth), v, p, Tester)));
        circle.Problems.ShouldBe([new RuleProblem("child", "The parents and children go round in a circle: someone is their own ancestor")]);
        var self = await Should.ThrowAsync<RuleViolationException>(() => world.ChangeAsync((s, p, v) =>
            s.AddCoupleAsync(world.Case.Id, new GenogramCoupleInput(keys["m"], keys["m"], CoupleKind.Married), v, p, Tester)));
        self.Problems.ShouldBe([new RuleProblem("second", "Mia Fenn cannot be their own partner")]);
        var again = await Should.ThrowAsync<RuleViolationException>(() => world.ChangeAsync((s, p, v) =>
            s.AddCoupleAsync(world.Case.Id, new GenogramCoupleInput(keys["p"], keys["m"], CoupleKind.Married), v, p, Tester)));
        again.Problems.Single().Field.ShouldBe("second");
        var blank = await Should.ThrowAsync<RuleViolationException>(() => world.ChangeAsync((s, p, v) =>
            s.AddPersonAsync(world.Case.Id, new GenogramPersonInput(" ", null, null, new DateOnly(2020, 1, 1), 6, false, false), v, p, Tester)));
        blank.Problems.Select(p => p.Field).ShouldBe(["name", "sex", "ageYears"]);
        var age = await Should.ThrowAsync<RuleViolationException>(() => world.ChangeAsync((s, p, v) =>
            s.ChangePersonAsync(world.Case.Id, keys["g"], new GenogramPersonInput("Gwen Fenn", null, Sex.Female, null, 140, true, false), v, p, Tester)));
        age.Problems.ShouldBe([new RuleProblem(null, "Gwen Fenn's age must be between 0 and 130")]);
        // Ava is the only subject child: she cannot be removed.
        await Should.ThrowAsync<RuleViolationException>(() => world.ChangeAsync((s, p, v) => s.RemovePersonAsync(world.Case.Id, keys["ava"], v, p, Tester)));

        var after = await world.ReadAsync();
        after.Version.ShouldBe(before.Version);
        after.Family.ShouldBeEquivalentTo(before.Family);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task RemovePerson_RemovesTheirLinks_AndAHouseholdLeftEmpty(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        var keys = await EnterSampleAsync(world);

        await world.ChangeAsync((s, p, v) => s.RemovePersonAsync(world.Case.Id, keys["f1"], v, p, Tester));

        var family = (await world.ReadAsync()).Family;
        family.People.ShouldNotContain(p => p.Key == keys["f1"]);
        family.Couples.ShouldBe([new GenogramCouple(keys["m"], keys["p"], CoupleKind.Partners)]);
        family.Parents.ShouldNotContain(p => p.Parent == keys["f1"] || p.Child == keys["f1"]);
        family.Households.Select(h => h.Name).ShouldBe(["Mother's home"]);
        (await world.AuditAsync(AuditActions.GenogramPersonRemoved)).Single().Detail.ShouldBe($"person={keys["f1"]}");

        // A household and a relationship go by their place in the list.
        await world.ChangeAsync((s, p, v) => s.RemoveCoupleAsync(world.Case.Id, 0, v, p, Tester));
        await world.ChangeAsync((s, p, v) => s.ChangeHouseholdAsync(world.Case.Id, 0, new GenogramHouseholdInput("Mother's flat", [keys["m"], keys["ava"]]), v, p, Tester));
        family = (await world.ReadAsync()).Family;
        family.Couples.ShouldBeEmpty();
        family.Households.Single().ShouldBe(family.Households.Single() with { Name = "Mother's flat" });
        family.Households.Single().Members.ShouldBe([keys["m"], keys["ava"]]);
        await Should.ThrowAsync<NotFoundException>(() => world.ChangeAsync((s, p, v) => s.RemoveHouseholdAsync(world.Case.Id, 3, v, p, Tester)));
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Change_FromAStaleVersion_IsRefused(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        await EnterSampleAsync(world);
        var read = (await world.ReadAsync()).Version;
        await world.ChangeAsync((s, p, v) => s.RemoveHouseholdAsync(world.Case.Id, 1, v, p, Tester));

        await Should.ThrowAsync<StaleEditException>(() => world.AsAsync(world.Officer, async (s, p) =>
        {
            await s.RemoveHouseholdAsync(world.Case.Id, 0, read, p, Tester);
            return true;
        }));
        (await world.ReadAsync()).Family.Households.Count.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Board_SeesIt_BusinessUnitChangesIt_ChairDoesNot_AgencyNeitherSeesNorChanges_ReadsAudited(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        await EnterSampleAsync(world);

        var chairs = await world.AsAsync(world.Chair, (s, p) => s.GetAsync(world.Case.Id, true, p, Tester));
        chairs.MayEdit.ShouldBeFalse();
        (await world.ReadAsync()).MayEdit.ShouldBeTrue();
        await Should.ThrowAsync<ForbiddenException>(() => world.AsAsync(world.Chair, async (s, p) =>
        {
            await s.RemoveHouseholdAsync(world.Case.Id, 0, chairs.Version, p, Tester);
            return true;
        }));
        await Should.ThrowAsync<ForbiddenException>(() => world.AsAsync(world.AgencyLead, (s, p) => s.GetAsync(world.Case.Id, true, p, Tester)));
        await Should.ThrowAsync<ForbiddenException>(() => world.AsAsync(world.AgencyLead, async (s, p) =>
        {
            await s.RemoveHouseholdAsync(world.Case.Id, 0, chairs.Version, p, Tester);
            return true;
        }));
        await world.AsAsync(world.Officer, (s, p) => s.GetAsync(world.Case.Id, false, p, Tester, download: true));

        var reads = await world.AuditAsync(AuditActions.GenogramRead);
        reads.ShouldContain(e => e.Detail == "version=anonymised");
        reads.ShouldContain(e => e.Detail == "version=named");
        (await world.AuditAsync(AuditActions.GenogramDownloaded)).Single().Detail.ShouldBe("version=named");
    }
}
