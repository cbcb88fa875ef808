using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Messages;
using Scr.Core.Services.Reviews;

namespace Scr.Core.Services.People;

/// <summary>
/// The people of a case as one person may see them: for the board and the review team, every interview, staff support
/// meeting and family member (never their contact details); for an involved agency, its own staff support meetings only.
/// With the constraints in force today that hold back interviews or contact with the family.
/// </summary>
public sealed record PeopleView(ReviewView View, IReadOnlyList<PractitionerInterview> Interviews, IReadOnlyList<StaffSupportMeeting> Meetings,
    IReadOnlyList<AgencySupport> Support, IReadOnlyList<FamilyMember> Family, IReadOnlyList<ConstraintInForce> InterviewConstraints,
    IReadOnlyList<ConstraintInForce> FamilyConstraints, IReadOnlyDictionary<Guid, string> People, DateOnly Today, bool MaySeeAll, bool MayRecord)
{
    public Review Review => View.Review;

    public string NameOf(Guid? userId) => userId is { } id && People.TryGetValue(id, out var name) ? name : "Unknown";

    public string AgencyName(Guid agencyId) => Review.Agencies.FirstOrDefault(a => a.AgencyId == agencyId)?.Agency?.Name ?? "Unknown agency";

    /// <summary>The review team, for choosing interviewers and who meets a family member.</summary>
    public IReadOnlyList<(Guid Id, string Name)> TeamMembers =>
        Review.Team.Select(t => (t.UserId, t.User?.DisplayName ?? NameOf(t.UserId))).DistinctBy(t => t.UserId).OrderBy(t => t.Item2, StringComparer.Ordinal).ToList();
}

/// <summary>
/// One interview as one person may see it: the interviewee sees it with the case's reference only; the board and the
/// review team with the whole case. What they may do with it.
/// </summary>
public sealed record InterviewView(PractitionerInterview Interview, string CaseReference, Guid ReviewId, Guid Version, PeopleView? People,
    IReadOnlyList<ConstraintInForce> Constraints, IReadOnlyDictionary<Guid, string> Names, string? IntervieweeEmail, bool MayEdit, bool MayAnswer)
{
    public string NameOf(Guid? userId) => userId is { } id && Names.TryGetValue(id, out var name) ? name : "Unknown";
}

/// <summary>A family member with their contact log, and whether the person may open their contact details.</summary>
public sealed record FamilyMemberView(PeopleView People, FamilyMember Member, bool MaySeeContactDetails, bool MayChangeContactDetails)
{
    public Review Review => People.Review;
}

/// <summary>A family member's contact details, as read by someone allowed to (the read was audited).</summary>
public sealed record ContactDetailsView(FamilyMemberView Family, string? Address, string? Phone, string? Email);

/// <summary>An interview record waiting for the signed-in person to check it.</summary>
public sealed record InterviewToCheck(Guid InterviewId, string CaseReference, DateOnly? HeldOn, int Version, DateTimeOffset SharedAt);

/// <summary>
/// The people of a review (seed 000 stage 3; seed 003 §6.5; WT2006 8.27): practitioner interviews and the agreement of
/// their records with the interviewee, staff support meetings, and the family's involvement with the log of contacts.
/// Who may do what is <see cref="ReviewAccessRules"/>; what each must say is <see cref="PeopleRules"/>. Every change and
/// every read is audited; a family member's contact details are read only through <see cref="ContactDetailsAsync"/>,
/// each read audited as <see cref="AuditActions.FamilyContactDetailsRead"/>, and nothing else here returns them.
/// </summary>
public sealed class PeopleService(ScrDbContext db, ReviewService reviews, AuditLog audit, Messenger messenger, TimeProvider clock)
{
    private DateOnly Today => UkTime.DateOf(clock.GetUtcNow());

    /// <summary>The people of the case as the person may see them (the read is audited); those with no part to see are refused.</summary>
    public async Task<PeopleView> GetAsync(Guid id, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var people = await BuildAsync(await LoadAsync(id, principal, cancellationToken), principal, cancellationToken);
        await audit.RecordNowAsync(actor, AuditActions.PeopleRead, people.Review.BoardId, "review", id.ToString(),
            $"interviews={people.Interviews.Count}; meetings={people.Meetings.Count}; family={people.Family.Count}", cancellationToken);
        return people;
    }

    /// <summary>Loads the case (tracked) with its people; never the family's contact details.</summary>
    private async Task<ReviewView> LoadAsync(Guid id, Principal principal, CancellationToken cancellationToken)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: true, cancellationToken);
        var entry = db.Entry(view.Review);
        await entry.Collection(r => r.Interviews).Query().Include(i => i.Versions).LoadAsync(cancellationToken);
        await entry.Collection(r => r.StaffSupportMeetings).LoadAsync(cancellationToken);
        await entry.Collection(r => r.FamilyMembers).Query().Include(m => m.Contacts).LoadAsync(cancellationToken);
        return view;
    }

    private async Task<PeopleView> BuildAsync(ReviewView view, Principal principal, CancellationToken cancellationToken)
    {
        var review = view.Review;
        var all = ReviewAccessRules.MaySeePeople(view.Access);
        var meetings = review.StaffSupportMeetings.Where(m => ReviewAccessRules.MaySeeStaffSupport(principal, view.Access, review, m.AgencyId))
            .OrderBy(m => m.HeldOn).ToList();
        if (!all && meetings.Count == 0 && ReviewAccessRules.AgenciesActingFor(principal, review).Count == 0)
        {
            throw new ForbiddenException("Only the board, the review team and the agencies involved see the people of the review.");
        }
        var support = PeopleRules.StaffSupport(review)
            .Where(s => ReviewAccessRules.MaySeeStaffSupport(principal, view.Access, review, s.AgencyId)).ToList();
        var interviews = all ? review.Interviews.OrderBy(i => i.HeldOn ?? DateOnly.MaxValue).ThenBy(i => i.CreatedAt).ToList() : [];
        var family = all ? review.FamilyMembers.OrderBy(m => m.CreatedAt).ToList() : [];
        var ids = interviews.SelectMany(i => i.InterviewerIds.Append(i.UpdatedById))
            .Concat(family.SelectMany(m => m.Contacts.Select(c => c.ById)).Concat(family.Select(m => m.MetById).OfType<Guid>()))
            .Concat(meetings.Select(m => m.RecordedById))
            .Concat(review.Team.Select(t => t.UserId))
            .Distinct().ToList();
        var names = await NamesAsync(ids, cancellationToken);
        var today = Today;
        return new PeopleView(view, interviews, meetings, support, family, PeopleRules.InterviewConstraints(review.ParallelProcesses, today),
            ParallelProcessRules.InForce(review.ParallelProcesses, today, ConstrainedActivity.FamilyContact), names, today, all,
            all && ReviewAccessRules.MayRecordPeople(principal, review));
    }

    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

    /// <summary>The people of the case for someone who records them; others are refused.</summary>
    private async Task<PeopleView> EditableAsync(Guid id, Principal principal, CancellationToken cancellationToken)
    {
        var people = await BuildAsync(await LoadAsync(id, principal, cancellationToken), principal, cancellationToken);
        if (!people.MayRecord)
        {
            throw people.Review.IsOpen
                ? new ForbiddenException("Only the business unit and the review team record interviews, meetings and the family's involvement.")
                : new RuleViolationException("The review is closed: its interviews, meetings and family records can no longer change.");
        }
        return people;
    }

    // Interviews.

    /// <summary>
    /// Adds an interview: the interviewee is named by their account's email address; the date is refused while a
    /// constraint holds back interviews (<see cref="PeopleRules.CheckInterview"/>).
    /// </summary>
    public async Task<PractitionerInterview> AddInterviewAsync(Guid id, InterviewInput input, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var review = (await EditableAsync(id, principal, cancellationToken)).Review;
        var details = await CheckInterviewAsync(input, review, cancellationToken);
        reviews.ExpectVersion(review, expectedVersion);
        var interview = review.AddInterview(details, input.Record, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.InterviewAdded, review.BoardId, "interview", interview.Id.ToString(),
            $"review={review.Id}; interviewee={interview.IntervieweeId}; heldOn={interview.HeldOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");
        await reviews.SaveAsync(cancellationToken);
        return interview;
    }

    private async Task<InterviewDetails> CheckInterviewAsync(InterviewInput input, Review review, CancellationToken cancellationToken)
    {
        Guid? intervieweeId = null;
        if (!string.IsNullOrWhiteSpace(input.IntervieweeEmail))
        {
            var normalised = input.IntervieweeEmail.Trim().ToUpperInvariant();
            intervieweeId = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised && u.DisabledAt == null)
                .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        }
        var (details, problems) = PeopleRules.CheckInterview(input, intervieweeId, review);
        RuleViolationException.ThrowIfAny(problems);
        return details!;
    }

    /// <summary>The interview for the board and the review team, with the whole case (the read is audited).</summary>
    public async Task<InterviewView> GetInterviewAsync(Guid id, Guid interviewId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var people = await BuildAsync(await LoadAsync(id, principal, cancellationToken), principal, cancellationToken);
        var interview = people.MaySeeAll ? people.Review.FindInterview(interviewId) : throw new NotFoundException("The interview");
        await audit.RecordNowAsync(actor, AuditActions.InterviewRead, people.Review.BoardId, "interview", interviewId.ToString(), $"review={id}",
            cancellationToken);
        return await InterviewViewAsync(interview, people.Review, people, principal, cancellationToken);
    }

    private async Task<InterviewView> InterviewViewAsync(PractitionerInterview interview, Review review, PeopleView? people, Principal principal,
        CancellationToken cancellationToken)
    {
        var names = await NamesAsync(interview.InterviewerIds.Append(interview.UpdatedById).Concat(interview.Versions.Select(v => v.SharedById))
            .Distinct().ToList(), cancellationToken);
        var constraints = PeopleRules.InterviewConstraints(review.ParallelProcesses, interview.HeldOn ?? Today);
        var email = await db.Users.AsNoTracking().Where(u => u.Id == interview.IntervieweeId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return new InterviewView(interview, review.Reference, review.Id, review.Version, people, constraints, names, email,
            people?.MayRecord == true && interview.IsEditable, ReviewAccessRules.MayAnswerInterview(principal, interview));
    }

    /// <summary>Changes an interview and its record: refused while the interviewee has it, and once they agreed it.</summary>
    public async Task<PractitionerInterview> ChangeInterviewAsync(Guid id, Guid interviewId, InterviewInput input, Guid expectedVersion, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var review = (await EditableAsync(id, principal, cancellationToken)).Review;
        var interview = review.FindInterview(interviewId);
        var details = await CheckInterviewAsync(input, review, cancellationToken);
        reviews.ExpectVersion(review, expectedVersion);
        review.ChangeInterview(interviewId, details, input.Record, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.InterviewChanged, review.BoardId, "interview", interviewId.ToString(),
            $"review={review.Id}; record={interview.Record?.Length ?? 0} characters");
        await reviews.SaveAsync(cancellationToken);
        return interview;
    }

    /// <summary>Shares the record with the interviewee for agreement (WT2006 8.27) as a new version; they are told, with a link.</summary>
    public async Task<InterviewRecordVersion> ShareInterviewAsync(Guid id, Guid interviewId, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var review = (await EditableAsync(id, principal, cancellationToken)).Review;
        var interview = review.FindInterview(interviewId);
        var constraints = PeopleRules.InterviewConstraints(review.ParallelProcesses, interview.HeldOn ?? Today);
        if (constraints.Count > 0 && interview.ConstraintClearance is null)
        {
            throw new RuleViolationException([new RuleProblem("heldOn",
                $"Interviews are held back on that date: “{constraints[0].Constraint.Description}”. Change the date of the interview")]);
        }
        reviews.ExpectVersion(review, expectedVersion);
        var version = review.ShareInterview(interviewId, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.InterviewShared, review.BoardId, "interview", interviewId.ToString(), $"review={review.Id}; version={version.Number}");
        var interviewee = await db.Users.AsNoTracking().Where(u => u.Id == interview.IntervieweeId && u.DisabledAt == null)
            .Select(u => new Recipient(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(cancellationToken);
        messenger.Tell(interviewee, null, "Your interview record is ready for you to check",
            $"The record of your interview for case {review.Reference} is ready. Read it, then agree it or say what should change.",
            $"/interviews/{interviewId}");
        await reviews.SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return version;
    }

    /// <summary>
    /// An interview for its interviewee (who may see nothing else of the case) or for the board and the review team;
    /// anyone else is told it does not exist. The read is audited.
    /// </summary>
    public async Task<InterviewView> GetOwnInterviewAsync(Guid interviewId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var (interview, review) = await LoadInterviewAsync(interviewId, principal, cancellationToken);
        await audit.RecordNowAsync(actor, AuditActions.InterviewRead, review.BoardId, "interview", interviewId.ToString(),
            $"review={review.Id}; as={(interview.IntervieweeId == principal.UserId ? "interviewee" : "team")}", cancellationToken);
        return await InterviewViewAsync(interview, review, null, principal, cancellationToken);
    }

    private async Task<(PractitionerInterview Interview, Review Review)> LoadInterviewAsync(Guid interviewId, Principal principal,
        CancellationToken cancellationToken)
    {
        var interview = await db.PractitionerInterviews.Include(i => i.Versions).FirstOrDefaultAsync(i => i.Id == interviewId, cancellationToken)
            ?? throw new NotFoundException("The interview");
        var review = await db.Reviews
            .Include(r => r.Team)
            .Include(r => r.Agencies)
            .Include(r => r.ParallelProcesses).ThenInclude(p => p.Constraints)
            .AsSplitQuery()
            .FirstAsync(r => r.Id == interview.ReviewId, cancellationToken);
        var access = ReviewAccessRules.For(principal, ReviewAccessFacts.Of(review));
        if (!ReviewAccessRules.MaySeeInterview(principal, access, interview))
        {
            throw new NotFoundException("The interview");
        }
        return (interview, review);
    }

    /// <summary>
    /// The interviewee agrees the record shared with them (which freezes it) or asks for changes, saying which; the
    /// interviewers are told. Only the interviewee may answer.
    /// </summary>
    public async Task<PractitionerInterview> AnswerInterviewAsync(Guid interviewId, bool agree, string? comments, Guid expectedVersion, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var (interview, review) = await LoadInterviewAsync(interviewId, principal, cancellationToken);
        if (!ReviewAccessRules.MayAnswerInterview(principal, interview))
        {
            throw new ForbiddenException("Only the interviewee agrees the record of their interview.");
        }
        reviews.ExpectVersion(review, expectedVersion);
        var now = clock.GetUtcNow();
        if (agree)
        {
            review.AgreeInterview(interviewId, principal.UserId, now);
        }
        else
        {
            review.RequestInterviewChanges(interviewId, comments ?? "", principal.UserId, now);
        }
        audit.Record(actor, agree ? AuditActions.InterviewAgreed : AuditActions.InterviewChangesRequested, review.BoardId, "interview",
            interviewId.ToString(), $"review={review.Id}; version={interview.LatestVersion?.Number}");
        var interviewers = interview.InterviewerIds.Append(interview.UpdatedById).Distinct().ToList();
        var recipients = await db.Users.AsNoTracking().Where(u => interviewers.Contains(u.Id) && u.DisabledAt == null && u.Id != principal.UserId)
            .Select(u => new Recipient(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(cancellationToken);
        messenger.Tell(recipients, review.Id, agree ? $"Interview record agreed: case {review.Reference}" : $"Changes asked for to an interview record: case {review.Reference}",
            agree ? $"{interview.IntervieweeName} agreed the record of their interview." : $"{interview.IntervieweeName} asked for changes to the record of their interview.",
            $"/cases/{review.Id}/people/interviews/{interviewId}");
        await reviews.SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return interview;
    }

    /// <summary>The interview records waiting for the person to check, newest first (for their dashboard).</summary>
    public async Task<IReadOnlyList<InterviewToCheck>> ToCheckAsync(Principal principal, CancellationToken cancellationToken = default)
    {
        var rows = await db.PractitionerInterviews.AsNoTracking()
            .Where(i => i.IntervieweeId == principal.UserId && i.Status == InterviewStatus.SharedForAgreement)
            .Select(i => new { i.Id, i.ReviewId, i.HeldOn, Versions = i.Versions.Select(v => new { v.Number, v.SharedAt }).ToList() })
            .ToListAsync(cancellationToken);
        var reviewIds = rows.Select(r => r.ReviewId).Distinct().ToList();
        var references = await db.Reviews.AsNoTracking().Where(r => reviewIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Reference, cancellationToken);
        return rows.Select(r =>
            {
                var latest = r.Versions.MaxBy(v => v.Number);
                return new InterviewToCheck(r.Id, references.GetValueOrDefault(r.ReviewId, ""), r.HeldOn, latest?.Number ?? 0,
                    latest?.SharedAt ?? DateTimeOffset.MinValue);
            })
            .OrderByDescending(r => r.SharedAt).ToList();
    }

    // Staff support meetings.

    public async Task<StaffSupportMeeting> AddMeetingAsync(Guid id, SupportMeetingInput input, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var review = (await EditableAsync(id, principal, cancellationToken)).Review;
        var (details, problems) = PeopleRules.CheckMeeting(input, review, Today);
        RuleViolationException.ThrowIfAny(problems);
        reviews.ExpectVersion(review, expectedVersion);
        var meeting = review.AddStaffSupportMeeting(details!, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.StaffSupportMeetingAdded, review.BoardId, "review", review.Id.ToString(),
            $"meeting={meeting.Id}; agency={meeting.AgencyId}; kind={meeting.Kind}");
        await reviews.SaveAsync(cancellationToken);
        return meeting;
    }

    // The family.

    public async Task<FamilyMember> AddFamilyMemberAsync(Guid id, FamilyMemberInput input, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var review = (await EditableAsync(id, principal, cancellationToken)).Review;
        var (details, problems) = PeopleRules.CheckFamilyMember(input, review, Today);
        RuleViolationException.ThrowIfAny(problems);
        reviews.ExpectVersion(review, expectedVersion);
        var member = review.AddFamilyMember(details!, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.FamilyMemberAdded, review.BoardId, "family-member", member.Id.ToString(),
            $"review={review.Id}; {Involvement(member)}");
        await reviews.SaveAsync(cancellationToken);
        return member;
    }

    public async Task<FamilyMember> ChangeFamilyMemberAsync(Guid id, Guid memberId, FamilyMemberInput input, Guid expectedVersion, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var review = (await EditableAsync(id, principal, cancellationToken)).Review;
        var member = review.FindFamilyMember(memberId);
        var (details, problems) = PeopleRules.CheckFamilyMember(input, review, Today);
        RuleViolationException.ThrowIfAny(problems);
        reviews.ExpectVersion(review, expectedVersion);
        review.ChangeFamilyMember(memberId, details!, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.FamilyMemberChanged, review.BoardId, "family-member", memberId.ToString(),
            $"review={review.Id}; {Involvement(member)}");
        await reviews.SaveAsync(cancellationToken);
        return member;
    }

    private static string Involvement(FamilyMember member) =>
        $"invited={member.Invited}; consent={member.Consent}; notInvolved={member.NotInvolved}; metBy={member.MetById?.ToString() ?? "none"}";

    /// <summary>A family member with their contact log, for the board and the review team (the read is audited; contact details are not in it).</summary>
    public async Task<FamilyMemberView> GetFamilyMemberAsync(Guid id, Guid memberId, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var view = await FamilyMemberAsync(id, memberId, principal, cancellationToken);
        await audit.RecordNowAsync(actor, AuditActions.FamilyMemberRead, view.Review.BoardId, "family-member", memberId.ToString(), $"review={id}",
            cancellationToken);
        return view;
    }

    private async Task<FamilyMemberView> FamilyMemberAsync(Guid id, Guid memberId, Principal principal, CancellationToken cancellationToken)
    {
        var people = await BuildAsync(await LoadAsync(id, principal, cancellationToken), principal, cancellationToken);
        var member = people.MaySeeAll ? people.Review.FindFamilyMember(memberId) : throw new NotFoundException("The family member");
        return new FamilyMemberView(people, member, ReviewAccessRules.MaySeeFamilyContactDetails(principal, people.Review, member),
            ReviewAccessRules.MayChangeFamilyContactDetails(principal, people.Review, member));
    }

    public async Task<FamilyContact> LogContactAsync(Guid id, Guid memberId, FamilyContactInput input, Guid expectedVersion, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var review = (await EditableAsync(id, principal, cancellationToken)).Review;
        review.FindFamilyMember(memberId);
        var (details, problems) = PeopleRules.CheckContact(input, review, principal.UserId, Today);
        RuleViolationException.ThrowIfAny(problems);
        reviews.ExpectVersion(review, expectedVersion);
        var contact = review.LogFamilyContact(memberId, details!, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.FamilyContactLogged, review.BoardId, "family-member", memberId.ToString(),
            $"review={review.Id}; contact={contact.Id}; method={contact.Method}");
        await reviews.SaveAsync(cancellationToken);
        return contact;
    }

    /// <summary>
    /// A family member's address, phone and email, for the business unit and the team member who meets them; anyone else
    /// is refused. Every read writes an audit entry of its own (<see cref="AuditActions.FamilyContactDetailsRead"/>).
    /// </summary>
    public async Task<ContactDetailsView> ContactDetailsAsync(Guid id, Guid memberId, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var view = await FamilyMemberAsync(id, memberId, principal, cancellationToken);
        if (!view.MaySeeContactDetails)
        {
            throw new ForbiddenException("Only the business unit and the review team member who meets them see a family member's contact details.");
        }
        var details = await db.FamilyContactDetails.AsNoTracking().FirstOrDefaultAsync(d => d.FamilyMemberId == memberId, cancellationToken);
        await audit.RecordNowAsync(actor, AuditActions.FamilyContactDetailsRead, view.Review.BoardId, "family-member", memberId.ToString(),
            $"review={id}", cancellationToken);
        return new ContactDetailsView(view, details?.Address, details?.Phone, details?.Email);
    }

    /// <summary>Changes a family member's contact details; the audit says that they changed, never what they are.</summary>
    public async Task ChangeContactDetailsAsync(Guid id, Guid memberId, string? address, string? phone, string? email, Guid expectedVersion,
        Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await FamilyMemberAsync(id, memberId, principal, cancellationToken);
        if (!view.MayChangeContactDetails)
        {
            throw view.Review.IsOpen
                ? new ForbiddenException("Only the business unit and the review team member who meets them change a family member's contact details.")
                : new RuleViolationException("The review is closed: its family records can no longer change.");
        }
        RuleViolationException.ThrowIfAny(PeopleRules.CheckContactDetails(address, phone, email));
        reviews.ExpectVersion(view.Review, expectedVersion);
        var details = await db.FamilyContactDetails.FirstOrDefaultAsync(d => d.FamilyMemberId == memberId, cancellationToken);
        if (details is null)
        {
            details = new FamilyContactDetails(view.Review.Id, memberId);
            db.FamilyContactDetails.Add(details);
        }
        var now = clock.GetUtcNow();
        details.Change(address, phone, email, principal.UserId, now);
        view.Member.ContactDetailsChanged(principal.UserId, now);
        audit.Record(actor, AuditActions.FamilyContactDetailsChanged, view.Review.BoardId, "family-member", memberId.ToString(), $"review={id}");
        await reviews.SaveAsync(cancellationToken);
    }
}
