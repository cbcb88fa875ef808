using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Calendar;
using Scr.Core.Rules.Timescales;

namespace Scr.Core.Tests.Rules.Timescales;

public class DeadlinesTests
{
    // England and Wales bank holidays around the dates used below (as published on GOV.UK).
    private static readonly WorkingCalendar Calendar = new([
        new BankHoliday(new DateOnly(2026, 4, 3), "Good Friday"),
        new BankHoliday(new DateOnly(2026, 4, 6), "Easter Monday"),
        new BankHoliday(new DateOnly(2026, 5, 4), "Early May bank holiday"),
        new BankHoliday(new DateOnly(2026, 12, 25), "Christmas Day"),
        new BankHoliday(new DateOnly(2026, 12, 28), "Boxing Day (substitute day)"),
        new BankHoliday(new DateOnly(2027, 1, 1), "New Year's Day"),
    ]);

    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly Guid OtherAgency = Guid.NewGuid();

    private static Review Case(IncidentType type, DateOnly incident, DateOnly known, DateTimeOffset notifiedAt, GuidanceEdition edition = GuidanceEdition.Wt2006)
    {
        var review = Review.Notify(Guid.NewGuid(), "T-1", type, incident, known, "", edition, null,
            [new ReviewChild("C", 4, Sex.Male, Ethnicity.NotKnown, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None)],
            [Agency, OtherAgency], Guid.NewGuid(), notifiedAt);
        review.RecordChairNotified(notifiedAt);
        return review;
    }

    private static Deadline Find(IEnumerable<Deadline> deadlines, DeadlineKind kind, Guid? agency = null) =>
        deadlines.Single(d => d.Kind == kind && d.AgencyId == agency);

    [Theory]
    [InlineData(GuidanceEdition.Wt1999, "wt2006")]
    [InlineData(GuidanceEdition.Wt2006, "wt2006")]
    [InlineData(GuidanceEdition.Wt2010, "wt2006")]
    [InlineData(GuidanceEdition.Wt2013, "wt2006")]
    [InlineData(GuidanceEdition.Wt2015, "wt2006")]
    [InlineData(GuidanceEdition.Wales2012, "wt2006")]
    [InlineData(GuidanceEdition.NotKnown, "wt2006")]
    [InlineData(GuidanceEdition.Wt2018, "wt2018")]
    [InlineData(GuidanceEdition.Wt2023, "wt2018")]
    public void For_EveryEdition_HasOneRuleSet(GuidanceEdition edition, string expected) =>
        Deadlines.For(edition).Id.ShouldBe(expected);

    [Fact]
    public void Decision_Wt2006_OneMonthFromTheChairLearningOfIt_ClampedAtAShortMonthEnd()
    {
        // 31 January + one month is the last day of February (WT2006 8.14).
        var review = Case(IncidentType.Death, new DateOnly(2026, 1, 29), new DateOnly(2026, 1, 30), new DateTimeOffset(2026, 1, 31, 10, 0, 0, TimeSpan.Zero));
        var decision = Find(Deadlines.For(review, Calendar), DeadlineKind.Decision);
        decision.Due.ShouldBe(new DateTimeOffset(2026, 2, 28, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999));
        decision.Rule.Basis.ShouldContain("8.14");
    }

    [Fact]
    public void Decision_Wt2006_InSummerTime_EndsAtMidnightUkTime()
    {
        var review = Case(IncidentType.SeriousInjury, new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 12), new DateTimeOffset(2026, 6, 15, 8, 0, 0, TimeSpan.Zero));
        var decision = Find(Deadlines.For(review, Calendar), DeadlineKind.Decision);
        decision.Due.ShouldBe(new DateTimeOffset(2026, 7, 15, 23, 59, 59, TimeSpan.FromHours(1)).AddTicks(9_999_999));
        decision.Due.UtcDateTime.ShouldBe(new DateTime(2026, 7, 15, 22, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999));
    }

    [Fact]
    public void Decision_Wt2006_LateEveningNotification_CountsFromTheUkDate()
    {
        // 23:30 UTC on 31 May is 00:30 on 1 June in summer time.
        var review = Case(IncidentType.Death, new DateOnly(2026, 5, 28), new DateOnly(2026, 5, 31), new DateTimeOffset(2026, 5, 31, 23, 30, 0, TimeSpan.Zero));
        Deadlines.ChairAwareOn(review).ShouldBe(new DateOnly(2026, 6, 1));
        UkTime.DateOf(Find(Deadlines.For(review, Calendar), DeadlineKind.Decision).Due).ShouldBe(new DateOnly(2026, 7, 1));
    }

    [Fact]
    public void Current_PanelNotification_FiveWorkingDays_SkipsEaster()
    {
        // Known Wednesday 1 April 2026: Thu 2, (Good Friday), (Easter Monday), Tue 7, Wed 8, Thu 9, Fri 10.
        var review = Case(IncidentType.Death, new DateOnly(2026, 3, 30), new DateOnly(2026, 4, 1), new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero),
            GuidanceEdition.Wt2023);
        var deadlines = Deadlines.For(review, Calendar);
        UkTime.DateOf(Find(deadlines, DeadlineKind.IncidentNotifiedToPanel).Due).ShouldBe(new DateOnly(2026, 4, 10));
    }

    [Fact]
    public void Current_RapidReview_FifteenWorkingDays_AcrossChristmasAndNewYear()
    {
        // Known Thursday 17 December 2026; 25 and 28 December and 1 January are bank holidays.
        var review = Case(IncidentType.SeriousInjury, new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 17), new DateTimeOffset(2026, 12, 17, 11, 0, 0, TimeSpan.Zero),
            GuidanceEdition.Wt2018);
        var decision = Find(Deadlines.For(review, Calendar), DeadlineKind.Decision);
        UkTime.DateOf(decision.Due).ShouldBe(new DateOnly(2027, 1, 12));
        decision.Rule.Period.ToString().ShouldBe("15 working days");
    }

    [Fact]
    public void Wt2006_HasNoPanelNotificationDeadline() =>
        Deadlines.For(Case(IncidentType.Death, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)), Calendar)
            .ShouldNotContain(d => d.Kind == DeadlineKind.IncidentNotifiedToPanel);

    [Fact]
    public void ChairHasNotification_ChildDeath_48HoursFromTheNotification()
    {
        var notified = new DateTimeOffset(2026, 11, 20, 16, 30, 0, TimeSpan.Zero);
        var review = Case(IncidentType.Death, new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 20), notified);
        var chair = Find(Deadlines.For(review, Calendar), DeadlineKind.ChairHasNotification);
        chair.Due.ShouldBe(notified.AddHours(48));
        chair.StateAt(notified.AddHours(1)).ShouldBe(DeadlineState.Due);
        chair.StateAt(notified.AddHours(30)).ShouldBe(DeadlineState.DueSoon);
        chair.StateAt(notified.AddHours(49)).ShouldBe(DeadlineState.Overdue);

        review.AcknowledgeNotification(Guid.NewGuid(), notified.AddHours(50));
        Find(Deadlines.For(review, Calendar), DeadlineKind.ChairHasNotification).StateAt(notified.AddHours(51))
            .ShouldBe(DeadlineState.DoneLate);
    }

    [Theory]
    [InlineData(IncidentType.Death, true)]
    [InlineData(IncidentType.Suicide, true)]
    [InlineData(IncidentType.SeriousInjury, false)]
    [InlineData(IncidentType.SexualAbuse, false)]
    public void ChairHasNotification_OnlyForAChildsDeath(IncidentType type, bool applies) =>
        Deadlines.For(Case(type, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)), Calendar)
            .Any(d => d.Kind == DeadlineKind.ChairHasNotification).ShouldBe(applies);

    [Fact]
    public void FileReviews_SevenDaysFromTheIncident_OnePerAgency()
    {
        var review = Case(IncidentType.SeriousInjury, new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 12), new DateTimeOffset(2026, 11, 12, 9, 0, 0, TimeSpan.Zero));
        var deadlines = Deadlines.For(review, Calendar);
        deadlines.Count(d => d.Kind == DeadlineKind.FileReview).ShouldBe(2);
        UkTime.DateOf(Find(deadlines, DeadlineKind.FileReview, Agency).Due).ShouldBe(new DateOnly(2026, 11, 17));

        review.SubmitFileReview(Agency, "Two health visits", "No concerns held", FileReviewRecommendation.CriteriaNotMet, "Injury explained",
            Guid.NewGuid(), new DateTimeOffset(2026, 11, 16, 12, 0, 0, TimeSpan.Zero));
        var now = new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero);
        deadlines = Deadlines.For(review, Calendar);
        Find(deadlines, DeadlineKind.FileReview, Agency).StateAt(now).ShouldBe(DeadlineState.Done);
        Find(deadlines, DeadlineKind.FileReview, OtherAgency).StateAt(now).ShouldBe(DeadlineState.Overdue);
    }

    [Fact]
    public void RecordsSecured_AskedOnAFriday_DueByTheEndOfMonday()
    {
        var friday = new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
        var review = Case(IncidentType.Death, new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 20), friday);
        var records = Find(Deadlines.For(review, Calendar), DeadlineKind.RecordsSecured, Agency);
        UkTime.DateOf(records.Due).ShouldBe(new DateOnly(2026, 11, 23));
        review.SecureRecords(Agency, Guid.NewGuid(), "Paper file locked in the records office", friday.AddHours(1));
        Find(Deadlines.For(review, Calendar), DeadlineKind.RecordsSecured, Agency).StateAt(friday.AddHours(2))
            .ShouldBe(DeadlineState.Done);
    }

    [Fact]
    public void RecordsSecured_AskedBeforeChristmas_SkipsTheBankHolidays()
    {
        var christmasEve = new DateTimeOffset(2026, 12, 24, 15, 0, 0, TimeSpan.Zero);
        var review = Case(IncidentType.SeriousInjury, new DateOnly(2026, 12, 23), new DateOnly(2026, 12, 24), christmasEve);
        UkTime.DateOf(Find(Deadlines.For(review, Calendar), DeadlineKind.RecordsSecured, Agency).Due)
            .ShouldBe(new DateOnly(2026, 12, 29));
    }

    [Fact]
    public void AfterTheDecision_WhatWasNotDoneIsMissed_NotOverdue()
    {
        var notified = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var review = Case(IncidentType.SeriousInjury, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), notified);
        review.Recommend(new SubGroupRecommendation("wt2006", "{}", DecisionOutcome.DoNotInitiate, "Not met", null, null, null, "", Guid.NewGuid(), notified));
        review.Apply(Lifecycle.DoNotInitiate, Guid.NewGuid(), "Not met", notified.AddDays(20));
        var deadlines = Deadlines.For(review, Calendar);
        var later = notified.AddDays(40);
        Find(deadlines, DeadlineKind.FileReview, Agency).StateAt(later).ShouldBe(DeadlineState.Missed);
        Find(deadlines, DeadlineKind.Decision).StateAt(later).ShouldBe(DeadlineState.Done);
    }

    [Theory]
    [InlineData("2026-03-29T00:59:00Z", 0)]
    [InlineData("2026-03-29T01:00:00Z", 1)]
    [InlineData("2026-10-25T00:59:00Z", 1)]
    [InlineData("2026-10-25T01:00:00Z", 0)]
    [InlineData("2002-07-01T12:00:00Z", 1)]
    public void UkTime_SummerTimeChangesAt0100Utc(string instant, int hours) =>
        UkTime.OffsetAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(TimeSpan.FromHours(hours));
}
