using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Models;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services.Exchange;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>
/// Coding of the learning record's reports (/api/v1/analysis/coding; decision 0016), as the pages under /analysis/coding:
/// Panel members only; a coding is its coder's alone until both codings of the report are submitted.
/// </summary>
public static class CodingEndpoints
{
    public sealed record CodingListBody(IReadOnlyList<CodingListRowBody> Reviews, int Total, int Page, int PageSize);

    public sealed record CodingListRowBody(Guid Id, string Board, string Reference, DateOnly? IncidentDate, string Progress, string? Mine);

    public sealed record CodingBody(string Coder, string Status, IReadOnlyDictionary<string, string> Answers, DateTimeOffset? SubmittedAt);

    public sealed record SettlementBody(DateTimeOffset SettledAt, IReadOnlyDictionary<string, string> Choices, IReadOnlyDictionary<string, string> Reasons);

    /// <param name="Answers">The person's own answers, or, before they start, those the review's record gives.</param>
    /// <param name="Others">The other coding, once both are submitted.</param>
    public sealed record CodingPageBody(Guid Id, string Board, string Reference, string Progress, IReadOnlyList<CodingQuestion> Questions,
        IReadOnlyDictionary<string, string> Answers, CodingBody? Mine, Guid? Version, IReadOnlyList<CodingBody> Others, bool MayStart,
        IReadOnlyList<string> Differences, SettlementBody? Settlement);

    /// <param name="Answers">Answers by question key; questions left out keep their answers.</param>
    /// <param name="Submit">Submit the coding after saving: it is then final.</param>
    /// <param name="Version">The coding's version as read; leave out when starting.</param>
    public sealed record SaveCodingRequest(Dictionary<string, string>? Answers, bool Submit, Guid? Version);

    /// <param name="Choices">The agreed answer for each question the coders differed on.</param>
    /// <param name="Reasons">Why, for each.</param>
    public sealed record SettleRequest(Dictionary<string, string>? Choices, Dictionary<string, string>? Reasons);

    public sealed record AgreementItemBody(string Item, string Label, int Pairs, int Agreed, double? PercentAgreement, double? Kappa);

    public sealed record AgreementBody(IReadOnlyList<AgreementItemBody> Items, IReadOnlyList<CodedTwice> Reviews);

    public static void Map(RouteGroupBuilder api)
    {
        // The list is mapped on its own: a group's "" route would end in a slash.
        api.MapGet("/analysis/coding", ListAsync).WithTags("Learning record").WithName("ListCodings")
            .WithSummary("The learning record's reports to code, 50 a page, with each one's progress and your own coding's status (National Panel members)")
            .Refusals();
        var coding = api.MapGroup("/analysis/coding").WithTags("Learning record");
        coding.MapGet("/agreement", AgreementAsync).WithName("GetCodingAgreement")
            .WithSummary("Percent agreement and Cohen's kappa per item over every report coded twice (kappa null when not defined), and the differences per report")
            .Refusals();
        coding.MapGet("/{id:guid}", GetAsync).WithName("GetCoding")
            .WithSummary("A report's questions and your coding of it; the other coding only once both are submitted").Refusals();
        coding.MapPut("/{id:guid}", SaveAsync).WithName("SaveCoding")
            .WithSummary("Saves your coding of a report (starting it if need be), and submits it when asked; a report takes two coders").Refusals(versioned: true);
        coding.MapPost("/{id:guid}/settlement", SettleAsync).WithName("SettleCoding")
            .WithSummary("Settles a report coded twice: an answer and a reason for each difference; the agreed answers become the record's coded data")
            .Refusals(versioned: true);
    }

    private static string Name(CodingProgress progress) => progress switch
    {
        CodingProgress.NotCoded => "not-coded",
        CodingProgress.CodedOnce => "coded-once",
        CodingProgress.CodedTwice => "coded-twice",
        _ => "settled",
    };

    private static string Name(CodingStatus status) => status == CodingStatus.Submitted ? "submitted" : "in-progress";

    private static CodingBody Body(CodingView view) => new(view.CoderName, Name(view.Status), view.Values, view.SubmittedAt);

    private static async Task<Ok<CodingListBody>> ListAsync(CurrentUser me, CodingService codings, int? page, CancellationToken cancellationToken)
    {
        var list = await codings.ListAsync(await me.GetAsync(cancellationToken), page ?? 1, cancellationToken);
        return TypedResults.Ok(new CodingListBody(list.Rows.Select(r => new CodingListRowBody(r.Id, r.BoardKey, r.Reference, r.IncidentDate,
            Name(r.Progress), r.Mine is { } mine ? Name(mine) : null)).ToList(), list.Total, list.Page, list.PageSize));
    }

    private static async Task<Ok<AgreementBody>> AgreementAsync(CurrentUser me, CodingService codings, CancellationToken cancellationToken)
    {
        var report = await codings.AgreementAsync(await me.GetAsync(cancellationToken), cancellationToken);
        return TypedResults.Ok(new AgreementBody(report.Items.Select(i => new AgreementItemBody(i.Item, CodedReview.LabelOfItem(i.Item), i.Pairs, i.Agreed,
            i.PercentAgreement, i.Kappa)).ToList(), report.Reviews));
    }

    private static async Task<Ok<CodingPageBody>> GetAsync(Guid id, CurrentUser me, CodingService codings, CancellationToken cancellationToken)
    {
        var page = await codings.GetAsync(id, await me.GetAsync(cancellationToken), cancellationToken);
        return TypedResults.Ok(new CodingPageBody(page.Id, page.BoardKey, page.Reference, Name(page.Progress), page.Questions, page.Answers,
            page.Mine is { } mine ? Body(mine) : null, page.Version, page.Others.Select(Body).ToList(), page.MayStart, page.Differences,
            page.Settlement is { } s ? new SettlementBody(s.SettledAt, s.Choices, s.Reasons) : null));
    }

    private static async Task<Ok<CodingBody>> SaveAsync(Guid id, SaveCodingRequest request, CurrentUser me, CodingService codings,
        CancellationToken cancellationToken)
    {
        var coding = await codings.SaveAsync(id, request.Answers ?? [], request.Submit, request.Version, await me.GetAsync(cancellationToken), me.Actor,
            cancellationToken);
        return TypedResults.Ok(new CodingBody(me.Actor.Name, Name(coding.Status), coding.Values, coding.SubmittedAt));
    }

    private static async Task<NoContent> SettleAsync(Guid id, SettleRequest request, CurrentUser me, CodingService codings, CancellationToken cancellationToken)
    {
        await codings.SettleAsync(id, request.Choices ?? [], request.Reasons ?? [], await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.NoContent();
    }
}
