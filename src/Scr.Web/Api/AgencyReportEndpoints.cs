using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.AgencyReports;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>
/// The agencies' reports to a review (WT2006 8.18–8.27): list and read them, ask agencies for them, name an author, save and
/// submit the draft, quality-assure, record feedback to staff. Each calls <see cref="AgencyReportService"/>, which holds the
/// rules, with the same access as the pages: an agency sees only its own report (another agency's is not found, 404).
/// </summary>
public static class AgencyReportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/cases/{id:guid}").WithTags("Agency reports");
        reports.MapGet("/agency-reports", List).WithName("ListAgencyReports").Refusals()
            .WithSummary("The agency reports the person may see: every agency's for the board and the review team, their own for an agency")
            .WithDescription("Each with its agency, kind, author, due date and status (AuthorToBeNamed, BeingWritten, Submitted, ChangesRequested, "
                + "QualityAssured). The read is audited.");
        reports.MapPost("/agency-reports", Request).WithName("RequestAgencyReports").Refusals(versioned: true)
            .WithSummary("Ask involved agencies for their reports (the business unit)")
            .WithDescription("kind is ManagementReviews or ShortAgencyReports; dueOn today or later; each agency involved in the case and not asked "
                + "before. The agencies' leads are told. Send the case's version (GET /api/v1/cases/{id}).");
        reports.MapGet("/agency-reports/{reportId:guid}", Get).WithName("GetAgencyReport").Refusals()
            .WithSummary("One report: its versions the person may read, the review team's decisions, feedback to staff")
            .WithDescription("The agency's people read its drafts; the board and the review team read submitted versions and the team's own notes, "
                + "which the agency never sees. The read is audited.");
        reports.MapPost("/agency-reports/{reportId:guid}/author", NameAuthor).WithName("NameAgencyReportAuthor").Refusals(versioned: true)
            .WithSummary("Name the author (the agency's lead or the business unit), with what they declare about their part in the case")
            .WithDescription("The author holds a role in the agency. declaration is None, InvolvedInCase or LineManagesSomeoneInvolved; anything but "
                + "None refuses them (400; WT2006 8.20), and the declaration is kept. Send the report's stamp.");
        reports.MapPut("/agency-reports/{reportId:guid}/draft", SaveDraft).WithName("SaveAgencyReportDraft").Refusals(versioned: true)
            .WithSummary("Save the draft (the author): the text of each section of the template, by key")
            .WithDescription("Keys: " + string.Join(", ", AgencyReportRules.Template.Select(s => s.Key)) + ". What is left out is saved as blank. "
                + "After the review team sent the report back, the first save starts the next version.");
        reports.MapPost("/agency-reports/{reportId:guid}/submit", Submit).WithName("SubmitAgencyReport").Refusals(versioned: true)
            .WithSummary("Submit the draft to the review team (the author), naming the senior officer who accepts its findings (WT2006 8.22)")
            .WithDescription("Refused (400, naming each) while a required section is empty. The version is then frozen.");
        reports.MapPost("/agency-reports/{reportId:guid}/quality-assurance", QualityAssure).WithName("QualityAssureAgencyReport").Refusals(versioned: true)
            .WithSummary("Accept the submitted version or send it back (the review team or the business unit)")
            .WithDescription("outcome is Accepted or ChangesRequested; commentsForAuthor are shared with the agency and needed to send it back; "
                + "panelNotes stay with the board and the team. The author is told.");
        reports.MapPost("/agency-reports/{reportId:guid}/staff-feedback", StaffFeedback).WithName("RecordAgencyReportStaffFeedback").Refusals(versioned: true)
            .WithSummary("Record feedback given to the staff involved (the author or the agency's lead), once the report is submitted (WT2006 8.23)");
    }

    private static async Task<Ok<AgencyReportList>> List(Guid id, CurrentUser me, AgencyReportService reports, CancellationToken cancellationToken) =>
        TypedResults.Ok(AgencyReportList.From(await reports.ListAsync(id, await me.GetAsync(cancellationToken), me.Actor, cancellationToken)));

    private static async Task<Ok<AgencyReportDetail>> Get(Guid id, Guid reportId, CurrentUser me, AgencyReportService reports, CancellationToken cancellationToken) =>
        TypedResults.Ok(AgencyReportDetail.From(await reports.GetAsync(id, reportId, await me.GetAsync(cancellationToken), me.Actor, cancellationToken)));

    private static async Task<Results<Ok<AgencyReportList>, ValidationProblem, Conflict<ConflictBody>>> Request(Guid id, AgencyReportRequestBody request,
        CurrentUser me, AgencyReportService reports, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("version", "Send the version of the case you last read (GET /api/v1/cases/{id})"));
        }
        var principal = await me.GetAsync(cancellationToken);
        await reports.RequestAsync(id, new AgencyReportRequest(request.AgencyIds ?? [], request.Kind, request.DueOn, request.Note), version, principal, me.Actor,
            cancellationToken);
        return TypedResults.Ok(AgencyReportList.From(await reports.ListAsync(id, principal, me.Actor, cancellationToken)));
    }

    private static Task<Results<Ok<AgencyReportDetail>, ValidationProblem, Conflict<ConflictBody>>> NameAuthor(Guid id, Guid reportId, AgencyReportAuthorBody request,
        CurrentUser me, AgencyReportService reports, CancellationToken cancellationToken) =>
        Change(request.Stamp, id, reportId, me, reports, (principal, stamp) => reports.NameAuthorAsync(id, reportId,
            new AuthorInput(request.UserId, request.Post, request.Declaration, request.DeclarationDetails), stamp, principal, me.Actor, cancellationToken),
            cancellationToken);

    private static Task<Results<Ok<AgencyReportDetail>, ValidationProblem, Conflict<ConflictBody>>> SaveDraft(Guid id, Guid reportId, AgencyReportDraftBody request,
        CurrentUser me, AgencyReportService reports, CancellationToken cancellationToken) =>
        Change(request.Stamp, id, reportId, me, reports, (principal, stamp) => reports.SaveDraftAsync(id, reportId,
            (IReadOnlyDictionary<string, string?>?)request.Sections ?? new Dictionary<string, string?>(), stamp, principal, me.Actor, cancellationToken),
            cancellationToken);

    private static Task<Results<Ok<AgencyReportDetail>, ValidationProblem, Conflict<ConflictBody>>> Submit(Guid id, Guid reportId, AgencyReportSubmitBody request,
        CurrentUser me, AgencyReportService reports, CancellationToken cancellationToken) =>
        Change(request.Stamp, id, reportId, me, reports, (principal, stamp) => reports.SubmitAsync(id, reportId, request.SeniorOfficer, stamp, principal, me.Actor,
            cancellationToken), cancellationToken);

    private static Task<Results<Ok<AgencyReportDetail>, ValidationProblem, Conflict<ConflictBody>>> QualityAssure(Guid id, Guid reportId,
        AgencyReportQualityBody request, CurrentUser me, AgencyReportService reports, CancellationToken cancellationToken) =>
        Change(request.Stamp, id, reportId, me, reports, (principal, stamp) => reports.QualityAssureAsync(id, reportId,
            new QualityReviewInput(request.Outcome, request.CommentsForAuthor, request.PanelNotes), stamp, principal, me.Actor, cancellationToken),
            cancellationToken);

    private static Task<Results<Ok<AgencyReportDetail>, ValidationProblem, Conflict<ConflictBody>>> StaffFeedback(Guid id, Guid reportId,
        AgencyReportFeedbackBody request, CurrentUser me, AgencyReportService reports, CancellationToken cancellationToken) =>
        Change(request.Stamp, id, reportId, me, reports, (principal, stamp) => reports.RecordStaffFeedbackAsync(id, reportId,
            new StaffFeedbackInput(request.HeldOn, request.Attended, request.Notes), stamp, principal, me.Actor, cancellationToken), cancellationToken);

    /// <summary>Every change to a report: the stamp it was read at is required; the answer is the report as it is now.</summary>
    private static async Task<Results<Ok<AgencyReportDetail>, ValidationProblem, Conflict<ConflictBody>>> Change<T>(long? stamp, Guid id, Guid reportId,
        CurrentUser me, AgencyReportService reports, Func<Principal, long, Task<T>> change, CancellationToken cancellationToken)
    {
        if (stamp is not { } read)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("stamp",
                "Send the stamp of the report you last read (GET /api/v1/cases/{id}/agency-reports/{reportId})"));
        }
        var principal = await me.GetAsync(cancellationToken);
        await change(principal, read);
        return TypedResults.Ok(AgencyReportDetail.From(await reports.GetAsync(id, reportId, principal, me.Actor, cancellationToken)));
    }
}

public sealed record AgencyReportRequestBody(IReadOnlyList<Guid>? AgencyIds, AgencyReportsRequirement? Kind, DateOnly? DueOn, string? Note,
    [property: Description("The case's version you last read.")] Guid? Version);

public sealed record AgencyReportAuthorBody(Guid? UserId, string? Post, InvolvementKind? Declaration, string? DeclarationDetails,
    [property: Description("The report's stamp you last read.")] long? Stamp);

public sealed record AgencyReportDraftBody([property: Description("The text of each section, by the template's key.")] Dictionary<string, string?>? Sections,
    long? Stamp);

public sealed record AgencyReportSubmitBody(string? SeniorOfficer, long? Stamp);

public sealed record AgencyReportQualityBody(QualityAssuranceOutcome? Outcome, string? CommentsForAuthor, string? PanelNotes, long? Stamp);

public sealed record AgencyReportFeedbackBody(DateOnly? HeldOn, string? Attended, string? Notes, long? Stamp);

public sealed record AgencyReportSummary(Guid Id, Guid AgencyId, string Agency, AgencyReportsRequirement Kind, string? Author, DateOnly? DueOn,
    AgencyReportStatus Status)
{
    public static AgencyReportSummary Of(AgencyReport r) => new(r.Id, r.AgencyId, r.AgencyName, r.Kind, r.AuthorName, r.DueOn, r.Status);
}

public sealed record AgencyReportList(Guid CaseId, string Reference, IReadOnlyList<AgencyReportSummary> Reports, bool MayRequest,
    IReadOnlyList<NamedOrganisation> AgenciesToAsk, [property: Description("The case's version: send it when asking for reports.")] Guid Version)
{
    public static AgencyReportList From(AgencyReportsView view) => new(view.Review.Id, view.Review.Reference,
        view.Reports.Select(AgencyReportSummary.Of).ToList(), view.MayRequest, view.AgenciesToAsk, view.Review.Version);
}

public sealed record AgencyReportVersionDetail(int Number, bool Submitted, IReadOnlyDictionary<string, string> Sections, string SavedBy, DateTimeOffset SavedAt,
    DateTimeOffset? SubmittedAt, string? SeniorOfficer);

public sealed record AgencyReportDecisionDetail(int VersionNumber, QualityAssuranceOutcome Outcome, string? CommentsForAuthor,
    [property: Description("The review team's own notes: only for the board and the team.")] string? PanelNotes, string DecidedBy, DateTimeOffset DecidedAt);

public sealed record AgencyReportFeedbackDetail(DateOnly HeldOn, string Attended, string Notes);

public sealed record AgencyReportDetail(Guid Id, Guid CaseId, Guid AgencyId, string Agency, AgencyReportsRequirement Kind, DateOnly? DueOn, string? RequestNote,
    Guid? AuthorId, string? Author, string? AuthorPost, AgencyReportStatus Status, IReadOnlyList<AgencyReportVersionDetail> Versions,
    IReadOnlyList<AgencyReportDecisionDetail> Decisions, IReadOnlyList<AgencyReportFeedbackDetail> StaffFeedback, bool MayNameAuthor, bool MayWrite,
    bool MayQualityAssure, bool MayRecordFeedback, [property: Description("The report's stamp: send it with the next change.")] long Stamp)
{
    public static AgencyReportDetail From(AgencyReportView view)
    {
        var r = view.Report;
        return new(r.Id, view.Review.Id, r.AgencyId, r.AgencyName, r.Kind, r.DueOn, r.RequestNote, r.AuthorId, r.AuthorName, r.AuthorPost, r.Status,
            view.Versions.Select(v => new AgencyReportVersionDetail(v.Number, v.IsSubmitted, v.Sections, view.NameOf(v.SavedById), v.SavedAt, v.SubmittedAt,
                v.SeniorOfficer)).ToList(),
            r.QualityReviewsInOrder.Select(q => new AgencyReportDecisionDetail(q.VersionNumber, q.Outcome, q.CommentsForAuthor,
                view.MaySeeTeamNotes ? q.PanelNotes : null, view.NameOf(q.DecidedById), q.DecidedAt)).ToList(),
            r.StaffFeedback.OrderBy(f => f.HeldOn).Select(f => new AgencyReportFeedbackDetail(f.HeldOn, f.Attended, f.Notes)).ToList(),
            view.MayNameAuthor, view.MayWrite, view.MayQualityAssure, view.MayRecordFeedback, view.Stamp);
    }
}
