using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>The JSON API: the same operations and the same authorisation as the case pages.</summary>
public static class ApiEndpoints
{
    public const string Policy = "api";
    public const string DocumentName = "v1";

    public static void MapScrApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policy).DisableAntiforgery()
            .AddEndpointFilter<ServiceExceptionEndpointFilter>()
            .WithTags("Cases");
        api.MapGet("/cases", ListCases).WithName("ListCases").WithSummary("Cases you may see");
        api.MapGet("/cases/{id:guid}", GetCase).WithName("GetCase").WithSummary("One case, as much of it as you may see");
        api.MapPost("/cases", NotifyCase).WithName("NotifyCase").WithSummary("Notify a serious incident to a board");
        api.MapPost("/cases/{id:guid}/transitions", MoveCase).WithName("MoveCase")
            .WithSummary("Move a case through its lifecycle (send the version you last read)");
    }

    private static async Task<Ok<CaseList>> ListCases(CurrentUser me, ReviewService reviews, ReviewStage? stage, ReviewStatus? status,
        int? page, CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        var (rows, total) = await reviews.ListAsync(principal, new ReviewListFilter(Stage: stage, Status: status, Page: page ?? 1), cancellationToken);
        return TypedResults.Ok(new CaseList(total, page ?? 1, rows.Select(r => new CaseSummary(r.Id, r.Reference, r.BoardName,
            r.Kind, r.Stage, r.Status, r.IncidentType, r.IncidentDate, r.KnownToBoardOn)).ToList()));
    }

    private static async Task<Ok<CaseDetail>> GetCase(Guid id, CurrentUser me, ReviewService reviews, CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        var view = await reviews.GetAsync(id, principal, me.Actor, cancellationToken);
        return TypedResults.Ok(CaseDetail.From(view));
    }

    private static async Task<Results<Created<CaseDetail>, ValidationProblem>> NotifyCase(NotifyCaseRequest request, CurrentUser me,
        ReviewService reviews, CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        try
        {
            var review = await reviews.NotifyAsync(request.ToOptions(), principal, me.Actor, cancellationToken);
            var view = await reviews.GetAsync(review.Id, principal, me.Actor, cancellationToken);
            return TypedResults.Created($"/api/v1/cases/{review.Id}", CaseDetail.From(view));
        }
        catch (RuleViolationException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [.. e.Messages] });
        }
    }

    private static async Task<Results<Ok<CaseDetail>, ValidationProblem, Conflict<ConflictBody>>> MoveCase(Guid id, TransitionRequest request,
        CurrentUser me, ReviewService reviews, CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        try
        {
            await reviews.MoveAsync(id, request.Action, request.Reason, request.Version, principal, me.Actor, cancellationToken);
        }
        catch (RuleViolationException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["action"] = [.. e.Messages] });
        }
        catch (StaleEditException e)
        {
            return TypedResults.Conflict(new ConflictBody(e.Message));
        }
        var view = await reviews.GetAsync(id, principal, me.Actor, cancellationToken);
        return TypedResults.Ok(CaseDetail.From(view));
    }
}

/// <summary>Maps the core's refusals to 404 and 403 problem details.</summary>
public sealed class ServiceExceptionEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (NotFoundException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (ForbiddenException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden);
        }
    }
}

public sealed record ConflictBody(string Message);

public sealed record CaseList(int Total, int Page, IReadOnlyList<CaseSummary> Cases);

public sealed record CaseSummary(Guid Id, string Reference, string Board, ReviewKind Kind, ReviewStage Stage, ReviewStatus Status,
    IncidentType IncidentType, DateOnly IncidentDate, DateOnly KnownToBoardOn);

public sealed record ChildDetail(string? Name, int? AgeAtIncidentMonths, Sex Sex, Ethnicity Ethnicity, YesNoNotKnown Disability,
    ChildProtectionPlanStatus ChildProtectionPlan, LegalStatus LegalStatus);

public sealed record StageEventDetail(ReviewStage? From, ReviewStage To, ReviewStatus StatusAfter, string Action, DateTimeOffset At, string? Reason);

/// <summary>A case as the caller may see it: the child's identity and the summary only with full access.</summary>
public sealed record CaseDetail(Guid Id, string Reference, string Board, ReviewKind Kind, ReviewStage Stage, ReviewStatus Status,
    IncidentType IncidentType, DateOnly IncidentDate, DateOnly KnownToBoardOn, ReviewAccess Access, Guid Version,
    string? Summary, IReadOnlyList<ChildDetail> Children, DecisionOutcome? Decision, string? DecisionRationale, DateTimeOffset? DecidedAt,
    IReadOnlyList<StageEventDetail> Timeline, IReadOnlyList<string> AvailableActions)
{
    public static CaseDetail From(ReviewView view)
    {
        var r = view.Review;
        var full = view.Access == ReviewAccess.Full;
        return new CaseDetail(r.Id, r.Reference, r.Board?.Name ?? "", r.Kind, r.Stage, r.Status, r.IncidentType, r.IncidentDate, r.KnownToBoardOn,
            view.Access, r.Version, full ? r.Summary : null,
            full ? r.Children.Select(c => new ChildDetail(c.Name, c.AgeAtIncidentMonths, c.Sex, c.Ethnicity, c.Disability, c.ChildProtectionPlan, c.LegalStatus)).ToList()
                : view.Access == ReviewAccess.AgencySummary ? [] : [],
            full ? r.Decision : null,
            full ? r.DecisionRationale : null,
            full ? r.DecidedAt : null,
            full ? r.StageEvents.OrderBy(e => e.At).Select(e => new StageEventDetail(e.From, e.To, e.StatusAfter, e.ActionKey, e.At, e.Reason)).ToList() : [],
            full ? Lifecycle.AvailableFor(r).Where(a => a.MayBeMadeBy(view.Actors)).Select(a => a.Key).ToList() : []);
    }
}

public sealed record ChildRequest(string Name, int? AgeAtIncidentMonths, Sex Sex = Sex.NotKnown, Ethnicity Ethnicity = Ethnicity.NotKnown,
    YesNoNotKnown Disability = YesNoNotKnown.NotKnown, ChildProtectionPlanStatus ChildProtectionPlan = ChildProtectionPlanStatus.NotKnown,
    LegalStatus LegalStatus = LegalStatus.NotKnown);

public sealed record NotifyCaseRequest(Guid BoardId, IncidentType IncidentType, DateOnly IncidentDate, DateOnly KnownToBoardOn,
    [property: MaxLength(4000)] string? Summary, IReadOnlyList<ChildRequest>? Children, IReadOnlyList<Guid>? AgencyIds, Guid? ReferringAgencyId)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Children is null || Children.Count == 0 || Children.Any(c => string.IsNullOrWhiteSpace(c.Name)))
        {
            errors["children"] = ["Enter the name of each child"];
        }
        if (Children?.Any(c => c.AgeAtIncidentMonths is < 0 or > 216) == true)
        {
            errors["children.ageAtIncidentMonths"] = ["Age at the incident must be between 0 and 216 months"];
        }
        if (KnownToBoardOn < IncidentDate)
        {
            errors["knownToBoardOn"] = ["The date the board knew of the incident must be the same as or after the date of the incident"];
        }
        if ((Summary?.Length ?? 0) > 4000)
        {
            errors["summary"] = ["Summary must be 4,000 characters or fewer"];
        }
        return errors;
    }

    public NotifyOptions ToOptions() => new(BoardId, IncidentType, IncidentDate, KnownToBoardOn, Summary ?? "",
        (Children ?? []).Select(c => new NotifyChild(c.Name, c.AgeAtIncidentMonths, c.Sex, c.Ethnicity, c.Disability, c.ChildProtectionPlan, c.LegalStatus)).ToList(),
        AgencyIds ?? [], ReferringAgencyId);
}

public sealed record TransitionRequest(string Action, string? Reason, Guid Version);
