using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Reviewers;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Reviewers;
using Scr.Core.Services.Reviews;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

/// <summary>The review panel and the reviewer register through the core services, on each database.</summary>
public class ReviewPanelServiceTests
{
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");

    private sealed record World(Organisation Board, Organisation OtherBoard, Organisation Care, Organisation Police, User Chair, User Officer,
        User PoliceLead, User Reviewer, User OtherReviewer, User AgencyLead, Review Case);

    private static async Task<World> BuildAsync(IServiceScope scope)
    {
        var data = new TestData(scope.Db(), scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var board = await data.CreateBoardAsync("northbridge");
        var other = await data.CreateBoardAsync("eastmere", Region.YorkshireHumber);
        var care = await data.CreateAgencyAsync("csc", AgencyType.ChildrensSocialCare, board);
        var police = await data.CreateAgencyAsync("police", AgencyType.Police, board, other);
        var chair = await data.CreateUserAsync("chair@nb.example", (Role.BoardChair, board));
        var officer = await data.CreateUserAsync("officer@nb.example", (Role.BusinessUnitOfficer, board));
        var policeLead = await data.CreateUserAsync("police@nb.example", (Role.AgencyLead, police));
        var reviewer = await data.CreateUserAsync("reviewer@nb.example", (Role.LeadReviewer, board));
        // An independent reviewer engaged by another board: on the register, with no role in this one.
        var otherReviewer = await data.CreateUserAsync("reviewer@em.example", (Role.LeadReviewer, other));
        var agencyLead = await data.CreateUserAsync("lead@nb.example", (Role.AgencyLead, care));
        var review = await data.CreateReviewAsync(board, officer, care, police);
        return new World(board, other, care, police, chair, officer, policeLead, reviewer, otherReviewer, agencyLead, review);
    }

    private static Task<Guid> VersionAsync(IServiceScope scope, Guid id)
    {
        scope.Db().ChangeTracker.Clear();
        return scope.Db().Reviews.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
    }

    private static ReviewerDetails Details(int led = 4) =>
        new("Fictional reviewer.", [Region.NorthEast], [Methodology.LearningTogether], [IncidentType.Death], led, null, null, 2);

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Appoint_ConflictedReviewer_RefusedWithTheDeclarationKept_ThenTheChairsExceptionAllowsIt(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var data = new TestData(scope.Db(), new TestClock());
        var panels = scope.ServiceProvider.GetRequiredService<ReviewPanelService>();
        var register = scope.ServiceProvider.GetRequiredService<ReviewerRegisterService>();
        var officer = await data.PrincipalAsync(world.Officer);
        var chair = await data.PrincipalAsync(world.Chair);
        var reviewer = await data.PrincipalAsync(world.OtherReviewer);
        await register.SaveMineAsync(Details(), null, reviewer, Tester);
        await register.AddAffiliationAsync(new AffiliationInput(world.Police.Id, null, "Detective inspector", new DateOnly(2024, 3, 31)), reviewer, Tester);
        var input = new PanelAppointmentInput(world.OtherReviewer.Id, TeamRole.LeadReviewer, null, InvolvementKind.None, null);

        var refused = await Should.ThrowAsync<RuleViolationException>(() => panels.AppointAsync(world.Case.Id, input, world.Case.Version, officer, Tester));
        refused.Problems.Single().Field.ShouldBe("userId");
        refused.Message.ShouldContain("worked for Agency police, an agency involved in the case, until 31 March 2024");
        var db = scope.Db();
        db.ChangeTracker.Clear();
        (await db.InvolvementDeclarations.SingleAsync(d => d.ReviewId == world.Case.Id)).ForRole.ShouldBe(TeamRole.LeadReviewer);
        (await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AppointmentRefused && e.ItemId == world.Case.Id.ToString())).ShouldBe(1);
        (await db.ReviewTeamMembers.CountAsync(t => t.ReviewId == world.Case.Id)).ShouldBe(0);

        var panel = await panels.GetAsync(world.Case.Id, chair, Tester);
        var conflicted = panel.Conflicted.Single();
        conflicted.UserId.ShouldBe(world.OtherReviewer.Id);
        conflicted.Covered.ShouldBeFalse();
        panel.MayExcept.ShouldBeTrue();

        // The business unit may not except; the chair may, with a reason.
        await Should.ThrowAsync<ForbiddenException>(() => panels.RecordExceptionAsync(world.Case.Id, world.OtherReviewer.Id, "Left in 2024",
            panel.Review.Version, officer, Tester));
        await Should.ThrowAsync<RuleViolationException>(() => panels.RecordExceptionAsync(world.Case.Id, world.OtherReviewer.Id, " ",
            panel.Review.Version, chair, Tester));
        var exception = await panels.RecordExceptionAsync(world.Case.Id, world.OtherReviewer.Id,
            "Left the force before the family was known to it; no one involved reported to him.", panel.Review.Version, chair, Tester);
        exception.Conflicts.ShouldContain("Agency police");
        (await db.AuditEntries.CountAsync(e => e.Action == AuditActions.ConflictExceptionRecorded)).ShouldBe(1);

        var member = await panels.AppointAsync(world.Case.Id, input, await VersionAsync(scope, world.Case.Id), officer, Tester);
        member.Role.ShouldBe(TeamRole.LeadReviewer);
        (await db.AuditEntries.Where(e => e.Action == AuditActions.ReviewTeamAdded).Select(e => e.Detail).SingleAsync())!.ShouldContain("underException=");
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Appoint_PanelMember_SeatOfTheirAgency_AndTheMinimumPanelShown(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var data = new TestData(scope.Db(), new TestClock());
        var panels = scope.ServiceProvider.GetRequiredService<ReviewPanelService>();
        var officer = await data.PrincipalAsync(world.Officer);

        var wrongSeat = await Should.ThrowAsync<RuleViolationException>(() => panels.AppointAsync(world.Case.Id,
            new PanelAppointmentInput(world.PoliceLead.Id, TeamRole.PanelMember, world.Care.Id, InvolvementKind.None, null), world.Case.Version, officer, Tester));
        wrongSeat.Problems.ShouldBe([new RuleProblem("agencyId", "Select an agency the person works for")]);
        var noDeclaration = await Should.ThrowAsync<RuleViolationException>(() => panels.AppointAsync(world.Case.Id,
            new PanelAppointmentInput(world.PoliceLead.Id, TeamRole.PanelMember, world.Police.Id, null, null), world.Case.Version, officer, Tester));
        noDeclaration.Problems.Single().Field.ShouldBe("declaration");

        await panels.AppointAsync(world.Case.Id, new PanelAppointmentInput(world.PoliceLead.Id, TeamRole.PanelMember, world.Police.Id, InvolvementKind.None, null),
            world.Case.Version, officer, Tester);

        var panel = await panels.GetAsync(world.Case.Id, officer, Tester);
        panel.Composition.Missing.ShouldBe([AgencyType.ChildrensSocialCare, AgencyType.HealthTrust, AgencyType.Education]);
        var member = panel.Members.Single();
        member.Agency.ShouldBe("Agency police");
        member.Declaration!.Kind.ShouldBe(InvolvementKind.None);
        member.Declaration.RecordedById.ShouldBe(world.Officer.Id);
        panel.Agencies.Select(a => a.Key).ShouldBe(["csc", "police"]);
        panel.MayExcept.ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Appoint_ReviewerOnTheRegisterFromAnotherBoard_MayLeadButNotSitOnThePanel(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var data = new TestData(scope.Db(), new TestClock());
        var panels = scope.ServiceProvider.GetRequiredService<ReviewPanelService>();
        var register = scope.ServiceProvider.GetRequiredService<ReviewerRegisterService>();
        var officer = await data.PrincipalAsync(world.Officer);

        // Not on the register yet, and no role with this board.
        var refused = await Should.ThrowAsync<RuleViolationException>(() => panels.AppointAsync(world.Case.Id,
            new PanelAppointmentInput(world.OtherReviewer.Id, TeamRole.LeadReviewer, null, InvolvementKind.None, null), world.Case.Version, officer, Tester));
        refused.Problems.Single().Field.ShouldBe("userId");

        await register.SaveMineAsync(Details(), null, await data.PrincipalAsync(world.OtherReviewer), Tester);
        var candidates = await panels.CandidatesAsync((await panels.GetAsync(world.Case.Id, officer, Tester)).Review);
        candidates.Single(c => c.UserId == world.OtherReviewer.Id).ShouldSatisfyAllConditions(c => c.OnRegister.ShouldBeTrue(), c => c.WorksWithBoard.ShouldBeFalse());
        await Should.ThrowAsync<RuleViolationException>(() => panels.AppointAsync(world.Case.Id,
            new PanelAppointmentInput(world.OtherReviewer.Id, TeamRole.LayMember, null, InvolvementKind.None, null), world.Case.Version, officer, Tester));
        await panels.AppointAsync(world.Case.Id, new PanelAppointmentInput(world.OtherReviewer.Id, TeamRole.LeadReviewer, null, InvolvementKind.None, null),
            world.Case.Version, officer, Tester);
        (await panels.GetAsync(world.Case.Id, officer, Tester)).Composition.HasLeadReviewer.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Panel_OnlyTheBusinessUnitAndChair(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var data = new TestData(scope.Db(), new TestClock());
        var panels = scope.ServiceProvider.GetRequiredService<ReviewPanelService>();
        var register = scope.ServiceProvider.GetRequiredService<ReviewerRegisterService>();
        var agencyLead = await data.PrincipalAsync(world.AgencyLead);

        await Should.ThrowAsync<ForbiddenException>(() => panels.GetAsync(world.Case.Id, agencyLead, Tester));
        await Should.ThrowAsync<ForbiddenException>(() => register.MatchAsync(world.Case.Id, null, agencyLead, Tester));
        var outsider = await data.PrincipalAsync(world.OtherReviewer);
        await Should.ThrowAsync<NotFoundException>(() => panels.GetAsync(world.Case.Id, outsider, Tester));
        await Should.ThrowAsync<ForbiddenException>(() => register.ListAsync(agencyLead, new ReviewerFilter()));
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Register_ReviewerKeepsTheirEntry_BusinessUnitsFindAndMatchIt(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var clock = new TestClock();
        await using var services = CoreHost.Build(database, clock);
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var data = new TestData(scope.Db(), clock);
        var register = scope.ServiceProvider.GetRequiredService<ReviewerRegisterService>();
        var officer = await data.PrincipalAsync(world.Officer);
        var reviewer = await data.PrincipalAsync(world.Reviewer);
        var other = await data.PrincipalAsync(world.OtherReviewer);

        (await register.GetMineAsync(reviewer)).ShouldBeNull();
        await Should.ThrowAsync<ForbiddenException>(() => register.SaveMineAsync(Details(), null, officer, Tester));
        var mine = await register.SaveMineAsync(Details(), null, reviewer, Tester);
        await Should.ThrowAsync<StaleEditException>(() => register.SaveMineAsync(Details(5), Guid.NewGuid(), reviewer, Tester));
        scope.Db().ChangeTracker.Clear();
        mine = await register.SaveMineAsync(Details(5), mine.Version, reviewer, Tester);
        await register.AddTrainingAsync(new TrainingInput("scie-learning-together-accreditation", null, new DateOnly(2021, 6, 18)), reviewer, Tester);
        var problems = await Should.ThrowAsync<RuleViolationException>(() => register.AddTrainingAsync(new TrainingInput("other", null, null), reviewer, Tester));
        problems.Problems.Select(p => p.Field).ShouldBe(["title", "completedOn"]);
        await register.SaveMineAsync(new ReviewerDetails(null, [Region.SouthWest], [Methodology.ChildPracticeReview], [IncidentType.Suicide], 0, null, null, 1),
            null, other, Tester);
        await register.AddAffiliationAsync(new AffiliationInput(world.Board.Id, null, "Business manager", null), other, Tester);

        var all = await register.ListAsync(officer, new ReviewerFilter());
        all.Select(e => e.Name).ShouldBe(["reviewer", "reviewer"]);
        (await register.ListAsync(officer, new ReviewerFilter(Methodology: Methodology.LearningTogether, Accredited: true))).Single().Profile.Id.ShouldBe(mine.Id);
        (await register.ListAsync(officer, new ReviewerFilter(NewReviewers: true))).Single().Profile.UserId.ShouldBe(world.OtherReviewer.Id);
        (await register.ListAsync(officer, new ReviewerFilter(Region: Region.London))).ShouldBeEmpty();

        var view = await register.GetAsync(mine.Id, officer, Tester);
        view.Reviewer.Profile.Training.Single().Course.Level.ShouldBe(TrainingLevel.Accreditation);
        view.IsOwn.ShouldBeFalse();
        (await scope.Db().AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewerProfileRead && e.ItemId == mine.Id.ToString())).ShouldBe(1);
        await Should.ThrowAsync<ForbiddenException>(() => register.GetAsync(mine.Id, other, Tester));

        var match = await register.MatchAsync(world.Case.Id, Methodology.LearningTogether, officer, Tester);
        match.Matches.Select(m => m.Candidate.UserId).ShouldBe([world.Reviewer.Id, world.OtherReviewer.Id]);
        match.Matches[0].Score.ShouldBe(ReviewerMatching.MaxScore);
        match.Matches[1].Excluded.ShouldBeTrue();
        match.Matches[1].Conflicts.Single().Text.ShouldStartWith("Works for Northbridge Safeguarding Children Board");
        (await scope.Db().AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewRead && e.Detail!.Contains("part=reviewer-match"))).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Mentoring_NewReviewerPairedWithAnExperiencedOne_OnACaseTheMentorLeads(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var data = new TestData(scope.Db(), new TestClock());
        var register = scope.ServiceProvider.GetRequiredService<ReviewerRegisterService>();
        var panels = scope.ServiceProvider.GetRequiredService<ReviewPanelService>();
        var officer = await data.PrincipalAsync(world.Officer);
        var mentor = await register.SaveMineAsync(Details(6), null, await data.PrincipalAsync(world.Reviewer), Tester);
        var mentee = await register.SaveMineAsync(Details(0), null, await data.PrincipalAsync(world.OtherReviewer), Tester);

        var notTheirs = await Should.ThrowAsync<RuleViolationException>(() => register.PairAsync(new MentoringInput(mentor.Id, mentee.Id, world.Case.Id, null),
            officer, Tester));
        notTheirs.Problems.Single().Field.ShouldBe("shadowReviewId");
        await Should.ThrowAsync<RuleViolationException>(() => register.PairAsync(new MentoringInput(mentee.Id, mentor.Id, null, null), officer, Tester));
        var chair = await data.PrincipalAsync(world.Chair);
        await Should.ThrowAsync<ForbiddenException>(() => register.PairAsync(new MentoringInput(mentor.Id, mentee.Id, null, null), chair, Tester));

        await panels.AppointAsync(world.Case.Id, new PanelAppointmentInput(world.Reviewer.Id, TeamRole.LeadReviewer, null, InvolvementKind.None, null),
            world.Case.Version, officer, Tester);
        var pair = await register.PairAsync(new MentoringInput(mentor.Id, mentee.Id, world.Case.Id, "Shadowing the scoping"), officer, Tester);
        pair.ShadowReviewId.ShouldBe(world.Case.Id);
        await Should.ThrowAsync<RuleViolationException>(() => register.PairAsync(new MentoringInput(mentor.Id, mentee.Id, null, null), officer, Tester));

        // Each sees the other's entry; the overview names the case.
        (await register.GetAsync(mentor.Id, await data.PrincipalAsync(world.OtherReviewer), Tester)).Mentoring.Single().ShadowCase.ShouldBe(world.Case.Reference);
        (await register.MentoringAsync(officer)).Pairs.Single().Mentee.ShouldBe("reviewer");
        await register.EndPairAsync(pair.Id, officer, Tester);
        scope.Db().ChangeTracker.Clear();
        (await scope.Db().MentoringPairs().SingleAsync()).EndedOn.ShouldNotBeNull();
    }
}
