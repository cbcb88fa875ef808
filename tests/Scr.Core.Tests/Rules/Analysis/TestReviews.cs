using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules.Analysis;

namespace Scr.Core.Tests.Rules.Analysis;

/// <summary>
/// Exchange records for the analysis tests: a review with nothing known, so that each test states only the facts its table
/// counts (with <c>with { … }</c>), and the analysis of a set of them.
/// </summary>
internal static class TestReviews
{
    public const string Board = "anytown";

    /// <summary>A review of <see cref="Board"/> about these children, nothing else known.</summary>
    public static ExchangeReview Review(params ExchangeChild[] children) => Of(Board, children);

    /// <summary>A review of a board about these children, nothing else known.</summary>
    public static ExchangeReview Of(string board, params ExchangeChild[] children) =>
        new() { Reference = $"{board.ToUpperInvariant()}-1", Board = board, Children = children };

    public static ExchangeReview IncidentOn(DateOnly? date, IncidentType type = IncidentType.NotKnown) =>
        Review() with { Incident = new ExchangeIncident(type, date) };

    public static ExchangeReview WithReport(ExchangeReport? report) => Review() with { Report = report };

    /// <summary>A review whose report lists recommendations with these focuses.</summary>
    public static ExchangeReview Recommending(params RecommendationFocus[] focuses) => Review() with
    {
        RecommendationsKnown = true,
        Recommendations = focuses.Select(f => new ExchangeRecommendation(Focus: f)).ToList(),
    };

    /// <summary>An action plan with this many actions (null: they could not be counted) and these judgements.</summary>
    public static ExchangeActionPlan Plan(int? actions, params (ActionPlanItem Item, ActionPlanAnswer Answer)[] judgements) =>
        new(actions is not null, ExchangeActionPlan.JudgementsOf(judgements.ToDictionary(j => j.Item, j => j.Answer)),
            Enumerable.Repeat(new ExchangeAction(), actions ?? 0).ToList());

    /// <summary>A decision reported to the National Panel on the day it was made.</summary>
    public static ExchangeDecision DecisionSentToPanel(ExchangeDecisionOutcome outcome, DateOnly decidedOn, PanelResponse? response = null,
        ChallengeOutcome? challenge = null) =>
        new(outcome, decidedOn, ReportedToPanelOn: decidedOn, Panel: new ExchangePanelAnswer(response, challenge));

    /// <summary>The tables of these reviews, the boards added first.</summary>
    public static AnalysisReport Analyse(IEnumerable<ExchangeReview> reviews, AnalysisLimits? limits = null, IEnumerable<ExchangeBoard>? boards = null)
    {
        var analysis = new CrossCaseAnalysis(limits);
        foreach (var board in boards ?? [])
        {
            analysis.AddBoard(board);
        }
        foreach (var review in reviews)
        {
            analysis.Add(review);
        }
        return analysis.Tables();
    }

    public static AnalysisReport Analyse(params ExchangeReview[] reviews) => Analyse(reviews, null);

    /// <summary>A table's rows as (key, count, percent), to compare a whole table at once.</summary>
    public static (string Key, int Count, int? Percent)[] Cells(AnalysisTable table) => table.Rows.Select(r => (r.Key, r.Count, r.Percent)).ToArray();

    /// <summary>A grid's rows as "key: count count …", to compare a whole table at once.</summary>
    public static string[] Cells(AnalysisGrid grid) => grid.Rows.Select(r => $"{r.Key}: {string.Join(' ', r.Counts)}").ToArray();

    /// <summary>One value a record, each as many times as given: the per-record facts behind a paper's counts.</summary>
    public static List<T> Each<T>(params (T Value, int Count)[] counts) => counts.SelectMany(c => Enumerable.Repeat(c.Value, c.Count)).ToList();

    /// <summary><paramref name="count"/> whole numbers spread evenly from <paramref name="low"/> to <paramref name="high"/>, both included.</summary>
    public static IEnumerable<int> Spread(int count, int low, int high) =>
        Enumerable.Range(0, count).Select(i => count == 1 ? low : low + (int)Math.Round((double)(high - low) * i / (count - 1)));

    /// <summary>
    /// The values in another order (every <paramref name="stride"/>-th, wrapping round), so facts counted from separate
    /// tables do not all fall on the same records; the stride must have no factor in common with the count.
    /// </summary>
    public static List<T> Shuffled<T>(IReadOnlyList<T> values, int stride)
    {
        if (values.Count > 0 && GreatestCommonDivisor(stride, values.Count) != 1)
        {
            throw new ArgumentException($"A stride of {stride} would not reach every one of {values.Count} values.", nameof(stride));
        }
        return Enumerable.Range(0, values.Count).Select(i => values[(int)((long)i * stride % values.Count)]).ToList();
    }

    private static int GreatestCommonDivisor(int a, int b) => b == 0 ? a : GreatestCommonDivisor(b, a % b);
}
