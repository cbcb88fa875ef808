using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;

namespace Scr.Core.Tests.Rules;

/// <summary>Who was told what: a message sent outside the service checked before it is recorded, and who may still need telling.</summary>
public class CommunicationRulesTests
{
    private static readonly DateTimeOffset Notified = new(2026, 11, 23, 9, 0, 30, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Notified.AddDays(2);
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly Guid Chair = Guid.NewGuid();

    private static Review NewCase(IncidentType type = IncidentType.Death)
    {
        var review = Review.Notify(Guid.NewGuid(), "NB-2026-001", type, new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22), "", GuidanceEdition.Wt2006, null,
            [new ReviewChild("Test Child", 4, Sex.Male, Ethnicity.NotKnown, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None)],
            [Agency], Guid.NewGuid(), Notified);
        review.Recommend(new SubGroupRecommendation("wt2006", "{}", DecisionOutcome.InitiateSeriousCaseReview, "Criteria met", null, null, null, "",
            Guid.NewGuid(), Notified));
        return review;
    }

    private static CommunicationInput Valid(RecipientKind recipient = RecipientKind.Coroner, Guid? agencyId = null,
        CommunicationMethod method = CommunicationMethod.Letter, DateTimeOffset? sentAt = null) =>
        new(recipient, "Fictional Coroner", agencyId, method, sentAt ?? Now.AddHours(-1), "The chair's decision", "Sent by first-class post.");

    private static IEnumerable<string?> Fields(IEnumerable<RuleProblem> problems) => problems.Select(p => p.Field);

    [Fact]
    public void Check_CompleteInput_NoProblems()
    {
        CommunicationRules.Check(NewCase(), Valid(), Now).ShouldBeEmpty();
        CommunicationRules.Check(NewCase(), Valid(RecipientKind.Agency, Agency, CommunicationMethod.Telephone), Now).ShouldBeEmpty();
    }

    [Fact]
    public void Check_InTheFuture_Refused()
    {
        var problem = CommunicationRules.Check(NewCase(), Valid(sentAt: Now.AddMinutes(1)), Now).Single();
        problem.Field.ShouldBe("sentAt");
        problem.Message.ShouldBe("The date and time it was sent must be now or in the past");
        CommunicationRules.Check(NewCase(), Valid(sentAt: Now), Now).ShouldBeEmpty();
    }

    [Fact]
    public void Check_BeforeTheCaseWasNotified_RefusedToTheMinute()
    {
        var problem = CommunicationRules.Check(NewCase(), Valid(sentAt: Notified.AddMinutes(-1)), Now).Single();
        problem.Field.ShouldBe("sentAt");
        problem.Message.ShouldBe("The date and time it was sent must be after the case was notified (23 November 2026 at 9am)");
        // Notified at 9:00:30: a time typed as 9:00 is in that minute, so it counts.
        CommunicationRules.Check(NewCase(), Valid(sentAt: new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)), Now).ShouldBeEmpty();
    }

    [Fact]
    public void Check_AgencyNotInvolvedOrMissing_Refused()
    {
        CommunicationRules.Check(NewCase(), Valid(RecipientKind.Agency, Guid.NewGuid()), Now).Single()
            .ShouldBe(new RuleProblem("agencyId", "Select an agency involved in this case"));
        CommunicationRules.Check(NewCase(), Valid(RecipientKind.Agency), Now).Single()
            .ShouldBe(new RuleProblem("agencyId", "Select the agency that was told"));
        CommunicationRules.Check(NewCase(), Valid(RecipientKind.Coroner, Agency), Now).Single()
            .ShouldBe(new RuleProblem("agencyId", "Name an agency only when an agency was told"));
    }

    [Fact]
    public void Check_MessagesInTheService_RefusedAsAMethod()
    {
        CommunicationRules.Check(NewCase(), Valid(method: CommunicationMethod.InApp), Now).Single().Message.ShouldContain("recorded when they are sent");
    }

    [Fact]
    public void Check_EmptyInput_EveryProblemNamesItsField()
    {
        var problems = CommunicationRules.Check(NewCase(), new CommunicationInput(null, " ", null, null, null, "", null), Now);
        Fields(problems).ShouldBe(["recipient", "recipientName", "method", "sentAt", "subject"]);
        problems.Single(p => p.Field == "recipientName").Message.ShouldBe("Enter the name of the person or office told");
    }

    [Fact]
    public void Check_TooLong_Refused()
    {
        var problems = CommunicationRules.Check(NewCase(), Valid() with
        {
            RecipientName = new string('n', 201),
            Subject = new string('s', 301),
            Note = new string('x', 4001),
        }, Now);
        problems.ShouldBe([
            new RuleProblem("recipientName", "Name must be 200 characters or fewer"),
            new RuleProblem("subject", "Subject must be 300 characters or fewer"),
            new RuleProblem("note", "The note must be 4,000 characters or fewer"),
        ]);
        CommunicationRules.Check(NewCase(), Valid() with { RecipientName = new string('n', 200), Note = new string('x', 4000) }, Now).ShouldBeEmpty();
    }

    [Fact]
    public void WhoToTell_ChildDeath_NamesThoseToldOfTheNotification()
    {
        var review = NewCase();
        review.Record(new CaseCommunication(RecipientKind.DirectorOfChildrensServices, "Fictional DCS", null, CommunicationMethod.Telephone, "Notification",
            null, Chair, Notified.AddHours(2)));

        var who = CommunicationRules.WhoToTellAbout(review);

        who.ChildDied.ShouldBeTrue();
        who.OfNotification.Select(t => (t.Recipient, t.Told)).ShouldBe([
            (RecipientKind.ChiefExecutive, false), (RecipientKind.LeadMember, false), (RecipientKind.DirectorOfChildrensServices, true),
        ]);
        who.CoronerDue.ShouldBeFalse("the chair has not decided yet");
    }

    [Fact]
    public void WhoToTell_NotADeath_NobodyElse()
    {
        var review = NewCase(IncidentType.SeriousInjury);
        review.Apply(Lifecycle.Initiate, Chair, "Met", Now);

        var who = CommunicationRules.WhoToTellAbout(review);

        who.ChildDied.ShouldBeFalse();
        who.OfNotification.ShouldBeEmpty();
        who.CoronerDue.ShouldBeFalse();
        CommunicationRules.WhoToTellAbout(NewCase(IncidentType.Suicide)).ChildDied.ShouldBeTrue();
    }

    [Fact]
    public void WhoToTell_CoronerOfTheDecision_InWritingAndAfterIt()
    {
        var review = NewCase();
        var decided = Now.AddSeconds(20);
        review.Apply(Lifecycle.Initiate, Chair, "Met", decided);
        // Before the decision, and by telephone, do not count.
        review.Record(new CaseCommunication(RecipientKind.Coroner, "Fictional Coroner", null, CommunicationMethod.Letter, "Notification", null, Chair, Now.AddHours(-1)));
        review.Record(new CaseCommunication(RecipientKind.Coroner, "Fictional Coroner", null, CommunicationMethod.Telephone, "Decision", null, Chair, Now.AddHours(1)));
        CommunicationRules.WhoToTellAbout(review).ShouldSatisfyAllConditions(
            w => w.CoronerDue.ShouldBeTrue(),
            w => w.CoronerTold.ShouldBeFalse());

        // Typed as the minute of the decision (decided at 9:00:50, sent "9:00"): counts.
        var letter = review.Record(new CaseCommunication(RecipientKind.Coroner, "Fictional Coroner", null, CommunicationMethod.Letter, "Decision", null,
            Chair, Now.AddSeconds(-30)));
        CommunicationRules.WhoToTellAbout(review).CoronerOfDecision.ShouldBe(letter);
    }

    [Theory]
    [InlineData(2026, 11, 23, 14, 30, "2026-11-23T14:30:00+00:00")]
    [InlineData(2026, 7, 1, 9, 0, "2026-07-01T08:00:00+00:00")]
    // The clocks go back at 2am BST on 25 October 2026: 1:30am comes twice; the first (BST) is taken.
    [InlineData(2026, 10, 25, 1, 30, "2026-10-25T00:30:00+00:00")]
    [InlineData(2026, 10, 25, 2, 30, "2026-10-25T02:30:00+00:00")]
    // The clocks go forward at 1am GMT on 29 March 2026: 1:30am never happens and is read as GMT.
    [InlineData(2026, 3, 29, 1, 30, "2026-03-29T01:30:00+00:00")]
    [InlineData(2026, 3, 29, 0, 30, "2026-03-29T00:30:00+00:00")]
    [InlineData(2026, 3, 29, 2, 30, "2026-03-29T01:30:00+00:00")]
    public void UkTime_At_LocalDateAndTimeToTheInstant(int year, int month, int day, int hour, int minute, string expected) =>
        UkTime.At(new DateOnly(year, month, day), new TimeOnly(hour, minute)).ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
}
