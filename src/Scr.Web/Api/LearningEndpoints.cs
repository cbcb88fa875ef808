using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Exchange;
using Scr.Core.Services.Exchange;
using Scr.Core.Services.Learning;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Api;

/// <summary>
/// The learning repository and the learning record's exchange files, as the pages under /learning and /analysis do them
/// (decisions 0012 and 0017): anyone, signed in or not, searches and reads the published reports; the Panel imports
/// exchange files; the Panel and a board's business unit export them.
/// </summary>
public static class LearningEndpoints
{
    public sealed record ImportBody(int Reviews, int Added, int Replaced, int Unchanged);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/learning/reports", SearchAsync).WithName("SearchPublishedReports").WithTags("Learning repository").AllowAnonymous()
            .WithSummary("Searches the published reports' text, ranked by relevance, 20 a page, with highlighted snippets and the counts of each "
                + "facet's values among the matches; narrow with the facets as query parameters (region, year, harm, theme, age, guidance, "
                + "kind; each repeatable). No sign-in needed.")
            .Produces<ReportSearchResult>();
        api.MapGet("/learning/reports/{id:int}", ReadAsync).WithName("GetPublishedReport").WithTags("Learning repository").AllowAnonymous()
            .WithSummary("A published report's text and facts; its recommendations and action plan for those who may read the review's record. "
                + "No sign-in needed.")
            .Produces<PublishedReportView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/learning-record/import", ImportAsync).WithName("ImportExchangeFile").WithTags("Learning record")
            .WithSummary("Imports an exchange file (scr-exchange/1, the request body) all or nothing: a file with problems is refused with each "
                + "problem under its JSON path and nothing is stored; the same file again changes nothing (National Panel members)")
            .Accepts<object>("application/json").Produces<ImportBody>().Refusals();
        api.MapGet("/learning-record/export", ExportAsync).WithName("ExportExchangeFile").WithTags("Learning record")
            .WithSummary("The reviews you may export as an exchange file, of a board (its key) and a period of the incident's date; it imports "
                + "again to the same records (National Panel members; a board's business unit, its own board)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").Refusals();
    }

    private static async Task<Ok<ReportSearchResult>> SearchAsync(HttpRequest request, LearningRepository repository, string? q, int? page,
        CancellationToken cancellationToken)
    {
        var filters = ReportFacets.All.ToDictionary(f => f, f => (IReadOnlyList<string>)request.Query[f].OfType<string>().ToList());
        return TypedResults.Ok(await repository.SearchAsync(new ReportSearchRequest(q, filters, Math.Max(1, page ?? 1)), cancellationToken));
    }

    private static async Task<Ok<PublishedReportView>> ReadAsync(int id, CurrentUser me, LearningRepository repository, CancellationToken cancellationToken) =>
        TypedResults.Ok(await repository.ReadAsync(id, await me.FindAsync(cancellationToken), cancellationToken));

    /// <summary>The body is kept in a temporary file first: the reader reads synchronously, which a request body refuses.</summary>
    private static async Task<Results<Ok<ImportBody>, ValidationProblem>> ImportAsync(HttpRequest request, CurrentUser me, ExchangeService exchange,
        CancellationToken cancellationToken)
    {
        await using var file = TemporaryFile.Create();
        await request.Body.CopyToAsync(file, cancellationToken);
        file.Position = 0;
        try
        {
            var result = await exchange.ImportAsync(file, await me.GetAsync(cancellationToken), me.Actor, cancellationToken: cancellationToken);
            return TypedResults.Ok(new ImportBody(result.Reviews, result.Added, result.Replaced, result.Unchanged));
        }
        catch (ExchangeFileException e)
        {
            var problems = e.Problems.Listed.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
            if (e.Problems.NotListed > 0)
            {
                problems[""] = [string.Create(CultureInfo.InvariantCulture, $"and {e.Problems.NotListed:N0} more problems")];
            }
            return TypedResults.ValidationProblem(problems, "The exchange file has problems: nothing was imported.");
        }
    }

    /// <summary>Written to a temporary file first, so that a refusal is a problem answer, never half a file.</summary>
    private static async Task<IResult> ExportAsync(CurrentUser me, ExchangeService exchange, string? board, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken)
    {
        if (from is not null && to is not null && to < from)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("to", DateInputValidation.EndBeforeStart));
        }
        var file = TemporaryFile.Create();
        try
        {
            await exchange.ExportAsync(file, new ExchangeExportFilter(string.IsNullOrWhiteSpace(board) ? null : board, from, to),
                await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
            file.Position = 0;
            return TypedResults.File(file, "application/json", $"learning-record-{board ?? "all"}.json");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
