using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Reviews;
using Scr.Core.Services.TermsOfReference;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

/// <summary>The terms of reference through their service: drafts saved, signed off by the chair, read by each as allowed, exported.</summary>
public class TermsOfReferenceServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");

    private sealed record World(TestClock Clock, ServiceProvider Services, Organisation Board, Organisation Other, Organisation Csc, Organisation Health,
        User Chair, User Officer, User SubGroup, User CscLead, User HealthLead, User OtherOfficer, Review Case) : IAsyncDisposable
    {
        public async Task<T> AsAsync<T>(User user, Func<TermsOfReferenceService, Principal, Task<T>> work)
        {
            using var scope = Services.CreateScope();
            var principal = await new TestData(scope.Db(), Clock).PrincipalAsync(user);
            return await work(scope.ServiceProvider.GetRequiredService<TermsOfReferenceService>(), principal);
        }

        public async Task<Guid> VersionAsync()
        {
            using var scope = Services.CreateScope();
            return await scope.Db().Reviews.AsNoTracking().Where(r => r.Id == Case.Id).Select(r => r.Version).FirstAsync();
        }

        public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string action)
        {
            using var scope = Services.CreateScope();
            return await scope.Db().AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync();
        }

        public async Task<IReadOnlyList<InboxItem>> InboxAsync(User user)
        {
            using var scope = Services.CreateScope();
            return await scope.Db().InboxItems.AsNoTracking().Where(i => i.UserId == user.Id).ToListAsync();
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
        var health = await data.CreateAgencyAsync("health", AgencyType.HealthTrust, board, other);
        var chair = await data.CreateUserAsync("chair@nb.example", (Role.BoardChair, board));
        var officer = await data.CreateUserAsync("officer@nb.example", (Role.BusinessUnitOfficer, board));
        var subGroup = await data.CreateUserAsync("subgroup@nb.example", (Role.SubGroupMember, board));
        var cscLead = await data.CreateUserAsync("lead@csc.example", (Role.AgencyLead, csc));
        var healthLead = await data.CreateUserAsync("lead@health.example", (Role.AgencyLead, health));
        var otherOfficer = await data.CreateUserAsync("officer@em.example", (Role.BusinessUnitOfficer, other));
        var review = await data.CreateReviewAsync(board, officer, csc);
        await scope.ServiceProvider.GetRequiredService<ReviewService>().MoveAsync(review.Id, "initiate", "Criteria met", review.Version,
            await data.PrincipalAsync(chair), Tester);
        return new World(clock, services, board, other, csc, health, chair, officer, subGroup, cscLead, healthLead, otherOfficer, review);
    }

    private static TermsOfReferenceInput Complete(World world, params string[] lines) => new(
        lines.Length == 0 ? ["Why was the referral not acted on?"] : lines, new DateOnly(2025, 11, 1), new DateOnly(2026, 11, 20), world.Board.Id,
        [world.Other.Id], "Eastmere joins the panel.", [world.Csc.Id, world.Health.Id], "A private nursery", "The lead reviewer meets the parents.",
        "Criminal trial pending.", "Complete in 4 months.", "Anonymised report published.", Methodology.LearningTogether, null,
        AgencyReportsRequirement.ShortAgencyReports, ChronologyRequirement.IntegratedMultiAgency);

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task SaveDraft_Audited_NewCaseVersion_UpdatedInPlace_StaleRefused(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        var before = await world.VersionAsync();

        var first = await world.AsAsync(world.Officer, (s, p) => s.SaveDraftAsync(world.Case.Id, Complete(world, "What happened?"), before, p, Tester));

        first.Number.ShouldBe(1);
        (await world.VersionAsync()).ShouldNotBe(before);
        var saved = (await world.AuditAsync(AuditActions.TermsOfReferenceDraftSaved)).Single();
        saved.Detail!.ShouldContain("version=1; started");
        saved.Detail!.ShouldContain("warnings=what-questions");
        await Should.ThrowAsync<StaleEditException>(() =>
            world.AsAsync(world.Officer, (s, p) => s.SaveDraftAsync(world.Case.Id, Complete(world), before, p, Tester)));

        await world.AsAsync(world.Officer, async (s, p) => await s.SaveDraftAsync(world.Case.Id, Complete(world), await world.VersionAsync(), p, Tester));

        var terms = await world.AsAsync(world.SubGroup, (s, p) => s.GetAsync(world.Case.Id, p, Tester));
        terms.Versions.Single().KeyLinesOfEnquiry.ShouldBe(["Why was the referral not acted on?"]);
        terms.Current!.Agencies.Select(a => a.Name).ShouldBe(["Agency csc", "Agency health"]);
        terms.Current.OtherBoards.Single().Name.ShouldBe("Eastmere Safeguarding Children Board");
        terms.WarningsFor(terms.Current).ShouldBeEmpty();
        terms.MissingFor(terms.Current).ShouldBeEmpty();
        terms.NameOf(terms.Current.SavedById).ShouldBe("officer");
        (terms.MayEdit, terms.MaySignOff, terms.MaySeeDrafts).ShouldBe((false, false, true));
        (await world.AuditAsync(AuditActions.TermsOfReferenceDraftSaved)).Last().Detail!.ShouldContain("version=1; updated");
        (await world.AuditAsync(AuditActions.TermsOfReferenceRead)).ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task SaveDraft_WhoMay_AndWhatIsRefused(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        var version = await world.VersionAsync();

        await Should.ThrowAsync<ForbiddenException>(() => world.AsAsync(world.Chair, (s, p) => s.SaveDraftAsync(world.Case.Id, Complete(world), version, p, Tester)));
        await Should.ThrowAsync<ForbiddenException>(() => world.AsAsync(world.SubGroup, (s, p) => s.SaveDraftAsync(world.Case.Id, Complete(world), version, p, Tester)));
        await Should.ThrowAsync<ForbiddenException>(() => world.AsAsync(world.CscLead, (s, p) => s.SaveDraftAsync(world.Case.Id, Complete(world), version, p, Tester)));
        await Should.ThrowAsync<NotFoundException>(() => world.AsAsync(world.OtherOfficer, (s, p) => s.SaveDraftAsync(world.Case.Id, Complete(world), version, p, Tester)));
        var notServing = await world.AsAsync(world.Officer, async (s, p) =>
        {
            using var scope = world.Services.CreateScope();
            var agency = await new TestData(scope.Db(), world.Clock).CreateAgencyAsync("elsewhere", AgencyType.Police);
            return await Should.ThrowAsync<RuleViolationException>(() => s.SaveDraftAsync(world.Case.Id,
                Complete(world) with { AgencyIds = [agency.Id], PeriodTo = new DateOnly(2027, 1, 1) }, version, p, Tester));
        });
        notServing.Problems.Select(p => p.Field).ShouldBe(["periodTo", "agencyIds"]);
        (await world.AuditAsync(AuditActions.TermsOfReferenceDraftSaved)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task SignOff_ChairOnly_Frozen_Told_AgencyReadsOnlySignedOff_NewDraftIsVersion2(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        await world.AsAsync(world.Officer, async (s, p) => await s.SaveDraftAsync(world.Case.Id, Complete(world) with { Publication = null },
            await world.VersionAsync(), p, Tester));
        (await world.AsAsync(world.CscLead, (s, p) => s.GetAsync(world.Case.Id, p, Tester))).Versions.ShouldBeEmpty("agencies never see a draft");
        await Should.ThrowAsync<ForbiddenException>(async () =>
            await world.AsAsync(world.Officer, async (s, p) => await s.SignOffAsync(world.Case.Id, null, await world.VersionAsync(), p, Tester)));
        var incomplete = await Should.ThrowAsync<RuleViolationException>(async () =>
            await world.AsAsync(world.Chair, async (s, p) => await s.SignOffAsync(world.Case.Id, null, await world.VersionAsync(), p, Tester)));
        incomplete.Problems.Single().Field.ShouldBe("publication");
        await world.AsAsync(world.Officer, async (s, p) => await s.SaveDraftAsync(world.Case.Id, Complete(world), await world.VersionAsync(), p, Tester));
        await Should.ThrowAsync<StaleEditException>(() =>
            world.AsAsync(world.Chair, (s, p) => s.SignOffAsync(world.Case.Id, null, world.Case.Version, p, Tester)));

        var signed = await world.AsAsync(world.Chair, async (s, p) => await s.SignOffAsync(world.Case.Id, "Agreed", await world.VersionAsync(), p, Tester));

        signed.IsSignedOff.ShouldBeTrue();
        (await world.AuditAsync(AuditActions.TermsOfReferenceSignedOff)).Single().Detail.ShouldBe("version=1");
        (await world.InboxAsync(world.Officer)).ShouldContain(i => i.Title == "Terms of reference signed off: case NORTHBRIDGE-TEST-001");
        (await world.InboxAsync(world.CscLead)).ShouldContain(i => i.Link == $"/cases/{world.Case.Id}/terms-of-reference");
        (await world.InboxAsync(world.HealthLead)).ShouldBeEmpty("health is named in the terms but not involved in the case");
        var agencyView = await world.AsAsync(world.CscLead, (s, p) => s.GetAsync(world.Case.Id, p, Tester));
        agencyView.Versions.Single().Number.ShouldBe(1);
        (agencyView.MaySeeDrafts, agencyView.MayEdit, agencyView.MaySignOff).ShouldBe((false, false, false));
        await Should.ThrowAsync<NotFoundException>(() => world.AsAsync(world.HealthLead, (s, p) => s.GetAsync(world.Case.Id, p, Tester)));

        await world.AsAsync(world.Officer, async (s, p) => await s.SaveDraftAsync(world.Case.Id, Complete(world) with { Timetable = "Six months." },
            await world.VersionAsync(), p, Tester));
        var board = await world.AsAsync(world.Chair, (s, p) => s.GetAsync(world.Case.Id, p, Tester));
        board.Versions.Select(v => (v.Number, v.IsSignedOff)).ShouldBe([(1, true), (2, false)]);
        board.Versions[0].Timetable.ShouldBe("Complete in 4 months.");
        board.SignedOff!.Number.ShouldBe(1);
        board.Draft!.Number.ShouldBe(2);
        (await world.AsAsync(world.CscLead, (s, p) => s.GetAsync(world.Case.Id, p, Tester))).Current!.Number.ShouldBe(1);
        await Should.ThrowAsync<NotFoundException>(() => world.AsAsync(world.CscLead, (s, p) => s.GetVersionAsync(world.Case.Id, 2, p, Tester)));
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Export_SignedOffOnly_ValidWordDocument_Audited_NoChildsName(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        await world.AsAsync(world.Officer, async (s, p) => await s.SaveDraftAsync(world.Case.Id, Complete(world), await world.VersionAsync(), p, Tester));
        await Should.ThrowAsync<NotFoundException>(() => world.AsAsync(world.Officer, (s, p) => s.ExportAsync(world.Case.Id, 1, p, Tester)));
        await world.AsAsync(world.Chair, async (s, p) => await s.SignOffAsync(world.Case.Id, null, await world.VersionAsync(), p, Tester));

        var file = await world.AsAsync(world.CscLead, (s, p) => s.ExportAsync(world.Case.Id, 1, p, Tester));

        file.FileName.ShouldBe("terms-of-reference-NORTHBRIDGE-TEST-001-v1.docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(file.Content), false);
        new OpenXmlValidator().Validate(document).ShouldBeEmpty();
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        text.ShouldContain("Why was the referral not acted on?");
        text.ShouldNotContain("Test Child");
        document.MainDocumentPart.FooterParts.Single().Footer!.InnerText.ShouldContain("CONFIDENTIAL · Case NORTHBRIDGE-TEST-001");
        var exported = (await world.AuditAsync(AuditActions.TermsOfReferenceExported)).Single();
        (exported.UserName, exported.ItemId).ShouldBe(("tester", world.Case.Id.ToString()));
        exported.Detail!.ShouldStartWith("version=1");
        await Should.ThrowAsync<NotFoundException>(() => world.AsAsync(world.OtherOfficer, (s, p) => s.ExportAsync(world.Case.Id, 1, p, Tester)));
    }
}
