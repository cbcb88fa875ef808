using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Tests.Rules.Timescales;

namespace Scr.Core.Tests.Rules;

/// <summary>Who may see and keep a review's timetable, agree a change of it, and see the board's timetable.</summary>
public class TimetableAccessRulesTests
{
    private static readonly Guid Me = Guid.NewGuid();

    private static Review Case() => MilestonesTests.Decided(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static Principal OnBoard(Review review, Role role) => new(Me, "me", [new Grant(role, review.BoardId, OrganisationKind.Board, [review.BoardId])]);

    [Theory]
    [InlineData(Role.BusinessUnitOfficer, true, true, false, true)]
    [InlineData(Role.BoardChair, false, true, true, true)]
    [InlineData(Role.SubGroupMember, false, false, false, true)]
    [InlineData(Role.LeadReviewer, false, false, false, false)]
    public void BoardRoles(Role role, bool edit, bool propose, bool decide, bool boardTimetable)
    {
        var review = Case();
        var principal = OnBoard(review, role);

        ReviewAccessRules.MayEditTimetable(principal, review).ShouldBe(edit);
        ReviewAccessRules.MayProposeTimelineChange(principal, review).ShouldBe(propose);
        ReviewAccessRules.MayDecideTimelineChange(principal, review).ShouldBe(decide);
        ReviewAccessRules.MaySeeBoardTimetable(principal, review.BoardId).ShouldBe(boardTimetable);
        ReviewAccessRules.MaySeeBoardTimetable(principal, Guid.NewGuid()).ShouldBeFalse();
    }

    [Fact]
    public void ReviewTeam_KeepsTheTimetable_ButNotTheBoards()
    {
        var review = Case();
        var reviewer = new Principal(Me, "me", [new Grant(Role.LeadReviewer, review.BoardId, OrganisationKind.Board, [review.BoardId])]);
        review.AddToTeam(Me, TeamRole.LeadReviewer, Guid.NewGuid(), DateTimeOffset.UtcNow);

        ReviewAccessRules.MaySeeTimetable(ReviewAccessRules.For(reviewer, ReviewAccessFacts.Of(review))).ShouldBeTrue();
        ReviewAccessRules.MayEditTimetable(reviewer, review).ShouldBeTrue();
        ReviewAccessRules.MayProposeTimelineChange(reviewer, review).ShouldBeTrue();
        ReviewAccessRules.MayDecideTimelineChange(reviewer, review).ShouldBeFalse();
        ReviewAccessRules.BoardTimetables(reviewer).ShouldBeEmpty();
    }

    [Fact]
    public void Agency_SeesNeitherTimetable_ButTheConstraints()
    {
        var review = Case();
        var agency = review.Agencies[0].AgencyId;
        var lead = new Principal(Me, "me", [new Grant(Role.AgencyLead, agency, OrganisationKind.Agency, [review.BoardId])]);

        ReviewAccessRules.MaySeeTimetable(ReviewAccessRules.For(lead, ReviewAccessFacts.Of(review))).ShouldBeFalse();
        ReviewAccessRules.MaySeeConstraints(ReviewAccessRules.For(lead, ReviewAccessFacts.Of(review))).ShouldBeTrue("constraints bind every agency on the case");
        ReviewAccessRules.MaySeeConstraints(ReviewAccess.None).ShouldBeFalse();
        ReviewAccessRules.MayEditTimetable(lead, review).ShouldBeFalse();
        ReviewAccessRules.MayProposeTimelineChange(lead, review).ShouldBeFalse();
        ReviewAccessRules.BoardTimetables(lead).ShouldBeEmpty();
    }
}
