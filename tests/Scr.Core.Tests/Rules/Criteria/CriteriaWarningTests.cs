using Scr.Core.Models;
using Scr.Core.Rules.Criteria;

namespace Scr.Core.Tests.Rules.Criteria;

public class CriteriaWarningTests
{
    private static readonly CriteriaSet Wt2006 = CriteriaSet.Wt2006;
    private static readonly CriteriaAnswers Baseline = Answering.Baseline(Wt2006);

    private static IEnumerable<string> Warnings(CriteriaAnswers answers, DecisionOutcome? proposed, CriteriaSet? set = null) =>
        CriteriaRules.Evaluate(set ?? Wt2006, answers, proposed).Warnings.Select(w => w.Key);

    [Fact]
    public void Warnings_EachHasTitleSourceAndExplanation()
    {
        foreach (var warning in CriteriaSet.All.SelectMany(s => s.Warnings))
        {
            warning.Title.ShouldNotBeNullOrWhiteSpace();
            warning.Source.ShouldNotBeNullOrWhiteSpace();
            warning.Explanation.Length.ShouldBeGreaterThan(100);
        }
        CriteriaSet.Wt2006.Warnings.Where(w => w.Key is "recovery-not-less-serious" or "psychological-harm-not-considered"
            or "immediate-cause-only" or "other-agencies-not-examined" or "another-review-substituted")
            .ShouldAllBe(w => w.Source == "National Panel annual report 2014, ¶18");
    }

    [Fact]
    public void Warnings_ProposalToInitiateAfterEveryError_NoneRaised()
    {
        var everything = Baseline.Yes("8.5-child-died", "8.5-abuse-or-neglect-factor", "harm-recovered", "harm-alternative-review",
                "8.9-risk-not-shared", "8.9-child-protection-plan", "8.9-implications-for-agencies")
            .No("harm-psychological-considered", "harm-circumstances-examined").NotKnown("harm-other-agencies-enquired");
        Warnings(everything, DecisionOutcome.InitiateSeriousCaseReview).ShouldBeEmpty();
        Warnings(everything, DecisionOutcome.DoNotInitiate).Count().ShouldBeGreaterThanOrEqualTo(6);
    }

    [Theory]
    [InlineData(DecisionOutcome.DoNotInitiate)]
    [InlineData(DecisionOutcome.CommissionLearningReview)]
    [InlineData(DecisionOutcome.InitiateSeriousCaseReview)]
    [InlineData(null)]
    public void Warnings_CarefulAnswersNoCriteriaMet_NoneRaised(DecisionOutcome? proposed) =>
        Warnings(Baseline, proposed).ShouldBeEmpty();

    // (a) Recovery does not make harm less serious.

    [Theory]
    [InlineData(DecisionOutcome.DoNotInitiate)]
    [InlineData(DecisionOutcome.CommissionLearningReview)]
    public void RecoveryNotLessSerious_RecoveredNoSeriousHarmNotReviewing_Raised(DecisionOutcome proposed) =>
        Warnings(Baseline.Yes("harm-recovered").NotKnown("8.6-life-threatening-injury"), proposed).ShouldBe(["recovery-not-less-serious"]);

    [Fact]
    public void RecoveryNotLessSerious_InjuryJudgedLifeThreatening_NotRaised() =>
        Warnings(Baseline.Yes("harm-recovered", "8.6-life-threatening-injury"), DecisionOutcome.DoNotInitiate).ShouldNotContain("recovery-not-less-serious");

    [Fact]
    public void RecoveryNotLessSerious_NotRecovered_NotRaised() =>
        Warnings(Baseline.NotKnown("harm-recovered"), DecisionOutcome.DoNotInitiate).ShouldNotContain("recovery-not-less-serious");

    [Fact]
    public void RecoveryNotLessSerious_ReviewProposed_NotRaised() =>
        Warnings(Baseline.Yes("harm-recovered"), DecisionOutcome.InitiateSeriousCaseReview).ShouldBeEmpty();

    [Fact]
    public void RecoveryNotLessSerious_Current_RaisedWhenSeriousHarmNotAccepted()
    {
        var current = Answering.Baseline(CriteriaSet.Current).Yes("scsc-abuse-or-neglect", "harm-recovered");
        Warnings(current, DecisionOutcome.DoNotInitiate, CriteriaSet.Current).ShouldBe(["recovery-not-less-serious"]);
        Warnings(current.Yes("scsc-died-or-seriously-harmed"), DecisionOutcome.DoNotInitiate, CriteriaSet.Current).ShouldBeEmpty();
    }

    // (b) Psychological harm not considered.

    [Theory]
    [InlineData(YesNoNotKnown.No)]
    [InlineData(YesNoNotKnown.NotKnown)]
    public void PsychologicalHarm_NotConsideredAndNotReviewing_Raised(YesNoNotKnown answer) =>
        Warnings(Baseline.With("harm-psychological-considered", answer), DecisionOutcome.DoNotInitiate).ShouldBe(["psychological-harm-not-considered"]);

    [Fact]
    public void PsychologicalHarm_Considered_NotRaised() =>
        Warnings(Baseline.Yes("harm-psychological-considered"), DecisionOutcome.DoNotInitiate).ShouldBeEmpty();

    [Theory]
    [InlineData(DecisionOutcome.InitiateSeriousCaseReview)]
    [InlineData(null)]
    public void PsychologicalHarm_NotConsideredButNoProposalNotToReview_NotRaised(DecisionOutcome? proposed) =>
        Warnings(Baseline.No("harm-psychological-considered"), proposed).ShouldBeEmpty();

    // (c) Only the immediate cause looked at.

    [Fact]
    public void ImmediateCauseOnly_CircumstancesNotLookedAtAndNotReviewing_Raised() =>
        Warnings(Baseline.No("harm-circumstances-examined"), DecisionOutcome.DoNotInitiate).ShouldBe(["immediate-cause-only"]);

    [Fact]
    public void ImmediateCauseOnly_CircumstancesLookedAt_NotRaised() =>
        Warnings(Baseline.Yes("harm-circumstances-examined"), DecisionOutcome.DoNotInitiate).ShouldBeEmpty();

    [Fact]
    public void ImmediateCauseOnly_ReviewProposed_NotRaised() =>
        Warnings(Baseline.No("harm-circumstances-examined"), DecisionOutcome.InitiateSeriousCaseReview).ShouldBeEmpty();

    // (d) One agency's failure used to exclude others; too little initial enquiry.

    [Theory]
    [InlineData(YesNoNotKnown.No)]
    [InlineData(YesNoNotKnown.NotKnown)]
    public void OtherAgencies_NotEnoughEnquiryAndNotReviewing_Raised(YesNoNotKnown answer) =>
        Warnings(Baseline.With("harm-other-agencies-enquired", answer), DecisionOutcome.DoNotInitiate).ShouldBe(["other-agencies-not-examined"]);

    [Fact]
    public void OtherAgencies_EnoughEnquiry_NotRaised() =>
        Warnings(Baseline.Yes("harm-other-agencies-enquired"), DecisionOutcome.DoNotInitiate).ShouldBeEmpty();

    [Fact]
    public void OtherAgencies_ReviewProposed_NotRaised() =>
        Warnings(Baseline.No("harm-other-agencies-enquired"), DecisionOutcome.InitiateSeriousCaseReview).ShouldBeEmpty();

    // (e) Another type of review substituted.

    [Fact]
    public void AnotherReview_LearningReviewProposedWhen86Met_Raised() =>
        Warnings(Baseline.Yes("8.6-serious-sexual-abuse", "8.6-concerns-working-together"), DecisionOutcome.CommissionLearningReview)
            .ShouldBe(["another-review-substituted"]);

    [Theory]
    [InlineData(DecisionOutcome.DoNotInitiate)]
    [InlineData(null)]
    public void AnotherReview_AlternativeNamedWhen86Met_Raised(DecisionOutcome? proposed) =>
        Warnings(Baseline.Yes("8.6-parent-killed-domestic-violence", "harm-alternative-review"), proposed).ShouldContain("another-review-substituted");

    [Fact]
    public void AnotherReview_LearningReviewWhen85Met_RaisedWithReviewRequired() =>
        Warnings(Baseline.Yes("8.5-child-died", "8.5-abuse-or-neglect-factor"), DecisionOutcome.CommissionLearningReview)
            .ShouldBe(["review-required", "another-review-substituted"]);

    [Fact]
    public void AnotherReview_CriteriaNotMet_NotRaised() =>
        Warnings(Baseline.Yes("8.6-serious-sexual-abuse", "harm-alternative-review"), DecisionOutcome.CommissionLearningReview).ShouldBeEmpty();

    [Fact]
    public void AnotherReview_SeriousCaseReviewProposed_NotRaised() =>
        Warnings(Baseline.Yes("8.6-parent-killed-domestic-violence", "harm-alternative-review"), DecisionOutcome.InitiateSeriousCaseReview).ShouldBeEmpty();

    // (f) Not initiating when 8.5 is met.

    [Fact]
    public void ReviewRequired_NotInitiatingWhen85Met_Raised()
    {
        var result = CriteriaRules.Evaluate(Wt2006, Baseline.Yes("8.5-child-died", "8.5-abuse-or-neglect-factor"), DecisionOutcome.DoNotInitiate);
        result.Warnings.Select(w => w.Key).ShouldBe(["review-required"]);
        result.Warnings[0].Source.ShouldStartWith("WT2006 8.5");
    }

    [Fact]
    public void ReviewRequired_NotInitiatingWhenOnly86Met_NotRaised() =>
        Warnings(Baseline.Yes("8.6-life-threatening-injury", "8.6-concerns-working-together"), DecisionOutcome.DoNotInitiate).ShouldBeEmpty();

    [Fact]
    public void ReviewRequired_InitiatingWhen85Met_NotRaised() =>
        Warnings(Baseline.Yes("8.5-child-died", "8.5-abuse-or-neglect-factor"), DecisionOutcome.InitiateSeriousCaseReview).ShouldBeEmpty();

    // (g) Several 8.9 answers yes but no review.

    [Fact]
    public void SeveralPrompts_ThreeYesAndNotInitiating_Raised() =>
        Warnings(Baseline.Yes("8.9-risk-not-acted-on", "8.9-concerns-not-taken-seriously", "8.9-protocols-need-change"), DecisionOutcome.DoNotInitiate)
            .ShouldBe(["several-prompts-yes"]);

    [Fact]
    public void SeveralPrompts_TwoYes_NotRaised() =>
        Warnings(Baseline.Yes("8.9-risk-not-acted-on", "8.9-risk-not-shared", "8.9-protocols-need-change"), DecisionOutcome.DoNotInitiate).ShouldBeEmpty();

    [Theory]
    [InlineData(DecisionOutcome.InitiateSeriousCaseReview)]
    [InlineData(DecisionOutcome.CommissionLearningReview)]
    public void SeveralPrompts_ThreeYesAndAReviewProposed_NotRaised(DecisionOutcome proposed) =>
        Warnings(Baseline.Yes("8.9-risk-not-acted-on", "8.9-concerns-not-taken-seriously", "8.9-protocols-need-change"), proposed).ShouldBeEmpty();

    // A "not known" answer that would change the prompt.

    [Fact]
    public void NotKnown_AbuseNotKnownAfterDeathAndNotReviewing_Raised() =>
        Warnings(Baseline.Yes("8.5-child-died").NotKnown("8.5-abuse-or-neglect-factor"), DecisionOutcome.DoNotInitiate)
            .ShouldBe(["not-known-could-change-decision"]);

    [Fact]
    public void NotKnown_AnswersNotDecisive_NotRaised() =>
        Warnings(Baseline.NotKnown("8.5-abuse-or-neglect-factor", "8.9-died-in-custody"), DecisionOutcome.DoNotInitiate).ShouldBeEmpty();

    [Fact]
    public void NotKnown_ReviewProposed_NotRaised() =>
        Warnings(Baseline.Yes("8.5-child-died").NotKnown("8.5-abuse-or-neglect-factor"), DecisionOutcome.InitiateSeriousCaseReview).ShouldBeEmpty();
}
