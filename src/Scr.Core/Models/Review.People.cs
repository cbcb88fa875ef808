using Scr.Core.Rules;

namespace Scr.Core.Models;

/// <summary>The people of the review: practitioner interviews, staff support meetings, the family and contacts with them.</summary>
public partial class Review
{
    private readonly List<PractitionerInterview> _interviews = [];
    private readonly List<StaffSupportMeeting> _staffSupportMeetings = [];
    private readonly List<FamilyMember> _familyMembers = [];

    public IReadOnlyList<PractitionerInterview> Interviews => _interviews;
    public IReadOnlyList<StaffSupportMeeting> StaffSupportMeetings => _staffSupportMeetings;
    public IReadOnlyList<FamilyMember> FamilyMembers => _familyMembers;

    public PractitionerInterview FindInterview(Guid interviewId) => _interviews.FirstOrDefault(i => i.Id == interviewId)
        ?? throw new Services.NotFoundException("The interview");

    public FamilyMember FindFamilyMember(Guid memberId) => _familyMembers.FirstOrDefault(m => m.Id == memberId)
        ?? throw new Services.NotFoundException("The family member");

    /// <summary>Adds an interview. The caller has checked it (<see cref="PeopleRules.CheckInterview"/>).</summary>
    public PractitionerInterview AddInterview(InterviewDetails details, string? record, Guid by, DateTimeOffset now)
    {
        RequirePeopleOpen();
        var interview = new PractitionerInterview(details, by, now);
        interview.Change(details, record, by, now);
        _interviews.Add(interview);
        return interview;
    }

    /// <summary>Changes an interview and its record; refused while the interviewee has it and once they agreed it.</summary>
    public void ChangeInterview(Guid interviewId, InterviewDetails details, string? record, Guid by, DateTimeOffset now)
    {
        RequirePeopleOpen();
        FindInterview(interviewId).Change(details, record, by, now);
    }

    public InterviewRecordVersion ShareInterview(Guid interviewId, Guid by, DateTimeOffset now)
    {
        RequirePeopleOpen();
        return FindInterview(interviewId).Share(by, now);
    }

    /// <summary>The interviewee agrees the record (the caller has checked the person is the interviewee).</summary>
    public void AgreeInterview(Guid interviewId, Guid by, DateTimeOffset now) => FindInterview(interviewId).Agree(by, now);

    public void RequestInterviewChanges(Guid interviewId, string comments, Guid by, DateTimeOffset now) =>
        FindInterview(interviewId).RequestChanges(comments, by, now);

    /// <summary>Records a staff support meeting. The caller has checked it (<see cref="PeopleRules.CheckMeeting"/>).</summary>
    public StaffSupportMeeting AddStaffSupportMeeting(SupportMeetingDetails details, Guid by, DateTimeOffset now)
    {
        RequirePeopleOpen();
        var meeting = new StaffSupportMeeting(details, by, now);
        _staffSupportMeetings.Add(meeting);
        return meeting;
    }

    /// <summary>Adds a family member. The caller has checked it (<see cref="PeopleRules.CheckFamilyMember"/>).</summary>
    public FamilyMember AddFamilyMember(FamilyMemberDetails details, Guid by, DateTimeOffset now)
    {
        RequirePeopleOpen();
        var member = new FamilyMember(details, by, now);
        _familyMembers.Add(member);
        return member;
    }

    public void ChangeFamilyMember(Guid memberId, FamilyMemberDetails details, Guid by, DateTimeOffset now)
    {
        RequirePeopleOpen();
        FindFamilyMember(memberId).Change(details, by, now);
    }

    public FamilyContact LogFamilyContact(Guid memberId, FamilyContactDetailsInput details, Guid by, DateTimeOffset now)
    {
        RequirePeopleOpen();
        return FindFamilyMember(memberId).LogContact(details, by, now);
    }

    private void RequirePeopleOpen()
    {
        if (!IsOpen)
        {
            throw new RuleViolationException("The review is closed: its interviews, meetings and family records can no longer change.");
        }
    }
}
