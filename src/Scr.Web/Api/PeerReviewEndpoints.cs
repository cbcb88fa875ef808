using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Services.Decisions;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>
/// The peer reviewer's side: the chair of another board reads the frozen copy of what the asking chair had, and
/// answers. Nobody but the peer asked may read or answer a peer review; to anyone else it does not exist.
/// </summary>
public static class PeerReviewEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var peerReviews = api.MapGroup("/peer-reviews").WithTags("Peer reviews");
        peerReviews.MapGet("/{id:guid}", GetPeerReview).WithName("GetPeerReview").Refusals()
            .WithSummary("Read a peer review you were asked for (the peer only; the read is audited)");
        peerReviews.MapPost("/{id:guid}/response", Respond).WithName("RespondToPeerReview").Refusals()
            .WithSummary("Answer a peer review you were asked for: whether you agree, and why")
            .WithDescription("Once only. The asking board's chair is told.");
    }

    private static async Task<Ok<PeerReviewDetail>> GetPeerReview(Guid id, CurrentUser me, DecisionService decisions, CancellationToken cancellationToken) =>
        TypedResults.Ok(PeerReviewDetail.Of(await decisions.GetPeerReviewAsync(id, await me.GetAsync(cancellationToken), me.Actor, cancellationToken)));

    private static async Task<Results<Ok<PeerReviewDetail>, ValidationProblem>> Respond(Guid id, PeerReviewResponseRequest request, CurrentUser me,
        DecisionService decisions, CancellationToken cancellationToken)
    {
        if (request.Agrees is not { } agrees)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("agrees", "Say whether you agree with the chair's consideration"));
        }
        var principal = await me.GetAsync(cancellationToken);
        await decisions.RespondToPeerReviewAsync(id, agrees, request.Response ?? "", principal, me.Actor, cancellationToken);
        return TypedResults.Ok(PeerReviewDetail.Of(await decisions.GetPeerReviewAsync(id, principal, me.Actor, cancellationToken)));
    }
}

/// <summary>Whether the peer agrees with the chair's consideration, and why (up to 8,000 characters).</summary>
public sealed record PeerReviewResponseRequest(bool? Agrees, string? Response);

/// <summary>
/// A peer review as the peer sees it: the asking board and case reference, when it was asked, the frozen copy of what
/// the chair had then (never a child's name), and the answer once given.
/// </summary>
public sealed record PeerReviewDetail(Guid Id, string Board, string Reference, DateTimeOffset RequestedAt, DecisionSnapshot Snapshot, bool? Agrees,
    string? Response, DateTimeOffset? RespondedAt)
{
    public static PeerReviewDetail Of(PeerReviewView view) => new(view.PeerReview.Id, view.Board, view.Reference, view.PeerReview.RequestedAt,
        view.Snapshot, view.PeerReview.Agrees, view.PeerReview.Response, view.PeerReview.RespondedAt);
}
