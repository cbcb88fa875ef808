using Scr.Core.Models;

namespace Scr.Core.Rules.Analysis;

/// <summary>
/// The facts of one review that the National Panel's figures count: its FIRST decision sent to the Panel and what
/// became of it (seed 002 ¶10; exchange format: decision.outcome, decision.decidedOn, decision.panel). A decision not to
/// initiate that the chair reconsidered after a challenge is one not-initiated decision that became a review, not a
/// second decision to initiate. Plain values, so the same counting serves the database and an exchange file.
/// </summary>
/// <param name="Board">The board's key (a board id of the exchange format, or an organisation id as text).</param>
/// <param name="Outcome">The decision; null when not known.</param>
/// <param name="DecidedOn">The date of the decision; null when not known.</param>
/// <param name="Response">The Panel's response.</param>
/// <param name="ChallengeOutcome">How a challenge ended; null when the Panel did not challenge or the outcome is not known.</param>
public sealed record PanelDecisionFacts(string Board, DecisionOutcome? Outcome, DateOnly? DecidedOn, PanelResponse Response,
    ChallengeOutcome? ChallengeOutcome)
{
    /// <summary>The facts of a submission as the Panel received it.</summary>
    public static PanelDecisionFacts Of(PanelSubmission submission) => new(submission.BoardId.ToString(), submission.Outcome,
        submission.DecidedOn, submission.Response, submission.ChallengeOutcome);

    /// <summary>The facts of a review: its first decision sent to the Panel, or null when it has sent none.</summary>
    public static PanelDecisionFacts? Of(Review review) => review.FirstPanelSubmission is { } first ? Of(first) : null;

    /// <summary>
    /// A decision to initiate a serious case review. A non-statutory learning review is a decision not to initiate one
    /// (002 ¶18: substituting another type of review is what the Panel questions).
    /// </summary>
    public bool Initiated => Outcome == DecisionOutcome.InitiateSeriousCaseReview;

    public bool NotInitiated => Outcome is DecisionOutcome.DoNotInitiate or DecisionOutcome.CommissionLearningReview;
}

/// <summary>
/// The National Panel's figures (seed 002 ¶10 and ¶13): the <c>panel-decisions</c> and <c>boards-not-in-touch</c> tables of
/// the analysis, counted in one place for the Panel's workspace, the API and the cross-case analysis.
/// </summary>
public static class PanelFigures
{
    public const string DecisionsTable = "panel-decisions";
    public const string BoardsNotInTouchTable = "boards-not-in-touch";

    public const string Initiated = "initiated";
    public const string NotInitiated = "not-initiated";
    public const string Agreed = "agreed";
    public const string Challenged = "challenged";
    public const string BecameReview = "became-review";
    public const string AcceptedAfterInformation = "accepted-after-information";
    public const string AwaitingInformation = "awaiting-information";
    public const string NotInTouch = "not-in-touch";
    public const string InTouch = "in-touch";

    /// <summary>Whether a date falls in the period (both ends included; an open end is no limit). A missing date is in no period.</summary>
    public static bool InPeriod(DateOnly? date, DateOnly? from, DateOnly? to) =>
        (from is null && to is null) || (date is { } d && (from is null || d >= from) && (to is null || d <= to));

    /// <summary>
    /// The <c>panel-decisions</c> table: decisions to initiate and not to initiate; of those not to initiate, how many the
    /// Panel agreed and how many it challenged (percent of not-initiated); of those challenged, how many became a review,
    /// were accepted after further information, or still await information (percent of challenged). The table's base is
    /// every decision received in the period, and the percent of <c>initiated</c> and <c>not-initiated</c> is of it. A
    /// challenge with no recorded outcome still awaits information. The period is on the decision date.
    /// </summary>
    public static AnalysisTable Decisions(IEnumerable<PanelDecisionFacts> facts, DateOnly? from = null, DateOnly? to = null)
    {
        var received = facts.Where(f => InPeriod(f.DecidedOn, from, to)).ToList();
        var initiated = received.Count(f => f.Initiated);
        var notInitiated = received.Where(f => f.NotInitiated).ToList();
        var agreed = notInitiated.Count(f => f.Response == PanelResponse.Agreed);
        var challenged = notInitiated.Where(f => f.Response == PanelResponse.Challenged).ToList();
        var becameReview = challenged.Count(f => f.ChallengeOutcome == ChallengeOutcome.BecameReview);
        var accepted = challenged.Count(f => f.ChallengeOutcome == ChallengeOutcome.AcceptedAfterInformation);
        var awaiting = challenged.Count(f => f.ChallengeOutcome is null or ChallengeOutcome.AwaitingInformation);
        return new AnalysisTable(DecisionsTable, received.Count,
        [
            AnalysisRow.Of(Initiated, initiated, received.Count),
            AnalysisRow.Of(NotInitiated, notInitiated.Count, received.Count),
            AnalysisRow.Of(Agreed, agreed, notInitiated.Count),
            AnalysisRow.Of(Challenged, challenged.Count, notInitiated.Count),
            AnalysisRow.Of(BecameReview, becameReview, challenged.Count),
            AnalysisRow.Of(AcceptedAfterInformation, accepted, challenged.Count),
            AnalysisRow.Of(AwaitingInformation, awaiting, challenged.Count),
        ]);
    }

    /// <summary>
    /// The <c>boards-not-in-touch</c> table: of every board, those with no record at all in the period, and the others.
    /// Records of a board that is not in <paramref name="boards"/> do not count.
    /// </summary>
    /// <param name="boards">Every board (the base).</param>
    /// <param name="recordsPerBoard">How many records each board has in the period; a board missing here has none.</param>
    public static AnalysisTable BoardsNotInTouch<TBoard>(IEnumerable<TBoard> boards, IReadOnlyDictionary<TBoard, int> recordsPerBoard)
        where TBoard : notnull
    {
        var all = boards.Distinct().ToList();
        var inTouch = all.Count(b => recordsPerBoard.GetValueOrDefault(b) > 0);
        return AnalysisTable.Of(BoardsNotInTouchTable, all.Count, (NotInTouch, all.Count - inTouch), (InTouch, inTouch));
    }

    /// <summary>The boards with no record in the period, in the order given.</summary>
    public static IReadOnlyList<TBoard> BoardsWithNothing<TBoard>(IEnumerable<TBoard> boards, IReadOnlyDictionary<TBoard, int> recordsPerBoard)
        where TBoard : notnull =>
        boards.Distinct().Where(b => recordsPerBoard.GetValueOrDefault(b) == 0).ToList();
}
