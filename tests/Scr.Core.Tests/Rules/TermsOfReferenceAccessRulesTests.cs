using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Tests.Rules.Timescales;

namespace Scr.Core.Tests.Rules;

/// <summary>Who reads the terms of reference (drafts or only signed-off versions), who writes the draft and who signs it off.</summary>
public class TermsOfReferenceAccessRulesTests
{
    private static readonly Guid Me = Guid.NewGuid();

    private static Review Case() => MilestonesTests.Decided(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static Principal OnBoard(Review review, Role role) => new(Me, "me", [new Grant(role, review.BoardId, OrganisationKind.Board, [review.BoardId])]);

    private static ReviewAccess AccessOf(Principal principal, Review review) => ReviewAccessRules.For(principal, ReviewAccessFacts.Of(review));

    [Theory]
    [InlineData(Role.BusinessUnitOfficer, true, false)]
    [InlineData(Role.BoardChair, false, true)]
    [InlineData(Role.SubGroupMember, false, false)]
    public void BoardRoles_ReadDrafts_TheBusinessUnitWrites_TheChairSignsOff(Role role, bool edit, bool signOff)
    {
        var review = Case();
        var principal = OnBoard(review, role);

        ReviewAccessRules.MaySeeTermsDrafts(AccessOf(principal, review)).ShouldBeTrue();
        ReviewAccessRules.MaySeeSignedOffTerms(principal, AccessOf(principal, review), review).ShouldBeTrue();
        ReviewAccessRules.MayEditTerms(principal, review).ShouldBe(edit);
        ReviewAccessRules.MaySignOffTerms(principal, review).ShouldBe(signOff);
    }

    [Fact]
    public void ReviewTeam_WritesTheDraft_DoesNotSignItOff()
    {
        var review = Case();
        var reviewer = new Principal(Me, "me", [new Grant(Role.LeadReviewer, review.BoardId, OrganisationKind.Board, [review.BoardId])]);
        ReviewAccessRules.MayEditTerms(reviewer, review).ShouldBeFalse("not on this review's team yet");

        review.AddToTeam(Me, TeamRole.LeadReviewer, Guid.NewGuid(), DateTimeOffset.UtcNow);

        ReviewAccessRules.MaySeeTermsDrafts(AccessOf(reviewer, review)).ShouldBeTrue();
        ReviewAccessRules.MayEditTerms(reviewer, review).ShouldBeTrue();
        ReviewAccessRules.MaySignOffTerms(reviewer, review).ShouldBeFalse();
    }

    [Fact]
    public void InvolvedAgency_ReadsOnlySignedOffTerms_AReferrerOnlyNothing()
    {
        var review = Case();
        var involved = new Principal(Me, "me", [new Grant(Role.AgencyReviewAuthor, review.Agencies[0].AgencyId, OrganisationKind.Agency, [review.BoardId])]);
        var referrerOnly = new Principal(Me, "me", [new Grant(Role.AgencyLead, Guid.NewGuid(), OrganisationKind.Agency, [review.BoardId])]);
        var facts = ReviewAccessFacts.Of(review) with { ReferringAgencyId = referrerOnly.Grants[0].OrganisationId };

        ReviewAccessRules.MaySeeTermsDrafts(AccessOf(involved, review)).ShouldBeFalse();
        ReviewAccessRules.MaySeeSignedOffTerms(involved, AccessOf(involved, review), review).ShouldBeTrue();
        ReviewAccessRules.MayEditTerms(involved, review).ShouldBeFalse();
        ReviewAccessRules.MaySignOffTerms(involved, review).ShouldBeFalse();
        var referrerAccess = ReviewAccessRules.For(referrerOnly, facts);
        referrerAccess.ShouldBe(ReviewAccess.AgencySummary);
        ReviewAccessRules.MaySeeSignedOffTerms(referrerOnly, referrerAccess, review).ShouldBeFalse();
        ReviewAccessRules.MaySeeSignedOffTerms(referrerOnly, ReviewAccess.None, review).ShouldBeFalse();
    }

    [Fact]
    public void BackAtStage1_NobodyWritesOrSignsOff_TheBoardStillReads()
    {
        var review = Case();
        review.Apply(Lifecycle.StepBack, Guid.NewGuid(), "New information", DateTimeOffset.UtcNow);
        var officer = OnBoard(review, Role.BusinessUnitOfficer);
        var chair = OnBoard(review, Role.BoardChair);

        ReviewAccessRules.MayEditTerms(officer, review).ShouldBeFalse("back at stage 1, before a decision to hold a review");
        ReviewAccessRules.MaySignOffTerms(chair, review).ShouldBeFalse();
        ReviewAccessRules.MaySeeTermsDrafts(AccessOf(officer, review)).ShouldBeTrue();
    }
}
