using Scr.Core.Rules;

namespace Scr.Core.Models;

// The people of a review (seed 000 stage 3, the communication protocol and family involvement; seed 003 §6.5; WT2006
// 8.27): practitioners interviewed, with the record of each interview agreed with the interviewee; support meetings for
// the agencies' staff; and the family: who is involved, how, what they were told and every contact with them.

/// <summary>Where the record of an interview stands.</summary>
public enum InterviewStatus
{
    /// <summary>The interviewer is writing the record.</summary>
    Draft,

    /// <summary>The record is with the interviewee to check (WT2006 8.27).</summary>
    SharedForAgreement,

    /// <summary>The interviewee asked for changes: the interviewer revises the record and shares it again.</summary>
    ChangesRequested,

    /// <summary>The interviewee agreed the record; it is frozen.</summary>
    Agreed,
}

/// <summary>When in the review a staff support meeting is held (seed 003 §6.5: at least one at the start and one at the end).</summary>
public enum SupportMeetingKind
{
    Start,
    During,
    End,
}

/// <summary>Whether a family member agreed to take part.</summary>
public enum FamilyConsent
{
    NotAsked,
    Given,
    Refused,
}

/// <summary>How a contact with a family member was made.</summary>
public enum FamilyContactMethod
{
    Visit,
    Phone,
    Letter,
    Email,
    Meeting,
}

/// <summary>What an interview says, as a form or the API sends it, checked by <see cref="PeopleRules.CheckInterview"/>.</summary>
public sealed record InterviewDetails(Guid IntervieweeId, string IntervieweeName, string? IntervieweeRole, string? Agency,
    IReadOnlyList<Guid> InterviewerIds, DateOnly? HeldOn, string? ConstraintClearance = null);

/// <summary>
/// A practitioner interviewed for the review (WT2006 8.27: the record is shared with the interviewee for agreement). The
/// interviewee is a person with an account, so they can read and agree their own record; the name, role and agency are
/// kept as text, as they were on the day. Every sharing keeps the record as a numbered version with the interviewee's
/// answer; once agreed, the record is frozen.
/// </summary>
public class PractitionerInterview : IPartOfReview
{
    public const int NameMaxLength = 200;
    public const int RecordMaxLength = 40000;
    public const int CommentsMaxLength = 4000;

    private readonly List<InterviewRecordVersion> _versions = [];

    private PractitionerInterview()
    {
        IntervieweeName = "";
        InterviewerIds = [];
    }

    internal PractitionerInterview(InterviewDetails details, Guid by, DateTimeOffset now)
        : this()
    {
        Id = Guid.NewGuid();
        Status = InterviewStatus.Draft;
        CreatedAt = now;
        CreatedById = by;
        Apply(details, by, now);
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }

    /// <summary>The interviewee's account: they alone, of those outside the review team, read this interview.</summary>
    public Guid IntervieweeId { get; private set; }
    public string IntervieweeName { get; private set; }
    public string? IntervieweeRole { get; private set; }
    public string? Agency { get; private set; }

    /// <summary>Members of the review team who hold the interview.</summary>
    public IReadOnlyList<Guid> InterviewerIds { get; private set; }
    public DateOnly? HeldOn { get; private set; }

    /// <summary>
    /// When a constraint held back interviews on the day (a trial), who agreed this interview could go ahead and why, such
    /// as the Crown Prosecution Service lawyer agreeing the interviewee is not a witness (seed 000 stage 3c; WT2006 8.16).
    /// </summary>
    public string? ConstraintClearance { get; private set; }

    /// <summary>The record being written; once shared, each version is kept in <see cref="Versions"/>.</summary>
    public string? Record { get; private set; }
    public InterviewStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid UpdatedById { get; private set; }

    public IReadOnlyList<InterviewRecordVersion> Versions => _versions;

    /// <summary>The version shared last, with the interviewee's answer if they gave one.</summary>
    public InterviewRecordVersion? LatestVersion => _versions.MaxBy(v => v.Number);

    /// <summary>The agreed record: frozen.</summary>
    public bool IsAgreed => Status == InterviewStatus.Agreed;

    /// <summary>The interviewer may change the record while it is not with the interviewee and not agreed.</summary>
    public bool IsEditable => Status is InterviewStatus.Draft or InterviewStatus.ChangesRequested;

    internal void Change(InterviewDetails details, string? record, Guid by, DateTimeOffset now)
    {
        RequireEditable();
        Apply(details, by, now);
        Record = Blank(record);
    }

    /// <summary>Shares the record with the interviewee: it becomes a new version, waiting for their answer.</summary>
    internal InterviewRecordVersion Share(Guid by, DateTimeOffset now)
    {
        RequireEditable();
        if (Record is null)
        {
            throw new RuleViolationException([new RuleProblem("record", "Write the record of the interview before sharing it")]);
        }
        if (HeldOn is null)
        {
            throw new RuleViolationException([new RuleProblem("heldOn", "Enter the date of the interview before sharing the record")]);
        }
        var version = new InterviewRecordVersion(_versions.Count + 1, Record, by, now);
        _versions.Add(version);
        Status = InterviewStatus.SharedForAgreement;
        Touch(by, now);
        return version;
    }

    /// <summary>The interviewee agrees the record shared with them, which freezes it.</summary>
    internal void Agree(Guid by, DateTimeOffset now)
    {
        RequireShared();
        LatestVersion!.Answer(true, null, now);
        Status = InterviewStatus.Agreed;
        Touch(by, now);
    }

    /// <summary>The interviewee asks for changes, saying which; the interviewer revises and shares again.</summary>
    internal void RequestChanges(string comments, Guid by, DateTimeOffset now)
    {
        RequireShared();
        if (string.IsNullOrWhiteSpace(comments))
        {
            throw new RuleViolationException([new RuleProblem("comments", "Say what should change in the record")]);
        }
        if (comments.Trim().Length > CommentsMaxLength)
        {
            throw new RuleViolationException([new RuleProblem("comments", "Your comments must be 4,000 characters or fewer")]);
        }
        LatestVersion!.Answer(false, comments.Trim(), now);
        Status = InterviewStatus.ChangesRequested;
        Touch(by, now);
    }

    private void RequireEditable()
    {
        if (Status == InterviewStatus.Agreed)
        {
            throw new RuleViolationException("The interviewee agreed this record: it cannot change.");
        }
        if (Status == InterviewStatus.SharedForAgreement)
        {
            throw new RuleViolationException("The record is with the interviewee to check: wait for their answer before changing it.");
        }
    }

    private void RequireShared()
    {
        if (Status != InterviewStatus.SharedForAgreement)
        {
            throw new RuleViolationException(Status == InterviewStatus.Agreed
                ? "You have already agreed this record."
                : "The record is not waiting for your answer.");
        }
    }

    private void Apply(InterviewDetails details, Guid by, DateTimeOffset now)
    {
        IntervieweeId = details.IntervieweeId;
        IntervieweeName = details.IntervieweeName.Trim();
        IntervieweeRole = Blank(details.IntervieweeRole);
        Agency = Blank(details.Agency);
        InterviewerIds = details.InterviewerIds.Distinct().ToList();
        HeldOn = details.HeldOn;
        ConstraintClearance = Blank(details.ConstraintClearance);
        Touch(by, now);
    }

    private void Touch(Guid by, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedById = by;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A record of an interview as shared with the interviewee, and their answer: agreed, or changes asked for.</summary>
public class InterviewRecordVersion
{
    private InterviewRecordVersion()
    {
        Text = "";
    }

    internal InterviewRecordVersion(int number, string text, Guid by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Number = number;
        Text = text;
        SharedAt = now;
        SharedById = by;
    }

    public Guid Id { get; private set; }
    public Guid InterviewId { get; private set; }
    public int Number { get; private set; }
    public string Text { get; private set; }
    public DateTimeOffset SharedAt { get; private set; }
    public Guid SharedById { get; private set; }

    /// <summary>True: agreed; false: changes asked for; none: not answered yet.</summary>
    public bool? Agreed { get; private set; }
    public string? Comments { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    internal void Answer(bool agreed, string? comments, DateTimeOffset now)
    {
        Agreed = agreed;
        Comments = comments;
        AnsweredAt = now;
    }
}

/// <summary>What a staff support meeting was, as a form or the API sends it, checked by <see cref="PeopleRules.CheckMeeting"/>.</summary>
public sealed record SupportMeetingDetails(Guid AgencyId, DateOnly HeldOn, SupportMeetingKind Kind, string? Attendees, string? Notes);

/// <summary>
/// A meeting to support an agency's staff through the review (seed 003 §6.5): at least one at the start and one at the
/// end, for each agency involved. Agencies read their own.
/// </summary>
public class StaffSupportMeeting : IPartOfReview
{
    public const int TextMaxLength = 4000;

    private StaffSupportMeeting()
    {
    }

    internal StaffSupportMeeting(SupportMeetingDetails details, Guid by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        AgencyId = details.AgencyId;
        HeldOn = details.HeldOn;
        Kind = details.Kind;
        Attendees = string.IsNullOrWhiteSpace(details.Attendees) ? null : details.Attendees.Trim();
        Notes = string.IsNullOrWhiteSpace(details.Notes) ? null : details.Notes.Trim();
        RecordedAt = now;
        RecordedById = by;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public Guid AgencyId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public SupportMeetingKind Kind { get; private set; }

    /// <summary>Who attended, in words.</summary>
    public string? Attendees { get; private set; }
    public string? Notes { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid RecordedById { get; private set; }
}

/// <summary>A family member's involvement, as a form or the API sends it, checked by <see cref="PeopleRules.CheckFamilyMember"/>.</summary>
public sealed record FamilyMemberDetails(string Name, string Relationship, bool Invited, FamilyConsent Consent, DateOnly? ConsentOn,
    Guid? MetById, string? KeyWorker, string? Shared, string? Feedback, bool NotInvolved, string? NotInvolvedReasons);

/// <summary>
/// A member of the child's family and their part in the review (seed 000 stage 3; WT2006 8.12): invited or not, their
/// consent, the team member who meets them, their key worker, what has been shared with them, their feedback, or the
/// decision not to involve them with the reasons; and every contact with them. Their address, phone and email are not
/// here: they are <see cref="FamilyContactDetails"/>, read only on their own page, each read audited.
/// </summary>
public class FamilyMember : IPartOfReview
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 4000;

    private readonly List<FamilyContact> _contacts = [];

    private FamilyMember()
    {
        Name = "";
        Relationship = "";
    }

    internal FamilyMember(FamilyMemberDetails details, Guid by, DateTimeOffset now)
        : this()
    {
        Id = Guid.NewGuid();
        CreatedAt = now;
        CreatedById = by;
        Apply(details, by, now);
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public string Name { get; private set; }

    /// <summary>Relationship to the child: mother, grandfather, older brother…</summary>
    public string Relationship { get; private set; }
    public bool Invited { get; private set; }
    public FamilyConsent Consent { get; private set; }
    public DateOnly? ConsentOn { get; private set; }

    /// <summary>The review team member who meets them; with the business unit, the only people who read their contact details.</summary>
    public Guid? MetById { get; private set; }
    public string? KeyWorker { get; private set; }
    public string? Shared { get; private set; }
    public string? Feedback { get; private set; }
    public bool NotInvolved { get; private set; }
    public string? NotInvolvedReasons { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid UpdatedById { get; private set; }

    public IReadOnlyList<FamilyContact> Contacts => _contacts;

    internal void Change(FamilyMemberDetails details, Guid by, DateTimeOffset now) => Apply(details, by, now);

    internal FamilyContact LogContact(FamilyContactDetailsInput details, Guid by, DateTimeOffset now)
    {
        var contact = new FamilyContact(details, by, now);
        _contacts.Add(contact);
        Touch(by, now);
        return contact;
    }

    /// <summary>The contact details changed: the member is stamped so the case takes a new version.</summary>
    internal void ContactDetailsChanged(Guid by, DateTimeOffset now) => Touch(by, now);

    private void Apply(FamilyMemberDetails details, Guid by, DateTimeOffset now)
    {
        Name = details.Name.Trim();
        Relationship = details.Relationship.Trim();
        NotInvolved = details.NotInvolved;
        NotInvolvedReasons = details.NotInvolved ? Blank(details.NotInvolvedReasons) : null;
        Invited = !details.NotInvolved && details.Invited;
        Consent = details.Consent;
        ConsentOn = details.Consent == FamilyConsent.NotAsked ? null : details.ConsentOn;
        MetById = details.MetById;
        KeyWorker = Blank(details.KeyWorker);
        Shared = Blank(details.Shared);
        Feedback = Blank(details.Feedback);
        Touch(by, now);
    }

    private void Touch(Guid by, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedById = by;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A contact with a family member as a form or the API sends it.</summary>
public sealed record FamilyContactDetailsInput(DateOnly On, Guid ById, FamilyContactMethod Method, string Summary);

/// <summary>One contact with a family member: when, by whom (a team member), how, and what was said.</summary>
public class FamilyContact
{
    public const int SummaryMaxLength = 4000;

    private FamilyContact()
    {
        Summary = "";
    }

    internal FamilyContact(FamilyContactDetailsInput details, Guid by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        On = details.On;
        ById = details.ById;
        Method = details.Method;
        Summary = details.Summary.Trim();
        RecordedAt = now;
        RecordedById = by;
    }

    public Guid Id { get; private set; }
    public Guid FamilyMemberId { get; private set; }
    public DateOnly On { get; private set; }
    public Guid ById { get; private set; }
    public FamilyContactMethod Method { get; private set; }
    public string Summary { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid RecordedById { get; private set; }
}

/// <summary>
/// A family member's address, phone and email: the most sensitive facts the service holds. Kept in a table of their own,
/// with no navigation from <see cref="FamilyMember"/>, so no list, export or message can load them by accident; read only
/// through <c>PeopleService.ContactDetailsAsync</c>, which audits every read.
/// </summary>
public class FamilyContactDetails : IPartOfReview
{
    public const int AddressMaxLength = 1000;
    public const int PhoneMaxLength = 50;
    public const int EmailMaxLength = 254;

    private FamilyContactDetails()
    {
    }

    internal FamilyContactDetails(Guid reviewId, Guid familyMemberId)
    {
        ReviewId = reviewId;
        FamilyMemberId = familyMemberId;
    }

    public Guid FamilyMemberId { get; private set; }
    public Guid ReviewId { get; private set; }
    public string? Address { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid UpdatedById { get; private set; }

    internal void Change(string? address, string? phone, string? email, Guid by, DateTimeOffset now)
    {
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        UpdatedAt = now;
        UpdatedById = by;
    }
}
