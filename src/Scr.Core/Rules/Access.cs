using System.Linq.Expressions;
using Scr.Core.Models;

namespace Scr.Core.Rules;

/// <summary>A role held in one organisation, with the boards that organisation belongs to or serves.</summary>
public sealed record Grant(Role Role, Guid? OrganisationId, OrganisationKind? OrganisationKind, IReadOnlyList<Guid> BoardIds);

/// <summary>Who is asking: a signed-in person and every role they hold.</summary>
public sealed class Principal(Guid userId, string name, IReadOnlyList<Grant> grants)
{
    public Guid UserId { get; } = userId;
    public string Name { get; } = name;
    public IReadOnlyList<Grant> Grants { get; } = grants;

    public bool Holds(Role role) => Grants.Any(g => g.Role == role);

    public bool HoldsOnBoard(Guid boardId, params Role[] roles) =>
        Grants.Any(g => roles.Contains(g.Role) && g.OrganisationKind == OrganisationKind.Board && g.OrganisationId == boardId);

    public bool IsSystemAdministrator => Holds(Role.SystemAdministrator);
    public bool IsPanelMember => Holds(Role.PanelMember);

    /// <summary>Boards on which the person holds one of the given board roles.</summary>
    public IReadOnlyList<Guid> BoardsWhere(params Role[] roles) =>
        Grants.Where(g => roles.Contains(g.Role) && g.OrganisationKind == OrganisationKind.Board && g.OrganisationId is not null)
            .Select(g => g.OrganisationId!.Value).Distinct().ToList();

    /// <summary>Agency roles as (agency, boards it serves).</summary>
    public IReadOnlyList<Grant> AgencyGrants =>
        Grants.Where(g => g.OrganisationKind == OrganisationKind.Agency && ReviewAccessRules.AgencyRoles.Contains(g.Role)).ToList();

    /// <summary>Every board the person has any role in, directly or through an agency that serves it.</summary>
    public IReadOnlyList<Guid> AllBoards => Grants.SelectMany(g => g.BoardIds).Distinct().ToList();
}

public enum ReviewAccess
{
    None,

    /// <summary>An agency involved in or referring the case: the case's outline and its own items.</summary>
    AgencySummary,

    /// <summary>The board's business unit, chair and sub-group, and the review team.</summary>
    Full,
}

/// <summary>The facts about a case that decide who may see it.</summary>
public sealed record ReviewAccessFacts(Guid BoardId, IReadOnlyCollection<Guid> TeamUserIds, IReadOnlyCollection<Guid> AgencyIds,
    Guid? ReferringAgencyId)
{
    public static ReviewAccessFacts Of(Review review) => new(review.BoardId, review.Team.Select(t => t.UserId).ToList(),
        review.Agencies.Select(a => a.AgencyId).ToList(), review.ReferringAgencyId);
}

/// <summary>Who may see a case, and at what level. The one place these rules live.</summary>
public static class ReviewAccessRules
{
    /// <summary>Board roles that see every case of their board.</summary>
    public static readonly Role[] BoardCaseRoles = [Role.BusinessUnitOfficer, Role.BoardChair, Role.SubGroupMember];

    public static readonly Role[] AgencyRoles = [Role.AgencyLead, Role.AgencyReviewAuthor];

    /// <summary>Board roles that may notify a case to the board (agencies notify through their agency roles).</summary>
    public static readonly Role[] BoardNotifierRoles = [Role.BusinessUnitOfficer, Role.BoardChair];

    /// <summary>Board administrators: they manage the board's people and read its audit log.</summary>
    public static readonly Role[] BoardAdministratorRoles = [Role.BusinessUnitOfficer, Role.BoardChair];

    public static ReviewAccess For(Principal principal, ReviewAccessFacts review)
    {
        if (principal.HoldsOnBoard(review.BoardId, BoardCaseRoles) || review.TeamUserIds.Contains(principal.UserId))
        {
            return ReviewAccess.Full;
        }
        if (principal.AgencyGrants.Any(g => g.BoardIds.Contains(review.BoardId)
            && g.OrganisationId is { } agencyId
            && (review.AgencyIds.Contains(agencyId) || review.ReferringAgencyId == agencyId)))
        {
            return ReviewAccess.AgencySummary;
        }
        // The National Panel never opens the case record: it reads only what was sent to it (PanelSubmission).
        return ReviewAccess.None;
    }

    /// <summary>
    /// The same rule as <see cref="For"/>, as a query filter: the cases the person may see at any level.
    /// </summary>
    public static Expression<Func<Review, bool>> VisibleTo(Principal principal)
    {
        var userId = principal.UserId;
        var fullBoards = principal.BoardsWhere(BoardCaseRoles);
        var agencyIds = principal.AgencyGrants.Where(g => g.OrganisationId is not null).Select(g => g.OrganisationId!.Value).Distinct().ToList();
        var agencyBoards = principal.AgencyGrants.SelectMany(g => g.BoardIds).Distinct().ToList();

        if (agencyIds.Count == 0)
        {
            return r => fullBoards.Contains(r.BoardId)
                || r.Team.Any(t => t.UserId == userId);
        }
        // The coarse agency filter below is narrowed to exact (agency, board) pairs by For() on each row.
        return r => fullBoards.Contains(r.BoardId)
            || r.Team.Any(t => t.UserId == userId)
            || (agencyBoards.Contains(r.BoardId)
                && (r.Agencies.Any(a => agencyIds.Contains(a.AgencyId)) || (r.ReferringAgencyId != null && agencyIds.Contains(r.ReferringAgencyId.Value))));
    }

    /// <summary>The parts the person plays in this case, for the lifecycle's "who may".</summary>
    public static IReadOnlySet<CaseActor> ActorsIn(Principal principal, Review review)
    {
        var actors = new HashSet<CaseActor>();
        if (principal.HoldsOnBoard(review.BoardId, Role.BoardChair))
        {
            actors.Add(CaseActor.BoardChair);
        }
        if (principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer))
        {
            actors.Add(CaseActor.BusinessUnitOfficer);
        }
        if (review.Team.Any(t => t.UserId == principal.UserId && t.Role == TeamRole.LeadReviewer))
        {
            actors.Add(CaseActor.LeadReviewer);
        }
        return actors;
    }

    /// <summary>Business unit officers and the chair choose the review team.</summary>
    public static bool MayManageTeam(Principal principal, Review review) =>
        review.IsOpen && principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer, Role.BoardChair);

    /// <summary>
    /// The board chair records a justified exception to a declared conflict, so the person may still join the review
    /// team (WT2006 8.20); the business unit may not.
    /// </summary>
    public static bool MayExceptConflict(Principal principal, Review review) => review.IsOpen && IsChairOf(principal, review);

    /// <summary>Those who choose the review team match the case to reviewers on the register and appoint from the match.</summary>
    public static bool MayMatchReviewers(Principal principal, Review review) => MayManageTeam(principal, review);

    /// <summary>The board's own people, and agencies serving the board, may notify a case to it.</summary>
    public static bool MayNotify(Principal principal, Guid boardId) =>
        principal.HoldsOnBoard(boardId, BoardNotifierRoles)
        || principal.AgencyGrants.Any(g => g.BoardIds.Contains(boardId));

    /// <summary>Boards to which the person may notify a case.</summary>
    public static IReadOnlyList<Guid> BoardsToNotify(Principal principal) =>
        principal.BoardsWhere(BoardNotifierRoles).Concat(principal.AgencyGrants.SelectMany(g => g.BoardIds)).Distinct().ToList();

    public static bool MayReadBoardAudit(Principal principal, Guid boardId) =>
        principal.HoldsOnBoard(boardId, BoardAdministratorRoles);

    // Stage 1: who does what before the chair's decision (seed 000 Stage 1; WT2006 8.10–8.11, 8.21).

    /// <summary>The involved agencies of the case for which this person acts (as agency lead or review author).</summary>
    public static IReadOnlyList<Guid> AgenciesActingFor(Principal principal, Review review) =>
        principal.AgencyGrants
            .Where(g => g.OrganisationId is { } id && g.BoardIds.Contains(review.BoardId) && review.Agencies.Any(a => a.AgencyId == id))
            .Select(g => g.OrganisationId!.Value).Distinct().ToList();

    /// <summary>An agency secures its own records and writes its own file review; the business unit may record either for it.</summary>
    public static bool MayActForAgency(Principal principal, Review review, Guid agencyId) =>
        AgenciesActingFor(principal, review).Contains(agencyId) || principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer);

    /// <summary>
    /// The board sees every file review; an agency sees its own, and the others only once they are shared with the
    /// involved agencies.
    /// </summary>
    public static bool MaySeeFileReview(Principal principal, ReviewAccess access, Review review, Guid agencyId) =>
        access == ReviewAccess.Full
        || (access == ReviewAccess.AgencySummary
            && (AgenciesActingFor(principal, review).Contains(agencyId) || review.FileReviewsSharedAt is not null));

    public static bool MayPrepareSummary(Principal principal, Review review) =>
        principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer);

    public static bool MayShareFileReviews(Principal principal, Review review) =>
        principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer, Role.SubGroupMember);

    /// <summary>The sub-group recommends; the business unit may record the recommendation the sub-group made.</summary>
    public static bool MayRecommend(Principal principal, Review review) =>
        principal.HoldsOnBoard(review.BoardId, Role.SubGroupMember, Role.BusinessUnitOfficer);

    /// <summary>
    /// The board's own people (business unit, chair, sub-group) see the board's side of stage 1: peer reviews of the
    /// chair's consideration and who was told what. Review team members from elsewhere do not.
    /// </summary>
    public static bool MaySeeBoardRecords(Principal principal, Review review) => principal.HoldsOnBoard(review.BoardId, BoardCaseRoles);

    public static bool IsChairOf(Principal principal, Review review) => principal.HoldsOnBoard(review.BoardId, Role.BoardChair);

    /// <summary>
    /// Who was told what (seed 000 Stage 1), for those who may read the case: the board's own people see every
    /// communication; anyone acting for an involved agency sees those made to that agency; nobody else sees any.
    /// </summary>
    public static bool MaySeeCommunication(Principal principal, Review review, CaseCommunication communication) =>
        MaySeeBoardRecords(principal, review)
        || (communication.AgencyId is { } agencyId && AgenciesActingFor(principal, review).Contains(agencyId));

    /// <summary>
    /// The board's business unit and its chairs record a communication made outside the service (a letter to the
    /// coroner, a call to the director of children's services), at any stage and after the case closes.
    /// </summary>
    public static bool MayRecordCommunication(Principal principal, Review review) =>
        principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer, Role.BoardChair);

    // The review's timetable (seed 000 stages 3 and 4): parallel processes, constraints, milestones and changes of timeline.

    /// <summary>
    /// The board's own people and the review team see a case's timetable: its parallel processes (with the SIO's name and
    /// what the police or the court asked) are the review's confidential working, not shared with involved agencies.
    /// </summary>
    public static bool MaySeeTimetable(ReviewAccess access) => access == ReviewAccess.Full;

    /// <summary>
    /// Everyone who may see a case sees the constraints in force on it (what it holds back, in words): they bind every agency
    /// working on the review, such as an agency author interviewing staff before a trial.
    /// </summary>
    public static bool MaySeeConstraints(ReviewAccess access) => access != ReviewAccess.None;

    /// <summary>The business unit and the review team keep the timetable: parallel processes, constraints, milestones done.</summary>
    public static bool MayEditTimetable(Principal principal, Review review) =>
        review.IsOpen && (principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer) || review.IsOnTeam(principal.UserId));

    /// <summary>Those who keep the timetable, and the chair, may propose a new date for a milestone.</summary>
    public static bool MayProposeTimelineChange(Principal principal, Review review) =>
        MayEditTimetable(principal, review) || (review.IsOpen && IsChairOf(principal, review));

    /// <summary>The chair agrees (or refuses) any change of timeline (seed 000 Stage 3b).</summary>
    public static bool MayDecideTimelineChange(Principal principal, Review review) => review.IsOpen && IsChairOf(principal, review);

    /// <summary>
    /// The board's timetable of all its reviews is for the board's own people (business unit, chair, sub-group); agencies
    /// and review team members from elsewhere do not see it.
    /// </summary>
    public static bool MaySeeBoardTimetable(Principal principal, Guid boardId) => principal.HoldsOnBoard(boardId, BoardCaseRoles);

    /// <summary>The boards whose timetable the person may see.</summary>
    public static IReadOnlyList<Guid> BoardTimetables(Principal principal) => principal.BoardsWhere(BoardCaseRoles);

    // The terms of reference (seed 000 Stage 2): drafted by the business unit and the review team, signed off by the chair.

    /// <summary>The board's own people and the review team read every version of the terms of reference, drafts included.</summary>
    public static bool MaySeeTermsDrafts(ReviewAccess access) => access == ReviewAccess.Full;

    /// <summary>
    /// Who reads the terms of reference the chair signed off: those who see the drafts, and anyone acting for an agency
    /// involved in the case (the terms say what the review asks of it). An agency that only referred the case does not.
    /// </summary>
    public static bool MaySeeSignedOffTerms(Principal principal, ReviewAccess access, Review review) =>
        MaySeeTermsDrafts(access) || (access == ReviewAccess.AgencySummary && AgenciesActingFor(principal, review).Count > 0);

    /// <summary>
    /// The business unit and the review team (lead reviewer, panel) write the draft, once the chair has decided to hold a
    /// review and while it is open.
    /// </summary>
    public static bool MayEditTerms(Principal principal, Review review) =>
        review.TakesTermsOfReference && (principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer) || review.IsOnTeam(principal.UserId));

    /// <summary>The chair signs off the terms of reference: the final decision on them is the chair's (seed 000 Stage 2).</summary>
    public static bool MaySignOffTerms(Principal principal, Review review) => review.TakesTermsOfReference && IsChairOf(principal, review);

    // Agency reports (WT2006 8.18–8.27): the business unit asks each involved agency for one; the agency names an author,
    // who writes and submits it; the review team quality-assures it. An agency's people see only their own agency's
    // report (another agency's is not found), and of the team's decisions only the comments shared back.

    /// <summary>Anyone acting for the report's agency in this case (its lead, its review authors).</summary>
    public static bool ActsForReportAgency(Principal principal, Review review, AgencyReport report) =>
        AgenciesActingFor(principal, review).Contains(report.AgencyId);

    /// <summary>The business unit asks the involved agencies for their reports, once the chair has decided to hold a review.</summary>
    public static bool MayRequestAgencyReports(Principal principal, Review review) =>
        review.TakesAgencyReports && principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer);

    /// <summary>
    /// The board's own people and the review team see every agency's report; anyone acting for an agency sees its own
    /// agency's report and nothing of any other's.
    /// </summary>
    public static bool MaySeeAgencyReport(Principal principal, ReviewAccess access, Review review, AgencyReport report) =>
        access == ReviewAccess.Full || (access == ReviewAccess.AgencySummary && ActsForReportAgency(principal, review, report));

    /// <summary>
    /// A version not yet submitted is the agency's own working: its people read it; the board and the review team read
    /// what the agency submitted.
    /// </summary>
    public static bool MaySeeAgencyReportDrafts(Principal principal, Review review, AgencyReport report) =>
        ActsForReportAgency(principal, review, report) || report.AuthorId == principal.UserId;

    /// <summary>The review team's own notes on a report stay with the board and the team: never shown to the agency.</summary>
    public static bool MaySeeReviewTeamNotes(ReviewAccess access) => access == ReviewAccess.Full;

    /// <summary>The agency's lead names its author; the business unit may name one for it.</summary>
    public static bool MayNameAgencyReportAuthor(Principal principal, Review review, AgencyReport report) =>
        review.TakesAgencyReports && !report.IsQualityAssured
        && (principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer)
            || principal.AgencyGrants.Any(g => g.Role == Role.AgencyLead && g.OrganisationId == report.AgencyId && g.BoardIds.Contains(review.BoardId)));

    /// <summary>Only the named author writes and submits the report, while it is theirs to change.</summary>
    public static bool MayWriteAgencyReport(Principal principal, Review review, AgencyReport report) =>
        review.TakesAgencyReports && report.AuthorId == principal.UserId && ActsForReportAgency(principal, review, report)
        && report.Status is AgencyReportStatus.BeingWritten or AgencyReportStatus.ChangesRequested;

    /// <summary>The review team (lead reviewer, panel, independent chair), the business unit and the board chair quality-assure agency reports.</summary>
    public static bool QualityAssuresAgencyReports(Principal principal, Review review) =>
        principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer, Role.BoardChair) || review.IsOnTeam(principal.UserId);

    /// <summary>Those who quality-assure agency reports decide on a submitted version while the review is open.</summary>
    public static bool MayQualityAssureAgencyReport(Principal principal, Review review, AgencyReport report) =>
        review.TakesAgencyReports && report.Status == AgencyReportStatus.Submitted && QualityAssuresAgencyReports(principal, review);

    /// <summary>The author or the agency's lead records the feedback given to staff once the report is submitted (WT2006 8.23).</summary>
    public static bool MayRecordStaffFeedback(Principal principal, Review review, AgencyReport report) =>
        report.LatestSubmitted is not null && ActsForReportAgency(principal, review, report)
        && (report.AuthorId == principal.UserId
            || principal.AgencyGrants.Any(g => g.Role == Role.AgencyLead && g.OrganisationId == report.AgencyId && g.BoardIds.Contains(review.BoardId)));

    /// <summary>A peer reviewer is the chair of another board.</summary>
    public static bool MayBePeerReviewer(Principal peer, Review review) =>
        peer.BoardsWhere(Role.BoardChair).Any(b => b != review.BoardId);

    // Documents (files attached to the case or its items): the board and the review team read and add any; an involved
    // agency reads and adds only documents for its own agency (agency reports and chronologies are confidential to the
    // review team and their own agency's authors). Nobody else knows they exist.

    /// <summary>
    /// Whom the person may give a document to read, besides the board and the review team: everyone working on the case
    /// (<see cref="DocumentAudience.CaseTeam"/>) or one involved agency; an agency only its own. None once the review is closed.
    /// </summary>
    public static IReadOnlyList<(DocumentAudience Audience, Guid? AgencyId)> DocumentAudiencesFor(Principal principal, ReviewAccess access, Review review)
    {
        if (review.Status == ReviewStatus.Closed)
        {
            return [];
        }
        return access switch
        {
            ReviewAccess.Full => [(DocumentAudience.CaseTeam, null), .. review.Agencies.Select(a => (DocumentAudience.Agency, (Guid?)a.AgencyId))],
            ReviewAccess.AgencySummary => AgenciesActingFor(principal, review).Select(id => (DocumentAudience.Agency, (Guid?)id)).ToList(),
            _ => [],
        };
    }

    public static bool MayUploadDocument(Principal principal, ReviewAccess access, Review review, DocumentAudience audience, Guid? agencyId) =>
        DocumentAudiencesFor(principal, access, review).Contains((audience, audience == DocumentAudience.Agency ? agencyId : null));

    /// <summary>The board and the review team read every document of the case; an agency reads those for its own agency.</summary>
    public static bool MayReadDocument(Principal principal, ReviewAccess access, Review review, DocumentAudience audience, Guid? agencyId) =>
        access == ReviewAccess.Full
        || (access == ReviewAccess.AgencySummary && audience == DocumentAudience.Agency && agencyId is { } agency
            && AgenciesActingFor(principal, review).Contains(agency));

    // People of the review (seed 000 stage 3; seed 003 §6.5; WT2006 8.27; decision 0010): practitioner interviews, staff
    // support meetings and the family. The board's own people and the review team read them all; the business unit and
    // the team record them. An agency reads only its own staff support meetings. An interviewee reads their own interview
    // and nothing else of the case, and alone agrees it or asks for changes. A family's contact details are for the
    // business unit and the team member who meets that family member, and no one else: not the chair, the sub-group,
    // other team members, agencies or the Panel.

    /// <summary>The board's own people and the review team read interviews, staff support meetings and the family's involvement.</summary>
    public static bool MaySeePeople(ReviewAccess access) => access == ReviewAccess.Full;

    /// <summary>The business unit and the review team record interviews, meetings, family members and contacts, while the review is open.</summary>
    public static bool MayRecordPeople(Principal principal, Review review) =>
        review.IsOpen && (principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer) || review.IsOnTeam(principal.UserId));

    /// <summary>Those who read the people of the review read every staff support meeting; an agency reads its own agency's.</summary>
    public static bool MaySeeStaffSupport(Principal principal, ReviewAccess access, Review review, Guid agencyId) =>
        MaySeePeople(access) || (access == ReviewAccess.AgencySummary && AgenciesActingFor(principal, review).Contains(agencyId));

    /// <summary>
    /// An interview is read by those who read the people of the review, and by the interviewee, whatever else they may
    /// see of the case (possibly nothing).
    /// </summary>
    public static bool MaySeeInterview(Principal principal, ReviewAccess access, PractitionerInterview interview) =>
        MaySeePeople(access) || interview.IntervieweeId == principal.UserId;

    /// <summary>Only the interviewee agrees the record of their interview, or asks for changes (WT2006 8.27).</summary>
    public static bool MayAnswerInterview(Principal principal, PractitionerInterview interview) => interview.IntervieweeId == principal.UserId;

    /// <summary>
    /// A family member's address, phone and email: the business unit of the case's board and the review team member who
    /// meets that family member. Every read is audited by the caller.
    /// </summary>
    public static bool MaySeeFamilyContactDetails(Principal principal, Review review, FamilyMember member) =>
        principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer)
        || (member.MetById == principal.UserId && review.IsOnTeam(principal.UserId));

    /// <summary>Those who read a family member's contact details keep them up to date, while the review is open.</summary>
    public static bool MayChangeFamilyContactDetails(Principal principal, Review review, FamilyMember member) =>
        review.IsOpen && MaySeeFamilyContactDetails(principal, review, member);

    // The National Panel (002 ¶10): it reads every decision sent to it, and only that; the board answers its questions.

    /// <summary>Panel members read the decisions every board sends, respond to them and see the Panel's figures.</summary>
    public static bool MayActForPanel(Principal principal) => principal.IsPanelMember;

    /// <summary>The board's business unit and chair read what was sent to the Panel about their case and answer the Panel.</summary>
    public static bool MayCorrespondWithPanel(Principal principal, Guid boardId) =>
        principal.HoldsOnBoard(boardId, Role.BusinessUnitOfficer, Role.BoardChair);

    // Chronology (issue 6; decision 0014): each involved agency enters and imports its own chronology, and until the
    // business unit or the review team shares the integrated chronology with the agencies, an agency sees only its own
    // entries. The board's people and the review team see every agency's. Key practice episodes are the review team's
    // (with the business unit and the chair); every read of the merged view and every export is audited by the service.

    /// <summary>The board, the review team, and anyone acting for an involved agency open the chronology page.</summary>
    public static bool MaySeeChronology(Principal principal, ReviewAccess access, Review review) =>
        access == ReviewAccess.Full || (access == ReviewAccess.AgencySummary && AgenciesActingFor(principal, review).Count > 0);

    /// <summary>
    /// The agencies whose entries the person sees: null for every agency (the board, the team, and the agencies once the
    /// merged view is shared), otherwise the agencies they act for.
    /// </summary>
    public static IReadOnlyList<Guid>? ChronologyAgenciesVisibleTo(Principal principal, ReviewAccess access, Review review) =>
        access == ReviewAccess.Full || (review.ChronologySharedAt is not null && AgenciesActingFor(principal, review).Count > 0)
            ? null
            : AgenciesActingFor(principal, review);

    /// <summary>
    /// An agency enters and imports only its own chronology, while the review gathers chronologies; the business unit may
    /// import one for an agency that sends its file by other means.
    /// </summary>
    public static bool MayEditAgencyChronology(Principal principal, Review review, Guid agencyId) =>
        review.TakesChronologies && review.Agencies.Any(a => a.AgencyId == agencyId)
        && (AgenciesActingFor(principal, review).Contains(agencyId) || principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer));

    /// <summary>The agencies whose chronology the person may change.</summary>
    public static IReadOnlyList<Guid> ChronologyAgenciesEditableBy(Principal principal, Review review) =>
        review.Agencies.Select(a => a.AgencyId).Where(id => MayEditAgencyChronology(principal, review, id)).ToList();

    /// <summary>The business unit or the review team shares the merged view with the involved agencies, once.</summary>
    public static bool MayShareChronology(Principal principal, Review review) =>
        review.TakesChronologies && review.ChronologySharedAt is null
        && (principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer) || review.IsOnTeam(principal.UserId));

    /// <summary>The review team, the business unit and the chair mark key practice episodes.</summary>
    public static bool MayMarkKeyPracticeEpisodes(Principal principal, Review review) =>
        review.TakesChronologies && (principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer, Role.BoardChair) || review.IsOnTeam(principal.UserId));

    /// <summary>Whoever sees every agency's entries may export the integrated chronology; an agency before sharing exports its own.</summary>
    public static bool MayExportChronology(Principal principal, ReviewAccess access, Review review) => MaySeeChronology(principal, access, review);

    // Genogram (issue 6 item 5; decision 0013): the child's family by name, for those with full access to the case (the
    // board's people and the review team), never an agency; the business unit and the review team keep it while the review
    // is open. Every read, named or anonymised, and every download is audited by the service.

    /// <summary>The board's business unit, chair and sub-group and the review team see the genogram.</summary>
    public static bool MaySeeGenogram(ReviewAccess access) => access == ReviewAccess.Full;

    /// <summary>The business unit and the review team add, change and remove its people, relationships and households, while the review is open.</summary>
    public static bool MayEditGenogram(Principal principal, Review review) =>
        review.IsOpen && (principal.HoldsOnBoard(review.BoardId, Role.BusinessUnitOfficer) || review.IsOnTeam(principal.UserId));
}

/// <summary>
/// Who may use the register of independent reviewers shared by every board (seed 004). Business units and chairs
/// commission reviews, so they read the register; a reviewer keeps their own entry and sees the entries of those they
/// are paired with for mentoring; business units pair new reviewers with experienced ones.
/// </summary>
public static class ReviewerRegisterRules
{
    /// <summary>Board roles that read the whole register, of any board.</summary>
    public static readonly Role[] RegisterReaderRoles = [Role.BusinessUnitOfficer, Role.BoardChair];

    public static bool MaySeeRegister(Principal principal) =>
        principal.IsSystemAdministrator || principal.BoardsWhere(RegisterReaderRoles).Count > 0;

    /// <summary>Those who read the register, the reviewer themselves, and their mentoring partners.</summary>
    public static bool MaySeeProfile(Principal principal, Guid profileUserId, IEnumerable<Guid> mentoringPartnerUserIds) =>
        MaySeeRegister(principal) || principal.UserId == profileUserId || mentoringPartnerUserIds.Contains(principal.UserId);

    /// <summary>A person with the lead reviewer role keeps their own entry on the register.</summary>
    public static bool MayKeepProfile(Principal principal) => principal.Holds(Role.LeadReviewer);

    /// <summary>Business units (of any board) and system administrators pair new reviewers with experienced ones.</summary>
    public static bool MayManageMentoring(Principal principal) =>
        principal.IsSystemAdministrator || principal.BoardsWhere(Role.BusinessUnitOfficer).Count > 0;
}

/// <summary>
/// Who may move reviews in and out of the national learning record in the exchange format, and analyse it (issue 7;
/// decision 0012). Panel members load collections and send or take any set of reviews; a board's business unit sends
/// its own board's reviews. A system administrator (the command line, whoever can already reach the database) does all.
/// </summary>
public static class LearningRecordRules
{
    /// <summary>Panel members and system administrators import exchange files into the learning record.</summary>
    public static bool MayImport(Principal principal) => principal.IsPanelMember || principal.IsSystemAdministrator;

    /// <summary>Panel members and system administrators export and analyse every board's reviews.</summary>
    public static bool MayExportAll(Principal principal) => principal.IsPanelMember || principal.IsSystemAdministrator;

    /// <summary>Besides them, a board's business unit exports that board's reviews.</summary>
    public static bool MayExportBoard(Principal principal, Guid boardId) =>
        MayExportAll(principal) || principal.HoldsOnBoard(boardId, Role.BusinessUnitOfficer);

    /// <summary>The boards whose reviews the person may export: null for every board.</summary>
    public static IReadOnlyList<Guid>? BoardsToExport(Principal principal) =>
        MayExportAll(principal) ? null : principal.BoardsWhere(Role.BusinessUnitOfficer);

    /// <summary>The cross-case analysis of the record is the Panel's (and the command line's).</summary>
    public static bool MayAnalyse(Principal principal) => MayExportAll(principal);

    /// <summary>Coding reports for analysis is the Panel's analysts' work: Panel members only (a person, not the command line).</summary>
    public static bool MayCode(Principal principal) => principal.IsPanelMember;

    /// <summary>
    /// Coding is blind: a coding is its coder's alone until the review has two codings submitted; then every coder (and the
    /// Panel member who settles them) sees both.
    /// </summary>
    public static bool MaySeeCoding(Principal principal, Guid coderId, bool bothSubmitted) =>
        MayCode(principal) && (coderId == principal.UserId || bothSubmitted);

    /// <summary>Any Panel member settles the differences of a review coded twice.</summary>
    public static bool MaySettle(Principal principal) => MayCode(principal);

    /// <summary>
    /// A review's published report is put into the learning repository (or corrected) by a Panel member or by the business
    /// unit of the review's board, whose report it is. Reading a published report needs no rule: anyone may, signed in or not.
    /// </summary>
    public static bool MayPublish(Principal principal, Guid boardId) =>
        principal.IsPanelMember || principal.HoldsOnBoard(boardId, Role.BusinessUnitOfficer);

    /// <summary>The boards whose reviews the person may publish reports of: null for every board.</summary>
    public static IReadOnlyList<Guid>? BoardsToPublish(Principal principal) =>
        principal.IsPanelMember ? null : principal.BoardsWhere(Role.BusinessUnitOfficer);

    /// <summary>
    /// Beside a published report, its review's coded data (the coding pages) is the Panel's, as coding is; a signed-out reader
    /// (no principal) sees the report alone.
    /// </summary>
    public static bool MaySeeCodedData(Principal? principal) => principal is not null && MayCode(principal);
}
