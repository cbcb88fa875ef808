using Scr.Core.Exchange;
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
    /// The facts of a review in an exchange file: its decision, when the file says the Panel was told of it
    /// (<see cref="ExchangeDecision.SentToPanel"/>), or null. A response not given is one the Panel has not made yet.
    /// </summary>
    public static PanelDecisionFacts? Of(ExchangeReview review) => review.Decision is { SentToPanel: true } decision
        ? new(review.Board, OutcomeOf(decision.Outcome), decision.DecidedOn, decision.Panel?.Response ?? PanelResponse.NotConsidered,
            decision.Panel?.ChallengeOutcome)
        : null;

    /// <summary>The exchange format's outcome as the service's: "not-initiate" is a decision not to initiate.</summary>
    public static DecisionOutcome? OutcomeOf(ExchangeDecisionOutcome outcome) => outcome switch
    {
        ExchangeDecisionOutcome.Initiate => DecisionOutcome.InitiateSeriousCaseReview,
        ExchangeDecisionOutcome.NotInitiate => DecisionOutcome.DoNotInitiate,
        _ => null,
    };

    /// <summary>
    /// A decision to initiate a serious case review. A non-statutory learning review is a decision not to initiate one
    /// (002 ¶18: substituting another type of review is what the Panel questions).
    /// </summary>
    public bool Initiated => IsInitiated(Outcome);

    public bool NotInitiated => IsNotInitiated(Outcome);

    public static bool IsInitiated(DecisionOutcome? outcome) => outcome == DecisionOutcome.InitiateSeriousCaseReview;

    public static bool IsNotInitiated(DecisionOutcome? outcome) => outcome is DecisionOutcome.DoNotInitiate or DecisionOutcome.CommissionLearningReview;
}

/// <summary>
/// Counts the <c>panel-decisions</c> table one decision at a time (see <see cref="PanelFigures.Decisions"/>), so a file of
/// any size is counted in fixed memory. The period is on the decision date.
/// </summary>
public sealed class PanelDecisionCounter(DateOnly? from = null, DateOnly? to = null)
{
    private int _received;
    private int _initiated;
    private int _notInitiated;
    private int _agreed;
    private int _challenged;
    private int _becameReview;
    private int _accepted;
    private int _awaiting;

    public bool Add(PanelDecisionFacts facts) => Add(facts.Outcome, facts.DecidedOn, facts.Response, facts.ChallengeOutcome);

    /// <summary>Counts a decision received by the Panel; false (and not counted) when it is outside the period.</summary>
    public bool Add(DecisionOutcome? outcome, DateOnly? decidedOn, PanelResponse response, ChallengeOutcome? challengeOutcome)
    {
        if (!PanelFigures.InPeriod(decidedOn, from, to))
        {
            return false;
        }
        _received++;
        if (PanelDecisionFacts.IsInitiated(outcome))
        {
            _initiated++;
        }
        else if (PanelDecisionFacts.IsNotInitiated(outcome))
        {
            _notInitiated++;
            if (response == PanelResponse.Agreed)
            {
                _agreed++;
            }
            else if (response == PanelResponse.Challenged)
            {
                _challenged++;
                switch (challengeOutcome)
                {
                    case ChallengeOutcome.BecameReview:
                        _becameReview++;
                        break;
                    case ChallengeOutcome.AcceptedAfterInformation:
                        _accepted++;
                        break;
                    default:
                        // A challenge with no recorded outcome still awaits information.
                        _awaiting++;
                        break;
                }
            }
        }
        return true;
    }

    public AnalysisTable ToTable() => new(PanelFigures.DecisionsTable, _received,
    [
        AnalysisRow.Of(PanelFigures.Initiated, _initiated, _received),
        AnalysisRow.Of(PanelFigures.NotInitiated, _notInitiated, _received),
        AnalysisRow.Of(PanelFigures.Agreed, _agreed, _notInitiated),
        AnalysisRow.Of(PanelFigures.Challenged, _challenged, _notInitiated),
        AnalysisRow.Of(PanelFigures.BecameReview, _becameReview, _challenged),
        AnalysisRow.Of(PanelFigures.AcceptedAfterInformation, _accepted, _challenged),
        AnalysisRow.Of(PanelFigures.AwaitingInformation, _awaiting, _challenged),
    ]);
}

/// <summary>
/// Counts the <c>panel-publication</c> table (002 ¶11, ¶22) one report at a time: reports the Panel received before
/// publication, decisions not to publish and what the Panel made of them, and how many of the completed reviews were
/// published. The period is on the date the Panel was sent the report or the decision (the format has no date of the
/// publication decision itself); a decision with no such date is in no period.
/// </summary>
public sealed class PanelPublicationCounter(DateOnly? from = null, DateOnly? to = null)
{
    private int _received;
    private int _notPublish;
    private int _accepted;
    private int _reconsidering;
    private int _publishedAfterAdvice;

    /// <summary>Counts a report's publication decision; false (and not counted) when it is outside the period.</summary>
    public bool Add(PublicationDecision decision, DateOnly? sentToPanelOn, PublicationPanelResponse? response)
    {
        if (!PanelFigures.InPeriod(sentToPanelOn, from, to))
        {
            return false;
        }
        if (decision == PublicationDecision.Publish && sentToPanelOn is not null)
        {
            _received++;
        }
        else if (decision == PublicationDecision.NotPublish)
        {
            _notPublish++;
            switch (response)
            {
                case PublicationPanelResponse.Accepted:
                    _accepted++;
                    break;
                case PublicationPanelResponse.Reconsidering:
                    _reconsidering++;
                    break;
                case PublicationPanelResponse.PublishedAfterAdvice:
                    _publishedAfterAdvice++;
                    break;
            }
        }
        return true;
    }

    /// <summary>
    /// The table. Its base is the completed reviews the Panel heard of: reports received before publication and decisions
    /// not to publish (002 ¶22: "seven such cases out of 81 completed SCRs received"); the first two rows are percents of
    /// it, the Panel's responses percents of the decisions not to publish, and <c>published</c> (reports received before
    /// publication and those published after the Panel's advice) a percent of the base (002 ¶11: "some 92%"; 75 of 81 is
    /// 92.6, which every table's rounding shows as 93).
    /// </summary>
    public AnalysisTable ToTable()
    {
        var completed = _received + _notPublish;
        return new AnalysisTable(PanelFigures.PublicationTable, completed,
        [
            AnalysisRow.Of(PanelFigures.ReceivedBeforePublication, _received, completed),
            AnalysisRow.Of(PanelFigures.NotPublish, _notPublish, completed),
            AnalysisRow.Of(PanelFigures.PublicationAccepted, _accepted, _notPublish),
            AnalysisRow.Of(PanelFigures.Reconsidering, _reconsidering, _notPublish),
            AnalysisRow.Of(PanelFigures.PublishedAfterAdvice, _publishedAfterAdvice, _notPublish),
            AnalysisRow.Of(PanelFigures.Published, _received + _publishedAfterAdvice, completed),
        ]);
    }
}

/// <summary>
/// The National Panel's figures (seed 002 ¶10, ¶11 and ¶13): the <c>panel-decisions</c>, <c>panel-publication</c> and
/// <c>boards-not-in-touch</c> tables of the analysis, counted in one place for the Panel's workspace, the API and the
/// cross-case analysis (<see cref="CrossCaseAnalysis"/>).
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

    public const string PublicationTable = "panel-publication";
    public const string ReceivedBeforePublication = "received-before-publication";
    public const string NotPublish = "not-publish";
    public const string PublicationAccepted = "accepted";
    public const string Reconsidering = "reconsidering";
    public const string PublishedAfterAdvice = "published-after-advice";
    public const string Published = "published";

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
        var counter = new PanelDecisionCounter(from, to);
        foreach (var fact in facts)
        {
            counter.Add(fact);
        }
        return counter.ToTable();
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
