using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.TermsOfReference;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>
/// A review's terms of reference (seed 000 Stage 2): read the versions; save the draft (the business unit or the review
/// team); the chair signs it off; a signed-off version as a Word document. Each calls <see cref="TermsOfReferenceService"/>,
/// which holds the rules, with the same access as the pages.
/// </summary>
public static class TermsOfReferenceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var terms = api.MapGroup("/cases/{id:guid}").WithTags("Terms of reference");
        terms.MapGet("/terms-of-reference", GetTerms).WithName("GetTermsOfReference").Refusals()
            .WithSummary("The terms of reference: the version to read first, every version, and the case's version for the next edit")
            .WithDescription("The board's business unit, chair and sub-group and the review team read every version, drafts included; anyone acting "
                + "for an agency involved in the case reads only the versions the chair signed off (others are refused, 403). Each version lists "
                + "its warnings (such as key lines of enquiry that only ask what happened) and what a draft still lacks before sign-off. The read "
                + "is audited.");
        terms.MapGet("/terms-of-reference/versions/{number:int}", GetVersion).WithName("GetTermsOfReferenceVersion").Refusals()
            .WithSummary("One version of the terms of reference as it was saved or signed off")
            .WithDescription("A draft is not found (404) for those who read only signed-off versions.");
        terms.MapPut("/terms-of-reference/draft", SaveDraft).WithName("SaveTermsOfReferenceDraft").Refusals(versioned: true)
            .WithSummary("Save the draft: update the draft being worked on, or start a new version after a sign-off (the business unit or the review team)")
            .WithDescription("Send the whole draft; what is left out is saved as blank. A draft may be incomplete; what it says must make sense: the "
                + "period runs forwards and not into the future; boards and agencies come from the service's lists (agencies serving the case's "
                + "board or a board named); at most 20 key lines of enquiry. Methodology is LearningTogether, SignificantIncidentLearningProcess, "
                + "AppreciativeInquiry, RootCauseAnalysis, FailureModesAndEffectsAnalysis, ChildPracticeReview, AgencyReviewsAndOverview, Hybrid "
                + "or Other; agencyReports ManagementReviews, ShortAgencyReports or NotRequired; chronology IntegratedMultiAgency, "
                + "AgencyChronologiesOnly, KeyEvents or None. Warnings do not stop the save. Only once the chair has decided to hold a review.");
        terms.MapPost("/terms-of-reference/sign-off", SignOff).WithName("SignOffTermsOfReference").Refusals(versioned: true)
            .WithSummary("The chair signs off the draft, which freezes it")
            .WithDescription("Refused (400, naming each part) while the draft lacks key lines of enquiry, the period, the lead board, the agencies, "
                + "the family's contribution, the timetable, publication, the methodology (described, for a hybrid or another model), agency "
                + "reports or the chronology. The business unit, the review team and the agencies involved are told. Commissioning the review "
                + "needs signed-off terms.");
        terms.MapGet("/terms-of-reference/versions/{number:int}/export", Export).WithName("ExportTermsOfReference")
            .Produces(StatusCodes.Status200OK, contentType: TermsOfReferenceFile.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A signed-off version as a Word document (.docx)")
            .WithDescription("Headed CONFIDENTIAL, with the case's reference (never the child's name), the version and its sign-off on every page. "
                + "A draft does not export (404). The export is audited.");
    }

    private static async Task<Ok<TermsOfReferenceDetail>> GetTerms(Guid id, CurrentUser me, TermsOfReferenceService terms, CancellationToken cancellationToken) =>
        TypedResults.Ok(TermsOfReferenceDetail.From(await terms.GetAsync(id, await me.GetAsync(cancellationToken), me.Actor, cancellationToken)));

    private static async Task<Ok<TermsVersionDetail>> GetVersion(Guid id, int number, CurrentUser me, TermsOfReferenceService terms,
        CancellationToken cancellationToken)
    {
        var (view, version) = await terms.GetVersionAsync(id, number, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Ok(TermsVersionDetail.Of(view, version));
    }

    private static async Task<Results<Ok<TermsOfReferenceDetail>, ValidationProblem, Conflict<ConflictBody>>> SaveDraft(Guid id, TermsOfReferenceRequest request,
        CurrentUser me, TermsOfReferenceService terms, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return MissingVersion();
        }
        var principal = await me.GetAsync(cancellationToken);
        await terms.SaveDraftAsync(id, new TermsOfReferenceInput(request.KeyLinesOfEnquiry, request.PeriodFrom, request.PeriodTo, request.LeadBoardId,
                request.OtherBoardIds, request.BoardsNote, request.AgencyIds, request.OtherAgencies, request.FamilyContribution, request.ParallelProcesses,
                request.Timetable, request.Publication, request.Methodology, request.MethodologyNote, request.AgencyReports, request.Chronology),
            version, principal, me.Actor, cancellationToken);
        return TypedResults.Ok(TermsOfReferenceDetail.From(await terms.GetAsync(id, principal, me.Actor, cancellationToken)));
    }

    private static async Task<Results<Ok<TermsOfReferenceDetail>, ValidationProblem, Conflict<ConflictBody>>> SignOff(Guid id, TermsSignOffRequest request,
        CurrentUser me, TermsOfReferenceService terms, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return MissingVersion();
        }
        var principal = await me.GetAsync(cancellationToken);
        await terms.SignOffAsync(id, request.Note, version, principal, me.Actor, cancellationToken);
        return TypedResults.Ok(TermsOfReferenceDetail.From(await terms.GetAsync(id, principal, me.Actor, cancellationToken)));
    }

    private static async Task<FileContentHttpResult> Export(Guid id, int number, CurrentUser me, TermsOfReferenceService terms, CancellationToken cancellationToken)
    {
        var file = await terms.ExportAsync(id, number, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.File(file.Content, TermsOfReferenceFile.ContentType, file.FileName);
    }

    private static ValidationProblem MissingVersion() =>
        TypedResults.ValidationProblem(ApiEndpoints.Problems("version",
            "Send the version of the case you last read (GET /api/v1/cases/{id}/terms-of-reference)"));
}

/// <summary>The whole draft of the terms of reference, and the version of the case it was written from.</summary>
public sealed record TermsOfReferenceRequest(
    [property: Description("Up to 20, each up to 1,000 characters. Ask why, not only what happened.")] IReadOnlyList<string>? KeyLinesOfEnquiry,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo,
    [property: Description("The board for the area where the child normally lived (Working Together 2006, 8.7).")] Guid? LeadBoardId,
    IReadOnlyList<Guid>? OtherBoardIds,
    [property: Description("How the other boards take part.")] string? BoardsNote,
    IReadOnlyList<Guid>? AgencyIds,
    [property: Description("Agencies and organisations the service does not list.")] string? OtherAgencies,
    string? FamilyContribution,
    string? ParallelProcesses,
    string? Timetable,
    string? Publication,
    Methodology? Methodology,
    [property: Description("How the methodology will be used; needed for Hybrid or Other before sign-off.")] string? MethodologyNote,
    AgencyReportsRequirement? AgencyReports,
    ChronologyRequirement? Chronology,
    Guid? Version);

public sealed record TermsSignOffRequest([property: Description("The chair's note, optional.")] string? Note, Guid? Version);

public sealed record TermsWarningDetail(string Key, string Field, string Title, string Explanation);

public sealed record TermsProblemDetail(string? Field, string Message);

/// <summary>One version: what it says, who saved and signed it off, its warnings and what it lacks before sign-off.</summary>
public sealed record TermsVersionDetail(int Number, bool SignedOff, IReadOnlyList<string> KeyLinesOfEnquiry, DateOnly? PeriodFrom, DateOnly? PeriodTo,
    NamedOrganisation? LeadBoard, IReadOnlyList<NamedOrganisation> OtherBoards, string? BoardsNote, IReadOnlyList<NamedOrganisation> Agencies,
    string? OtherAgencies, string? FamilyContribution, string? ParallelProcesses, string? Timetable, string? Publication, Methodology? Methodology,
    string? MethodologyName, string? MethodologyNote, AgencyReportsRequirement? AgencyReports, ChronologyRequirement? Chronology, string CreatedBy,
    DateTimeOffset CreatedAt, string SavedBy, DateTimeOffset SavedAt, string? SignedOffBy, DateTimeOffset? SignedOffAt, string? SignOffNote,
    IReadOnlyList<TermsWarningDetail> Warnings, IReadOnlyList<TermsProblemDetail> MissingForSignOff,
    [property: Description("Where a signed-off version's Word document is; none for a draft.")] string? Export)
{
    public static TermsVersionDetail Of(TermsOfReferenceView view, TermsOfReferenceVersion v) => new(v.Number, v.IsSignedOff, v.KeyLinesOfEnquiry,
        v.PeriodFrom, v.PeriodTo, v.LeadBoard, v.OtherBoards, v.BoardsNote, v.Agencies, v.OtherAgencies, v.FamilyContribution, v.ParallelProcesses,
        v.Timetable, v.Publication, v.Methodology, v.Methodology is { } m ? Methodologies.Of(m).Name : null, v.MethodologyNote, v.AgencyReports,
        v.Chronology, view.NameOf(v.CreatedById), v.CreatedAt, view.NameOf(v.SavedById), v.SavedAt,
        v.SignedOffById is null ? null : view.NameOf(v.SignedOffById), v.SignedOffAt, v.SignOffNote,
        view.WarningsFor(v).Select(w => new TermsWarningDetail(w.Key, w.Field, w.Title, w.Explanation)).ToList(),
        view.MissingFor(v).Select(p => new TermsProblemDetail(p.Field, p.Message)).ToList(),
        v.IsSignedOff ? $"/api/v1/cases/{view.Review.Id}/terms-of-reference/versions/{v.Number}/export" : null);
}

/// <summary>The terms of reference of a case as the person may read them.</summary>
public sealed record TermsOfReferenceDetail(Guid CaseId, string Reference,
    [property: Description("The version to read first: the latest the person may read.")] TermsVersionDetail? Current,
    int? DraftNumber, int? SignedOffNumber, IReadOnlyList<TermsVersionDetail> Versions, bool MayEdit, bool MaySignOff,
    [property: Description("The case's version: send it with the next edit.")] Guid Version)
{
    public static TermsOfReferenceDetail From(TermsOfReferenceView view) => new(view.Review.Id, view.Review.Reference,
        view.Current is { } current ? TermsVersionDetail.Of(view, current) : null, view.Draft?.Number,
        view.SignedOff is { } signed && view.Versions.Contains(signed) ? signed.Number : null,
        view.Versions.Select(v => TermsVersionDetail.Of(view, v)).ToList(), view.MayEdit, view.MaySignOff, view.Review.Version);
}
