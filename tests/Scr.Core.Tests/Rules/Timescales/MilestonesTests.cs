using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Calendar;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Deadlines;

namespace Scr.Core.Tests.Rules.Timescales;

public class MilestonesTests
{
    internal static readonly WorkingCalendar Calendar = new(Array.Empty<BankHoliday>());
    private static readonly Guid Chair = Guid.NewGuid();
    private static readonly Guid Officer = Guid.NewGuid();

    /// <summary>A case the chair decided to hold a review of at <paramref name="decidedAt"/>.</summary>
    internal static Review Decided(DateTimeOffset decidedAt, GuidanceEdition edition = GuidanceEdition.Wt2006, bool learningReview = false)
    {
        var review = Review.Notify(Guid.NewGuid(), "T-1", IncidentType.Death, UkTime.DateOf(decidedAt).AddDays(-20), UkTime.DateOf(decidedAt).AddDays(-18),
            "", edition, null, [new ReviewChild("C", 4, Sex.Male, Ethnicity.NotKnown, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None)],
            [Guid.NewGuid()], Officer, decidedAt.AddDays(-18));
        var outcome = learningReview ? DecisionOutcome.CommissionLearningReview : DecisionOutcome.InitiateSeriousCaseReview;
        review.Recommend(new SubGroupRecommendation("wt2006", "{}", outcome, "Met", null, null, null, "", Officer, decidedAt.AddDays(-1)));
        review.Apply(learningReview ? Lifecycle.CommissionLearningReview : Lifecycle.Initiate, Chair, "Criteria met", decidedAt);
        return review;
    }

    private static DateTimeOffset Noon(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<DeadlineKind, DateOnly> DueDates(Review review) =>
        Milestones.For(review, Calendar).ToDictionary(m => m.Kind, m => m.DueDate);

    [Fact]
    public void Wt2006_EarlyLearningAt4And8WeeksAnd4Months_Completion4Months_DraftToBoard6Months()
    {
        var review = Decided(Noon(2026, 11, 23));

        var milestones = Milestones.For(review, Calendar);

        milestones.Select(m => m.Kind).ShouldBe([DeadlineKind.FirstEarlyLearning, DeadlineKind.SecondEarlyLearning, DeadlineKind.ThirdEarlyLearning,
            DeadlineKind.ReviewCompleted, DeadlineKind.DraftToBoard]);
        milestones.Select(m => m.DueDate).ShouldBe([new DateOnly(2026, 12, 21), new DateOnly(2027, 1, 18), new DateOnly(2027, 3, 23),
            new DateOnly(2027, 3, 23), new DateOnly(2027, 5, 23)]);
        milestones.Select(m => m.Key).ShouldBe(["first-early-learning", "second-early-learning", "third-early-learning", "review-completed", "draft-to-board"]);
        milestones.Single(m => m.Kind == DeadlineKind.ReviewCompleted).Rule.Basis.ShouldContain("8.15");
        milestones.Single(m => m.Kind == DeadlineKind.DraftToBoard).Rule.Basis.ShouldContain("stage 6");
        milestones.Single(m => m.Kind == DeadlineKind.FirstEarlyLearning).Rule.Period.ToString().ShouldBe("4 weeks");
        milestones.ShouldAllBe(m => m.Deadline.IsMilestone && m.Deadline.IsAllDay && m.Deadline.AgencyId == null && !m.IsMoved);
        // Due by the end of the UK day: 23 March 2027 is still GMT.
        milestones.Single(m => m.Kind == DeadlineKind.ReviewCompleted).Deadline.Due
            .ShouldBe(new DateTimeOffset(2027, 3, 23, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999));
    }

    [Theory]
    [InlineData(GuidanceEdition.Wt2018)]
    [InlineData(GuidanceEdition.Wt2023)]
    public void Current_CompletedAndPublishedWithin6Months_NoSeparateDraftToBoard(GuidanceEdition edition)
    {
        var review = Decided(Noon(2026, 11, 23), edition);

        var dates = DueDates(review);

        dates.Keys.ShouldBe([DeadlineKind.FirstEarlyLearning, DeadlineKind.SecondEarlyLearning, DeadlineKind.ThirdEarlyLearning, DeadlineKind.ReviewCompleted]);
        dates[DeadlineKind.ReviewCompleted].ShouldBe(new DateOnly(2027, 5, 23));
        var completed = Milestones.Find(review, DeadlineKind.ReviewCompleted)!;
        completed.Title.ShouldBe("Review completed and final report published");
        completed.Basis.ShouldContain("2018");
        completed.Needs.ShouldBe(ConstrainedActivity.Publication);
        Deadlines.For(edition).FinalMilestone!.Kind.ShouldBe(DeadlineKind.ReviewCompleted);
        Deadlines.Wt2006.FinalMilestone!.Kind.ShouldBe(DeadlineKind.DraftToBoard);
    }

    [Theory]
    [InlineData(GuidanceEdition.Wt1999)]
    [InlineData(GuidanceEdition.Wt2006)]
    [InlineData(GuidanceEdition.Wt2010)]
    [InlineData(GuidanceEdition.Wt2013)]
    [InlineData(GuidanceEdition.Wt2015)]
    [InlineData(GuidanceEdition.Wales2012)]
    [InlineData(GuidanceEdition.NotKnown)]
    [InlineData(GuidanceEdition.Wt2018)]
    [InlineData(GuidanceEdition.Wt2023)]
    public void EveryEdition_HasMilestonesEndingInAFinalOne_EachWithItsSource(GuidanceEdition edition)
    {
        var set = Deadlines.For(edition);
        set.Milestones.ShouldNotBeEmpty();
        set.Milestones.ShouldAllBe(m => m.Anchor == DeadlineAnchor.DecisionToInitiate && m.Basis.Length > 20);
        set.FinalMilestone.ShouldNotBeNull();
        set.Rules.ShouldAllBe(r => r.Anchor != DeadlineAnchor.DecisionToInitiate);
    }

    [Fact]
    public void MonthEnd_31October_FourMonthsIsTheLastDayOfFebruary_SixMonthsThe30thOfApril()
    {
        var review = Decided(Noon(2026, 10, 31));

        var dates = DueDates(review);

        dates[DeadlineKind.ReviewCompleted].ShouldBe(new DateOnly(2027, 2, 28));
        dates[DeadlineKind.ThirdEarlyLearning].ShouldBe(new DateOnly(2027, 2, 28));
        dates[DeadlineKind.DraftToBoard].ShouldBe(new DateOnly(2027, 4, 30));
        dates[DeadlineKind.FirstEarlyLearning].ShouldBe(new DateOnly(2026, 11, 28));
    }

    [Fact]
    public void LeapYear_31October2027_FourMonthsIs29February2028()
    {
        DueDates(Decided(Noon(2027, 10, 31)))[DeadlineKind.ReviewCompleted].ShouldBe(new DateOnly(2028, 2, 29));
    }

    [Fact]
    public void LeapYear_31August2027_SixMonthsIs29February2028_InEitherEdition()
    {
        DueDates(Decided(Noon(2027, 8, 31)))[DeadlineKind.DraftToBoard].ShouldBe(new DateOnly(2028, 2, 29));
        DueDates(Decided(Noon(2027, 8, 31), GuidanceEdition.Wt2023))[DeadlineKind.ReviewCompleted].ShouldBe(new DateOnly(2028, 2, 29));
    }

    [Fact]
    public void LeapYear_Decided29February2028_CountsFromIt_AndEightWeeksCrossIntoApril()
    {
        var dates = DueDates(Decided(Noon(2028, 2, 29)));

        dates[DeadlineKind.FirstEarlyLearning].ShouldBe(new DateOnly(2028, 3, 28));
        dates[DeadlineKind.SecondEarlyLearning].ShouldBe(new DateOnly(2028, 4, 25));
        dates[DeadlineKind.ReviewCompleted].ShouldBe(new DateOnly(2028, 6, 29));
        dates[DeadlineKind.DraftToBoard].ShouldBe(new DateOnly(2028, 8, 29));
    }

    [Fact]
    public void NotALeapYear_Decided28February2027_FourMonthsIs28June()
    {
        DueDates(Decided(Noon(2027, 2, 28)))[DeadlineKind.ReviewCompleted].ShouldBe(new DateOnly(2027, 6, 28));
    }

    [Fact]
    public void DecisionLateOnASummerEvening_CountsFromTheUkDate()
    {
        // 23:30 UTC on 31 May is 00:30 on 1 June in summer time: four months from 1 June.
        var review = Decided(new DateTimeOffset(2027, 5, 31, 23, 30, 0, TimeSpan.Zero));

        Milestones.DecisionToInitiateOn(review).ShouldBe(new DateOnly(2027, 6, 1));
        DueDates(review)[DeadlineKind.ReviewCompleted].ShouldBe(new DateOnly(2027, 10, 1));
    }

    [Fact]
    public void NoDecisionToHoldAReview_NoMilestones()
    {
        var review = Decided(Noon(2026, 11, 23));
        var undecided = Review.Notify(Guid.NewGuid(), "T-2", IncidentType.Death, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), "",
            GuidanceEdition.Wt2006, null, [review.Children[0]], [], Officer, Noon(2026, 11, 2));
        Milestones.For(undecided, Calendar).ShouldBeEmpty();

        var notHeld = Review.Notify(Guid.NewGuid(), "T-3", IncidentType.Death, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), "",
            GuidanceEdition.Wt2006, null, [review.Children[0]], [Guid.NewGuid()], Officer, Noon(2026, 11, 2));
        notHeld.Recommend(new SubGroupRecommendation("wt2006", "{}", DecisionOutcome.DoNotInitiate, "Not met", null, null, null, "", Officer, Noon(2026, 11, 3)));
        notHeld.Apply(Lifecycle.DoNotInitiate, Chair, "Not met", Noon(2026, 11, 4));
        Milestones.For(notHeld, Calendar).ShouldBeEmpty();
    }

    [Fact]
    public void LearningReview_HasTheSameMilestones()
    {
        DueDates(Decided(Noon(2026, 11, 23), learningReview: true))[DeadlineKind.ReviewCompleted].ShouldBe(new DateOnly(2027, 3, 23));
    }

    [Fact]
    public void AgreedChange_ReplacesTheDate_KeepsTheOriginal_RefusedAndPendingDoNot()
    {
        var review = Decided(Noon(2026, 11, 23));
        var agreed = review.ProposeTimelineChange(DeadlineKind.ReviewCompleted, new DateOnly(2027, 3, 23), new DateOnly(2027, 5, 4), "Trial", Officer, Noon(2026, 12, 1));
        agreed.Decide(true, null, Chair, Noon(2026, 12, 2));
        var refused = review.ProposeTimelineChange(DeadlineKind.DraftToBoard, new DateOnly(2027, 5, 23), new DateOnly(2027, 9, 1), "Inquest", Officer, Noon(2026, 12, 1));
        refused.Decide(false, "The draft goes to the board whatever the inquest", Chair, Noon(2026, 12, 2));
        var pending = review.ProposeTimelineChange(DeadlineKind.FirstEarlyLearning, new DateOnly(2026, 12, 21), new DateOnly(2027, 1, 4), "Holidays", Officer, Noon(2026, 12, 3));

        var milestones = Milestones.For(review, Calendar).ToDictionary(m => m.Kind);

        milestones[DeadlineKind.ReviewCompleted].DueDate.ShouldBe(new DateOnly(2027, 5, 4));
        milestones[DeadlineKind.ReviewCompleted].OriginalDueDate.ShouldBe(new DateOnly(2027, 3, 23));
        milestones[DeadlineKind.ReviewCompleted].IsMoved.ShouldBeTrue();
        milestones[DeadlineKind.ReviewCompleted].Agreed.ShouldBe(agreed);
        milestones[DeadlineKind.DraftToBoard].DueDate.ShouldBe(new DateOnly(2027, 5, 23));
        milestones[DeadlineKind.DraftToBoard].IsMoved.ShouldBeFalse();
        milestones[DeadlineKind.FirstEarlyLearning].DueDate.ShouldBe(new DateOnly(2026, 12, 21));
        milestones[DeadlineKind.FirstEarlyLearning].Pending.ShouldBe(pending);
    }

    [Fact]
    public void LatestAgreedChange_Counts()
    {
        var review = Decided(Noon(2026, 11, 23));
        review.ProposeTimelineChange(DeadlineKind.ReviewCompleted, new DateOnly(2027, 3, 23), new DateOnly(2027, 5, 4), "Trial", Officer, Noon(2026, 12, 1))
            .Decide(true, null, Chair, Noon(2026, 12, 2));
        review.ProposeTimelineChange(DeadlineKind.ReviewCompleted, new DateOnly(2027, 5, 4), new DateOnly(2027, 4, 20), "Trial moved up", Officer, Noon(2027, 1, 5))
            .Decide(true, null, Chair, Noon(2027, 1, 6));

        DueDates(review)[DeadlineKind.ReviewCompleted].ShouldBe(new DateOnly(2027, 4, 20));
    }

    [Fact]
    public void State_DoneOnTime_DoneLate_Overdue_DueSoon_Due_AndMissedOnceClosed()
    {
        var review = Decided(Noon(2026, 11, 23));
        review.RecordMilestone(DeadlineKind.FirstEarlyLearning, new DateOnly(2026, 12, 21), null, Officer, Noon(2026, 12, 22));
        review.RecordMilestone(DeadlineKind.SecondEarlyLearning, new DateOnly(2027, 1, 19), "Shared at the executive", Officer, Noon(2027, 1, 19));
        var milestones = Milestones.For(review, Calendar).ToDictionary(m => m.Kind);

        // Eight days before the third early learning is due (23 March): due; seven days before: due soon.
        milestones[DeadlineKind.FirstEarlyLearning].StateAt(Noon(2027, 3, 15)).ShouldBe(DeadlineState.Done);
        milestones[DeadlineKind.SecondEarlyLearning].StateAt(Noon(2027, 3, 15)).ShouldBe(DeadlineState.DoneLate);
        milestones[DeadlineKind.ThirdEarlyLearning].StateAt(new DateTimeOffset(2027, 3, 16, 23, 0, 0, TimeSpan.Zero)).ShouldBe(DeadlineState.Due);
        milestones[DeadlineKind.ThirdEarlyLearning].StateAt(Noon(2027, 3, 17)).ShouldBe(DeadlineState.DueSoon);
        milestones[DeadlineKind.ThirdEarlyLearning].StateAt(new DateTimeOffset(2027, 3, 23, 23, 59, 0, TimeSpan.Zero)).ShouldBe(DeadlineState.DueSoon);
        milestones[DeadlineKind.ThirdEarlyLearning].StateAt(new DateTimeOffset(2027, 3, 24, 0, 0, 0, TimeSpan.Zero)).ShouldBe(DeadlineState.Overdue);
        Labels.Progress(milestones[DeadlineKind.FirstEarlyLearning].Deadline, DeadlineState.Done).ShouldBe("Done 21 December 2026");
        Labels.Progress(milestones[DeadlineKind.SecondEarlyLearning].Deadline, DeadlineState.DoneLate)
            .ShouldBe("Done late, 19 January 2027 (due by 18 January 2027)");

    }

    [Fact]
    public void ClosedReview_UndoneMilestonesAreMissed()
    {
        var review = Decided(Noon(2026, 11, 23));
        review.Team.Count.ShouldBe(0);
        review.AddToTeam(Guid.NewGuid(), TeamRole.LeadReviewer, Officer, Noon(2026, 11, 24));
        LifecycleTests.AddMinimumPanel(review);
        TermsOfReferenceSamples.SignOff(review, Officer, Noon(2026, 11, 24));
        review.RecordMilestone(DeadlineKind.ReviewCompleted, new DateOnly(2027, 3, 1), null, Officer, Noon(2027, 3, 1));
        review.SendToPanel("Outline", "National Panel", Noon(2026, 11, 23));
        TermsOfReferenceSamples.SignOff(review, Chair, Noon(2026, 11, 24));
        var stages = new[]
        {
            Lifecycle.Commission, Lifecycle.ManageParallelProcesses, Lifecycle.EngagePanel, Lifecycle.ApplyLearning, Lifecycle.PlanPublication,
            Lifecycle.MonitorImpact, Lifecycle.Close,
        };
        foreach (var action in stages)
        {
            review.Apply(action, Chair, "Done", Noon(2027, 3, 2));
        }

        var milestones = Milestones.For(review, Calendar).ToDictionary(m => m.Kind);

        milestones[DeadlineKind.DraftToBoard].StateAt(Noon(2027, 3, 3)).ShouldBe(DeadlineState.Missed);
        Labels.Progress(milestones[DeadlineKind.DraftToBoard].Deadline, DeadlineState.Missed).ShouldStartWith("Missed: not done before the review closed");
        milestones[DeadlineKind.ReviewCompleted].StateAt(Noon(2027, 3, 3)).ShouldBe(DeadlineState.Done);
    }

    [Fact]
    public void ReminderClaimKey_MilestoneCarriesItsDate_Stage1DeadlineDoesNot()
    {
        var review = Decided(Noon(2026, 11, 23));
        var completed = Milestones.For(review, Calendar).Single(m => m.Kind == DeadlineKind.ReviewCompleted);

        ReminderService.ClaimKey(completed.Deadline).ShouldBe("review-completed@2027-03-23");
        ReminderService.ClaimKey(Deadlines.For(review, Calendar).Single(d => d.Kind == DeadlineKind.Decision)).ShouldBe("decision");
    }

    // Proposing a change, the chair's answer, recording a milestone done.

    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void CheckChange_Valid_NoProblems()
    {
        var review = Decided(Noon(2026, 11, 23));
        Milestones.CheckChange(review, "review-completed", new DateOnly(2027, 5, 4), "The trial", Today, Calendar).ShouldBeEmpty();
        // Earlier is allowed too.
        Milestones.CheckChange(review, "review-completed", new DateOnly(2027, 2, 1), "Quicker than planned", Today, Calendar).ShouldBeEmpty();
    }

    [Fact]
    public void CheckChange_EachProblemNamesItsField()
    {
        var review = Decided(Noon(2026, 11, 23));

        Milestones.CheckChange(review, "no-such", null, " ", Today, Calendar).Select(p => p.Field).ShouldBe(["milestone"]);
        Milestones.CheckChange(review, "review-completed", null, " ", Today, Calendar).Select(p => p.Field).ShouldBe(["proposedDate", "reason"]);
        Milestones.CheckChange(review, "review-completed", new DateOnly(2026, 11, 23), "x", Today, Calendar).Single().Message
            .ShouldBe("The new date must be after the decision to hold the review (23 November 2026)");
        Milestones.CheckChange(review, "review-completed", new DateOnly(2026, 11, 30), "x", Today, Calendar).Single().Message
            .ShouldBe("The new date must be today or in the future");
        Milestones.CheckChange(review, "review-completed", new DateOnly(2027, 3, 23), "x", Today, Calendar).Single().Message
            .ShouldBe("The new date must differ from the date in force now (23 March 2027)");
        Milestones.CheckChange(review, "review-completed", new DateOnly(2027, 5, 4), new string('x', 2001), Today, Calendar).Single().Field
            .ShouldBe("reason");
    }

    [Fact]
    public void CheckChange_OneAtATime_NotOnceDone_NorClosedNorUndecided()
    {
        var review = Decided(Noon(2026, 11, 23));
        review.ProposeTimelineChange(DeadlineKind.ReviewCompleted, new DateOnly(2027, 3, 23), new DateOnly(2027, 5, 4), "Trial", Officer, Noon(2026, 12, 1));
        review.RecordMilestone(DeadlineKind.FirstEarlyLearning, new DateOnly(2026, 12, 1), null, Officer, Noon(2026, 12, 1));

        Milestones.CheckChange(review, "review-completed", new DateOnly(2027, 6, 1), "Again", Today, Calendar).Single().Message
            .ShouldBe("A change to “Review completed” is already waiting for the chair's agreement");
        Milestones.CheckChange(review, "first-early-learning", new DateOnly(2027, 1, 6), "Late", Today, Calendar).Single().Message
            .ShouldContain("is done: its date can no longer change");
        Should.Throw<RuleViolationException>(() =>
            review.ProposeTimelineChange(DeadlineKind.ReviewCompleted, new DateOnly(2027, 3, 23), new DateOnly(2027, 6, 1), "Again", Officer, Noon(2026, 12, 1)));

        var undecided = Review.Notify(Guid.NewGuid(), "T-2", IncidentType.Death, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), "",
            GuidanceEdition.Wt2006, null, [review.Children[0]], [], Officer, Noon(2026, 11, 2));
        Milestones.CheckChange(undecided, "review-completed", new DateOnly(2027, 6, 1), "x", Today, Calendar).Single().Field.ShouldBeNull();
    }

    [Fact]
    public void CheckDecision_RefusalNeedsANote_AnsweredOnlyOnce()
    {
        var review = Decided(Noon(2026, 11, 23));
        var change = review.ProposeTimelineChange(DeadlineKind.ReviewCompleted, new DateOnly(2027, 3, 23), new DateOnly(2027, 5, 4), "Trial", Officer, Noon(2026, 12, 1));

        Milestones.CheckDecision(change, approve: true, null).ShouldBeEmpty();
        Milestones.CheckDecision(change, approve: false, " ").Single().ShouldBe(new RuleProblem("note", "Enter why you refuse the change"));
        change.Decide(false, "No", Chair, Noon(2026, 12, 2));
        Milestones.CheckDecision(change, approve: true, null).Single().Message.ShouldStartWith("This change was refused on 2 December 2026");
        Should.Throw<RuleViolationException>(() => change.Decide(true, null, Chair, Noon(2026, 12, 3)));
        change.DecidedById.ShouldBe(Chair);
        change.DecisionNote.ShouldBe("No");
    }

    [Fact]
    public void CheckRecord_DateBetweenTheDecisionAndToday()
    {
        var review = Decided(Noon(2026, 11, 23));

        Milestones.CheckRecord(review, "first-early-learning", new DateOnly(2026, 11, 30), null, Today).ShouldBeEmpty();
        Milestones.CheckRecord(review, "first-early-learning", null, null, Today).Single().ShouldBe(new RuleProblem("doneOn", "Enter the date it was done"));
        Milestones.CheckRecord(review, "first-early-learning", new DateOnly(2026, 11, 22), null, Today).Single().Field.ShouldBe("doneOn");
        Milestones.CheckRecord(review, "first-early-learning", new DateOnly(2026, 12, 2), null, Today).Single().Message
            .ShouldBe("The date must be today or in the past");
        Milestones.CheckRecord(review, "draft-to-board", Today, null, Today).ShouldBeEmpty();
        Milestones.CheckRecord(Decided(Noon(2026, 11, 23), GuidanceEdition.Wt2023), "draft-to-board", Today, null, Today).Single().Field.ShouldBe("milestone");
    }

    [Fact]
    public void RecordAgain_CorrectsTheDate()
    {
        var review = Decided(Noon(2026, 11, 23));
        review.RecordMilestone(DeadlineKind.FirstEarlyLearning, new DateOnly(2026, 12, 10), null, Officer, Noon(2026, 12, 10));
        review.RecordMilestone(DeadlineKind.FirstEarlyLearning, new DateOnly(2026, 12, 9), "Corrected", Chair, Noon(2026, 12, 11));

        review.MilestoneRecords.Single().DoneOn.ShouldBe(new DateOnly(2026, 12, 9));
        review.MilestoneRecords.Single().Note.ShouldBe("Corrected");
    }
}
