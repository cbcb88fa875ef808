using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Criteria;

namespace Scr.Core.Tests.Rules.Criteria;

public class CriteriaEvaluationTests
{
    private static readonly CriteriaSet Wt2006 = CriteriaSet.Wt2006;
    private static readonly CriteriaSet Current = CriteriaSet.Current;

    private static CriteriaEvaluation Evaluate(CriteriaAnswers answers, DecisionOutcome? proposed = null) =>
        CriteriaRules.Evaluate(Wt2006, answers, proposed);

    // WT2006 8.5: a review must be held.

    [Fact]
    public void Evaluate_ChildDiedNeglectSuspected_MustHoldReviewCiting85EvenWithNo89Yes()
    {
        var result = Evaluate(Answering.Baseline(Wt2006).Yes("8.5-child-died", "8.5-abuse-or-neglect-factor"));
        result.Prompt.ShouldBe(DecisionPrompt.MustHoldReview);
        result.Paragraph.ShouldBe("WT2006 8.5");
        result.PromptingYesCount.ShouldBe(0);
        result.Explanation.ShouldStartWith("WT2006 8.5 is met: the child died and abuse or neglect is known or suspected to have been a factor in the death.");
        result.Explanation.ShouldContain("must hold a serious case review");
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_ChildDiedNeglectSuspectedRestUnanswered_MustHoldReviewAndListsTheRest()
    {
        var result = Evaluate(CriteriaAnswers.Of(("8.5-child-died", YesNoNotKnown.Yes), ("8.5-abuse-or-neglect-factor", YesNoNotKnown.Yes)));
        result.Prompt.ShouldBe(DecisionPrompt.MustHoldReview);
        result.Unanswered.Count.ShouldBe(Wt2006.Questions.Count - 2);
    }

    [Fact]
    public void Evaluate_ChildDiedAbuseNotSuspected_CriteriaNotMet()
    {
        var result = Evaluate(Answering.Baseline(Wt2006).Yes("8.5-child-died"));
        result.Prompt.ShouldBe(DecisionPrompt.CriteriaNotMet);
        result.Paragraph.ShouldBe("WT2006 8.5 and WT2006 8.6");
        result.Explanation.ShouldStartWith("Neither WT2006 8.5 nor WT2006 8.6 is met on these answers.");
        result.OpenQuestions.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_AbuseSuspectedChildAlive_85NotMet() =>
        Evaluate(Answering.Baseline(Wt2006).Yes("8.5-abuse-or-neglect-factor")).Prompt.ShouldBe(DecisionPrompt.CriteriaNotMet);

    [Fact]
    public void Evaluate_ChildDiedAbuseNotKnown_NotMetButNamesTheOpenQuestion()
    {
        var result = Evaluate(Answering.Baseline(Wt2006).Yes("8.5-child-died").NotKnown("8.5-abuse-or-neglect-factor"));
        result.Prompt.ShouldBe(DecisionPrompt.CriteriaNotMet);
        result.OpenQuestions.ShouldBe(["8.5-abuse-or-neglect-factor"]);
        result.Explanation.ShouldContain("if abuse or neglect is known or suspected to have been a factor in the death, WT2006 8.5 would be met");
    }

    // WT2006 8.6: a review must be considered.

    [Theory]
    [InlineData("8.6-life-threatening-injury")]
    [InlineData("8.6-serious-sexual-abuse")]
    [InlineData("8.6-serious-permanent-impairment")]
    public void Evaluate_SeriousHarmAndConcernsAboutWorkingTogether_MustConsiderCiting86(string harm)
    {
        var result = Evaluate(Answering.Baseline(Wt2006).Yes(harm, "8.6-concerns-working-together"));
        result.Prompt.ShouldBe(DecisionPrompt.MustConsider);
        result.Paragraph.ShouldBe("WT2006 8.6");
        result.Explanation.ShouldStartWith($"WT2006 8.6 is met: {Wt2006.Question(harm)!.Fact} and the case raises concerns");
        result.Explanation.ShouldContain("must consider holding a serious case review");
    }

    [Theory]
    [InlineData("8.6-life-threatening-injury")]
    [InlineData("8.6-serious-sexual-abuse")]
    [InlineData("8.6-serious-permanent-impairment")]
    public void Evaluate_SeriousHarmWithoutConcernsAboutWorkingTogether_CriteriaNotMet(string harm) =>
        Evaluate(Answering.Baseline(Wt2006).Yes(harm)).Prompt.ShouldBe(DecisionPrompt.CriteriaNotMet);

    [Fact]
    public void Evaluate_ConcernsAboutWorkingTogetherWithoutSeriousHarm_CriteriaNotMet() =>
        Evaluate(Answering.Baseline(Wt2006).Yes("8.6-concerns-working-together")).Prompt.ShouldBe(DecisionPrompt.CriteriaNotMet);

    [Theory]
    [InlineData("8.6-parent-killed-domestic-violence", "a parent was killed in a domestic violence situation")]
    [InlineData("8.9-killed-by-mentally-ill-parent", "the child was killed by a parent with a mental illness")]
    public void Evaluate_ExampleOf86WithoutConcernsAboutWorkingTogether_MustConsider(string example, string fact)
    {
        var result = Evaluate(Answering.Baseline(Wt2006).Yes(example));
        result.Prompt.ShouldBe(DecisionPrompt.MustConsider);
        result.Paragraph.ShouldBe("WT2006 8.6");
        result.Explanation.ShouldStartWith($"WT2006 8.6 is met: {fact}.");
    }

    [Fact]
    public void Evaluate_85And86BothOpen_OneSentenceNamesBoth()
    {
        var result = Evaluate(Answering.Baseline(Wt2006).Yes("8.5-child-died", "8.6-serious-sexual-abuse")
            .NotKnown("8.5-abuse-or-neglect-factor", "8.6-concerns-working-together"));
        result.OpenQuestions.ShouldBe(["8.5-abuse-or-neglect-factor", "8.6-concerns-working-together"]);
        result.Explanation.ShouldEndWith("Some answers are not known: if abuse or neglect is known or suspected to have been a factor in the "
            + "death, WT2006 8.5 would be met; if the case raises concerns about how local professionals and services worked together, "
            + "WT2006 8.6 would be met.");
    }

    [Fact]
    public void Evaluate_SeriousHarmWithConcernsNotKnown_NotMetWith86Open()
    {
        var result = Evaluate(Answering.Baseline(Wt2006).Yes("8.6-serious-sexual-abuse").NotKnown("8.6-concerns-working-together"));
        result.Prompt.ShouldBe(DecisionPrompt.CriteriaNotMet);
        result.OpenQuestions.ShouldBe(["8.6-concerns-working-together"]);
        result.Explanation.ShouldContain("WT2006 8.6 would be met");
    }

    [Fact]
    public void Evaluate_Both85And86_MustHoldReviewOn85AndSays86AlsoMet()
    {
        var result = Evaluate(Answering.Baseline(Wt2006).Yes("8.5-child-died", "8.5-abuse-or-neglect-factor", "8.9-killed-by-mentally-ill-parent"));
        result.Prompt.ShouldBe(DecisionPrompt.MustHoldReview);
        result.Paragraph.ShouldBe("WT2006 8.5");
        result.Met.Select(s => s.Reference).ShouldBe(["WT2006 8.5", "WT2006 8.6"]);
        result.Explanation.ShouldEndWith("WT2006 8.6 is also met: the child was killed by a parent with a mental illness.");
        result.Explanation.ShouldNotContain("must consider");
    }

    [Fact]
    public void Evaluate_86MetAnd89Unanswered_MustConsiderSettled()
    {
        var answers = CriteriaAnswers.Of(("8.5-child-died", YesNoNotKnown.No), ("8.5-abuse-or-neglect-factor", YesNoNotKnown.No),
            ("8.6-life-threatening-injury", YesNoNotKnown.Yes), ("8.6-concerns-working-together", YesNoNotKnown.Yes));
        var result = Evaluate(answers);
        result.Prompt.ShouldBe(DecisionPrompt.MustConsider);
        result.Unanswered.ShouldContain("8.9-died-in-custody");
    }

    [Fact]
    public void Evaluate_86MetBut85StillOpenForWantOfAnAnswer_NotEnoughAnswers() =>
        Evaluate(Answering.Baseline(Wt2006).Yes("8.5-child-died", "8.6-life-threatening-injury", "8.6-concerns-working-together")
                .Unanswered("8.5-abuse-or-neglect-factor"))
            .Prompt.ShouldBe(DecisionPrompt.NotEnoughAnswers);

    [Fact]
    public void Evaluate_86MetAnd85SettledByAnotherAnswer_MustConsider() =>
        Evaluate(Answering.Baseline(Wt2006).Yes("8.6-life-threatening-injury", "8.6-concerns-working-together").Unanswered("8.5-child-died"))
            .Prompt.ShouldBe(DecisionPrompt.MustConsider);

    // Not enough answers.

    [Fact]
    public void Evaluate_NothingAnswered_NotEnoughAnswersNamingEveryQuestion()
    {
        var result = Evaluate(CriteriaAnswers.Empty);
        result.Prompt.ShouldBe(DecisionPrompt.NotEnoughAnswers);
        result.Paragraph.ShouldBeNull();
        result.Unanswered.ShouldBe(Wt2006.Questions.Select(q => q.Id));
        result.Explanation.ShouldBe($"{Wt2006.Questions.Count} questions still need an answer before the criteria can be applied.");
    }

    [Fact]
    public void Evaluate_OnlyHarmQuestionUnanswered_NotEnoughAnswersNamingIt()
    {
        var result = Evaluate(Answering.Baseline(Wt2006).Unanswered("harm-recovered"));
        result.Prompt.ShouldBe(DecisionPrompt.NotEnoughAnswers);
        result.Unanswered.ShouldBe(["harm-recovered"]);
        result.Explanation.ShouldBe("1 question still needs an answer before the criteria can be applied.");
    }

    [Fact]
    public void Evaluate_UnknownId_Refused() =>
        Should.Throw<RuleViolationException>(() => Evaluate(Answering.Baseline(Wt2006).Yes("8.10-smaller-audit")));

    // WT2006 8.9: several yes answers.

    [Fact]
    public void Evaluate_AllThreePartsOfTheFirstQuestionYes_CountsOnce()
    {
        var result = Evaluate(Answering.Baseline(Wt2006).Yes("8.9-risk-not-recognised", "8.9-risk-not-shared", "8.9-risk-not-acted-on"));
        result.PromptingYesCount.ShouldBe(1);
        result.PromptingQuestionCount.ShouldBe(11);
        result.SeveralPromptingYes.ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_TwoPromptsYes_NotSeveral()
    {
        var result = Evaluate(Answering.Baseline(Wt2006).Yes("8.9-risk-not-shared", "8.9-child-protection-plan"));
        result.PromptingYesCount.ShouldBe(2);
        result.SeveralPromptingYes.ShouldBeFalse();
        result.Explanation.ShouldNotContain("8.9");
    }

    [Fact]
    public void Evaluate_ThreePromptsYes_SeveralAndSaidWhenCriteriaNotMet()
    {
        var result = Evaluate(Answering.Baseline(Wt2006).Yes("8.9-risk-not-shared", "8.9-child-protection-plan", "8.9-implications-for-agencies"));
        CriteriaRules.SeveralYesAnswers.ShouldBe(3);
        result.PromptingYesCount.ShouldBe(3);
        result.SeveralPromptingYes.ShouldBeTrue();
        result.Prompt.ShouldBe(DecisionPrompt.CriteriaNotMet);
        result.Explanation.ShouldContain("But 3 of the 11 questions in WT2006 8.9 are answered yes");
    }

    [Fact]
    public void Evaluate_EveryPromptYes_ElevenOfEleven() =>
        Evaluate(Answering.Baseline(Wt2006).Yes([.. Wt2006.Prompts!.Questions.Select(q => q.Id)])).PromptingYesCount.ShouldBe(11);

    // Since 2018.

    [Fact]
    public void Evaluate_Current_AbuseSuspectedAndSeriousHarm_MustHoldRapidReviewAndNotify()
    {
        var result = CriteriaRules.Evaluate(Current, Answering.Baseline(Current).Yes("scsc-abuse-or-neglect", "scsc-died-or-seriously-harmed"), null);
        result.Prompt.ShouldBe(DecisionPrompt.MustHoldReview);
        result.Paragraph.ShouldBe("WT2018 ch.4 (notification)");
        result.Explanation.ShouldContain("must notify the Child Safeguarding Practice Review Panel");
        result.Explanation.ShouldContain("rapid review");
        result.Met.Count.ShouldBe(1);
        result.PromptingQuestionCount.ShouldBe(0);
    }

    [Theory]
    [InlineData("lcspr-improvements-needed")]
    [InlineData("lcspr-recurrent-themes")]
    [InlineData("lcspr-working-together")]
    [InlineData("lcspr-panel-suggests-local-review")]
    public void Evaluate_Current_SeriousCaseAndALocalReviewCriterion_AlsoSaysConsiderALocalReview(string criterion)
    {
        var result = CriteriaRules.Evaluate(Current,
            Answering.Baseline(Current).Yes("scsc-abuse-or-neglect", "scsc-died-or-seriously-harmed", criterion), null);
        result.Prompt.ShouldBe(DecisionPrompt.MustHoldReview);
        result.Met.Select(s => s.Kind).ShouldBe([CriteriaSectionKind.MustReview, CriteriaSectionKind.MustConsider]);
        result.Explanation.ShouldContain($"WT2018 ch.4 (local review criteria) is also met: {Current.Question(criterion)!.Fact}.");
        result.Explanation.ShouldContain("must consider holding a local child safeguarding practice review");
    }

    [Fact]
    public void Evaluate_Current_AbuseSuspectedNoSeriousHarm_CriteriaNotMet()
    {
        var result = CriteriaRules.Evaluate(Current, Answering.Baseline(Current).Yes("scsc-abuse-or-neglect", "lcspr-recurrent-themes"), null);
        result.Prompt.ShouldBe(DecisionPrompt.CriteriaNotMet);
        result.Explanation.ShouldContain("not a serious child safeguarding case");
    }

    [Fact]
    public void Evaluate_Current_HarmNotKnown_NotMetWithTheQuestionOpen() =>
        CriteriaRules.Evaluate(Current, Answering.Baseline(Current).Yes("scsc-abuse-or-neglect").NotKnown("scsc-died-or-seriously-harmed"), null)
            .OpenQuestions.ShouldBe(["scsc-died-or-seriously-harmed"]);

    [Fact]
    public void Evaluate_Current_NothingAnswered_NotEnoughAnswers() =>
        CriteriaRules.Evaluate(Current, CriteriaAnswers.Empty, null).Prompt.ShouldBe(DecisionPrompt.NotEnoughAnswers);

    [Theory]
    [InlineData(GuidanceEdition.Wt2006)]
    [InlineData(GuidanceEdition.Wt2023)]
    public void Evaluate_EveryQuestionNo_CriteriaNotMetWithoutWarnings(GuidanceEdition edition)
    {
        var set = CriteriaSet.For(edition);
        var result = CriteriaRules.Evaluate(set, Answering.Baseline(set), DecisionOutcome.DoNotInitiate);
        result.Prompt.ShouldBe(DecisionPrompt.CriteriaNotMet);
        result.Warnings.ShouldBeEmpty();
    }
}
