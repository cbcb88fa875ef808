using Scr.Core.Rules;
using Scr.Core.Rules.Calendar;
using Scr.Core.Services;
using Scr.Core.Services.Calendar;

namespace Scr.Web.Api;

/// <summary>
/// The JSON API: the same operations and the same authorisation as the case pages, through the same core services.
/// Each journey maps its endpoints in its own file (<see cref="CaseEndpoints"/>, <see cref="Stage1Endpoints"/>,
/// <see cref="PeerReviewEndpoints"/>, <see cref="CriteriaEndpoints"/>, <see cref="PanelEndpoints"/>,
/// <see cref="CommunicationEndpoints"/>, <see cref="TimetableEndpoints"/>, <see cref="DocumentEndpoints"/>,
/// <see cref="ReviewTeamEndpoints"/>, <see cref="ReviewerEndpoints"/>, <see cref="TermsOfReferenceEndpoints"/>).
/// </summary>
public static class ApiEndpoints
{
    public const string Policy = "api";
    public const string DocumentName = "v1";

    public static void MapScrApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policy).DisableAntiforgery()
            .AddEndpointFilter<ServiceExceptionEndpointFilter>();
        CaseEndpoints.Map(api);
        Stage1Endpoints.Map(api);
        PeerReviewEndpoints.Map(api);
        CriteriaEndpoints.Map(api);
        PanelEndpoints.Map(api);
        CommunicationEndpoints.Map(api);
        TimetableEndpoints.Map(api);
        DocumentEndpoints.Map(api);
        ReviewTeamEndpoints.Map(api);
        ReviewerEndpoints.Map(api);
        TermsOfReferenceEndpoints.Map(api);
        AgencyReportEndpoints.Map(api);
        PeopleEndpoints.Map(api);
        AnalysisEndpoints.Map(api);
        CodingEndpoints.Map(api);
        ChronologyEndpoints.Map(api);
        GenogramEndpoints.Map(api);
        LearningEndpoints.Map(api);
    }

    /// <summary>
    /// Documents, in the OpenAPI document, the refusals <see cref="ServiceExceptionEndpointFilter"/> makes of any
    /// operation: 400 with the fields at fault, 403, 404 and, for edits that carry a version, 409.
    /// </summary>
    public static RouteHandlerBuilder Refusals(this RouteHandlerBuilder endpoint, bool versioned = false)
    {
        endpoint.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        if (versioned)
        {
            endpoint.Produces<ConflictBody>(StatusCodes.Status409Conflict);
        }
        return endpoint;
    }

    /// <summary>The working days of England and Wales in effect (bank holidays as imported), for deadlines.</summary>
    public static Task<WorkingCalendar> CalendarAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<BankHolidayService>().CalendarAsync(cancellationToken);

    /// <summary>A validation problem from messages about one field (or the request as a whole, field "").</summary>
    public static Dictionary<string, string[]> Problems(string field, params string[] messages) => new() { [field] = messages };

    /// <summary>The core's refusals, grouped by the field each names ("" for the request as a whole).</summary>
    public static Dictionary<string, string[]> Problems(IEnumerable<RuleProblem> problems) =>
        problems.GroupBy(p => p.Field ?? "").ToDictionary(g => g.Key, g => g.Select(p => p.Message).Distinct().ToArray());
}

/// <summary>
/// Turns the core's refusals into HTTP answers in one place: 404 for what the person may not know about, 403 for
/// what they may see but not do, 409 for an edit of a version someone else has changed, and 400 with problem details
/// naming each field at fault for what the rules refuse.
/// </summary>
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
        catch (StaleEditException e)
        {
            return TypedResults.Conflict(new ConflictBody(e.Message));
        }
        catch (RuleViolationException e)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems(e.Problems));
        }
    }
}

/// <summary>The answer to an edit of a version someone else has changed: read the case again and retry.</summary>
public sealed record ConflictBody(string Message);

