using Scr.Core.Rules;

namespace Scr.Core.Models;

/// <summary>The National Panel's answer to a decision (exchange format: decision.panel.response).</summary>
public enum PanelResponse
{
    /// <summary>Received; the Panel has not answered yet.</summary>
    NotConsidered,
    Agreed,

    /// <summary>The Panel asked for more information or challenged the decision.</summary>
    Challenged,
}

/// <summary>How a challenge ended (exchange format: decision.panel.challengeOutcome).</summary>
public enum ChallengeOutcome
{
    AwaitingInformation,
    AcceptedAfterInformation,
    BecameReview,
}

public enum PanelMessageKind
{
    InformationRequested,
    Challenge,
    BoardAnswer,
    Agreement,
    AcceptedAfterInformation,
    Reconsidered,
}

/// <summary>
/// A decision as sent to the National Panel (002 ¶10): the outcome, the rationale and an outline of the case without
/// the child's identity. The Panel sees this and nothing else of the case.
/// </summary>
public class PanelSubmission : IPartOfReview, IVersioned
{
    private readonly List<PanelMessage> _messages = [];

    private PanelSubmission()
    {
        Reference = "";
        Rationale = "";
        Outline = "";
        Recipients = "";
    }

    public PanelSubmission(Guid boardId, string reference, DecisionOutcome outcome, string rationale, string outline, string recipients,
        DateOnly decidedOn, DateTimeOffset sentAt)
    {
        Id = Guid.NewGuid();
        BoardId = boardId;
        Reference = reference;
        Outcome = outcome;
        Rationale = rationale;
        Outline = outline;
        Recipients = recipients;
        DecidedOn = decidedOn;
        SentAt = sentAt;
        Response = PanelResponse.NotConsidered;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public Guid BoardId { get; private set; }
    public Organisation? Board { get; private set; }
    public string Reference { get; private set; }
    public DecisionOutcome Outcome { get; private set; }
    public string Rationale { get; private set; }

    /// <summary>The case as the Panel is told it: incident, dates, children's ages and sex, agencies; never names.</summary>
    public string Outline { get; private set; }

    /// <summary>Who else was sent the decision (DfE, Ofsted), as recorded.</summary>
    public string Recipients { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
    public PanelResponse Response { get; private set; }
    public ChallengeOutcome? ChallengeOutcome { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    public Guid Version { get; set; }
    public IReadOnlyList<PanelMessage> Messages => _messages;

    /// <summary>Whether the board owes the Panel an answer.</summary>
    public bool AwaitingBoard => ChallengeOutcome == Models.ChallengeOutcome.AwaitingInformation
        && _messages.OrderBy(m => m.At).LastOrDefault()?.FromPanel == true;

    public PanelMessage Agree(string? note, Guid by, DateTimeOffset now)
    {
        if (Response != PanelResponse.NotConsidered)
        {
            throw new RuleViolationException("The Panel has already answered this decision.");
        }
        Response = PanelResponse.Agreed;
        RespondedAt = now;
        return Add(new PanelMessage(true, PanelMessageKind.Agreement, string.IsNullOrWhiteSpace(note) ? "The Panel agrees with the decision." : note.Trim(), by, now));
    }

    /// <summary>The Panel asks for more information or challenges; either way the board must answer (002 ¶10, ¶12).</summary>
    public PanelMessage Question(PanelMessageKind kind, string text, Guid by, DateTimeOffset now)
    {
        if (kind is not (PanelMessageKind.InformationRequested or PanelMessageKind.Challenge))
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }
        if (Response == PanelResponse.Agreed || ChallengeOutcome is Models.ChallengeOutcome.AcceptedAfterInformation or Models.ChallengeOutcome.BecameReview)
        {
            throw new RuleViolationException("The Panel has already closed its consideration of this decision.");
        }
        RequireText(text, kind == PanelMessageKind.Challenge ? "Enter the Panel's challenge" : "Enter the information the Panel needs");
        Response = PanelResponse.Challenged;
        ChallengeOutcome = Models.ChallengeOutcome.AwaitingInformation;
        RespondedAt ??= now;
        return Add(new PanelMessage(true, kind, text.Trim(), by, now));
    }

    public PanelMessage AnswerFromBoard(string text, Guid by, DateTimeOffset now)
    {
        if (ChallengeOutcome != Models.ChallengeOutcome.AwaitingInformation)
        {
            throw new RuleViolationException("The Panel has not asked the board anything about this decision.");
        }
        RequireText(text, "Enter the board's answer to the Panel");
        return Add(new PanelMessage(false, PanelMessageKind.BoardAnswer, text.Trim(), by, now));
    }

    public PanelMessage AcceptAfterInformation(string? note, Guid by, DateTimeOffset now)
    {
        if (ChallengeOutcome != Models.ChallengeOutcome.AwaitingInformation)
        {
            throw new RuleViolationException("Only a decision the Panel questioned can be accepted after information.");
        }
        ChallengeOutcome = Models.ChallengeOutcome.AcceptedAfterInformation;
        return Add(new PanelMessage(true, PanelMessageKind.AcceptedAfterInformation,
            string.IsNullOrWhiteSpace(note) ? "The Panel accepts the decision after considering the further information." : note.Trim(), by, now));
    }

    /// <summary>The chair reconsidered a questioned decision not to initiate and initiated a review.</summary>
    public PanelMessage BecameReview(string rationale, Guid by, DateTimeOffset now)
    {
        if (Outcome != DecisionOutcome.DoNotInitiate || Response != PanelResponse.Challenged)
        {
            throw new RuleViolationException("Only a decision not to initiate that the Panel questioned can be reconsidered this way.");
        }
        ChallengeOutcome = Models.ChallengeOutcome.BecameReview;
        return Add(new PanelMessage(false, PanelMessageKind.Reconsidered, rationale, by, now));
    }

    private PanelMessage Add(PanelMessage message)
    {
        _messages.Add(message);
        return message;
    }

    private static void RequireText(string text, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RuleViolationException(message);
        }
    }
}

/// <summary>One exchange between the Panel and the board about a decision.</summary>
public class PanelMessage
{
    private PanelMessage()
    {
        Text = "";
    }

    public PanelMessage(bool fromPanel, PanelMessageKind kind, string text, Guid byId, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        FromPanel = fromPanel;
        Kind = kind;
        Text = text;
        ById = byId;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid SubmissionId { get; private set; }
    public bool FromPanel { get; private set; }
    public PanelMessageKind Kind { get; private set; }
    public string Text { get; private set; }
    public Guid ById { get; private set; }
    public DateTimeOffset At { get; private set; }
}
