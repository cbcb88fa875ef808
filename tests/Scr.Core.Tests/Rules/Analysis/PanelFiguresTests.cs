using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Analysis;

namespace Scr.Core.Tests.Rules.Analysis;

public class PanelFiguresTests
{
    private static readonly DateOnly Start = new(2013, 6, 1);

    /// <summary>
    /// The National Panel's first year (seed 002 ¶10): 184 decisions to initiate; 66 not to initiate, of which 35 agreed
    /// and 31 challenged; of those, 5 became a review, 16 were accepted after further information and 10 await it.
    /// </summary>
    private static List<PanelDecisionFacts> FirstYear()
    {
        var facts = new List<PanelDecisionFacts>();
        var day = 0;
        PanelDecisionFacts Fact(DecisionOutcome outcome, PanelResponse response, ChallengeOutcome? challenge) =>
            new($"board-{day % 95}", outcome, Start.AddDays(day++ % 300), response, challenge);

        for (var i = 0; i < 184; i++)
        {
            // The Panel's answer to a decision to initiate does not change the count.
            facts.Add(Fact(DecisionOutcome.InitiateSeriousCaseReview, i % 3 == 0 ? PanelResponse.Agreed : PanelResponse.NotConsidered, null));
        }
        for (var i = 0; i < 35; i++)
        {
            facts.Add(Fact(i % 7 == 0 ? DecisionOutcome.CommissionLearningReview : DecisionOutcome.DoNotInitiate, PanelResponse.Agreed, null));
        }
        foreach (var (outcome, count) in new[] { (ChallengeOutcome.BecameReview, 5), (ChallengeOutcome.AcceptedAfterInformation, 16), (ChallengeOutcome.AwaitingInformation, 10) })
        {
            for (var i = 0; i < count; i++)
            {
                facts.Add(Fact(DecisionOutcome.DoNotInitiate, PanelResponse.Challenged, outcome));
            }
        }
        return facts;
    }

    private static (string Key, int Count, int? Percent)[] Cells(AnalysisTable table) => table.Rows.Select(r => (r.Key, r.Count, r.Percent)).ToArray();

    [Fact]
    public void Decisions_PanelsFirstYear_ReproducesTheAnnualReport()
    {
        var table = PanelFigures.Decisions(FirstYear());

        table.Id.ShouldBe("panel-decisions");
        table.Base.ShouldBe(250);
        Cells(table).ShouldBe(
        [
            ("initiated", 184, 74),
            ("not-initiated", 66, 26),
            ("agreed", 35, 53),
            ("challenged", 31, 47),
            ("became-review", 5, 16),
            ("accepted-after-information", 16, 52),
            ("awaiting-information", 10, 32),
        ]);
    }

    [Fact]
    public void Decisions_ReconsideredDecisionNotToInitiate_CountedOnceByItsFirstDecision()
    {
        var chair = Guid.NewGuid();
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var review = Review.Notify(Guid.NewGuid(), "NB-2026-001", IncidentType.Death, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), "",
            GuidanceEdition.Wt2006, null,
            [new ReviewChild("Test Child", 4, Sex.Male, Ethnicity.NotKnown, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None)],
            [Guid.NewGuid()], chair, now);
        review.Recommend(new SubGroupRecommendation("wt2006", "{}", DecisionOutcome.DoNotInitiate, "Not met", null, null, null, "", chair, now));
        review.Apply(Lifecycle.DoNotInitiate, chair, "Not met", now);
        var first = review.SendToPanel("outline", "National Panel", now);
        first.Question(PanelMessageKind.Challenge, "Psychological harm was not considered", Guid.NewGuid(), now.AddDays(3));
        review.Apply(Lifecycle.Reconsider, chair, "The Panel is right", now.AddDays(10));
        first.BecameReview("The Panel is right", chair, now.AddDays(10));
        review.SendToPanel("outline", "National Panel", now.AddDays(10));

        var table = PanelFigures.Decisions([PanelDecisionFacts.Of(review)!]);

        Cells(table).ShouldBe(
        [
            ("initiated", 0, 0),
            ("not-initiated", 1, 100),
            ("agreed", 0, 0),
            ("challenged", 1, 100),
            ("became-review", 1, 100),
            ("accepted-after-information", 0, 0),
            ("awaiting-information", 0, 0),
        ]);
    }

    [Fact]
    public void Decisions_NoDecisions_EveryRowZeroWithoutPercent()
    {
        var table = PanelFigures.Decisions([]);

        table.Base.ShouldBe(0);
        table.Rows.Select(r => r.Key).ShouldBe(["initiated", "not-initiated", "agreed", "challenged", "became-review", "accepted-after-information", "awaiting-information"]);
        table.Rows.ShouldAllBe(r => r.Count == 0 && r.Percent == null);
    }

    [Fact]
    public void Decisions_OnlyDecisionsToInitiate_NoPercentOfAnEmptyBase()
    {
        var table = PanelFigures.Decisions([new PanelDecisionFacts("a", DecisionOutcome.InitiateSeriousCaseReview, Start, PanelResponse.Agreed, null)]);

        table["initiated"].ShouldBe(new AnalysisRow("initiated", 1, 100));
        table["not-initiated"].ShouldBe(new AnalysisRow("not-initiated", 0, 0));
        // Nothing not initiated, so agreed and challenged have no base; nothing challenged, so neither have its outcomes.
        table["agreed"].Percent.ShouldBeNull();
        table["challenged"].Percent.ShouldBeNull();
        table["awaiting-information"].Percent.ShouldBeNull();
    }

    [Fact]
    public void Decisions_Period_FiltersOnTheDecisionDateBothEndsIncluded()
    {
        PanelDecisionFacts On(DateOnly? date) => new("a", DecisionOutcome.DoNotInitiate, date, PanelResponse.NotConsidered, null);
        var facts = new[] { On(new DateOnly(2026, 3, 31)), On(new DateOnly(2026, 4, 1)), On(new DateOnly(2027, 3, 31)), On(new DateOnly(2027, 4, 1)), On(null) };

        PanelFigures.Decisions(facts, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31))["not-initiated"].Count.ShouldBe(2);
        PanelFigures.Decisions(facts, from: new DateOnly(2026, 4, 1))["not-initiated"].Count.ShouldBe(3);
        PanelFigures.Decisions(facts, to: new DateOnly(2026, 3, 31))["not-initiated"].Count.ShouldBe(1);
        // Without a period every decision counts, a date not known included.
        PanelFigures.Decisions(facts)["not-initiated"].Count.ShouldBe(5);
    }

    [Fact]
    public void Decisions_ChallengeWithoutRecordedOutcome_StillAwaitsInformation()
    {
        var table = PanelFigures.Decisions([new PanelDecisionFacts("a", DecisionOutcome.DoNotInitiate, Start, PanelResponse.Challenged, null)]);
        table["awaiting-information"].ShouldBe(new AnalysisRow("awaiting-information", 1, 100));
    }

    [Fact]
    public void Decisions_OutcomeNotKnown_InTheBaseButNeitherInitiatedNorNot()
    {
        var table = PanelFigures.Decisions([
            new PanelDecisionFacts("a", null, Start, PanelResponse.NotConsidered, null),
            new PanelDecisionFacts("a", DecisionOutcome.InitiateSeriousCaseReview, Start, PanelResponse.NotConsidered, null),
        ]);
        table.Base.ShouldBe(2);
        table["initiated"].ShouldBe(new AnalysisRow("initiated", 1, 50));
        table["not-initiated"].ShouldBe(new AnalysisRow("not-initiated", 0, 0));
    }

    [Fact]
    public void BoardsNotInTouch_49Of144_Is34Percent()
    {
        var boards = Enumerable.Range(1, 144).Select(i => $"board-{i}").ToList();
        var records = boards.Skip(49).ToDictionary(b => b, b => b.Length % 3 + 1);
        // A board outside the list does not count.
        records["not-a-board"] = 4;

        var table = PanelFigures.BoardsNotInTouch(boards, records);

        table.Id.ShouldBe("boards-not-in-touch");
        table.Base.ShouldBe(144);
        Cells(table).ShouldBe([("not-in-touch", 49, 34), ("in-touch", 95, 66)]);
        PanelFigures.BoardsWithNothing(boards, records).ShouldBe(boards.Take(49));
    }

    [Fact]
    public void BoardsNotInTouch_NoBoards_NoPercent()
    {
        var table = PanelFigures.BoardsNotInTouch(Array.Empty<Guid>(), new Dictionary<Guid, int>());
        Cells(table).ShouldBe([("not-in-touch", 0, (int?)null), ("in-touch", 0, (int?)null)]);
    }

    [Fact]
    public void BoardsNotInTouch_ZeroRecordsListed_IsNotInTouch()
    {
        var table = PanelFigures.BoardsNotInTouch(["a", "b"], new Dictionary<string, int> { ["a"] = 0, ["b"] = 2 });
        Cells(table).ShouldBe([("not-in-touch", 1, 50), ("in-touch", 1, 50)]);
    }

    [Theory]
    [InlineData(1, 8, 13)] // 12.5 rounds up
    [InlineData(3, 8, 38)] // 37.5 rounds up
    [InlineData(1, 3, 33)] // 33.3 rounds down
    [InlineData(2, 3, 67)] // 66.7 rounds up
    [InlineData(1, 200, 1)] // 0.5 rounds up
    [InlineData(1, 201, 0)] // 0.497 rounds down
    [InlineData(0, 5, 0)]
    [InlineData(5, 5, 100)]
    [InlineData(49, 144, 34)]
    [InlineData(35, 66, 53)]
    public void Percentage_HalvesRoundUp(int count, int percentBase, int expected) => Percentage.Of(count, percentBase).ShouldBe(expected);

    [Fact]
    public void Percentage_BaseZero_Null() => Percentage.Of(0, 0).ShouldBeNull();

    [Fact]
    public void AnalysisTable_MissingRow_NamesTheTable() =>
        Should.Throw<KeyNotFoundException>(() => PanelFigures.Decisions([])["nope"]).Message.ShouldContain("panel-decisions");
}
