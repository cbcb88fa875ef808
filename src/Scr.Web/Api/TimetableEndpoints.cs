using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Timetable;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>
/// A review's timetable (seed 000 stages 3–4; WT2006 8.15–8.16): read it; record a parallel process with its constraints;
/// record a milestone as done; propose a new date for a milestone; the chair agrees or refuses it. Each calls
/// <see cref="TimetableService"/>, which holds the rules, with the same access as the pages.
/// </summary>
public static class TimetableEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Timetable");
        cases.MapGet("/timetable", GetTimetable).WithName("GetTimetable").Refusals()
            .WithSummary("The review's timetable: milestones, changes of timeline, parallel processes and constraints")
            .WithDescription("Milestones are computed from the chair's decision to hold the review under the case's rule set (wt2006: early "
                + "learning at 4 weeks, 8 weeks and 4 months, completion in 4 months (WT2006 8.15), the draft to the board in 6 months (seed 000 "
                + "stage 6); wt2018: completed and published in 6 months), with the date the chair agreed in place of the rules' date. The "
                + "board's business unit, chair and sub-group and the review team; involved agencies are refused (403). The read is audited.");
        cases.MapPost("/parallel-processes", AddProcess).WithName("AddParallelProcess").Refusals(versioned: true)
            .WithSummary("Record a parallel process with its constraints (the business unit or the review team; send the version you last read)")
            .WithDescription("Kind is PoliceInvestigation, CriminalProceedings, CoronersInquest, CareProceedings, DomesticHomicideReview, AdultReview, "
                + "DisciplinaryProcess, OtherBoardReview or Other; a police investigation names its senior investigating officer as contactName. "
                + "Each constraint holds back an activity (Interviews, FamilyContact, SharingDraft, Publication) from startsOn (or from the "
                + "start) until the process ends (until ProcessEnds: lifted the day endedOn is recorded) or up to and including endsOn (until Date).");
        cases.MapPost("/milestones/{milestone}/done", RecordMilestone).WithName("RecordMilestone").Refusals(versioned: true)
            .WithSummary("Record the date a milestone was done, or correct it (the business unit or the review team)")
            .WithDescription("Milestone keys: first-early-learning, second-early-learning, third-early-learning, review-completed, draft-to-board "
                + "(wt2006 only). The date is between the decision and today.");
        cases.MapPost("/timeline-changes", ProposeChange).WithName("ProposeTimelineChange").Refusals(versioned: true)
            .WithSummary("Propose a new date for a milestone, with the reason (the business unit, the review team or the chair)")
            .WithDescription("The chair is told it waits for their agreement; until then the milestone keeps its date. One change per milestone "
                + "waits at a time; a milestone done keeps its date.");
        cases.MapPost("/timeline-changes/{changeId:guid}/decision", DecideChange).WithName("DecideTimelineChange").Refusals(versioned: true)
            .WithSummary("The chair agrees or refuses a proposed change of timeline (a refusal says why)")
            .WithDescription("Approve true moves the milestone to the proposed date; the timetable keeps the rules' date beside it. The proposer "
                + "and the business unit are told. Answered once.");
    }

    private static async Task<Ok<TimetableDetail>> GetTimetable(Guid id, CurrentUser me, TimetableService timetables, CancellationToken cancellationToken) =>
        TypedResults.Ok(TimetableDetail.From(await timetables.GetAsync(id, await me.GetAsync(cancellationToken), me.Actor, cancellationToken)));

    private static async Task<Results<Created<TimetableDetail>, ValidationProblem, Conflict<ConflictBody>>> AddProcess(Guid id, ParallelProcessRequest request,
        CurrentUser me, TimetableService timetables, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return MissingVersion();
        }
        var principal = await me.GetAsync(cancellationToken);
        var process = await timetables.AddProcessAsync(id, new ParallelProcessInput(request.Kind, request.Description, request.StartedOn, request.HearingOn,
                request.ExpectedEndOn, request.EndedOn, request.ContactName, request.ContactRole, request.Notes),
            (request.Constraints ?? []).Select(c => new ConstraintInput(c.Activity, c.Description, c.StartsOn, c.Until, c.EndsOn)).ToList(),
            version, principal, me.Actor, cancellationToken);
        var timetable = TimetableDetail.From(await timetables.GetAsync(id, principal, me.Actor, cancellationToken));
        return TypedResults.Created($"/api/v1/cases/{id}/timetable#process-{process.Id}", timetable);
    }

    private static async Task<Results<Ok<TimetableDetail>, ValidationProblem, Conflict<ConflictBody>>> RecordMilestone(Guid id, string milestone,
        MilestoneDoneRequest request, CurrentUser me, TimetableService timetables, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return MissingVersion();
        }
        var principal = await me.GetAsync(cancellationToken);
        await timetables.RecordMilestoneAsync(id, milestone, request.DoneOn, request.Note, version, principal, me.Actor, cancellationToken);
        return TypedResults.Ok(TimetableDetail.From(await timetables.GetAsync(id, principal, me.Actor, cancellationToken)));
    }

    private static async Task<Results<Created<TimelineChangeDetail>, ValidationProblem, Conflict<ConflictBody>>> ProposeChange(Guid id,
        TimelineChangeRequest request, CurrentUser me, TimetableService timetables, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return MissingVersion();
        }
        var principal = await me.GetAsync(cancellationToken);
        var change = await timetables.ProposeChangeAsync(id, request.Milestone, request.ProposedDate, request.Reason, version, principal, me.Actor,
            cancellationToken);
        var timetable = await timetables.GetAsync(id, principal, me.Actor, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{id}/timetable", TimelineChangeDetail.Of(change, timetable));
    }

    private static async Task<Results<Ok<TimelineChangeDetail>, ValidationProblem, Conflict<ConflictBody>>> DecideChange(Guid id, Guid changeId,
        TimelineDecisionRequest request, CurrentUser me, TimetableService timetables, CancellationToken cancellationToken)
    {
        if (request.Approve is not { } approve)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("approve", "Say whether you agree the change: approve true or false"));
        }
        if (request.Version is not { } version)
        {
            return MissingVersion();
        }
        var principal = await me.GetAsync(cancellationToken);
        var change = await timetables.DecideChangeAsync(id, changeId, approve, request.Note, version, principal, me.Actor, cancellationToken);
        var timetable = await timetables.GetAsync(id, principal, me.Actor, cancellationToken);
        return TypedResults.Ok(TimelineChangeDetail.Of(change, timetable));
    }

    private static ValidationProblem MissingVersion() =>
        TypedResults.ValidationProblem(ApiEndpoints.Problems("version", "Send the version of the case you last read (GET /api/v1/cases/{id}/timetable)"));
}

/// <summary>A constraint a parallel process puts on the review.</summary>
public sealed record ConstraintRequest(ConstrainedActivity? Activity,
    [property: Description("The constraint in words, up to 500 characters: “no interviews of witnesses before the trial ends”.")] string? Description,
    [property: Description("The first day it applies; none: from the start.")] DateOnly? StartsOn,
    [property: Description("ProcessEnds (lifted the day the process's end is recorded) or Date (after endsOn).")] ConstraintEnd? Until,
    [property: Description("With until Date, the last day it applies.")] DateOnly? EndsOn);

/// <summary>A parallel process, its key dates and contact, and its constraints.</summary>
public sealed record ParallelProcessRequest(ParallelProcessKind? Kind, string? Description, DateOnly? StartedOn,
    [property: Description("The trial or hearing date.")] DateOnly? HearingOn, DateOnly? ExpectedEndOn, DateOnly? EndedOn,
    [property: Description("For a police investigation, the senior investigating officer (required).")] string? ContactName, string? ContactRole,
    string? Notes, IReadOnlyList<ConstraintRequest>? Constraints, Guid? Version);

public sealed record MilestoneDoneRequest(DateOnly? DoneOn, string? Note, Guid? Version);

public sealed record TimelineChangeRequest(
    [property: Description("The milestone's key, such as review-completed.")] string? Milestone, DateOnly? ProposedDate, string? Reason, Guid? Version);

public sealed record TimelineDecisionRequest(bool? Approve, [property: Description("Why, when refusing (required then).")] string? Note, Guid? Version);

/// <summary>A milestone: the date the rules give, the date in force (agreed by the chair if moved), and where it stands.</summary>
public sealed record MilestoneDetail(string Key, DeadlineKind Kind, string Title, string Basis, string Period, DateOnly OriginalDue, DateOnly Due,
    bool Moved, DateOnly? DoneOn, string? Note, DeadlineState State, Guid? PendingChangeId)
{
    public static MilestoneDetail Of(Milestone m, DateTimeOffset now) => new(m.Key, m.Kind, m.Title, m.Rule.Basis, m.Rule.Period.ToString(),
        m.OriginalDueDate, m.DueDate, m.IsMoved, m.Record?.DoneOn, m.Record?.Note, m.StateAt(now), m.Pending?.Id);
}

/// <summary>A change of a milestone's date: who proposed what and why, and the chair's answer.</summary>
public sealed record TimelineChangeDetail(Guid Id, string Milestone, DateOnly DateBefore, DateOnly ProposedDate, string Reason, string ProposedBy,
    DateTimeOffset ProposedAt, TimelineChangeStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote, Guid Version)
{
    public static TimelineChangeDetail Of(TimelineChange c, TimetableView t) => new(c.Id, Milestones.KeyOf(c.Milestone), c.DateBefore, c.ProposedDate,
        c.Reason, t.NameOf(c.ProposedById), c.ProposedAt, c.Status, c.DecidedById is null ? null : t.NameOf(c.DecidedById), c.DecidedAt, c.DecisionNote,
        t.Review.Version);
}

public sealed record ConstraintDetail(Guid Id, ConstrainedActivity Activity, string Description, DateOnly? StartsOn, ConstraintEnd Until, DateOnly? EndsOn,
    [property: Description("The period in words.")] string Period, bool InForceToday);

public sealed record ParallelProcessDetail(Guid Id, ParallelProcessKind Kind, string? Description, DateOnly? StartedOn, DateOnly? HearingOn,
    DateOnly? ExpectedEndOn, DateOnly? EndedOn, string? ContactName, string? ContactRole, string? Notes, DateTimeOffset UpdatedAt, string UpdatedBy,
    IReadOnlyList<ConstraintDetail> Constraints);

/// <summary>The review's timetable and the case's version (send it back with any change).</summary>
public sealed record TimetableDetail(Guid Id, string Reference, Guid Version, string RuleSet, DateOnly? DecisionOn, IReadOnlyList<MilestoneDetail> Milestones,
    IReadOnlyList<TimelineChangeDetail> Changes, IReadOnlyList<ParallelProcessDetail> ParallelProcesses,
    [property: Description("Constraints in force today, by process and constraint id.")] IReadOnlyList<ConstraintInForceDetail> InForceToday)
{
    public static TimetableDetail From(TimetableView t) => new(t.Review.Id, t.Review.Reference, t.Review.Version, t.RuleSet.Id, t.DecisionOn,
        t.Milestones.Select(m => MilestoneDetail.Of(m, t.Now)).ToList(),
        t.Changes.Select(c => TimelineChangeDetail.Of(c, t)).ToList(),
        t.Processes.Select(p => new ParallelProcessDetail(p.Id, p.Kind, p.Description, p.StartedOn, p.HearingOn, p.ExpectedEndOn, p.EndedOn,
            p.ContactName, p.ContactRole, p.Notes, p.UpdatedAt, t.NameOf(p.UpdatedById),
            p.Constraints.Select(c => new ConstraintDetail(c.Id, c.Activity, c.Description, c.StartsOn, c.Until, c.EndsOn, Labels.Period(p, c),
                ParallelProcessRules.IsInForce(p, c, t.Today))).ToList())).ToList(),
        t.InForceToday.Select(c => new ConstraintInForceDetail(c.Process.Id, c.Constraint.Id, c.Constraint.Activity, c.Constraint.Description)).ToList());
}

public sealed record ConstraintInForceDetail(Guid ProcessId, Guid ConstraintId, ConstrainedActivity Activity, string Description);
