using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Calendar;
using Scr.Core.Rules.Criteria;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Decisions;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>Cases: list, read (with the stage 1 record the caller may see), notify and move through the lifecycle.</summary>
public static class CaseEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var cases = api.MapGroup("").WithTags("Cases");
        cases.MapGet("/cases", ListCases).WithName("ListCases").WithSummary("Cases you may see")
            .WithDescription("Newest first, 50 a page. Filter by stage and status (enum names, such as Identification and Open).");
        cases.MapGet("/cases/{id:guid}", GetCase).WithName("GetCase").WithSummary("One case, as much of it as you may see").Refusals()
            .WithDescription("The board and the review team see the whole record; an involved agency sees the outline, its own part "
                + "and, once the board shares them, the other agencies' file reviews. Peer reviews and who was told what are for the "
                + "board's own people. The read, and each file review returned, is written to the audit log.");
        cases.MapPost("/cases", NotifyCase).WithName("NotifyCase").WithSummary("Notify a serious incident to a board").Refusals()
            .WithDescription("Creates the case with its reference, tells the chair at once and asks each agency named to secure its "
                + "records and send a short file review. Guidance defaults to Wt2006.");
        cases.MapPost("/cases/{id:guid}/transitions", MoveCase).WithName("MoveCase")
            .WithSummary("Move a case through its lifecycle (send the version you last read)").Refusals(versioned: true);
    }

    private static async Task<Ok<CaseList>> ListCases(CurrentUser me, ReviewService reviews, ReviewStage? stage, ReviewStatus? status,
        int? page, CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        var (rows, total) = await reviews.ListAsync(principal, new ReviewListFilter(Stage: stage, Status: status, Page: page ?? 1), cancellationToken);
        return TypedResults.Ok(new CaseList(total, page ?? 1, rows.Select(r => new CaseSummary(r.Id, r.Reference, r.BoardName,
            r.Kind, r.Stage, r.Status, r.IncidentType, r.IncidentDate, r.KnownToBoardOn)).ToList()));
    }

    private static async Task<Ok<CaseDetail>> GetCase(Guid id, CurrentUser me, DecisionService decisions, TimeProvider clock, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await DetailAsync(id, me, decisions, clock, http, cancellationToken));

    /// <summary>The case as the caller may see it now (the read is audited).</summary>
    internal static async Task<CaseDetail> DetailAsync(Guid id, CurrentUser me, DecisionService decisions, TimeProvider clock, HttpContext http,
        CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        var record = await decisions.GetRecordAsync(id, principal, me.Actor, cancellationToken);
        return CaseDetail.From(record, await ApiEndpoints.CalendarAsync(http.RequestServices, cancellationToken), clock.GetUtcNow());
    }

    private static async Task<Results<Created<CaseDetail>, ValidationProblem>> NotifyCase(NotifyCaseRequest request, CurrentUser me,
        ReviewService reviews, DecisionService decisions, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        var review = await reviews.NotifyAsync(request.ToOptions(), principal, me.Actor, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{review.Id}", await DetailAsync(review.Id, me, decisions, clock, http, cancellationToken));
    }

    private static async Task<Results<Ok<CaseDetail>, ValidationProblem, Conflict<ConflictBody>>> MoveCase(Guid id, TransitionRequest request,
        CurrentUser me, ReviewService reviews, DecisionService decisions, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        try
        {
            await reviews.MoveAsync(id, request.Action, request.Reason, request.Version, principal, me.Actor, cancellationToken);
        }
        catch (RuleViolationException e)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("action", [.. e.Messages]));
        }
        return TypedResults.Ok(await DetailAsync(id, me, decisions, clock, http, cancellationToken));
    }
}

public sealed record CaseList(int Total, int Page, IReadOnlyList<CaseSummary> Cases);

public sealed record CaseSummary(Guid Id, string Reference, string Board, ReviewKind Kind, ReviewStage Stage, ReviewStatus Status,
    IncidentType IncidentType, DateOnly IncidentDate, DateOnly KnownToBoardOn);

public sealed record ChildDetail(string? Name, int? AgeAtIncidentMonths, Sex Sex, Ethnicity Ethnicity, YesNoNotKnown Disability,
    ChildProtectionPlanStatus ChildProtectionPlan, LegalStatus LegalStatus);

public sealed record StageEventDetail(ReviewStage? From, ReviewStage To, ReviewStatus StatusAfter, string Action, DateTimeOffset At, string? Reason);

/// <summary>When the service sent the notification to the chair, and when and by whom it was acknowledged.</summary>
public sealed record ChairNotificationDetail(DateTimeOffset? NotifiedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

/// <summary>
/// An agency's short file review. Who sent it and when is shown to whoever sees the agency; the content only to those
/// who may read it (the board, the agency itself, and every involved agency once the board shares the file reviews).
/// </summary>
public sealed record FileReviewDetail(Guid AgencyId, string Agency, DateTimeOffset SubmittedAt, string? SubmittedBy, bool ContentIncluded,
    FileReviewRecommendation? Recommendation, string? Contacts, string? KnownConcerns, string? Rationale)
{
    public static FileReviewDetail Of(FileReview review, string agency, string? submittedBy, bool content) => new(review.AgencyId, agency,
        review.SubmittedAt, submittedBy, content, content ? review.Recommendation : null, content ? review.Contacts : null,
        content ? review.KnownConcerns : null, content ? review.Rationale : null);
}

/// <summary>An involved agency's stage 1: asked to secure its records, when it did and who confirmed it, and its file review.</summary>
public sealed record AgencyDetail(Guid AgencyId, string Name, DateTimeOffset RecordsRequestedAt, DateTimeOffset? RecordsSecuredAt,
    string? RecordsSecuredBy, string? RecordsNote, FileReviewDetail? FileReview);

/// <summary>The business unit's summary of the file reviews for the sub-group, with its own recommendation.</summary>
public sealed record BusinessUnitSummaryDetail(string Summary, DecisionOutcome? Recommendation, DateTimeOffset? PreparedAt, string? PreparedBy);

/// <summary>A warning the criteria raise about the answers and the proposal.</summary>
public sealed record WarningDetail(string Key, string Title, string Source, string Explanation)
{
    public static WarningDetail Of(CriteriaWarning warning) => new(warning.Key, warning.Title, warning.Source, warning.Explanation);
}

/// <summary>What the criteria say of the sub-group's answers: the prompt for the chair, the paragraph it rests on, why, and the warnings.</summary>
public sealed record EvaluationDetail(string CriteriaSet, DecisionPrompt Prompt, string PromptText, string? Paragraph, string Explanation,
    IReadOnlyList<WarningDetail> Warnings, IReadOnlyList<string> Unanswered, IReadOnlyList<string> OpenQuestions, int PromptingYesCount,
    int PromptingQuestionCount)
{
    public static EvaluationDetail Of(CriteriaEvaluation e) => new(e.Set.Id, e.Prompt, Labels.Of(e.Prompt), e.Paragraph, e.Explanation,
        e.Warnings.Select(WarningDetail.Of).ToList(), e.Unanswered, e.OpenQuestions, e.PromptingYesCount, e.PromptingQuestionCount);
}

/// <summary>The sub-group's current recommendation to the chair, the warnings shown when it was recorded, and the criteria applied to it.</summary>
public sealed record RecommendationDetail(string CriteriaSet, IReadOnlyDictionary<string, string> Answers, DecisionOutcome Recommendation,
    string Rationale, Methodology? Methodology, string? Scope, string? AlternativeReview, IReadOnlyList<string> Warnings, DateTimeOffset RecordedAt,
    string? RecordedBy, EvaluationDetail? Evaluation)
{
    public static RecommendationDetail Of(SubGroupRecommendation r, string? recordedBy)
    {
        IReadOnlyDictionary<string, string> answers;
        EvaluationDetail? evaluation = null;
        try
        {
            var parsed = CriteriaAnswers.FromJson(r.Answers);
            answers = parsed.ToDictionary(a => a.Key, a => CriteriaAnswers.ValueOf(a.Value));
            if (Scr.Core.Rules.Criteria.CriteriaSet.Find(r.CriteriaSetId) is { } set)
            {
                evaluation = EvaluationDetail.Of(CriteriaRules.Evaluate(set, parsed, r.Recommendation));
            }
        }
        catch (Exception e) when (e is FormatException or RuleViolationException)
        {
            // Answers stored under an older set: show the recommendation without them rather than fail the whole case.
            answers = new Dictionary<string, string>();
        }
        return new RecommendationDetail(r.CriteriaSetId, answers, r.Recommendation, r.Rationale, r.Methodology, r.Scope, r.AlternativeReview,
            r.Warnings.Split('\n', StringSplitOptions.RemoveEmptyEntries), r.RecordedAt, recordedBy, evaluation);
    }
}

/// <summary>A peer review of the chair's consideration by the chair of another board.</summary>
public sealed record PeerReviewSummary(Guid Id, Guid PeerId, string? Peer, DateTimeOffset RequestedAt, string? RequestedBy, bool? Agrees,
    string? Response, DateTimeOffset? RespondedAt);

/// <summary>
/// One message about the case to one recipient: who was told what, how and when, and by whom (SentBy; null and
/// SentByTheService true when the service sent it itself). Agency is the agency's name when an agency was told.
/// </summary>
public sealed record CommunicationDetail(Guid Id, RecipientKind Recipient, string RecipientName, Guid? AgencyId, string? Agency,
    CommunicationMethod Method, string Subject, string? Body, DateTimeOffset SentAt, string? SentBy, bool SentByTheService)
{
    public static CommunicationDetail Of(CaseCommunication c, string? agency, string? sentBy) => new(c.Id, c.Recipient, c.RecipientName, c.AgencyId,
        agency, c.Method, c.Subject, c.Body, c.SentAt, sentBy, c.SentById is null);
}

/// <summary>A stage 1 deadline computed from the case's facts under its guidance edition, with its state now.</summary>
public sealed record DeadlineDetail(string Key, DeadlineKind Kind, string Title, string Basis, string Period, Guid? AgencyId, DateTimeOffset Due,
    DateTimeOffset? DoneAt, DeadlineState State);

/// <summary>
/// A case as the caller may see it. The board and the review team (access Full) see everything below except what is
/// marked "board only"; an involved agency (access AgencySummary) sees the outline, the decision's outcome, its own
/// agency's part and deadlines, and the other agencies' file reviews once the board shares them.
/// </summary>
public sealed record CaseDetail(Guid Id, string Reference, string Board, ReviewKind Kind, ReviewStage Stage, ReviewStatus Status,
    IncidentType IncidentType, DateOnly IncidentDate, DateOnly KnownToBoardOn, ReviewAccess Access, Guid Version,
    string? Summary, IReadOnlyList<ChildDetail> Children, DecisionOutcome? Decision, string? DecisionRationale, DateTimeOffset? DecidedAt,
    IReadOnlyList<StageEventDetail> Timeline, IReadOnlyList<string> AvailableActions,
    GuidanceEdition Guidance,
    [property: Description("The criteria set the recommendation is answered against: GET /api/v1/criteria/{id}.")] string CriteriaSet,
    [property: Description("Other children who may be at risk. Full access only.")] string? OtherChildrenAtRisk,
    [property: Description("Safeguarding action already taken. Full access only.")] string? ImmediateActions,
    [property: Description("Full access only.")] ChairNotificationDetail? Chair,
    IReadOnlyList<AgencyDetail> Agencies,
    DateTimeOffset? FileReviewsSharedAt,
    [property: Description("Full access only.")] BusinessUnitSummaryDetail? BusinessUnitSummary,
    [property: Description("Full access only.")] RecommendationDetail? Recommendation,
    [property: Description("Board only: the board's business unit, chair and sub-group.")] IReadOnlyList<PeerReviewSummary> PeerReviews,
    [property: Description("Board only.")] IReadOnlyList<CommunicationDetail> Communications,
    [property: Description("Full access only.")] DateTimeOffset? IncidentNotifiedToPanelAt,
    [property: Description("Full access only.")] DateTimeOffset? SharedWithPanelAt,
    IReadOnlyList<DeadlineDetail> Deadlines)
{
    public static CaseDetail From(Stage1Record record, WorkingCalendar calendar, DateTimeOffset now)
    {
        var r = record.Review;
        var full = record.IsFull;
        var board = record.IsBoard;
        var agencies = r.Agencies.Where(a => record.MaySeeAgency(a.AgencyId)).OrderBy(a => a.Agency?.Name, StringComparer.Ordinal)
            .Select(a =>
            {
                var name = a.Agency?.Name ?? "";
                var fileReview = r.FileReviewOf(a.AgencyId);
                return new AgencyDetail(a.AgencyId, name, a.RecordsRequestedAt, a.RecordsSecuredAt,
                    a.RecordsSecuredBy?.DisplayName ?? record.NameOf(a.RecordsSecuredById), a.RecordsNote,
                    fileReview is null ? null : FileReviewDetail.Of(fileReview, name, record.NameOf(fileReview.SubmittedById),
                        record.MayReadFileReview(a.AgencyId)));
            }).ToList();
        var deadlines = Scr.Core.Rules.Timescales.Deadlines.For(r, calendar)
            .Where(d => full || (d.AgencyId is { } agency && record.OwnAgencies.Contains(agency)))
            .Select(d => new DeadlineDetail(d.Key, d.Kind, d.Title, d.Rule.Basis, d.Rule.Period.ToString(), d.AgencyId, d.Due, d.DoneAt, d.StateAt(now)))
            .ToList();
        return new CaseDetail(r.Id, r.Reference, r.Board?.Name ?? "", r.Kind, r.Stage, r.Status, r.IncidentType, r.IncidentDate, r.KnownToBoardOn,
            record.Access, r.Version, full ? r.Summary : null,
            full ? r.Children.Select(c => new ChildDetail(c.Name, c.AgeAtIncidentMonths, c.Sex, c.Ethnicity, c.Disability, c.ChildProtectionPlan, c.LegalStatus)).ToList() : [],
            // Agencies are told the decision in writing (seed 000 Stage 1), so they see its outcome; the rationale is the board's.
            r.Decision,
            full ? r.DecisionRationale : null,
            r.DecidedAt,
            full ? r.StageEvents.OrderBy(e => e.At).Select(e => new StageEventDetail(e.From, e.To, e.StatusAfter, e.ActionKey, e.At, e.Reason)).ToList() : [],
            full ? Lifecycle.AvailableFor(r).Where(a => a.MayBeMadeBy(record.View.Actors)).Select(a => a.Key).ToList() : [],
            r.Guidance,
            Scr.Core.Rules.Criteria.CriteriaSet.For(r.Guidance).Id,
            full ? r.OtherChildrenAtRisk : null,
            full ? r.ImmediateActions : null,
            full ? new ChairNotificationDetail(r.ChairNotifiedAt, r.ChairAcknowledgedAt, record.NameOf(r.ChairAcknowledgedById)) : null,
            agencies,
            r.FileReviewsSharedAt,
            full && r.FileReviewSummary is { } summary
                ? new BusinessUnitSummaryDetail(summary, r.BusinessUnitRecommendation, r.SummaryPreparedAt, record.NameOf(r.SummaryPreparedById))
                : null,
            full && r.Recommendation is { } recommendation ? RecommendationDetail.Of(recommendation, record.NameOf(recommendation.RecordedById)) : null,
            board
                ? r.PeerReviews.OrderBy(p => p.RequestedAt).Select(p => new PeerReviewSummary(p.Id, p.PeerId, p.Peer?.DisplayName, p.RequestedAt,
                    record.NameOf(p.RequestedById), p.Agrees, p.Response, p.RespondedAt)).ToList()
                : [],
            board
                ? r.Communications.OrderBy(c => c.SentAt).Select(c => CommunicationDetail.Of(c,
                    r.Agencies.FirstOrDefault(a => a.AgencyId == c.AgencyId)?.Agency?.Name, record.NameOf(c.SentById))).ToList()
                : [],
            full ? r.IncidentNotifiedToPanelAt : null,
            full ? r.SharedWithPanelAt : null,
            deadlines);
    }
}

public sealed record ChildRequest(string Name, int? AgeAtIncidentMonths, Sex Sex = Sex.NotKnown, Ethnicity Ethnicity = Ethnicity.NotKnown,
    YesNoNotKnown Disability = YesNoNotKnown.NotKnown, ChildProtectionPlanStatus ChildProtectionPlan = ChildProtectionPlanStatus.NotKnown,
    LegalStatus LegalStatus = LegalStatus.NotKnown);

/// <summary>
/// A notification. Several children may be named. Guidance is the edition of Working Together the case is run under
/// (default Wt2006); it sets the deadlines and the criteria. ReferringAgencyId is for an agency's own staff referring
/// on its behalf.
/// </summary>
public sealed record NotifyCaseRequest(Guid BoardId, IncidentType IncidentType, DateOnly IncidentDate, DateOnly KnownToBoardOn,
    string? Summary, IReadOnlyList<ChildRequest>? Children, IReadOnlyList<Guid>? AgencyIds, Guid? ReferringAgencyId,
    string? OtherChildrenAtRisk = null, string? ImmediateActions = null, GuidanceEdition? Guidance = null)
{
    public NotifyOptions ToOptions() => new(BoardId, IncidentType, IncidentDate, KnownToBoardOn, Summary ?? "",
        (Children ?? []).Select(c => new NotifyChild(c.Name ?? "", c.AgeAtIncidentMonths, c.Sex, c.Ethnicity, c.Disability, c.ChildProtectionPlan, c.LegalStatus)).ToList(),
        AgencyIds ?? [], ReferringAgencyId, Guidance ?? GuidanceEdition.Wt2006, OtherChildrenAtRisk, ImmediateActions);
}

public sealed record TransitionRequest(string Action, string? Reason, Guid Version);
