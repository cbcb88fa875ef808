using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Exchange;
using Scr.Core.Services.Messages;

namespace Scr.Core.Services.Panel;

/// <summary>What the Panel does with a decision it received.</summary>
public enum PanelResponseKind
{
    Agree,
    RequestInformation,
    Challenge,
    AcceptAfterInformation,
}

/// <summary>Which decisions to list: by board, outcome, state at the Panel and a period of decision dates (both ends included).</summary>
public sealed record PanelListFilter(Guid? BoardId = null, DecisionOutcome? Outcome = null, PanelState? State = null, DateOnly? From = null,
    DateOnly? To = null, int Page = 1, int PageSize = 25);

/// <summary>A decision in the Panel's list: what was sent and where it stands, never the case record.</summary>
public sealed record PanelListRow(Guid Id, Guid BoardId, string BoardName, string Reference, DecisionOutcome Outcome, DateOnly DecidedOn,
    DateTimeOffset SentAt, PanelResponse Response, ChallengeOutcome? ChallengeOutcome, bool AwaitingBoard)
{
    public PanelState State => PanelStates.Of(Response, ChallengeOutcome, AwaitingBoard);
}

/// <summary>A board that has sent the Panel nothing in the period.</summary>
public sealed record SilentBoard(Guid Id, string Name, Region? Region);

/// <summary>The Panel's figures (002 ¶10, ¶13) over a period of decision dates.</summary>
public sealed record PanelFiguresView(AnalysisTable Decisions, AnalysisTable BoardsNotInTouch, IReadOnlyList<SilentBoard> BoardsWithNothing,
    DateOnly? From, DateOnly? To);

/// <summary>One decision as the Panel received it, with the exchange about it and the names of who wrote each message.</summary>
public sealed record PanelSubmissionView(PanelSubmission Submission, string BoardName, IReadOnlyDictionary<Guid, string> People)
{
    public PanelState State => PanelStates.Of(Submission);
    public IReadOnlyList<PanelMessage> Messages => PanelStates.Chronological(Submission.Messages);
    public string Person(Guid id) => People.TryGetValue(id, out var name) ? name : "Unknown";
}

/// <summary>What a board sees of its case at the Panel: every decision it sent and the exchange about each.</summary>
public sealed record BoardPanelView(Guid ReviewId, string Reference, Guid BoardId, string BoardName, IReadOnlyList<PanelSubmissionView> Submissions,
    bool MayAnswer, bool IsChair);

/// <summary>
/// The National Panel's side of stage 1 (002 ¶10): the decisions every board sends, the Panel's responses (agree, ask
/// for more information, challenge, accept after information), the board's answers, and the Panel's figures. The Panel
/// reads only what was sent to it, never the case record. Every read of a decision is audited, every change too.
/// </summary>
public sealed class PanelService(ScrDbContext db, AuditLog audit, Messenger messenger, ReviewLearningRecord learningRecord, TimeProvider clock)
{
    public const int MaxTextLength = 8000;

    private static void RequirePanel(Principal principal)
    {
        if (!ReviewAccessRules.MayActForPanel(principal))
        {
            throw new ForbiddenException("Only members of the National Panel can do this.");
        }
    }

    /// <summary>Decisions received from every board, newest first, filtered and paged.</summary>
    public async Task<(IReadOnlyList<PanelListRow> Rows, int Total)> ListAsync(PanelListFilter filter, Principal principal,
        CancellationToken cancellationToken = default)
    {
        RequirePanel(principal);
        var query = db.PanelSubmissions.AsNoTracking();
        if (filter.BoardId is { } boardId)
        {
            query = query.Where(p => p.BoardId == boardId);
        }
        if (filter.Outcome is { } outcome)
        {
            query = query.Where(p => p.Outcome == outcome);
        }
        if (filter.From is { } from)
        {
            query = query.Where(p => p.DecidedOn >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(p => p.DecidedOn <= to);
        }
        // The last message decides whose turn it is; at the same instant the board's answer comes after the Panel's question.
        query = filter.State switch
        {
            PanelState.NotConsidered => query.Where(p => p.Response == PanelResponse.NotConsidered),
            PanelState.Agreed => query.Where(p => p.Response == PanelResponse.Agreed),
            PanelState.AwaitingBoard => query.Where(p => p.ChallengeOutcome == ChallengeOutcome.AwaitingInformation
                && p.Messages.OrderByDescending(m => m.At).ThenBy(m => m.FromPanel).Select(m => m.FromPanel).FirstOrDefault()),
            PanelState.BoardAnswered => query.Where(p => p.ChallengeOutcome == ChallengeOutcome.AwaitingInformation
                && !p.Messages.OrderByDescending(m => m.At).ThenBy(m => m.FromPanel).Select(m => m.FromPanel).FirstOrDefault()),
            PanelState.AcceptedAfterInformation => query.Where(p => p.ChallengeOutcome == ChallengeOutcome.AcceptedAfterInformation),
            PanelState.BecameReview => query.Where(p => p.ChallengeOutcome == ChallengeOutcome.BecameReview),
            _ => query,
        };
        var total = await query.CountAsync(cancellationToken);
        var pageSize = Math.Max(1, filter.PageSize);
        var rows = await query
            .OrderByDescending(p => p.SentAt).ThenBy(p => p.Reference)
            .Skip((Math.Max(filter.Page, 1) - 1) * pageSize).Take(pageSize)
            .Select(p => new PanelListRow(p.Id, p.BoardId, p.Board!.Name, p.Reference, p.Outcome, p.DecidedOn, p.SentAt, p.Response, p.ChallengeOutcome,
                p.ChallengeOutcome == ChallengeOutcome.AwaitingInformation
                && p.Messages.OrderByDescending(m => m.At).ThenBy(m => m.FromPanel).Select(m => m.FromPanel).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>Every board, for the Panel's filter.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> BoardsAsync(Principal principal, CancellationToken cancellationToken = default)
    {
        RequirePanel(principal);
        var boards = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Board).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return boards.Select(b => (b.Id, b.Name)).ToList();
    }

    /// <summary>One decision as it was sent, with its messages; the read is audited. Anyone but the Panel finds nothing.</summary>
    public async Task<PanelSubmissionView> GetAsync(Guid id, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!ReviewAccessRules.MayActForPanel(principal))
        {
            throw new NotFoundException("The decision");
        }
        var submission = await db.PanelSubmissions.AsNoTracking().Include(p => p.Board).Include(p => p.Messages)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("The decision");
        await audit.RecordNowAsync(actor, AuditActions.PanelSubmissionRead, submission.BoardId, "panel-submission", id.ToString(), "by=panel",
            cancellationToken);
        return await ViewAsync(submission, null, cancellationToken);
    }

    public Task<PanelSubmission> AgreeAsync(Guid id, string? note, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default) =>
        RespondAsync(id, PanelResponseKind.Agree, note, expectedVersion, principal, actor, cancellationToken);

    public Task<PanelSubmission> RequestInformationAsync(Guid id, string text, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default) =>
        RespondAsync(id, PanelResponseKind.RequestInformation, text, expectedVersion, principal, actor, cancellationToken);

    public Task<PanelSubmission> ChallengeAsync(Guid id, string text, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default) =>
        RespondAsync(id, PanelResponseKind.Challenge, text, expectedVersion, principal, actor, cancellationToken);

    public Task<PanelSubmission> AcceptAfterInformationAsync(Guid id, string? note, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default) =>
        RespondAsync(id, PanelResponseKind.AcceptAfterInformation, note, expectedVersion, principal, actor, cancellationToken);

    /// <summary>
    /// The Panel agrees, asks for more information, challenges, or accepts a questioned decision once the board has
    /// answered. Refuses a stale version; tells the board's business unit and chair.
    /// </summary>
    public async Task<PanelSubmission> RespondAsync(Guid id, PanelResponseKind kind, string? text, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        RequirePanel(principal);
        var submission = await LoadTrackedAsync(id, cancellationToken) ?? throw new NotFoundException("The decision");
        CheckLength(text);
        ExpectVersion(submission, expectedVersion);
        var now = clock.GetUtcNow();
        switch (kind)
        {
            case PanelResponseKind.Agree:
                submission.Agree(text, principal.UserId, now);
                break;
            case PanelResponseKind.RequestInformation:
                submission.Question(PanelMessageKind.InformationRequested, text ?? "", principal.UserId, now);
                break;
            case PanelResponseKind.Challenge:
                submission.Question(PanelMessageKind.Challenge, text ?? "", principal.UserId, now);
                break;
            case PanelResponseKind.AcceptAfterInformation:
                if (PanelStates.AwaitingBoard(submission))
                {
                    throw new RuleViolationException("The board has not answered the Panel yet: accept the decision once it has.");
                }
                submission.AcceptAfterInformation(text, principal.UserId, now);
                break;
            default:
                throw new RuleViolationException("Select how the Panel responds.");
        }
        audit.Record(actor, AuditActions.PanelResponded, submission.BoardId, "panel-submission", submission.Id.ToString(),
            $"review={submission.ReviewId}; response={kind}");
        // The Panel's answer is part of the case's learning record.
        await learningRecord.RecordAsync(submission.ReviewId, actor, cancellationToken);
        var (title, body) = kind switch
        {
            PanelResponseKind.Agree => ($"The National Panel agrees with the decision on case {submission.Reference}",
                "The National Panel has considered the decision and agrees with it."),
            PanelResponseKind.AcceptAfterInformation => ($"The National Panel accepts the decision on case {submission.Reference}",
                "The National Panel has considered the further information and accepts the decision."),
            PanelResponseKind.Challenge => ($"The National Panel challenges the decision on case {submission.Reference}",
                "The National Panel has challenged the decision. Read the challenge and answer it in the service."),
            _ => ($"The National Panel asks about the decision on case {submission.Reference}",
                "The National Panel needs more information about the decision. Read its question and answer it in the service."),
        };
        messenger.Tell(await messenger.HoldersAsync(submission.BoardId, [Role.BusinessUnitOfficer, Role.BoardChair], cancellationToken),
            submission.ReviewId, title, body, $"/cases/{submission.ReviewId}/panel");
        await SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return submission;
    }

    /// <summary>What the board sent the Panel about its case and the Panel's responses; for the board's business unit and chair.</summary>
    public async Task<BoardPanelView> ForBoardAsync(Guid reviewId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var (boardId, reference, boardName) = await RequireBoardAsync(reviewId, principal, cancellationToken);
        var submissions = await db.PanelSubmissions.AsNoTracking().Include(p => p.Messages).Where(p => p.ReviewId == reviewId)
            .AsSplitQuery().ToListAsync(cancellationToken);
        await audit.RecordNowAsync(actor, AuditActions.PanelSubmissionRead, boardId, "review", reviewId.ToString(), "by=board", cancellationToken);
        var views = new List<PanelSubmissionView>();
        foreach (var submission in submissions.OrderBy(s => s.SentAt))
        {
            views.Add(await ViewAsync(submission, boardName, cancellationToken));
        }
        return new BoardPanelView(reviewId, reference, boardId, boardName, views,
            ReviewAccessRules.MayCorrespondWithPanel(principal, boardId), principal.HoldsOnBoard(boardId, Role.BoardChair));
    }

    /// <summary>The board's business unit or chair answers the Panel's question; the Panel's members are told.</summary>
    public async Task<PanelMessage> AnswerPanelAsync(Guid reviewId, Guid submissionId, string text, Guid expectedVersion, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var (boardId, reference, boardName) = await RequireBoardAsync(reviewId, principal, cancellationToken);
        var submission = await LoadTrackedAsync(submissionId, cancellationToken);
        if (submission is null || submission.ReviewId != reviewId)
        {
            throw new NotFoundException("The decision");
        }
        CheckLength(text);
        ExpectVersion(submission, expectedVersion);
        var message = submission.AnswerFromBoard(text, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.PanelAnswered, boardId, "panel-submission", submission.Id.ToString(), $"review={reviewId}");
        messenger.Tell(await messenger.PanelAsync(cancellationToken), null, $"{boardName} has answered the Panel about case {reference}",
            "The board has answered the Panel's question about its decision.", $"/panel/decisions/{submission.Id}");
        await SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return message;
    }

    /// <summary>
    /// The Panel's figures over a period of decision dates, from the records: the first decision of each review sent to
    /// the Panel counted by <see cref="PanelFigures.Decisions"/>; every board, and whether it has sent anything in the
    /// period, counted by <see cref="PanelFigures.BoardsNotInTouch{TBoard}"/>.
    /// </summary>
    public async Task<PanelFiguresView> FiguresAsync(DateOnly? from, DateOnly? to, Principal principal, CancellationToken cancellationToken = default)
    {
        RequirePanel(principal);
        var sent = await db.PanelSubmissions.AsNoTracking()
            .Select(p => new { p.ReviewId, p.BoardId, p.Outcome, p.DecidedOn, p.SentAt, p.Response, p.ChallengeOutcome })
            .ToListAsync(cancellationToken);
        // Review.FirstPanelSubmission: the earliest sent. A reconsidered decision is always older than the one it led to.
        var facts = sent.GroupBy(p => p.ReviewId)
            .Select(g => g.OrderBy(p => p.SentAt).ThenBy(p => p.ChallengeOutcome == ChallengeOutcome.BecameReview ? 0 : 1).First())
            .Select(p => new PanelDecisionFacts(p.BoardId.ToString(), p.Outcome, p.DecidedOn, p.Response, p.ChallengeOutcome));
        var boards = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Board).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Region }).ToListAsync(cancellationToken);
        var perBoard = sent.Where(p => PanelFigures.InPeriod(p.DecidedOn, from, to)).GroupBy(p => p.BoardId).ToDictionary(g => g.Key, g => g.Count());
        var boardIds = boards.Select(b => b.Id).ToList();
        var silent = PanelFigures.BoardsWithNothing(boardIds, perBoard).ToHashSet();
        return new PanelFiguresView(PanelFigures.Decisions(facts, from, to), PanelFigures.BoardsNotInTouch(boardIds, perBoard),
            boards.Where(b => silent.Contains(b.Id)).Select(b => new SilentBoard(b.Id, b.Name, b.Region)).ToList(), from, to);
    }

    private async Task<PanelSubmissionView> ViewAsync(PanelSubmission submission, string? boardName, CancellationToken cancellationToken)
    {
        var ids = submission.Messages.Select(m => m.ById).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new PanelSubmissionView(submission, boardName ?? submission.Board?.Name ?? "", people);
    }

    /// <summary>
    /// The case's board, for its business unit and chair. A case the person cannot see is not found; one they see but do
    /// not correspond about is forbidden.
    /// </summary>
    private async Task<(Guid BoardId, string Reference, string BoardName)> RequireBoardAsync(Guid reviewId, Principal principal,
        CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId)
            .Select(r => new
            {
                r.BoardId,
                r.Reference,
                BoardName = r.Board!.Name,
                Team = r.Team.Select(t => t.UserId).ToList(),
                Agencies = r.Agencies.Select(a => a.AgencyId).ToList(),
                r.ReferringAgencyId,
            })
            .AsSplitQuery().FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The case");
        var access = ReviewAccessRules.For(principal, new ReviewAccessFacts(review.BoardId, review.Team, review.Agencies, review.ReferringAgencyId));
        if (access == ReviewAccess.None)
        {
            throw new NotFoundException("The case");
        }
        if (!ReviewAccessRules.MayCorrespondWithPanel(principal, review.BoardId))
        {
            throw new ForbiddenException("Only the board's business unit and chair correspond with the National Panel.");
        }
        return (review.BoardId, review.Reference, review.BoardName);
    }

    private Task<PanelSubmission?> LoadTrackedAsync(Guid id, CancellationToken cancellationToken) =>
        db.PanelSubmissions.Include(p => p.Messages).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    private static void CheckLength(string? text)
    {
        if ((text?.Length ?? 0) > MaxTextLength)
        {
            throw new RuleViolationException("The message must be 8,000 characters or fewer.");
        }
    }

    /// <summary>
    /// Refuses an edit made on an older version, and makes this change give the decision a new version even when only a
    /// message is added, so the other side's stale edit is refused in turn.
    /// </summary>
    private void ExpectVersion(PanelSubmission submission, Guid expectedVersion)
    {
        if (submission.Version != expectedVersion)
        {
            throw new StaleEditException();
        }
        var version = db.Entry(submission).Property(p => p.Version);
        version.OriginalValue = expectedVersion;
        version.IsModified = true;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleEditException();
        }
    }
}
