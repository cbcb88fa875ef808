using Scr.Core.Models;

namespace Scr.Core.Rules;

/// <summary>Where a decision sent to the National Panel stands, as the Panel's workspace lists it.</summary>
public enum PanelState
{
    NotConsidered,
    Agreed,

    /// <summary>The Panel asked for more information or challenged, and the board has not answered since.</summary>
    AwaitingBoard,

    /// <summary>The Panel asked or challenged and the board has answered: the Panel's turn.</summary>
    BoardAnswered,
    AcceptedAfterInformation,
    BecameReview,
}

/// <summary>The state of a decision at the Panel and the order of its messages, in one place for the pages, the API and the service.</summary>
public static class PanelStates
{
    public static PanelState Of(PanelResponse response, ChallengeOutcome? outcome, bool awaitingBoard) => (response, outcome) switch
    {
        (PanelResponse.Agreed, _) => PanelState.Agreed,
        (_, ChallengeOutcome.BecameReview) => PanelState.BecameReview,
        (_, ChallengeOutcome.AcceptedAfterInformation) => PanelState.AcceptedAfterInformation,
        (PanelResponse.Challenged, _) => awaitingBoard ? PanelState.AwaitingBoard : PanelState.BoardAnswered,
        _ => PanelState.NotConsidered,
    };

    public static PanelState Of(PanelSubmission submission) =>
        Of(submission.Response, submission.ChallengeOutcome, AwaitingBoard(submission));

    /// <summary>
    /// Whether the board owes the Panel an answer: a question is open and the last message is the Panel's (as
    /// <see cref="PanelSubmission.AwaitingBoard"/>, with messages of the same instant in <see cref="Chronological"/> order).
    /// </summary>
    public static bool AwaitingBoard(PanelSubmission submission) =>
        submission.ChallengeOutcome == ChallengeOutcome.AwaitingInformation && Chronological(submission.Messages).LastOrDefault()?.FromPanel == true;

    /// <summary>Whether the Panel may still agree, ask or challenge (the model refuses otherwise).</summary>
    public static bool PanelMayQuestion(PanelSubmission submission) =>
        submission.Response != PanelResponse.Agreed
        && submission.ChallengeOutcome is not (ChallengeOutcome.AcceptedAfterInformation or ChallengeOutcome.BecameReview);

    /// <summary>The Panel accepts a questioned decision once the board has answered.</summary>
    public static bool PanelMayAccept(PanelSubmission submission) =>
        submission.ChallengeOutcome == ChallengeOutcome.AwaitingInformation && !AwaitingBoard(submission);

    /// <summary>The board answers while the Panel's question is open.</summary>
    public static bool BoardMayAnswer(PanelSubmission submission) => submission.ChallengeOutcome == ChallengeOutcome.AwaitingInformation;

    /// <summary>
    /// Messages oldest first; messages written at the same instant (seeded data) read as question, answer, conclusion.
    /// </summary>
    public static IReadOnlyList<PanelMessage> Chronological(IEnumerable<PanelMessage> messages) =>
        messages.OrderBy(m => m.At).ThenBy(m => m.Kind switch
        {
            PanelMessageKind.InformationRequested or PanelMessageKind.Challenge => 0,
            PanelMessageKind.BoardAnswer => 1,
            _ => 2,
        }).ToList();
}
