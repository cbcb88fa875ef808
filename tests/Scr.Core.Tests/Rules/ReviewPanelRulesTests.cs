using Scr.Core.Models;
using Scr.Core.Rules;

namespace Scr.Core.Tests.Rules;

/// <summary>The review panel's minimum membership, who may be appointed, and the conflict rule with the chair's exception (WT2006 8.20).</summary>
public class ReviewPanelRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly Guid ChairId = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Health = Guid.NewGuid();

    private static Review NewCase()
    {
        var review = Review.Notify(Guid.NewGuid(), "NB-2026-001", IncidentType.SeriousInjury, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2), "",
            GuidanceEdition.Wt2006, null,
            [new ReviewChild("Test Child", 22, Sex.Female, Ethnicity.NotKnown, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None)],
            [Police, Health], Officer, Now);
        return review;
    }

    private static ReviewTeamMember Member(TeamRole role, AgencyType? type = null) =>
        new(Guid.NewGuid(), role, Now, Officer, type is { } t ? new PanelSeat(Guid.NewGuid(), t) : null);

    [Fact]
    public void Composition_SomeSeatsFilled_NamesTheMissingOnes()
    {
        var composition = ReviewPanelRules.Composition([Member(TeamRole.PanelMember, AgencyType.Police), Member(TeamRole.PanelMember, AgencyType.Education),
            Member(TeamRole.LeadReviewer), Member(TeamRole.PanelMember, AgencyType.Probation)]);

        composition.IsComplete.ShouldBeFalse();
        composition.Missing.ShouldBe([AgencyType.ChildrensSocialCare, AgencyType.HealthTrust]);
        ReviewPanelRules.Describe(composition.Missing).ShouldBe("children's social care and health");
        composition.HasLeadReviewer.ShouldBeTrue();
        composition.HasIndependentChair.ShouldBeFalse();
        composition.HasLayMember.ShouldBeFalse();
        composition.HasLegalAdviser.ShouldBeFalse();
        composition.Seats.Single(s => s.Type == AgencyType.Police).Members.Count.ShouldBe(1);
    }

    [Fact]
    public void Composition_OnlyPanelMembersFillSeats()
    {
        // A lead reviewer, a lay member or a legal adviser does not represent an agency, whatever their background.
        var composition = ReviewPanelRules.Composition([Member(TeamRole.LayMember), Member(TeamRole.LegalAdviser), Member(TeamRole.IndependentPanelChair)]);
        composition.Missing.Count.ShouldBe(4);
        composition.HasLayMember.ShouldBeTrue();
        composition.HasLegalAdviser.ShouldBeTrue();
        composition.HasIndependentChair.ShouldBeTrue();
    }

    [Fact]
    public void Composition_EveryTypeRepresented_Complete()
    {
        var composition = ReviewPanelRules.Composition(ReviewPanelRules.MinimumMembership.Select(t => Member(TeamRole.PanelMember, t)));
        composition.IsComplete.ShouldBeTrue();
        ReviewPanelRules.Describe(composition.Missing).ShouldBe("none");
    }

    private static AppointmentFacts Facts(TeamRole? role = TeamRole.PanelMember, PanelSeat? seat = null, bool serves = true, Guid[]? agencies = null,
        bool worksWithBoard = true, bool onRegister = false, InvolvementKind? declaration = InvolvementKind.None, string? details = null) =>
        new(role, seat ?? (role == TeamRole.PanelMember ? new PanelSeat(Police, AgencyType.Police) : null), serves, agencies ?? [], worksWithBoard,
            onRegister, declaration, details);

    [Fact]
    public void CheckAppointment_Complete_NoProblems() => ReviewPanelRules.CheckAppointment(Facts()).ShouldBeEmpty();

    [Fact]
    public void CheckAppointment_NothingAnswered_AsksForRoleAndDeclaration() =>
        ReviewPanelRules.CheckAppointment(Facts(role: null, declaration: null)).Select(p => p.Field).ShouldBe(["role", "declaration"]);

    [Fact]
    public void CheckAppointment_DeclaredInvolvementWithoutDetails_AsksForThem() =>
        ReviewPanelRules.CheckAppointment(Facts(declaration: InvolvementKind.LineManagesSomeoneInvolved))
            .ShouldBe([new RuleProblem("declarationDetails", "Describe the involvement they declared")]);

    [Fact]
    public void CheckAppointment_PanelMemberSeat_MustServeTheBoardAndBeTheirOwnAgency()
    {
        ReviewPanelRules.CheckAppointment(Facts(serves: false)).Single().Message.ShouldBe("Select an agency that serves the board's area");
        ReviewPanelRules.CheckAppointment(Facts(agencies: [Health])).Single().Message.ShouldBe("Select an agency the person works for");
        ReviewPanelRules.CheckAppointment(Facts(agencies: [Police, Health])).ShouldBeEmpty();
        // Senior staff who sit on the board's sub-group hold only a board role: they may represent their agency.
        ReviewPanelRules.CheckAppointment(Facts(agencies: [])).ShouldBeEmpty();
    }

    [Fact]
    public void CheckAppointment_PanelMemberWithoutSeat_AsksForTheAgency() =>
        ReviewPanelRules.CheckAppointment(new AppointmentFacts(TeamRole.PanelMember, null, false, [], true, false, InvolvementKind.None, null))
            .ShouldBe([new RuleProblem("agencyId", "Select the agency the panel member represents")]);

    [Theory]
    [InlineData(TeamRole.LeadReviewer, true)]
    [InlineData(TeamRole.IndependentPanelChair, true)]
    [InlineData(TeamRole.ShadowReviewer, true)]
    [InlineData(TeamRole.LayMember, false)]
    [InlineData(TeamRole.LegalAdviser, false)]
    public void CheckAppointment_ReviewerFromTheRegister_OnlyForIndependentRoles(TeamRole role, bool allowed) =>
        ReviewPanelRules.CheckAppointment(Facts(role, worksWithBoard: false, onRegister: true)).Count.ShouldBe(allowed ? 0 : 1);

    [Fact]
    public void CheckAppointment_NeitherWithTheBoardNorOnTheRegister_Refused() =>
        ReviewPanelRules.CheckAppointment(Facts(TeamRole.LeadReviewer, worksWithBoard: false)).Single().Message
            .ShouldBe("Select a person who works with this board or an independent reviewer on the register");

    [Fact]
    public void ConflictsOf_Declarations_NameWhatWasDeclared()
    {
        var person = Guid.NewGuid();
        var declarations = new[]
        {
            new InvolvementDeclaration(person, InvolvementKind.None, "", Officer, Now),
            new InvolvementDeclaration(person, InvolvementKind.LineManagesSomeoneInvolved, "I manage the health visitor", person, Now.AddHours(1)),
        };
        var conflicts = ReviewPanelRules.ConflictsOf(TeamRole.PanelMember, declarations, [], new CaseConflictFacts(Guid.NewGuid(), [Police]));
        conflicts.ShouldBe([new PanelConflict(ConflictKind.DeclaredLineManagement, "Declared that they line-manage someone involved: I manage the health visitor",
            Now.AddHours(1))]);
    }

    [Fact]
    public void ConflictsOf_Affiliations_CountOnlyForIndependentRoles()
    {
        var board = Guid.NewGuid();
        var facts = new CaseConflictFacts(board, [Police, Health]);
        Affiliation[] affiliations =
        [
            new(Police, "Moorland Police", AffiliationSource.Register, new DateOnly(2024, 3, 31)),
            new(board, "Northbridge Safeguarding Children Board", AffiliationSource.Account),
            new(Guid.NewGuid(), "An agency not involved", AffiliationSource.Account),
            new(null, "Fellside County Council", AffiliationSource.Register),
        ];

        // A panel member represents an agency: working for an involved agency is why they are there.
        ReviewPanelRules.ConflictsOf(TeamRole.PanelMember, [], affiliations, facts).ShouldBeEmpty();
        ReviewPanelRules.ConflictsOf(TeamRole.LeadReviewer, [], affiliations, facts).Select(c => (c.Kind, c.Text)).ShouldBe(
        [
            (ConflictKind.InvolvedAgency, "Worked for Moorland Police, an agency involved in the case, until 31 March 2024"),
            (ConflictKind.ReviewingBoard, "Holds a role in Northbridge Safeguarding Children Board, the board reviewing the case"),
        ]);
    }

    [Fact]
    public void AffiliationConflicts_SameOrganisationTwice_OneLinePreferringTheRoleHeldNow()
    {
        var facts = new CaseConflictFacts(Guid.NewGuid(), [Police]);
        ReviewPanelRules.AffiliationConflicts(
        [
            new(Police, "Moorland Police", AffiliationSource.Register, new DateOnly(2020, 1, 31)),
            new(Police, "Moorland Police", AffiliationSource.Register),
            new(Police, "Moorland Police", AffiliationSource.Account),
        ], facts).Single().Text.ShouldBe("Holds a role in Moorland Police, an agency involved in the case");
        ReviewPanelRules.AffiliationConflicts(
        [
            new(Police, "Moorland Police", AffiliationSource.Register, new DateOnly(2020, 1, 31)),
            new(Police, "Moorland Police", AffiliationSource.Register),
        ], facts).Single().Text.ShouldBe("Works for Moorland Police, an agency involved in the case");
    }

    [Fact]
    public void IsCovered_ExceptionAfterTheDeclaration_CoversIt_ButNotOneDeclaredLater()
    {
        var person = Guid.NewGuid();
        var declared = new PanelConflict(ConflictKind.DeclaredInvolvement, "Declared involvement in the case: chaired a meeting", Now);
        var exception = new ConflictException(person, "Chaired one strategy meeting only; no part in decisions", declared.Text, ChairId, Now.AddHours(1));

        ReviewPanelRules.IsCovered([], []).ShouldBeTrue();
        ReviewPanelRules.IsCovered([declared], []).ShouldBeFalse();
        ReviewPanelRules.IsCovered([declared], [exception]).ShouldBeTrue();
        var later = new PanelConflict(ConflictKind.DeclaredLineManagement, "Declared that they line-manage someone involved: the SIO", Now.AddHours(2));
        ReviewPanelRules.IsCovered([declared, later], [exception]).ShouldBeFalse();
        // Affiliations are not dated declarations: any exception covers them.
        ReviewPanelRules.IsCovered([new PanelConflict(ConflictKind.InvolvedAgency, "Worked for Moorland Police")], [exception]).ShouldBeTrue();
    }

    [Fact]
    public void CheckException_NeedsAConflictAndAReason()
    {
        var conflict = new PanelConflict(ConflictKind.InvolvedAgency, "Works for Moorland Police");
        ReviewPanelRules.CheckException([conflict], " ").ShouldBe([new RuleProblem("reason", "Enter why the person may still serve despite the conflict")]);
        ReviewPanelRules.CheckException([conflict], new string('x', ReviewPanelRules.ReasonMaxLength + 1)).Single().Field.ShouldBe("reason");
        ReviewPanelRules.CheckException([], "Because").Single().Field.ShouldBeNull();
        ReviewPanelRules.CheckException([conflict], "Left in 2019; no contact with the family").ShouldBeEmpty();
    }

    [Fact]
    public void AddToTeam_DeclaredConflict_BlockedUntilTheChairsException()
    {
        var review = NewCase();
        var person = Guid.NewGuid();
        review.Declare(person, InvolvementKind.InvolvedInCase, "Attended the child protection conference in 2025", Officer, Now, TeamRole.PanelMember);
        var seat = new PanelSeat(Health, AgencyType.HealthTrust);

        var refused = Should.Throw<RuleViolationException>(() => review.AddToTeam(person, TeamRole.PanelMember, Officer, Now, seat, name: "Nia"));
        refused.Problems.Single().Field.ShouldBe("userId");
        refused.Messages.Single().ShouldStartWith("Nia cannot join the review team: declared involvement in the case: Attended");

        var conflicts = review.ConflictsOf(person, TeamRole.PanelMember, []);
        var exception = review.RecordConflictException(person, conflicts, "Attended once as a minute-taker; no part in decisions", ChairId, Now.AddMinutes(5));
        exception.Conflicts.ShouldBe("Declared involvement in the case: Attended the child protection conference in 2025");
        exception.GrantedById.ShouldBe(ChairId);

        review.AddToTeam(person, TeamRole.PanelMember, Officer, Now.AddMinutes(6), seat).AgencyType.ShouldBe(AgencyType.HealthTrust);
        review.IsOnTeam(person).ShouldBeTrue();
    }

    [Fact]
    public void AddToTeam_IndependentRole_AffiliationWithAnInvolvedAgencyBlocks()
    {
        var review = NewCase();
        var person = Guid.NewGuid();
        Affiliation[] worked = [new(Police, "Moorland Police", AffiliationSource.Register, new DateOnly(2024, 3, 31))];

        Should.Throw<RuleViolationException>(() => review.AddToTeam(person, TeamRole.LeadReviewer, Officer, Now, null, worked, "Declan"))
            .Messages.Single().ShouldBe("Declan cannot join the review team: worked for Moorland Police, an agency involved in the case, until 31 March 2024. "
                + "The board chair may record a justified exception.");
        // The same person may sit on the panel for an agency: independence is asked of the independent roles.
        review.AddToTeam(person, TeamRole.PanelMember, Officer, Now, new PanelSeat(Police, AgencyType.Police), worked).Role.ShouldBe(TeamRole.PanelMember);
    }

    [Fact]
    public void Declare_AfterTheException_TakesThemOffTheTeamAndIsNotCovered()
    {
        var review = NewCase();
        var person = Guid.NewGuid();
        review.Declare(person, InvolvementKind.InvolvedInCase, "Chaired a strategy meeting", Officer, Now, TeamRole.LeadReviewer);
        review.RecordConflictException(person, review.ConflictsOf(person, TeamRole.LeadReviewer, []), "One meeting only", ChairId, Now.AddMinutes(1));
        review.AddToTeam(person, TeamRole.LeadReviewer, Officer, Now.AddMinutes(2));

        review.Declare(person, InvolvementKind.LineManagesSomeoneInvolved, "I now manage the social worker", person, Now.AddMinutes(3));

        review.IsOnTeam(person).ShouldBeFalse();
        Should.Throw<RuleViolationException>(() => review.AddToTeam(person, TeamRole.LeadReviewer, Officer, Now.AddMinutes(4)));
    }

    [Fact]
    public void Declare_NoInvolvement_IsNotAConflict()
    {
        var review = NewCase();
        var person = Guid.NewGuid();
        var declaration = review.Declare(person, InvolvementKind.None, null, Officer, Now, TeamRole.LayMember);
        declaration.IsConflict.ShouldBeFalse();
        declaration.RecordedById.ShouldBe(Officer);
        declaration.ForRole.ShouldBe(TeamRole.LayMember);
        review.HasDeclaredInvolvement(person).ShouldBeFalse();
        review.RoleConsideredFor(person).ShouldBe(TeamRole.LayMember);
        review.AddToTeam(person, TeamRole.LayMember, Officer, Now).Role.ShouldBe(TeamRole.LayMember);
    }

    [Fact]
    public void RecordConflictException_NoConflict_Refused()
    {
        var review = NewCase();
        Should.Throw<RuleViolationException>(() => review.RecordConflictException(Guid.NewGuid(), [], "Because", ChairId, Now));
    }

    [Fact]
    public void CaseConflictFacts_IncludeTheReferringAgency()
    {
        var referrer = Guid.NewGuid();
        var review = Review.Notify(Guid.NewGuid(), "NB-2026-002", IncidentType.Death, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2), "",
            GuidanceEdition.Wt2006, referrer,
            [new ReviewChild("Test Child", 22, Sex.Female, Ethnicity.NotKnown, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None)],
            [Police], Officer, Now);
        CaseConflictFacts.Of(review).AgencyIds.ShouldBe([Police, referrer], ignoreOrder: true);
    }
}
