using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Exchange;

namespace Scr.Core.Tests.Rules.Analysis;

public class ReviewRecordTests
{
    private const string Board = "northbridge";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Chair = Guid.NewGuid();

    private static Review Notified(params ReviewChild[] children)
    {
        var review = Review.Notify(Guid.NewGuid(), "NB-2026-007", IncidentType.SeriousInjury, new DateOnly(2026, 10, 30),
            new DateOnly(2026, 11, 2), "Confidential summary", GuidanceEdition.Wt2006, null,
            children.Length == 0 ? [Child("Test Child", 14, Sex.Female)] : children, [Guid.NewGuid()], Guid.NewGuid(), Now);
        review.Recommend(new SubGroupRecommendation("wt2006", "{}", DecisionOutcome.DoNotInitiate, "Criteria not met", null, null, null, "",
            Guid.NewGuid(), Now));
        return review;
    }

    private static ReviewChild Child(string name, int? months, Sex sex, Ethnicity ethnicity = Ethnicity.Mixed) =>
        new(name, months, sex, ethnicity, YesNoNotKnown.No, ChildProtectionPlanStatus.Previously, LegalStatus.S20Accommodation);

    private static ExchangeReview ReadBack(ExchangeReview review)
    {
        using var file = new MemoryStream();
        ExchangeWriter.Write(file, [new ExchangeBoard(Board)], [review]);
        file.Position = 0;
        return ExchangeReader.ReadAll(file).Reviews.Single();
    }

    [Fact]
    public void Of_NotifiedCase_WritesItsIncidentAndChildrenWithoutNames()
    {
        var review = Notified(Child("Alex Example", 14, Sex.Female), Child("Sam Example", null, Sex.Male, Ethnicity.NotKnown));

        var record = ReviewRecord.Of(review, Board);

        record.Reference.ShouldBe("NB-2026-007");
        record.Board.ShouldBe(Board);
        record.Kind.ShouldBe(ExchangeReviewKind.SeriousCaseReview);
        record.Guidance.ShouldBe(GuidanceEdition.Wt2006);
        record.Incident.ShouldBe(new ExchangeIncident(IncidentType.SeriousInjury, new DateOnly(2026, 10, 30), new DateOnly(2026, 11, 2)));
        record.Children.OrderBy(c => c.AgeAtIncidentMonths ?? -1).ShouldBe([
            new ExchangeChild(null, null, Sex.Male, Ethnicity.NotKnown, YesNoNotKnown.No, ChildProtectionPlanStatus.Previously, LegalStatus.S20Accommodation),
            new ExchangeChild(14, null, Sex.Female, Ethnicity.Mixed, YesNoNotKnown.No, ChildProtectionPlanStatus.Previously, LegalStatus.S20Accommodation),
        ]);
        record.Decision.ShouldBeNull();
        // What the case does not hold stays not known.
        record.ParentsEthnicity.ShouldBe(Ethnicity.NotKnown);
        record.Themes.ShouldBeEmpty();
        record.Report.ShouldBeNull();
        record.RecommendationsKnown.ShouldBeFalse();
        record.ActionPlan.ShouldBeNull();
        ExchangeService.RecordOf(record).ShouldNotContain("Example");
    }

    [Fact]
    public void Of_DecisionSentAndChallenged_WritesTheFirstDecisionWithThePanelsAnswer()
    {
        var review = Notified();
        review.Apply(Lifecycle.DoNotInitiate, Chair, "Criteria not met", Now);
        var sent = review.SendToPanel("outline", "National Panel", Now.AddDays(1));
        sent.Question(PanelMessageKind.Challenge, "Was psychological harm considered?", Guid.NewGuid(), Now.AddDays(3));
        review.Apply(Lifecycle.Reconsider, Chair, "The Panel is right", Now.AddDays(5));
        sent.BecameReview("The Panel is right", Chair, Now.AddDays(5));

        var decision = ReviewRecord.Of(review, Board).Decision;

        decision.ShouldBe(new ExchangeDecision(ExchangeDecisionOutcome.NotInitiate, new DateOnly(2026, 11, 23), "Criteria not met",
            new DateOnly(2026, 11, 24), new ExchangePanelAnswer(PanelResponse.Challenged, ChallengeOutcome.BecameReview)));
    }

    [Fact]
    public void Of_LearningReviewCommissionedNotYetSent_WritesANotInitiateDecisionWithoutThePanel()
    {
        var review = Notified();
        review.Apply(Lifecycle.CommissionLearningReview, Chair, "Learning for the partnership", Now);

        var record = ReviewRecord.Of(review, Board);

        record.Kind.ShouldBe(ExchangeReviewKind.LearningReview);
        // Not a serious case review: the Panel's figures count it among the decisions not to initiate (decision 0006).
        record.Decision.ShouldBe(new ExchangeDecision(ExchangeDecisionOutcome.NotInitiate, new DateOnly(2026, 11, 23), "Learning for the partnership"));
        record.Decision!.SentToPanel.ShouldBeFalse();
    }

    [Fact]
    public void Of_DecisionAgreedByThePanel_ReadsBackEqualThroughTheReadersChecks()
    {
        var review = Notified(Child("Alex Example", 14, Sex.Female), Child("Sam Example", 30, Sex.Male));
        review.Apply(Lifecycle.DoNotInitiate, Chair, "Criteria not met", Now);
        review.SendToPanel("outline", "National Panel", Now).Agree(null, Guid.NewGuid(), Now.AddDays(2));
        var record = ReviewRecord.Of(review, Board);

        ReadBack(record).ShouldBe(record);
    }

    [Fact]
    public void Refresh_CodedRecord_KeepsWhatTheCaseDoesNotHoldAndTakesWhatItDoes()
    {
        var review = Notified(Child("Alex Example", 14, Sex.Female, Ethnicity.NotKnown));
        var first = ReviewRecord.Of(review, Board);
        var coded = first with
        {
            Guidance = GuidanceEdition.Wt2010,
            Children = [first.Children[0] with { Harm = IncidentType.SexualAbuse, Ethnicity = Ethnicity.Black, Sex = Sex.Male }],
            ParentsEthnicity = Ethnicity.Black,
            Themes = [ReviewTheme.Neglect],
            Report = new ExchangeReport(new DateOnly(2027, 6, 1), AuthorStatus.Independent, 40),
            RecommendationsKnown = true,
            Recommendations = [new ExchangeRecommendation(1, "Train staff", Focus: RecommendationFocus.Training)],
            ActionPlan = new ExchangeActionPlan(true, ExchangeActionPlan.NotKnownJudgements(), [new ExchangeAction(1, "Training", Status: "complete")]),
        };
        review.Apply(Lifecycle.DoNotInitiate, Chair, "Criteria not met", Now);

        var refreshed = ReviewRecord.Refresh(coded, ReviewRecord.Of(review, Board));

        refreshed.ShouldBe(coded with
        {
            // The case's own guidance and the child's sex replace the coded ones; its decision is new.
            Guidance = GuidanceEdition.Wt2006,
            Children = [coded.Children[0] with { Sex = Sex.Female }],
            Decision = new ExchangeDecision(ExchangeDecisionOutcome.NotInitiate, new DateOnly(2026, 11, 23), "Criteria not met"),
        });
        ReadBack(refreshed).ShouldBe(refreshed);
    }

    [Fact]
    public void Refresh_CaseNamesAnotherNumberOfChildren_TakesTheCasesChildren()
    {
        var own = ReviewRecord.Of(Notified(Child("Alex Example", 14, Sex.Female), Child("Sam Example", 30, Sex.Male)), Board);
        var held = own with { Children = [new ExchangeChild(14, IncidentType.Death, Sex.Female)] };

        ReviewRecord.Refresh(held, own).Children.ShouldBe(own.Children);
    }
}
