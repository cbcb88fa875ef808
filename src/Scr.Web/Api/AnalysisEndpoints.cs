using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Exchange;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services.Exchange;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Api;

/// <summary>The cross-case analysis of the learning record (/api/v1/analysis; decision 0012), as the JSON of shared/analysis-tables.md.</summary>
public static class AnalysisEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/analysis", GetAnalysis).WithName("GetAnalysis").WithTags("Learning record")
            .WithSummary("Every table of the cross-case analysis of the reviews held, for a period of the incident's date, a board (its key) "
                + "or a region (its exchange key, e.g. yorkshire-humber); exactly the JSON of `scr analyse --format json` (National Panel members)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> GetAnalysis(CurrentUser me, ExchangeService exchange,
        DateOnly? from, DateOnly? to, string? board, string? region, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is not null && to is not null && to < from)
        {
            errors["to"] = [DateInputValidation.EndBeforeStart];
        }
        Scr.Core.Models.Region? regionValue = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            if (ExchangeNames.Region.TryParse(region.Trim(), out var parsed))
            {
                regionValue = parsed;
            }
            else
            {
                errors["region"] = [$"The region must be one of {ExchangeNames.Region.Allowed}"];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await exchange.AnalyseAsync(new AnalysisLimits(from, to, string.IsNullOrWhiteSpace(board) ? null : board, regionValue),
            await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.File(AnalysisFormats.Json(result.Tables), "application/json");
    }
}
