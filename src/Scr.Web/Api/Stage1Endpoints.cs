using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Models;
using Scr.Core.Services.Decisions;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>
/// Stage 1 between the notification and the chair's decision (seed 000 Stage 1; WT2006 8.10–8.14, 8.21): the chair's
/// acknowledgement, agencies securing records and sending short file reviews, sharing them, the business unit's summary,
/// the sub-group's recommendation against the criteria, asking for a peer review and notifying the National Panel.
/// Each calls <see cref="DecisionService"/>, which holds the rules.
/// </summary>
public static class Stage1Endpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Stage 1");
        cases.MapPost("/acknowledgement", Acknowledge).WithName("AcknowledgeNotification").Refusals()
            .WithSummary("The chair confirms having the notification (stops the 48-hour clock)")
            .WithDescription("The board's chair only. Acknowledging again changes nothing.");
        cases.MapPost("/agencies/{agencyId:guid}/records-secured", SecureRecords).WithName("SecureRecords").Refusals()
            .WithSummary("An agency confirms its records are secured")
            .WithDescription("The agency itself (agency lead or review author), or the board's business unit for it. Once only.");
        cases.MapPost("/agencies/{agencyId:guid}/file-review", SubmitFileReview).WithName("SubmitFileReview").Refusals()
            .WithSummary("An agency sends its short file review")
            .WithDescription("The agency itself, or the business unit for it; once, before the chair decides.");
        cases.MapGet("/agencies/{agencyId:guid}/file-review", GetFileReview).WithName("GetFileReview").Refusals()
            .WithSummary("Read an agency's file review")
            .WithDescription("The board, the agency itself, and every involved agency once the board shares the file reviews; "
                + "anyone else is told it does not exist. The read is written to the audit log.");
        cases.MapPost("/file-reviews/share", ShareFileReviews).WithName("ShareFileReviews").Refusals(versioned: true)
            .WithSummary("Share every file review with every involved agency")
            .WithDescription("The business unit or the sub-group. Until then each agency reads only its own.");
        cases.MapPost("/summary", PrepareSummary).WithName("PrepareSummary").Refusals(versioned: true)
            .WithSummary("The business unit summarises the file reviews for the sub-group, with its recommendation");
        cases.MapPost("/recommendation", Recommend).WithName("RecordRecommendation").Refusals(versioned: true)
            .WithSummary("The sub-group's recommendation to the chair, with its answers to the criteria")
            .WithDescription("Answers are by question id, each yes, no or not-known; every question of the criteria set for the case's "
                + "guidance edition must be answered (wt2006 for Working Together 1999 to 2015, wt2018 for 2018 and 2023). The answer "
                + "names the prompt for the chair, the paragraph it rests on and the warnings, whose titles are stored with the "
                + "recommendation. The sub-group, or the business unit for it.");
        cases.MapGet("/peer-reviewers", PeerReviewers).WithName("ListPeerReviewers").Refusals()
            .WithSummary("Chairs of other boards who may be asked to peer-review the decision (the chair only)");
        cases.MapPost("/peer-reviews", RequestPeerReview).WithName("RequestPeerReview").Refusals()
            .WithSummary("The chair asks the chair of another board to peer-review the consideration")
            .WithDescription("The peer reads a frozen copy of what the chair has now: GET /api/v1/peer-reviews/{id}.");
        cases.MapPost("/panel-notification", NotifyPanel).WithName("NotifyIncidentToPanel").Refusals()
            .WithSummary("Notify the serious incident to the National Panel (current guidance only)")
            .WithDescription("Under Working Together 2018 and 2023 the incident itself is notified within 5 working days; under "
                + "earlier editions only the decision goes to the Panel, and this is refused. The business unit or the chair; once.");
    }

    private static async Task<Ok<CaseDetail>> Acknowledge(Guid id, CurrentUser me, DecisionService decisions, TimeProvider clock, HttpContext http,
        CancellationToken cancellationToken)
    {
        await decisions.AcknowledgeAsync(id, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Ok(await CaseEndpoints.DetailAsync(id, me, decisions, clock, http, cancellationToken));
    }

    private static async Task<Ok<CaseDetail>> SecureRecords(Guid id, Guid agencyId, SecureRecordsRequest? request, CurrentUser me,
        DecisionService decisions, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        await decisions.SecureRecordsAsync(id, agencyId, request?.Note, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Ok(await CaseEndpoints.DetailAsync(id, me, decisions, clock, http, cancellationToken));
    }

    private static async Task<Results<Created<FileReviewDetail>, ValidationProblem>> SubmitFileReview(Guid id, Guid agencyId, FileReviewRequest request,
        CurrentUser me, DecisionService decisions, CancellationToken cancellationToken)
    {
        if (request.Recommendation is not { } recommendation)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("recommendation",
                "Select whether the agency thinks the criteria for a review are met: CriteriaMet, CriteriaNotMet or Unsure"));
        }
        var principal = await me.GetAsync(cancellationToken);
        await decisions.SubmitFileReviewAsync(id, agencyId,
            new FileReviewInput(request.Contacts ?? "", request.KnownConcerns ?? "", recommendation, request.Rationale ?? ""), principal, me.Actor,
            cancellationToken);
        var view = await decisions.GetFileReviewAsync(id, agencyId, principal, me.Actor, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{id}/agencies/{agencyId}/file-review", FileReviewDetail.Of(view.FileReview, view.Agency, view.SubmittedBy, true));
    }

    private static async Task<Ok<FileReviewDetail>> GetFileReview(Guid id, Guid agencyId, CurrentUser me, DecisionService decisions,
        CancellationToken cancellationToken)
    {
        var view = await decisions.GetFileReviewAsync(id, agencyId, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Ok(FileReviewDetail.Of(view.FileReview, view.Agency, view.SubmittedBy, true));
    }

    private static async Task<Results<Ok<CaseDetail>, ValidationProblem, Conflict<ConflictBody>>> ShareFileReviews(Guid id, VersionRequest request,
        CurrentUser me, DecisionService decisions, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return MissingVersion();
        }
        await decisions.ShareFileReviewsAsync(id, version, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Ok(await CaseEndpoints.DetailAsync(id, me, decisions, clock, http, cancellationToken));
    }

    private static async Task<Results<Ok<CaseDetail>, ValidationProblem, Conflict<ConflictBody>>> PrepareSummary(Guid id, SummaryRequest request,
        CurrentUser me, DecisionService decisions, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (request.Recommendation is not { } recommendation)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("recommendation",
                "Select the business unit's recommendation: InitiateSeriousCaseReview, CommissionLearningReview or DoNotInitiate"));
        }
        if (request.Version is not { } version)
        {
            return MissingVersion();
        }
        await decisions.PrepareSummaryAsync(id, request.Summary ?? "", recommendation, version, await me.GetAsync(cancellationToken), me.Actor,
            cancellationToken);
        return TypedResults.Ok(await CaseEndpoints.DetailAsync(id, me, decisions, clock, http, cancellationToken));
    }

    private static async Task<Results<Ok<RecommendationResponse>, ValidationProblem, Conflict<ConflictBody>>> Recommend(Guid id,
        RecommendationRequest request, CurrentUser me, DecisionService decisions, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return MissingVersion();
        }
        var result = await decisions.RecommendAsync(id, new RecommendationForm(request.Answers, request.Recommendation, request.Rationale,
            request.Methodology, request.Scope, request.AlternativeReview), version, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Ok(new RecommendationResponse(result.Recommendation.Id, result.Recommendation.RecordedAt, result.Version,
            EvaluationDetail.Of(result.Evaluation)));
    }

    private static async Task<Ok<IReadOnlyList<PeerReviewerDetail>>> PeerReviewers(Guid id, CurrentUser me, DecisionService decisions,
        CancellationToken cancellationToken)
    {
        var peers = await decisions.PeersAsync(id, await me.GetAsync(cancellationToken), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PeerReviewerDetail>>(peers.Select(p => new PeerReviewerDetail(p.Id, p.Name, p.Board)).ToList());
    }

    private static async Task<Results<Created<PeerReviewRequested>, ValidationProblem>> RequestPeerReview(Guid id, PeerReviewRequest request,
        CurrentUser me, DecisionService decisions, CancellationToken cancellationToken)
    {
        if (request.PeerId is not { } peerId)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("peerId", "Select the chair of another board"));
        }
        var peerReview = await decisions.RequestPeerReviewAsync(id, peerId, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Created($"/api/v1/peer-reviews/{peerReview.Id}", new PeerReviewRequested(peerReview.Id, peerReview.PeerId, peerReview.RequestedAt));
    }

    private static async Task<Ok<CaseDetail>> NotifyPanel(Guid id, CurrentUser me, DecisionService decisions, TimeProvider clock, HttpContext http,
        CancellationToken cancellationToken)
    {
        await decisions.NotifyIncidentToPanelAsync(id, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Ok(await CaseEndpoints.DetailAsync(id, me, decisions, clock, http, cancellationToken));
    }

    private static ValidationProblem MissingVersion() =>
        TypedResults.ValidationProblem(ApiEndpoints.Problems("version", "Send the version of the case you last read (GET /api/v1/cases/{id})"));
}

/// <summary>Where and how the records are held (optional, up to 2,000 characters).</summary>
public sealed record SecureRecordsRequest(string? Note);

/// <summary>An agency's short file review on the standard template (each text up to 8,000 characters).</summary>
public sealed record FileReviewRequest(string? Contacts, string? KnownConcerns, FileReviewRecommendation? Recommendation, string? Rationale);

/// <summary>The version of the case last read, so a change made meanwhile by someone else is not overwritten.</summary>
public sealed record VersionRequest(Guid? Version);

/// <summary>The business unit's summary of the file reviews (up to 8,000 characters) and its recommendation.</summary>
public sealed record SummaryRequest(string? Summary, DecisionOutcome? Recommendation, Guid? Version);

/// <summary>
/// The sub-group's recommendation. Answers map each question id of the case's criteria set (the case's criteriaSet;
/// its questions at GET /api/v1/criteria/{setId}) to yes, no or not-known; every question must be answered.
/// AlternativeReview names the other review proposed, needed when the alternative-review question is answered yes.
/// </summary>
public sealed record RecommendationRequest(IReadOnlyDictionary<string, string?>? Answers, DecisionOutcome? Recommendation, string? Rationale,
    Methodology? Methodology, string? Scope, string? AlternativeReview, Guid? Version);

/// <summary>The recorded recommendation, the case's new version, and what the criteria say of the answers.</summary>
public sealed record RecommendationResponse(Guid Id, DateTimeOffset RecordedAt, Guid Version, EvaluationDetail Evaluation);

public sealed record PeerReviewerDetail(Guid Id, string Name, string Board);

public sealed record PeerReviewRequest(Guid? PeerId);

public sealed record PeerReviewRequested(Guid Id, Guid PeerId, DateTimeOffset RequestedAt);
