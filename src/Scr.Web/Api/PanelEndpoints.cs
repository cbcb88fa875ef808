using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services;
using Scr.Core.Services.Panel;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Api;

/// <summary>
/// The National Panel's side (/api/v1/panel: the decisions every board sent, the Panel's figures and responses) and a
/// board's view of what it sent the Panel about a case, with its answers to the Panel's questions.
/// </summary>
public static class PanelEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/cases/{id:guid}/panel", GetCasePanel).WithName("GetCasePanel").WithTags("National Panel")
            .WithSummary("What the board sent the National Panel about a case, the Panel's responses and messages (the board's business unit and chair)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/cases/{id:guid}/panel/{submissionId:guid}/answers", AnswerPanel).WithName("AnswerPanel").WithTags("National Panel")
            .WithSummary("Answer the National Panel's question about a decision (the board's business unit and chair; send the version you last read)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        var panel = api.MapGroup("/panel").WithTags("National Panel");
        panel.MapGet("/decisions", ListPanelDecisions).WithName("ListPanelDecisions")
            .WithSummary("Decisions received from every board, newest first, with the Panel's figures (National Panel members)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        panel.MapGet("/decisions/{id:guid}", GetPanelDecision).WithName("GetPanelDecision")
            .WithSummary("One decision exactly as the board sent it, with the messages about it (National Panel members)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        panel.MapPost("/decisions/{id:guid}/responses", RespondToDecision).WithName("RespondToDecision")
            .WithSummary("The Panel agrees, asks for more information, challenges, or accepts after information (send the version you last read)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<PanelDecisionList>, ValidationProblem>> ListPanelDecisions(CurrentUser me, PanelService panel, Guid? board,
        DecisionOutcome? outcome, PanelState? state, DateOnly? from, DateOnly? to, int? page, CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        if (from is not null && to is not null && to < from)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("to", DateInputValidation.EndBeforeStart));
        }
        var figures = await panel.FiguresAsync(from, to, principal, cancellationToken);
        var (rows, total) = await panel.ListAsync(new PanelListFilter(board, outcome, state, from, to, page ?? 1), principal, cancellationToken);
        return TypedResults.Ok(new PanelDecisionList(PanelFiguresBody.Of(figures), total, page ?? 1,
            rows.Select(r => new PanelDecisionSummary(r.Id, r.BoardId, r.BoardName, r.Reference, r.Outcome, r.DecidedOn, r.SentAt, r.Response,
                r.ChallengeOutcome, r.State, r.AwaitingBoard)).ToList()));
    }

    private static async Task<Ok<PanelDecisionDetail>> GetPanelDecision(Guid id, CurrentUser me, PanelService panel, CancellationToken cancellationToken)
    {
        var view = await panel.GetAsync(id, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Ok(PanelDecisionDetail.From(view, forPanel: true));
    }

    private static async Task<Results<Ok<PanelDecisionDetail>, ValidationProblem, Conflict<ConflictBody>>> RespondToDecision(Guid id,
        PanelResponseRequest request, CurrentUser me, PanelService panel, CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        if (PanelResponseRequest.KindOf(request.Kind) is not { } kind)
        {
            if (!ReviewAccessRules.MayActForPanel(principal))
            {
                throw new ForbiddenException("Only members of the National Panel can do this.");
            }
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["kind"] = ["Select how the Panel responds: agree, request-information, challenge or accept-after-information"],
            });
        }
        try
        {
            await panel.RespondAsync(id, kind, request.Text, request.Version, principal, me.Actor, cancellationToken);
        }
        catch (RuleViolationException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [.. e.Messages] });
        }
        catch (StaleEditException e)
        {
            return TypedResults.Conflict(new ConflictBody(e.Message));
        }
        var view = await panel.GetAsync(id, principal, me.Actor, cancellationToken);
        return TypedResults.Ok(PanelDecisionDetail.From(view, forPanel: true));
    }

    private static async Task<Ok<CasePanel>> GetCasePanel(Guid id, CurrentUser me, PanelService panel, CancellationToken cancellationToken)
    {
        var view = await panel.ForBoardAsync(id, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Ok(CasePanel.From(view));
    }

    private static async Task<Results<Ok<CasePanel>, ValidationProblem, Conflict<ConflictBody>>> AnswerPanel(Guid id, Guid submissionId,
        PanelAnswerRequest request, CurrentUser me, PanelService panel, CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        try
        {
            await panel.AnswerPanelAsync(id, submissionId, request.Text ?? "", request.Version, principal, me.Actor, cancellationToken);
        }
        catch (RuleViolationException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [.. e.Messages] });
        }
        catch (StaleEditException e)
        {
            return TypedResults.Conflict(new ConflictBody(e.Message));
        }
        return TypedResults.Ok(CasePanel.From(await panel.ForBoardAsync(id, principal, me.Actor, cancellationToken)));
    }
}

/// <summary>An analysis table as the analysis JSON writes it: its base and its rows (key, count, percent).</summary>
public sealed record AnalysisTableBody(int Base, IReadOnlyList<AnalysisRow> Rows);

public sealed record SilentBoardBody(Guid Id, string Name);

/// <summary>The Panel's figures: the <c>panel-decisions</c> and <c>boards-not-in-touch</c> tables, and the boards that sent nothing.</summary>
public sealed record PanelFiguresBody(DateOnly? From, DateOnly? To, IReadOnlyDictionary<string, AnalysisTableBody> Tables,
    IReadOnlyList<SilentBoardBody> BoardsWithNothing)
{
    public static PanelFiguresBody Of(PanelFiguresView figures) => new(figures.From, figures.To,
        new[] { figures.Decisions, figures.BoardsNotInTouch }.ToDictionary(t => t.Id, t => new AnalysisTableBody(t.Base, t.Rows)),
        figures.BoardsWithNothing.Select(b => new SilentBoardBody(b.Id, b.Name)).ToList());
}

public sealed record PanelDecisionList(PanelFiguresBody Figures, int Total, int Page, IReadOnlyList<PanelDecisionSummary> Decisions);

public sealed record PanelDecisionSummary(Guid Id, Guid BoardId, string Board, string Reference, DecisionOutcome Outcome, DateOnly DecidedOn,
    DateTimeOffset ReceivedAt, PanelResponse Response, ChallengeOutcome? ChallengeOutcome, PanelState State, bool AwaitingBoard);

public sealed record PanelMessageDetail(bool FromPanel, PanelMessageKind Kind, string Text, string By, DateTimeOffset At);

/// <summary>A decision exactly as the board sent it to the Panel (never the child's name), and the messages about it.</summary>
public sealed record PanelDecisionDetail(Guid Id, string Board, string Reference, DecisionOutcome Outcome, string Rationale, string Outline,
    string Recipients, DateOnly DecidedOn, DateTimeOffset ReceivedAt, PanelResponse Response, ChallengeOutcome? ChallengeOutcome, PanelState State,
    bool AwaitingBoard, Guid Version, IReadOnlyList<PanelMessageDetail> Messages, IReadOnlyList<string> AvailableResponses)
{
    public static PanelDecisionDetail From(PanelSubmissionView view, bool forPanel)
    {
        var s = view.Submission;
        var available = new List<string>();
        if (forPanel)
        {
            if (s.Response == PanelResponse.NotConsidered)
            {
                available.Add(PanelResponseRequest.Agree);
            }
            if (PanelStates.PanelMayQuestion(s))
            {
                available.AddRange([PanelResponseRequest.RequestInformation, PanelResponseRequest.Challenge]);
            }
            if (PanelStates.PanelMayAccept(s))
            {
                available.Add(PanelResponseRequest.AcceptAfterInformation);
            }
        }
        else if (PanelStates.BoardMayAnswer(s))
        {
            available.Add("answer");
        }
        return new PanelDecisionDetail(s.Id, view.BoardName, s.Reference, s.Outcome, s.Rationale, s.Outline, s.Recipients, s.DecidedOn, s.SentAt,
            s.Response, s.ChallengeOutcome, view.State, PanelStates.AwaitingBoard(s), s.Version,
            view.Messages.Select(m => new PanelMessageDetail(m.FromPanel, m.Kind, m.Text, view.Person(m.ById), m.At)).ToList(), available);
    }
}

/// <summary>What a board sent the Panel about one case: each decision (a reconsidered one and the new decision) with its messages.</summary>
public sealed record CasePanel(Guid CaseId, string Reference, string Board, IReadOnlyList<PanelDecisionDetail> Decisions)
{
    public static CasePanel From(BoardPanelView view) => new(view.ReviewId, view.Reference, view.BoardName,
        view.Submissions.Select(s => PanelDecisionDetail.From(s, forPanel: false)).ToList());
}

/// <summary>The Panel's response: kind is agree, request-information, challenge or accept-after-information.</summary>
public sealed record PanelResponseRequest(string? Kind, [property: MaxLength(8000)] string? Text, Guid Version)
{
    public const string Agree = "agree";
    public const string RequestInformation = "request-information";
    public const string Challenge = "challenge";
    public const string AcceptAfterInformation = "accept-after-information";

    public static PanelResponseKind? KindOf(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        Agree => PanelResponseKind.Agree,
        RequestInformation => PanelResponseKind.RequestInformation,
        Challenge => PanelResponseKind.Challenge,
        AcceptAfterInformation => PanelResponseKind.AcceptAfterInformation,
        _ => null,
    };
}

/// <summary>The board's answer to the Panel.</summary>
public sealed record PanelAnswerRequest([property: MaxLength(8000)] string? Text, Guid Version);
