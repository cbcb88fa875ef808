using Scr.Core.Models;
using Scr.Core.Rules.Timescales;

namespace Scr.Core.Rules;

/// <summary>An interview as a form or the API sends it, before it is checked (the interviewee named by their account's email).</summary>
public sealed record InterviewInput(string? IntervieweeEmail, string? IntervieweeName, string? IntervieweeRole, string? Agency,
    IReadOnlyList<Guid>? InterviewerIds, DateOnly? HeldOn, string? Record, string? ConstraintClearance = null);

/// <summary>A staff support meeting as a form or the API sends it, before it is checked.</summary>
public sealed record SupportMeetingInput(Guid? AgencyId, DateOnly? HeldOn, SupportMeetingKind? Kind, string? Attendees, string? Notes);

/// <summary>A family member as a form or the API sends it, before it is checked.</summary>
public sealed record FamilyMemberInput(string? Name, string? Relationship, bool? Invited, FamilyConsent? Consent, DateOnly? ConsentOn,
    Guid? MetById, string? KeyWorker, string? Shared, string? Feedback, bool NotInvolved, string? NotInvolvedReasons);

/// <summary>A contact with a family member as a form or the API sends it, before it is checked.</summary>
public sealed record FamilyContactInput(DateOnly? On, Guid? ById, FamilyContactMethod? Method, string? Summary);

/// <summary>Whether an agency involved in the case has had its start and end staff support meetings (seed 003 §6.5).</summary>
public sealed record AgencySupport(Guid AgencyId, string AgencyName, int Meetings, bool HasStart, bool HasEnd)
{
    public bool IsMissingAny => !HasStart || !HasEnd;
}

/// <summary>
/// What interviews, staff support meetings and family records must say (seed 000 stage 3; seed 003 §6.5; WT2006 8.27).
/// Pure: the one place these rules live. Messages in GOV.UK wording, against the API's field names.
/// </summary>
public static class PeopleRules
{
    /// <summary>The constraints that hold back interviews on the date (a trial: no interviews of witnesses before it ends).</summary>
    public static IReadOnlyList<ConstraintInForce> InterviewConstraints(IEnumerable<ParallelProcess> processes, DateOnly date) =>
        ParallelProcessRules.InForce(processes, date, ConstrainedActivity.Interviews);

    /// <summary>
    /// Checks an interview. <paramref name="intervieweeId"/> is the account found for the email given (none: no such
    /// account). An interview may not be dated on a day a constraint holds back interviews (WT2006 8.16), unless the
    /// interviewer records who agreed it could go ahead (the CPS lawyer or the SIO: the interviewee is not a witness).
    /// </summary>
    public static (InterviewDetails? Details, IReadOnlyList<RuleProblem> Problems) CheckInterview(InterviewInput input, Guid? intervieweeId, Review review)
    {
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(input.IntervieweeEmail))
        {
            problems.Add(new("intervieweeEmail", "Enter the interviewee's email address"));
        }
        else if (intervieweeId is null)
        {
            problems.Add(new("intervieweeEmail", "Enter the email address of a person with an account on the service"));
        }
        if (string.IsNullOrWhiteSpace(input.IntervieweeName))
        {
            problems.Add(new("intervieweeName", "Enter the interviewee's name"));
        }
        else if (input.IntervieweeName.Trim().Length > PractitionerInterview.NameMaxLength)
        {
            problems.Add(new("intervieweeName", "The name must be 200 characters or fewer"));
        }
        if (input.IntervieweeRole?.Trim().Length > PractitionerInterview.NameMaxLength)
        {
            problems.Add(new("intervieweeRole", "The role must be 200 characters or fewer"));
        }
        if (input.Agency?.Trim().Length > PractitionerInterview.NameMaxLength)
        {
            problems.Add(new("agency", "The agency must be 200 characters or fewer"));
        }
        var interviewers = (input.InterviewerIds ?? []).Distinct().ToList();
        if (interviewers.Count == 0)
        {
            problems.Add(new("interviewerIds", "Select who holds the interview"));
        }
        else if (interviewers.Any(id => !review.IsOnTeam(id)))
        {
            problems.Add(new("interviewerIds", "Select interviewers from the review team"));
        }
        if (input.HeldOn is { } held && InterviewConstraints(review.ParallelProcesses, held) is { Count: > 0 } heldBack
            && string.IsNullOrWhiteSpace(input.ConstraintClearance))
        {
            var first = heldBack[0];
            problems.Add(new("heldOn",
                $"Interviews are held back on {Labels.Date(held)}: “{first.Constraint.Description}” ({Labels.Of(first.Process.Kind).ToLowerInvariant()}). "
                + "Choose a date after it lifts, or say who agreed this interview may go ahead"));
        }
        if (input.ConstraintClearance?.Trim().Length > PractitionerInterview.CommentsMaxLength)
        {
            problems.Add(new("constraintClearance", "Who agreed the interview must be 4,000 characters or fewer"));
        }
        if (input.Record?.Trim().Length > PractitionerInterview.RecordMaxLength)
        {
            problems.Add(new("record", "The record must be 40,000 characters or fewer"));
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        return (new InterviewDetails(intervieweeId!.Value, input.IntervieweeName!, input.IntervieweeRole, input.Agency, interviewers, input.HeldOn,
            input.HeldOn is { } on && InterviewConstraints(review.ParallelProcesses, on).Count > 0 ? input.ConstraintClearance : null), []);
    }

    public static (SupportMeetingDetails? Details, IReadOnlyList<RuleProblem> Problems) CheckMeeting(SupportMeetingInput input, Review review, DateOnly today)
    {
        var problems = new List<RuleProblem>();
        if (input.AgencyId is not { } agencyId)
        {
            problems.Add(new("agencyId", "Select the agency"));
        }
        else if (review.Agencies.All(a => a.AgencyId != agencyId))
        {
            problems.Add(new("agencyId", "Select an agency involved in the case"));
        }
        if (input.HeldOn is null)
        {
            problems.Add(new("heldOn", "Enter the date of the meeting"));
        }
        else if (input.HeldOn > today)
        {
            problems.Add(new("heldOn", "The date of the meeting must be today or in the past"));
        }
        if (input.Kind is null)
        {
            problems.Add(new("kind", "Select when in the review the meeting was held"));
        }
        if (input.Attendees?.Trim().Length > StaffSupportMeeting.TextMaxLength)
        {
            problems.Add(new("attendees", "Who attended must be 4,000 characters or fewer"));
        }
        if (input.Notes?.Trim().Length > StaffSupportMeeting.TextMaxLength)
        {
            problems.Add(new("notes", "The notes must be 4,000 characters or fewer"));
        }
        return problems.Count > 0
            ? (null, problems)
            : (new SupportMeetingDetails(input.AgencyId!.Value, input.HeldOn!.Value, input.Kind!.Value, input.Attendees, input.Notes), []);
    }

    /// <summary>For each agency involved in the case, its staff support meetings: whether it has had a start and an end meeting.</summary>
    public static IReadOnlyList<AgencySupport> StaffSupport(Review review) =>
        review.Agencies
            .Select(a =>
            {
                var meetings = review.StaffSupportMeetings.Where(m => m.AgencyId == a.AgencyId).ToList();
                return new AgencySupport(a.AgencyId, a.Agency?.Name ?? "", meetings.Count,
                    meetings.Any(m => m.Kind == SupportMeetingKind.Start), meetings.Any(m => m.Kind == SupportMeetingKind.End));
            })
            .OrderBy(s => s.AgencyName, StringComparer.Ordinal)
            .ToList();

    /// <summary>Checks a family member; the reasons are required when the decision is not to involve them.</summary>
    public static (FamilyMemberDetails? Details, IReadOnlyList<RuleProblem> Problems) CheckFamilyMember(FamilyMemberInput input, Review review, DateOnly today)
    {
        var problems = new List<RuleProblem>();
        Text(problems, input.Name, "name", "Enter the family member's name", FamilyMember.NameMaxLength, "The name must be 200 characters or fewer");
        Text(problems, input.Relationship, "relationship", "Enter their relationship to the child", FamilyMember.NameMaxLength,
            "The relationship must be 200 characters or fewer");
        if (input.NotInvolved && string.IsNullOrWhiteSpace(input.NotInvolvedReasons))
        {
            problems.Add(new("notInvolvedReasons", "Give the reasons for not involving them"));
        }
        if (!input.NotInvolved && input.Invited is null)
        {
            problems.Add(new("invited", "Select whether they have been invited to take part"));
        }
        if (input.ConsentOn is { } consentOn && consentOn > today)
        {
            problems.Add(new("consentOn", "The date of their answer must be today or in the past"));
        }
        if (input.MetById is { } metBy && !review.IsOnTeam(metBy))
        {
            problems.Add(new("metById", "Select a member of the review team"));
        }
        foreach (var (value, field, what) in new[]
        {
            (input.KeyWorker, "keyWorker", "The key worker"), (input.Shared, "shared", "What has been shared"),
            (input.Feedback, "feedback", "Their feedback"), (input.NotInvolvedReasons, "notInvolvedReasons", "The reasons"),
        })
        {
            if (value?.Trim().Length > FamilyMember.TextMaxLength)
            {
                problems.Add(new(field, $"{what} must be 4,000 characters or fewer"));
            }
        }
        return problems.Count > 0
            ? (null, problems)
            : (new FamilyMemberDetails(input.Name!, input.Relationship!, input.Invited ?? false, input.Consent ?? FamilyConsent.NotAsked, input.ConsentOn,
                input.MetById, input.KeyWorker, input.Shared, input.Feedback, input.NotInvolved, input.NotInvolvedReasons), []);
    }

    /// <summary>Checks a contact with a family member: who made it is on the review team, or is the person recording it.</summary>
    public static (FamilyContactDetailsInput? Details, IReadOnlyList<RuleProblem> Problems) CheckContact(FamilyContactInput input, Review review, Guid recorder,
        DateOnly today)
    {
        var problems = new List<RuleProblem>();
        if (input.On is null)
        {
            problems.Add(new("on", "Enter the date of the contact"));
        }
        else if (input.On > today)
        {
            problems.Add(new("on", "The date of the contact must be today or in the past"));
        }
        var by = input.ById ?? recorder;
        if (by != recorder && !review.IsOnTeam(by))
        {
            problems.Add(new("byId", "Select a member of the review team"));
        }
        if (input.Method is null)
        {
            problems.Add(new("method", "Select how the contact was made"));
        }
        Text(problems, input.Summary, "summary", "Summarise the contact", FamilyContact.SummaryMaxLength, "The summary must be 4,000 characters or fewer");
        return problems.Count > 0 ? (null, problems) : (new FamilyContactDetailsInput(input.On!.Value, by, input.Method!.Value, input.Summary!), []);
    }

    /// <summary>Checks contact details: only their lengths and that an email address looks like one.</summary>
    public static IReadOnlyList<RuleProblem> CheckContactDetails(string? address, string? phone, string? email)
    {
        var problems = new List<RuleProblem>();
        if (address?.Trim().Length > FamilyContactDetails.AddressMaxLength)
        {
            problems.Add(new("address", "The address must be 1,000 characters or fewer"));
        }
        if (phone?.Trim().Length > FamilyContactDetails.PhoneMaxLength)
        {
            problems.Add(new("phone", "The phone number must be 50 characters or fewer"));
        }
        if (!string.IsNullOrWhiteSpace(email) && (email.Trim().Length > FamilyContactDetails.EmailMaxLength || !email.Contains('@', StringComparison.Ordinal)))
        {
            problems.Add(new("email", "Enter an email address in the correct format, like name@example.com"));
        }
        return problems;
    }

    private static void Text(List<RuleProblem> problems, string? value, string field, string missing, int max, string tooLong)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, missing));
        }
        else if (value.Trim().Length > max)
        {
            problems.Add(new(field, tooLong));
        }
    }
}
