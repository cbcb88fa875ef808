using Scr.Core.Models;
using Scr.Core.Rules;

namespace Scr.Core.Tests.Rules;

public class ReviewAccessRulesTests
{
    private static readonly Guid Board = Guid.NewGuid();
    private static readonly Guid OtherBoard = Guid.NewGuid();
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly Guid OtherAgency = Guid.NewGuid();
    private static readonly Guid Me = Guid.NewGuid();

    private static Principal WithRole(Role role, Guid? organisation, OrganisationKind? kind, params Guid[] boards) =>
        new(Me, "me", [new Grant(role, organisation, kind, boards)]);

    private static ReviewAccessFacts Case(Guid board, Guid[]? team = null, Guid[]? agencies = null) =>
        new(board, team ?? [], agencies ?? [], null);

    [Theory]
    [InlineData(Role.BusinessUnitOfficer)]
    [InlineData(Role.BoardChair)]
    [InlineData(Role.SubGroupMember)]
    public void For_BoardRoleOnOwnBoard_Full(Role role) =>
        ReviewAccessRules.For(WithRole(role, Board, OrganisationKind.Board, Board), Case(Board)).ShouldBe(ReviewAccess.Full);

    [Theory]
    [InlineData(Role.BusinessUnitOfficer)]
    [InlineData(Role.BoardChair)]
    [InlineData(Role.SubGroupMember)]
    [InlineData(Role.LeadReviewer)]
    public void For_BoardRoleOnOtherBoard_None(Role role) =>
        ReviewAccessRules.For(WithRole(role, OtherBoard, OrganisationKind.Board, OtherBoard), Case(Board)).ShouldBe(ReviewAccess.None);

    [Fact]
    public void For_LeadReviewerNotOnTeam_None() =>
        ReviewAccessRules.For(WithRole(Role.LeadReviewer, Board, OrganisationKind.Board, Board), Case(Board)).ShouldBe(ReviewAccess.None);

    [Fact]
    public void For_LeadReviewerOnTeam_Full() =>
        ReviewAccessRules.For(WithRole(Role.LeadReviewer, Board, OrganisationKind.Board, Board), Case(Board, team: [Me])).ShouldBe(ReviewAccess.Full);

    [Fact]
    public void For_AgencyInvolved_AgencySummary() =>
        ReviewAccessRules.For(WithRole(Role.AgencyLead, Agency, OrganisationKind.Agency, Board), Case(Board, agencies: [Agency]))
            .ShouldBe(ReviewAccess.AgencySummary);

    [Fact]
    public void For_AgencyNotInvolved_None() =>
        ReviewAccessRules.For(WithRole(Role.AgencyLead, Agency, OrganisationKind.Agency, Board), Case(Board, agencies: [OtherAgency]))
            .ShouldBe(ReviewAccess.None);

    [Fact]
    public void For_AgencyInvolvedButNotServingTheBoard_None() =>
        ReviewAccessRules.For(WithRole(Role.AgencyReviewAuthor, Agency, OrganisationKind.Agency, OtherBoard), Case(Board, agencies: [Agency]))
            .ShouldBe(ReviewAccess.None);

    [Fact]
    public void For_PanelBeforeTheBoardSendsAnything_None() =>
        ReviewAccessRules.For(WithRole(Role.PanelMember, Guid.NewGuid(), OrganisationKind.NationalPanel), Case(Board)).ShouldBe(ReviewAccess.None);

    [Fact]
    public void For_PanelEvenAfterADecisionIsSent_None() =>
        // The Panel reads what was sent to it (PanelSubmission), never the case record.
        ReviewAccessRules.For(WithRole(Role.PanelMember, Guid.NewGuid(), OrganisationKind.NationalPanel), Case(Board))
            .ShouldBe(ReviewAccess.None);

    [Fact]
    public void For_SystemAdministrator_None() =>
        ReviewAccessRules.For(WithRole(Role.SystemAdministrator, null, null), Case(Board)).ShouldBe(ReviewAccess.None);

    private static Review CaseWithAgencies(params Guid[] agencies) =>
        Review.Notify(Board, "R", IncidentType.Death, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), "", GuidanceEdition.Wt2006, null,
            [new ReviewChild("C", null, Sex.NotKnown, Ethnicity.NotKnown, YesNoNotKnown.NotKnown, ChildProtectionPlanStatus.NotKnown, LegalStatus.NotKnown)],
            agencies, Guid.NewGuid(), DateTimeOffset.UnixEpoch);

    [Fact]
    public void Documents_BoardAndTeam_ReadEveryDocumentAndGiveThemToAnyInvolvedAgency()
    {
        var review = CaseWithAgencies(Agency, OtherAgency);
        var officer = WithRole(Role.BusinessUnitOfficer, Board, OrganisationKind.Board, Board);

        ReviewAccessRules.DocumentAudiencesFor(officer, ReviewAccess.Full, review).ShouldBe([
            (DocumentAudience.CaseTeam, null), (DocumentAudience.Agency, Agency), (DocumentAudience.Agency, OtherAgency)]);
        ReviewAccessRules.MayReadDocument(officer, ReviewAccess.Full, review, DocumentAudience.Agency, OtherAgency).ShouldBeTrue();
        ReviewAccessRules.MayReadDocument(officer, ReviewAccess.Full, review, DocumentAudience.CaseTeam, null).ShouldBeTrue();
        ReviewAccessRules.MayUploadDocument(officer, ReviewAccess.Full, review, DocumentAudience.Agency, Guid.NewGuid()).ShouldBeFalse();
    }

    [Fact]
    public void Documents_Agency_OnlyItsOwn()
    {
        var review = CaseWithAgencies(Agency, OtherAgency);
        var lead = WithRole(Role.AgencyLead, Agency, OrganisationKind.Agency, Board);

        ReviewAccessRules.DocumentAudiencesFor(lead, ReviewAccess.AgencySummary, review).ShouldBe([(DocumentAudience.Agency, Agency)]);
        ReviewAccessRules.MayReadDocument(lead, ReviewAccess.AgencySummary, review, DocumentAudience.Agency, Agency).ShouldBeTrue();
        ReviewAccessRules.MayReadDocument(lead, ReviewAccess.AgencySummary, review, DocumentAudience.Agency, OtherAgency).ShouldBeFalse();
        ReviewAccessRules.MayReadDocument(lead, ReviewAccess.AgencySummary, review, DocumentAudience.CaseTeam, null).ShouldBeFalse();
        ReviewAccessRules.MayUploadDocument(lead, ReviewAccess.AgencySummary, review, DocumentAudience.CaseTeam, null).ShouldBeFalse();
        ReviewAccessRules.MayUploadDocument(lead, ReviewAccess.AgencySummary, review, DocumentAudience.Agency, OtherAgency).ShouldBeFalse();
        ReviewAccessRules.MayUploadDocument(lead, ReviewAccess.AgencySummary, review, DocumentAudience.Agency, Agency).ShouldBeTrue();
    }

    [Fact]
    public void Documents_NoAccessToTheCase_Nothing()
    {
        var review = CaseWithAgencies(Agency);
        var panel = WithRole(Role.PanelMember, Guid.NewGuid(), OrganisationKind.NationalPanel);

        ReviewAccessRules.DocumentAudiencesFor(panel, ReviewAccess.None, review).ShouldBeEmpty();
        ReviewAccessRules.MayReadDocument(panel, ReviewAccess.None, review, DocumentAudience.CaseTeam, null).ShouldBeFalse();
    }

    [Fact]
    public void VisibleTo_AgreesWithFor_OnEveryCombination()
    {
        var principals = new[]
        {
            WithRole(Role.BoardChair, Board, OrganisationKind.Board, Board),
            WithRole(Role.LeadReviewer, Board, OrganisationKind.Board, Board),
            WithRole(Role.AgencyLead, Agency, OrganisationKind.Agency, Board),
            WithRole(Role.PanelMember, Guid.NewGuid(), OrganisationKind.NationalPanel),
            WithRole(Role.SystemAdministrator, null, null),
        };
        var reviews = new List<Review>();
        foreach (var board in new[] { Board, OtherBoard })
        {
            foreach (var agency in new[] { Agency, OtherAgency })
            {
                var review = Review.Notify(board, "R", IncidentType.Death, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), "", GuidanceEdition.Wt2006,
                    null, [new ReviewChild("C", null, Sex.NotKnown, Ethnicity.NotKnown, YesNoNotKnown.NotKnown, ChildProtectionPlanStatus.NotKnown, LegalStatus.NotKnown)],
                    [agency], Guid.NewGuid(), DateTimeOffset.UnixEpoch);
                reviews.Add(review);
                var shared = Review.Notify(board, "S", IncidentType.Death, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), "", GuidanceEdition.Wt2006,
                    null, [new ReviewChild("C", null, Sex.NotKnown, Ethnicity.NotKnown, YesNoNotKnown.NotKnown, ChildProtectionPlanStatus.NotKnown, LegalStatus.NotKnown)],
                    [agency], Guid.NewGuid(), DateTimeOffset.UnixEpoch);
                shared.AddToTeam(Me, TeamRole.LeadReviewer, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
                reviews.Add(shared);
            }
        }
        foreach (var principal in principals)
        {
            var filter = ReviewAccessRules.VisibleTo(principal).Compile();
            foreach (var review in reviews)
            {
                var visible = ReviewAccessRules.For(principal, ReviewAccessFacts.Of(review)) != ReviewAccess.None;
                // The query filter may be coarser than the rule, never narrower.
                if (visible)
                {
                    filter(review).ShouldBeTrue();
                }
            }
        }
    }

    private static Review CaseWith(Guid board, Guid agency, bool onTeam = false)
    {
        var review = Review.Notify(board, "C", IncidentType.Death, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), "", GuidanceEdition.Wt2006,
            null, [new ReviewChild("C", null, Sex.NotKnown, Ethnicity.NotKnown, YesNoNotKnown.NotKnown, ChildProtectionPlanStatus.NotKnown, LegalStatus.NotKnown)],
            [agency, OtherAgency], Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        if (onTeam)
        {
            review.AddToTeam(Me, TeamRole.LeadReviewer, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        }
        return review;
    }

    private static CaseCommunication To(Guid? agency) => new(agency is null ? RecipientKind.Coroner : RecipientKind.Agency, "Someone", agency,
        CommunicationMethod.Letter, "Subject", null, null, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(Role.BusinessUnitOfficer, true)]
    [InlineData(Role.BoardChair, true)]
    [InlineData(Role.SubGroupMember, false)]
    [InlineData(Role.LeadReviewer, false)]
    public void MayRecordCommunication_BusinessUnitAndChairOfTheBoardOnly(Role role, bool may)
    {
        ReviewAccessRules.MayRecordCommunication(WithRole(role, Board, OrganisationKind.Board, Board), CaseWith(Board, Agency, onTeam: true)).ShouldBe(may);
        ReviewAccessRules.MayRecordCommunication(WithRole(role, OtherBoard, OrganisationKind.Board, OtherBoard), CaseWith(Board, Agency)).ShouldBeFalse();
    }

    [Fact]
    public void MayRecordCommunication_Agency_No() =>
        ReviewAccessRules.MayRecordCommunication(WithRole(Role.AgencyLead, Agency, OrganisationKind.Agency, Board), CaseWith(Board, Agency)).ShouldBeFalse();

    [Fact]
    public void MaySeeCommunication_BoardEveryOne_AgencyItsOwn_TeamFromElsewhereNone()
    {
        var review = CaseWith(Board, Agency, onTeam: true);
        var board = WithRole(Role.SubGroupMember, Board, OrganisationKind.Board, Board);
        var agency = WithRole(Role.AgencyReviewAuthor, Agency, OrganisationKind.Agency, Board);
        var reviewer = WithRole(Role.LeadReviewer, Board, OrganisationKind.Board, Board);

        foreach (var message in new[] { To(null), To(Agency), To(OtherAgency) })
        {
            ReviewAccessRules.MaySeeCommunication(board, review, message).ShouldBeTrue();
            ReviewAccessRules.MaySeeCommunication(reviewer, review, message).ShouldBeFalse();
        }
        ReviewAccessRules.MaySeeCommunication(agency, review, To(Agency)).ShouldBeTrue();
        ReviewAccessRules.MaySeeCommunication(agency, review, To(OtherAgency)).ShouldBeFalse();
        ReviewAccessRules.MaySeeCommunication(agency, review, To(null)).ShouldBeFalse();
    }
}
