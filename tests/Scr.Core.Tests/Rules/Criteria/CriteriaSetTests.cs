using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Criteria;

namespace Scr.Core.Tests.Rules.Criteria;

public class CriteriaSetTests
{
    // Answers are stored by these ids: a test that fails here means stored answers would no longer be read. Change the
    // wording of a question, never its id; add a new id for a new question.
    [Fact]
    public void Wt2006_QuestionIds_AreStable() =>
        CriteriaSet.Wt2006.Questions.Select(q => q.Id).ShouldBe([
            "8.5-child-died",
            "8.5-abuse-or-neglect-factor",
            "8.6-life-threatening-injury",
            "8.6-serious-sexual-abuse",
            "8.6-serious-permanent-impairment",
            "8.6-concerns-working-together",
            "8.6-parent-killed-domestic-violence",
            "8.9-risk-not-recognised",
            "8.9-risk-not-shared",
            "8.9-risk-not-acted-on",
            "8.9-killed-by-mentally-ill-parent",
            "8.9-abused-in-institution",
            "8.9-died-in-custody",
            "8.9-abused-while-looked-after",
            "8.9-suicide-or-died-while-missing",
            "8.9-concerns-not-taken-seriously",
            "8.9-wider-procedural-failings",
            "8.9-child-protection-plan",
            "8.9-implications-for-agencies",
            "8.9-protocols-need-change",
            "harm-psychological-considered",
            "harm-recovered",
            "harm-circumstances-examined",
            "harm-other-agencies-enquired",
            "harm-alternative-review",
        ]);

    [Fact]
    public void Current_QuestionIds_AreStable() =>
        CriteriaSet.Current.Questions.Select(q => q.Id).ShouldBe([
            "scsc-abuse-or-neglect",
            "scsc-died-or-seriously-harmed",
            "lcspr-improvements-needed",
            "lcspr-recurrent-themes",
            "lcspr-working-together",
            "lcspr-panel-suggests-local-review",
            "harm-psychological-considered",
            "harm-recovered",
            "harm-circumstances-examined",
            "harm-other-agencies-enquired",
            "harm-alternative-review",
        ]);

    [Fact]
    public void SetIds_AreStable() => CriteriaSet.All.Select(s => s.Id).ShouldBe(["wt2006", "wt2018"]);

    [Fact]
    public void WarningKeys_AreStable()
    {
        CriteriaSet.Wt2006.Warnings.Select(w => w.Key).ShouldBe([
            "review-required",
            "another-review-substituted",
            "recovery-not-less-serious",
            "psychological-harm-not-considered",
            "immediate-cause-only",
            "other-agencies-not-examined",
            "several-prompts-yes",
            "not-known-could-change-decision",
        ]);
        CriteriaSet.Current.Warnings.Select(w => w.Key).ShouldBe([
            "recovery-not-less-serious",
            "psychological-harm-not-considered",
            "immediate-cause-only",
            "other-agencies-not-examined",
            "not-known-could-change-decision",
        ]);
    }

    public static TheoryData<CriteriaSet> Sets => [.. CriteriaSet.All];

    [Theory]
    [MemberData(nameof(Sets))]
    public void Questions_Ids_UniqueAndKebabCase(CriteriaSet set)
    {
        set.Questions.Select(q => q.Id).ShouldBeUnique();
        set.Questions.ShouldAllBe(q => System.Text.RegularExpressions.Regex.IsMatch(q.Id, "^[a-z0-9.]+(-[a-z0-9]+)*$"));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Questions_EachHasWordsAndYesNoOptions(CriteriaSet set)
    {
        foreach (var question in set.Questions)
        {
            question.Text.ShouldEndWith("?");
            question.Fact.ShouldNotBeNullOrWhiteSpace();
            question.Fact[0].ShouldBe(char.ToLowerInvariant(question.Fact[0]), question.Id);
            question.Options.ShouldContain(YesNoNotKnown.Yes);
            question.Options.ShouldContain(YesNoNotKnown.No);
            question.MissingAnswerMessage.ShouldBe($"Select whether {question.Fact}");
        }
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Sections_EachHasReferenceTitleAndExplanation(CriteriaSet set)
    {
        foreach (var section in set.Sections)
        {
            section.Reference.ShouldNotBeNullOrWhiteSpace();
            section.Title.ShouldNotBeNullOrWhiteSpace();
            section.Explanation.ShouldNotBeNullOrWhiteSpace();
            section.Questions.ShouldNotBeEmpty();
            (section.Condition is not null).ShouldBe(section.Kind is CriteriaSectionKind.MustReview or CriteriaSectionKind.MustConsider);
        }
    }

    [Fact]
    public void Wt2006_Sections_FollowChapter8AndThePanel()
    {
        CriteriaSet.Wt2006.Sections.Select(s => (s.Reference, s.Kind)).ShouldBe([
            ("WT2006 8.5", CriteriaSectionKind.MustReview),
            ("WT2006 8.6", CriteriaSectionKind.MustConsider),
            ("WT2006 8.9", CriteriaSectionKind.Prompts),
            ("National Panel annual report 2014, ¶18", CriteriaSectionKind.HarmAndCircumstances),
        ]);
    }

    [Fact]
    public void Wt2006_Prompts_ElevenQuestionsTheFirstInThreeParts()
    {
        var prompts = CriteriaSet.Wt2006.Prompts!.Questions;
        prompts.Count.ShouldBe(13);
        prompts.Select(q => q.Group).Distinct().Count().ShouldBe(11);
        prompts.Where(q => q.Group == "8.9-risk").Select(q => q.Id)
            .ShouldBe(["8.9-risk-not-recognised", "8.9-risk-not-shared", "8.9-risk-not-acted-on"]);
    }

    [Fact]
    public void Wt2006_Paragraph86_UsesTheMentalIllnessQuestionOf89RatherThanAskingTwice() =>
        CriteriaSet.Wt2006.Sections[1].Condition!.QuestionIds.ShouldContain("8.9-killed-by-mentally-ill-parent");

    [Fact]
    public void AlternativeReview_AsksForItsNameAndOffersNoNotKnown()
    {
        var question = CriteriaSet.Wt2006.Question("harm-alternative-review")!;
        question.DetailsLabel.ShouldBe("Name the review, investigation or audit proposed");
        question.Options.ShouldBe([YesNoNotKnown.Yes, YesNoNotKnown.No]);
    }

    [Theory]
    [InlineData(GuidanceEdition.Wt1999, "wt2006")]
    [InlineData(GuidanceEdition.Wt2006, "wt2006")]
    [InlineData(GuidanceEdition.Wt2010, "wt2006")]
    [InlineData(GuidanceEdition.Wt2013, "wt2006")]
    [InlineData(GuidanceEdition.Wt2015, "wt2006")]
    [InlineData(GuidanceEdition.Wt2018, "wt2018")]
    [InlineData(GuidanceEdition.Wt2023, "wt2018")]
    [InlineData(GuidanceEdition.Wales2012, "wt2006")]
    [InlineData(GuidanceEdition.NotKnown, "wt2006")]
    public void For_Edition_GivesItsSet(GuidanceEdition edition, string expected) => CriteriaSet.For(edition).Id.ShouldBe(expected);

    [Fact]
    public void For_EveryEdition_CoveredByExactlyOneSet()
    {
        foreach (var edition in Enum.GetValues<GuidanceEdition>())
        {
            CriteriaSet.All.Count(s => s.Editions.Contains(edition)).ShouldBe(1, edition.ToString());
        }
    }

    [Fact]
    public void Find_ById_GivesTheSetOrNull()
    {
        CriteriaSet.Find("wt2006").ShouldBeSameAs(CriteriaSet.Wt2006);
        CriteriaSet.Find("wt2018").ShouldBeSameAs(CriteriaSet.Current);
        CriteriaSet.Find("wt2099").ShouldBeNull();
    }

    [Fact]
    public void Constructor_ConditionOnUnknownQuestion_Refused() =>
        Should.Throw<InvalidOperationException>(() => new CriteriaSet("x", "X", new HashSet<GuidanceEdition>(),
            [new CriteriaSection("X 1", "T", "E", CriteriaSectionKind.MustReview, [new CriteriaQuestion("a", "A?", "a")],
                CriteriaCondition.Yes("b"), "Hold one.")], "", []));

    [Fact]
    public void Constructor_DuplicateQuestionId_Refused() =>
        Should.Throw<InvalidOperationException>(() => new CriteriaSet("x", "X", new HashSet<GuidanceEdition>(),
            [new CriteriaSection("X 1", "T", "E", CriteriaSectionKind.Prompts,
                [new CriteriaQuestion("a", "A?", "a"), new CriteriaQuestion("a", "B?", "b")])], "", []));

    [Fact]
    public void Labels_EveryPromptAndKind_HasWords()
    {
        Enum.GetValues<DecisionPrompt>().Select(Labels.Of).ShouldBeUnique();
        Enum.GetValues<DecisionPrompt>().ShouldAllBe(p => Labels.Of(p) != p.ToString());
        Enum.GetValues<CriteriaSectionKind>().ShouldAllBe(k => Labels.Of(k) != k.ToString());
    }
}
