using Scr.Core.Models;

namespace Scr.Core.Rules.Timescales;

/// <summary>A role that answers for a deadline: held in the case's board, or in the agency the deadline is about.</summary>
public sealed record ResponsibleRole(Role Role, bool InAgency);

/// <summary>
/// Who answers for each stage 1 deadline: they get its reminders and see it in their calendar feed. The one place this
/// rule lives. The chair has the notification and decides (WT2006 8.14); each agency's lead (or its review authors when it has
/// no lead: Messenger.AgencyContactsAsync) secures its records and sends
/// its file review (WT2006 8.21), and the business unit, which chases agencies, is told when one is missed; the business
/// unit notifies the National Panel. A review's milestones are the business unit's to watch (seed 000 Stage 3a: it
/// monitors the process) and the lead reviewer's to meet (seed 000 Stage 3a: the lead reviewer gives the early learning
/// and writes the report), by their place on the review team; the chair, who agrees any change of timeline, hears when
/// one is missed.
/// </summary>
public static class DeadlineResponsibility
{
    private static readonly ResponsibleRole Chair = new(Role.BoardChair, InAgency: false);
    private static readonly ResponsibleRole BusinessUnit = new(Role.BusinessUnitOfficer, InAgency: false);
    private static readonly ResponsibleRole AgencyLead = new(Role.AgencyLead, InAgency: true);

    /// <summary>Who must do it.</summary>
    public static IReadOnlyList<ResponsibleRole> Owners(DeadlineKind kind) => kind switch
    {
        DeadlineKind.ChairHasNotification or DeadlineKind.Decision => [Chair],
        DeadlineKind.RecordsSecured or DeadlineKind.FileReview => [AgencyLead],
        DeadlineKind.IncidentNotifiedToPanel => [BusinessUnit],
        DeadlineKind.FirstEarlyLearning or DeadlineKind.SecondEarlyLearning or DeadlineKind.ThirdEarlyLearning
            or DeadlineKind.ReviewCompleted or DeadlineKind.DraftToBoard => [BusinessUnit],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Who on the review's team must do it, besides <see cref="Owners"/>.</summary>
    public static IReadOnlyList<TeamRole> TeamOwners(DeadlineKind kind) => kind switch
    {
        DeadlineKind.FirstEarlyLearning or DeadlineKind.SecondEarlyLearning or DeadlineKind.ThirdEarlyLearning
            or DeadlineKind.ReviewCompleted or DeadlineKind.DraftToBoard => [TeamRole.LeadReviewer],
        _ => [],
    };

    /// <summary>The people on the review's team who must do it.</summary>
    public static IReadOnlyList<Guid> TeamOwnersOf(DeadlineKind kind, IEnumerable<ReviewTeamMember> team) =>
        team.Where(m => TeamOwners(kind).Contains(m.Role)).Select(m => m.UserId).Distinct().ToList();

    /// <summary>Who is also told when it is missed.</summary>
    public static IReadOnlyList<ResponsibleRole> CopiedWhenMissed(DeadlineKind kind) => kind switch
    {
        DeadlineKind.RecordsSecured or DeadlineKind.FileReview => [BusinessUnit],
        DeadlineKind.FirstEarlyLearning or DeadlineKind.SecondEarlyLearning or DeadlineKind.ThirdEarlyLearning
            or DeadlineKind.ReviewCompleted or DeadlineKind.DraftToBoard => [Chair],
        _ => [],
    };

    /// <summary>Everyone who hears about the deadline: its owners, and those copied when it is missed.</summary>
    public static IEnumerable<ResponsibleRole> Concerned(DeadlineKind kind) => Owners(kind).Concat(CopiedWhenMissed(kind));

    /// <summary>
    /// Whether the person answers for, or is copied on, this deadline of a case of the given board, by their role or as
    /// one of <paramref name="teamOwners"/> (<see cref="TeamOwnersOf"/> of the case's team).
    /// </summary>
    public static bool Concerns(Principal principal, Guid boardId, IReadOnlyCollection<Guid> teamOwners, Deadline deadline) =>
        teamOwners.Contains(principal.UserId) || Concerned(deadline.Kind).Any(r => r.InAgency
            ? deadline.AgencyId is { } agencyId
                && principal.Grants.Any(g => g.Role == r.Role && g.OrganisationId == agencyId && g.BoardIds.Contains(boardId))
            : principal.HoldsOnBoard(boardId, r.Role));
}
