using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.People;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>
/// The people of a review (seed 000 stage 3; seed 003 §6.5; WT2006 8.27): read them; add an interview, share its record
/// for agreement; the interviewee reads and answers it; record a staff support meeting; add a family member and log a
/// contact. A family's contact details are never in a list: one audited endpoint returns one member's. Each calls
/// <see cref="PeopleService"/>, which holds the rules, with the same access as the pages.
/// </summary>
public static class PeopleEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("People");
        cases.MapGet("/people", GetPeople).WithName("GetPeople").Refusals()
            .WithSummary("The review's interviews, staff support meetings (with any agency missing its start or end meeting) and family members")
            .WithDescription("The board's business unit, chair and sub-group and the review team see everything; an involved agency sees only its "
                + "own staff support meetings. Family members come without their contact details. The read is audited.");
        cases.MapPost("/people/interviews", AddInterview).WithName("AddInterview").Refusals(versioned: true)
            .WithSummary("Add a practitioner interview (the business unit or the review team; send the version you last read)")
            .WithDescription("The interviewee is named by the email address of their account; interviewers are review team members. A date on "
                + "which a constraint holds back interviews (a trial) is refused.");
        cases.MapPost("/people/interviews/{interviewId:guid}/share", ShareInterview).WithName("ShareInterview").Refusals(versioned: true)
            .WithSummary("Share the interview's record with the interviewee for agreement (WT2006 8.27)")
            .WithDescription("The record becomes a new version and the interviewee is told. Refused without a record or a date, while the "
                + "interviewee has it, and once agreed.");
        cases.MapPost("/people/staff-support-meetings", AddMeeting).WithName("AddStaffSupportMeeting").Refusals(versioned: true)
            .WithSummary("Record a staff support meeting for an involved agency (kind Start, During or End; seed 003 §6.5)");
        cases.MapPost("/people/family", AddFamilyMember).WithName("AddFamilyMember").Refusals(versioned: true)
            .WithSummary("Add a family member: their involvement, or the decision not to involve them with the reasons (required then)");
        cases.MapPost("/people/family/{memberId:guid}/contacts", LogContact).WithName("LogFamilyContact").Refusals(versioned: true)
            .WithSummary("Log a contact with a family member (method Visit, Phone, Letter, Email or Meeting)");
        cases.MapGet("/people/family/{memberId:guid}/contact-details", GetContactDetails).WithName("GetFamilyContactDetails").Refusals()
            .WithSummary("One family member's address, phone and email: the business unit and the team member who meets them only")
            .WithDescription("Every call writes an audit entry of its own. Contact details appear in no other response.");

        var interviews = api.MapGroup("/interviews").WithTags("People");
        interviews.MapGet("/{interviewId:guid}", GetInterview).WithName("GetInterview").Refusals()
            .WithSummary("An interview and every version of its record shared, for the interviewee (who may see nothing else of the case) or the "
                + "board and the review team; 404 for anyone else");
        interviews.MapPost("/{interviewId:guid}/answer", AnswerInterview).WithName("AnswerInterview").Refusals(versioned: true)
            .WithSummary("The interviewee agrees the record shared with them (agree true, which freezes it) or asks for changes (agree false, with comments)");
    }

    private static async Task<Ok<PeopleDetail>> GetPeople(Guid id, CurrentUser me, PeopleService people, CancellationToken cancellationToken) =>
        TypedResults.Ok(PeopleDetail.From(await people.GetAsync(id, await me.GetAsync(cancellationToken), me.Actor, cancellationToken)));

    private static async Task<Results<Created<InterviewDetail>, ValidationProblem, Conflict<ConflictBody>>> AddInterview(Guid id, InterviewRequest request,
        CurrentUser me, PeopleService people, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return MissingVersion();
        }
        var principal = await me.GetAsync(cancellationToken);
        var interview = await people.AddInterviewAsync(id, new InterviewInput(request.IntervieweeEmail, request.IntervieweeName, request.IntervieweeRole,
            request.Agency, request.InterviewerIds, request.HeldOn, request.Record, request.ConstraintClearance), version, principal, me.Actor, cancellationToken);
        var view = await people.GetInterviewAsync(id, interview.Id, principal, me.Actor, cancellationToken);
        return TypedResults.Created($"/api/v1/interviews/{interview.Id}", InterviewDetail.From(view));
    }

    private static async Task<Results<Ok<InterviewDetail>, ValidationProblem, Conflict<ConflictBody>>> ShareInterview(Guid id, Guid interviewId,
        VersionRequest request, CurrentUser me, PeopleService people, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return MissingVersion();
        }
        var principal = await me.GetAsync(cancellationToken);
        await people.ShareInterviewAsync(id, interviewId, version, principal, me.Actor, cancellationToken);
        return TypedResults.Ok(InterviewDetail.From(await people.GetInterviewAsync(id, interviewId, principal, me.Actor, cancellationToken)));
    }

    private static async Task<Ok<InterviewDetail>> GetInterview(Guid interviewId, CurrentUser me, PeopleService people, CancellationToken cancellationToken) =>
        TypedResults.Ok(InterviewDetail.From(await people.GetOwnInterviewAsync(interviewId, await me.GetAsync(cancellationToken), me.Actor, cancellationToken)));

    private static async Task<Results<Ok<InterviewDetail>, ValidationProblem, Conflict<ConflictBody>>> AnswerInterview(Guid interviewId,
        InterviewAnswerRequest request, CurrentUser me, PeopleService people, CancellationToken cancellationToken)
    {
        if (request.Agree is not { } agree)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("agree", "Say whether you agree the record: agree true or false"));
        }
        if (request.Version is not { } version)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("version", "Send the version you last read (GET /api/v1/interviews/{interviewId})"));
        }
        var principal = await me.GetAsync(cancellationToken);
        await people.AnswerInterviewAsync(interviewId, agree, request.Comments, version, principal, me.Actor, cancellationToken);
        return TypedResults.Ok(InterviewDetail.From(await people.GetOwnInterviewAsync(interviewId, principal, me.Actor, cancellationToken)));
    }

    private static async Task<Results<Created<PeopleDetail>, ValidationProblem, Conflict<ConflictBody>>> AddMeeting(Guid id, StaffSupportMeetingRequest request,
        CurrentUser me, PeopleService people, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return MissingVersion();
        }
        var principal = await me.GetAsync(cancellationToken);
        var meeting = await people.AddMeetingAsync(id, new SupportMeetingInput(request.AgencyId, request.HeldOn, request.Kind, request.Attendees, request.Notes),
            version, principal, me.Actor, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{id}/people#meeting-{meeting.Id}",
            PeopleDetail.From(await people.GetAsync(id, principal, me.Actor, cancellationToken)));
    }

    private static async Task<Results<Created<PeopleDetail>, ValidationProblem, Conflict<ConflictBody>>> AddFamilyMember(Guid id, FamilyMemberRequest request,
        CurrentUser me, PeopleService people, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return MissingVersion();
        }
        var principal = await me.GetAsync(cancellationToken);
        var member = await people.AddFamilyMemberAsync(id, new FamilyMemberInput(request.Name, request.Relationship, request.Invited, request.Consent,
            request.ConsentOn, request.MetById, request.KeyWorker, request.Shared, request.Feedback, request.NotInvolved ?? false, request.NotInvolvedReasons),
            version, principal, me.Actor, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{id}/people#family-{member.Id}",
            PeopleDetail.From(await people.GetAsync(id, principal, me.Actor, cancellationToken)));
    }

    private static async Task<Results<Created<PeopleDetail>, ValidationProblem, Conflict<ConflictBody>>> LogContact(Guid id, Guid memberId,
        FamilyContactRequest request, CurrentUser me, PeopleService people, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return MissingVersion();
        }
        var principal = await me.GetAsync(cancellationToken);
        var contact = await people.LogContactAsync(id, memberId, new FamilyContactInput(request.On, request.ById, request.Method, request.Summary), version,
            principal, me.Actor, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{id}/people#contact-{contact.Id}",
            PeopleDetail.From(await people.GetAsync(id, principal, me.Actor, cancellationToken)));
    }

    private static async Task<Ok<ContactDetailsDetail>> GetContactDetails(Guid id, Guid memberId, CurrentUser me, PeopleService people,
        CancellationToken cancellationToken)
    {
        var details = await people.ContactDetailsAsync(id, memberId, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Ok(new ContactDetailsDetail(memberId, details.Family.Member.Name, details.Address, details.Phone, details.Email));
    }

    private static ValidationProblem MissingVersion() =>
        TypedResults.ValidationProblem(ApiEndpoints.Problems("version", "Send the version of the case you last read (GET /api/v1/cases/{id}/people)"));
}

public sealed record InterviewRequest(
    [property: Description("The email address of the interviewee's account on the service.")] string? IntervieweeEmail,
    string? IntervieweeName, string? IntervieweeRole, string? Agency,
    [property: Description("Review team members who hold the interview.")] IReadOnlyList<Guid>? InterviewerIds,
    DateOnly? HeldOn, string? Record,
    [property: Description("When a constraint holds back interviews on heldOn: who agreed this interview may go ahead, and why.")] string? ConstraintClearance,
    Guid? Version);

public sealed record InterviewAnswerRequest(bool? Agree, [property: Description("What should change (required when agree is false).")] string? Comments,
    Guid? Version);

public sealed record StaffSupportMeetingRequest(Guid? AgencyId, DateOnly? HeldOn, SupportMeetingKind? Kind, string? Attendees, string? Notes, Guid? Version);

public sealed record FamilyMemberRequest(string? Name, string? Relationship, bool? Invited, FamilyConsent? Consent, DateOnly? ConsentOn,
    [property: Description("The review team member who meets them.")] Guid? MetById, string? KeyWorker, string? Shared, string? Feedback,
    bool? NotInvolved, [property: Description("Required when notInvolved is true.")] string? NotInvolvedReasons, Guid? Version);

public sealed record FamilyContactRequest(DateOnly? On, [property: Description("The team member who made it; none: you.")] Guid? ById,
    FamilyContactMethod? Method, string? Summary, Guid? Version);

public sealed record InterviewVersionDetail(int Number, string Text, DateTimeOffset SharedAt, bool? Agreed, string? Comments, DateTimeOffset? AnsweredAt);

/// <summary>An interview, its record and every version shared with the interviewee; the version of the case to send back with a change.</summary>
public sealed record InterviewDetail(Guid Id, string CaseReference, Guid IntervieweeId, string IntervieweeName, string? IntervieweeRole, string? Agency,
    IReadOnlyList<string> Interviewers, DateOnly? HeldOn, string? ConstraintClearance, InterviewStatus Status, string? Record, IReadOnlyList<InterviewVersionDetail> Versions, Guid Version)
{
    public static InterviewDetail From(InterviewView v) => new(v.Interview.Id, v.CaseReference, v.Interview.IntervieweeId, v.Interview.IntervieweeName,
        v.Interview.IntervieweeRole, v.Interview.Agency, v.Interview.InterviewerIds.Select(id => v.NameOf(id)).ToList(), v.Interview.HeldOn, v.Interview.ConstraintClearance, v.Interview.Status,
        v.Interview.Record, v.Interview.Versions.OrderBy(x => x.Number)
            .Select(x => new InterviewVersionDetail(x.Number, x.Text, x.SharedAt, x.Agreed, x.Comments, x.AnsweredAt)).ToList(), v.Version);
}

/// <summary>An interview in a list: who, when and where its record stands (the record itself is on the interview).</summary>
public sealed record InterviewSummary(Guid Id, string IntervieweeName, string? IntervieweeRole, string? Agency, DateOnly? HeldOn, InterviewStatus Status);

public sealed record StaffSupportMeetingDetail(Guid Id, Guid AgencyId, string Agency, DateOnly HeldOn, SupportMeetingKind Kind, string? Attendees,
    string? Notes);

public sealed record AgencySupportDetail(Guid AgencyId, string Agency, int Meetings, bool HasStart, bool HasEnd);

public sealed record FamilyContactDetail(Guid Id, DateOnly On, string By, FamilyContactMethod Method, string Summary);

/// <summary>A family member without their contact details (those come only from the contact-details endpoint, audited).</summary>
public sealed record FamilyMemberDetail(Guid Id, string Name, string Relationship, string Involvement, bool Invited, FamilyConsent Consent,
    DateOnly? ConsentOn, string? MetBy, string? KeyWorker, string? Shared, string? Feedback, bool NotInvolved, string? NotInvolvedReasons,
    IReadOnlyList<FamilyContactDetail> Contacts);

/// <summary>The people of the review as the caller may see them, and the case's version (send it back with any change).</summary>
public sealed record PeopleDetail(Guid Id, string Reference, Guid Version, IReadOnlyList<InterviewSummary> Interviews,
    IReadOnlyList<StaffSupportMeetingDetail> StaffSupportMeetings, IReadOnlyList<AgencySupportDetail> StaffSupport,
    IReadOnlyList<FamilyMemberDetail> Family)
{
    public static PeopleDetail From(PeopleView p) => new(p.Review.Id, p.Review.Reference, p.Review.Version,
        p.Interviews.Select(i => new InterviewSummary(i.Id, i.IntervieweeName, i.IntervieweeRole, i.Agency, i.HeldOn, i.Status)).ToList(),
        p.Meetings.Select(m => new StaffSupportMeetingDetail(m.Id, m.AgencyId, p.AgencyName(m.AgencyId), m.HeldOn, m.Kind, m.Attendees, m.Notes)).ToList(),
        p.Support.Select(s => new AgencySupportDetail(s.AgencyId, s.AgencyName, s.Meetings, s.HasStart, s.HasEnd)).ToList(),
        p.Family.Select(f => new FamilyMemberDetail(f.Id, f.Name, f.Relationship, Labels.InvolvementOf(f), f.Invited, f.Consent, f.ConsentOn,
            f.MetById is { } met ? p.NameOf(met) : null, f.KeyWorker, f.Shared, f.Feedback, f.NotInvolved, f.NotInvolvedReasons,
            f.Contacts.OrderBy(c => c.On).Select(c => new FamilyContactDetail(c.Id, c.On, p.NameOf(c.ById), c.Method, c.Summary)).ToList())).ToList());
}

public sealed record ContactDetailsDetail(Guid FamilyMemberId, string Name, string? Address, string? Phone, string? Email);
