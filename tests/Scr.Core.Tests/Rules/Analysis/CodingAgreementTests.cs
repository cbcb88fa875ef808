using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules.Analysis;

namespace Scr.Core.Tests.Rules.Analysis;

public class CodingAgreementTests
{
    private static List<(string, string)> Pairs(params (string First, string Second, int Times)[] cells) =>
        cells.SelectMany(c => Enumerable.Repeat((c.First, c.Second), c.Times)).ToList();

    [Fact]
    public void Of_TextbookTwoByTwo_PercentSeventyKappaPointFour()
    {
        // 20 reports: 7 yes-yes, 7 no-no, 3 each way apart. po = 14/20 = 0.7; each coder said yes to half, pe = 0.5.
        var agreement = CodingAgreement.Of("outline.genogram", Pairs(("yes", "yes", 7), ("no", "no", 7), ("yes", "no", 3), ("no", "yes", 3)));

        agreement.Pairs.ShouldBe(20);
        agreement.Agreed.ShouldBe(14);
        agreement.PercentAgreement!.Value.ShouldBe(70, 1e-9);
        agreement.Kappa!.Value.ShouldBe(0.4, 1e-9);
    }

    [Fact]
    public void Of_UnequalMargins_KappaFromTheProductOfTheMargins()
    {
        // 100 items: 45 yes-yes, 15 yes-no, 25 no-yes, 15 no-no. po = 0.6; A yes 0.6, B yes 0.7: pe = 0.42 + 0.12 = 0.54.
        var agreement = CodingAgreement.Of("x", Pairs(("yes", "yes", 45), ("yes", "no", 15), ("no", "yes", 25), ("no", "no", 15)));

        agreement.PercentAgreement!.Value.ShouldBe(60, 1e-9);
        agreement.Kappa!.Value.ShouldBe(0.06 / 0.46, 1e-9);
    }

    [Fact]
    public void Of_ThreeCategories_KappaOverEveryCategory()
    {
        // 10 items; A: a×4, b×3, c×3; B: a×5, b×3, c×2; agreed 7 (a 4, b 2, c 1). pe = (4×5 + 3×3 + 3×2) / 100 = 0.35.
        var agreement = CodingAgreement.Of("x", Pairs(("a", "a", 4), ("b", "b", 2), ("c", "c", 1), ("b", "c", 1), ("c", "a", 1), ("c", "b", 1)));

        agreement.Pairs.ShouldBe(10);
        agreement.Agreed.ShouldBe(7);
        agreement.PercentAgreement!.Value.ShouldBe(70, 1e-9);
        agreement.Kappa!.Value.ShouldBe((0.7 - 0.35) / 0.65, 1e-9);
    }

    [Fact]
    public void Of_BothCodersOneSameCategory_AgreeFullyButKappaIsNotDefined()
    {
        var agreement = CodingAgreement.Of("theme.transition", Pairs(("no", "no", 12)));

        agreement.PercentAgreement!.Value.ShouldBe(100, 1e-9);
        agreement.Kappa.ShouldBeNull();
    }

    [Fact]
    public void Of_EachCoderOneDifferentCategory_KappaZero()
    {
        var agreement = CodingAgreement.Of("x", Pairs(("yes", "no", 5)));

        agreement.PercentAgreement!.Value.ShouldBe(0, 1e-9);
        agreement.Kappa!.Value.ShouldBe(0, 1e-9);
    }

    [Fact]
    public void Of_NoPairs_NeitherDefined()
    {
        var agreement = CodingAgreement.Of("x", []);

        agreement.PercentAgreement.ShouldBeNull();
        agreement.Kappa.ShouldBeNull();
    }

    [Fact]
    public void PerItem_ChildrenAndRecommendationsOfEveryReport_CountUnderOneItem()
    {
        var first1 = new Dictionary<string, string> { ["child.1.sex"] = "male", ["child.2.sex"] = "female", ["recommendation.1.focus"] = "training" };
        var second1 = new Dictionary<string, string> { ["child.1.sex"] = "male", ["child.2.sex"] = "male", ["recommendation.1.focus"] = "training" };
        var first2 = new Dictionary<string, string> { ["child.1.sex"] = "female", ["recommendation.1.focus"] = "roles", ["recommendation.2.focus"] = "training" };
        var second2 = new Dictionary<string, string> { ["child.1.sex"] = "female", ["recommendation.1.focus"] = "roles" };

        var items = CodingAgreement.PerItem([(first1, second1), (first2, second2)]);

        items.Select(i => (i.Item, i.Pairs, i.Agreed)).ShouldBe([("child.sex", 3, 2), ("recommendation.focus", 3, 2)]);
        CodingAgreement.Differences(first2, second2).ShouldBe(["recommendation.2.focus"]);
    }

    private static ExchangeReview Review() => new()
    {
        Reference = "ANY-1",
        Board = "anytown",
        Incident = new ExchangeIncident(IncidentType.Death),
        Children = [new ExchangeChild(4, null, Sex.Male)],
        Themes = [ReviewTheme.Neglect],
        Recommendations = [new ExchangeRecommendation(1, "Train staff.", Focus: RecommendationFocus.Training)],
        RecommendationsKnown = true,
    };

    [Fact]
    public void Values_ThenApply_GivesTheSameReviewBack()
    {
        var review = Review();

        var values = CodedReview.Values(review);

        values["child.1.harm"].ShouldBe("death");
        values["theme.neglect"].ShouldBe("yes");
        values["outline.genogram"].ShouldBe("not-known");
        values["recommendation.1.focus"].ShouldBe("training");
        CodedReview.Questions(review).Select(q => q.Key).ShouldBe(values.Keys, ignoreOrder: true);
        CodedReview.Apply(review, values).ShouldBe(review);
    }

    [Fact]
    public void Apply_CodedAnswers_WrittenIntoTheReview()
    {
        var coded = CodedReview.Apply(Review(), new Dictionary<string, string>
        {
            ["child.1.ageAtIncidentMonths"] = "",
            ["child.1.harm"] = "serious-injury",
            ["theme.neglect"] = "no",
            ["theme.exploitation"] = "yes",
            ["outline.genogram"] = "partly",
            ["recommendation.1.focus"] = "supervision",
            ["plan.costed"] = "no",
        });

        coded.Children[0].AgeAtIncidentMonths.ShouldBeNull();
        coded.Children[0].Harm.ShouldBe(IncidentType.SeriousInjury);
        coded.Themes.ShouldBe([ReviewTheme.Exploitation]);
        coded.Report!.Outline![OutlineItem.Genogram].ShouldBe(OutlineAnswer.Partly);
        coded.Recommendations[0].Focus.ShouldBe(RecommendationFocus.Supervision);
        coded.ActionPlan![ActionPlanItem.Costed].ShouldBe(ActionPlanAnswer.No);
    }

    [Fact]
    public void Check_AnswersNotAllowed_ProblemPerKey()
    {
        var problems = CodedReview.Check(Review(), new Dictionary<string, string>
        {
            ["child.1.ageAtIncidentMonths"] = "216",
            ["outline.genogram"] = "maybe",
            ["child.2.sex"] = "male",
            ["theme.neglect"] = "yes",
        });

        problems.Select(p => p.Field).ShouldBe(["child.1.ageAtIncidentMonths", "outline.genogram", "child.2.sex"]);
    }
}
