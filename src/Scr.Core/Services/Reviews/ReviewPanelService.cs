using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Reviewers;

namespace Scr.Core.Services.Reviews;

/// <summary>
/// Adding someone to the review team: who, in what role, for a panel member the agency they represent, and what they
/// declared about their part in the case (everyone added declares).
/// </summary>
public sealed record PanelAppointmentInput(Guid? UserId, TeamRole? Role, Guid? AgencyId, InvolvementKind? Declaration, string? DeclarationDetails);

/// <summary>A member of the review team with their name, the agency they represent, and what they last declared.</summary>
public sealed record PanelMemberView(ReviewTeamMember Member, string Name, string? Agency, InvolvementDeclaration? Declaration,
    ConflictException? Exception);

/// <summary>
/// A person with a conflict on the case: what they declared, their conflicts for the role considered, the chair's
/// exceptions, and whether these cover the conflicts (so they may join).
/// </summary>
public sealed record ConflictedPerson(Guid UserId, string Name, TeamRole Role, IReadOnlyList<PanelConflict> Conflicts,
    IReadOnlyList<InvolvementDeclaration> Declarations, IReadOnlyList<ConflictException> Exceptions, bool Covered, bool OnTeam);

/// <summary>Someone who may be proposed for the team: people who work with the board, and reviewers on the register.</summary>
public sealed record PanelCandidate(Guid UserId, string Name, string Email, bool WorksWithBoard, bool OnRegister);

/// <summary>
/// The case's review panel and team as the business unit and chair see it: the minimum membership check, the members,
/// those with conflicts, and the agencies serving the board (the seats a panel member may take).
/// </summary>
public sealed record ReviewPanel(ReviewView View, PanelComposition Composition, IReadOnlyList<PanelMemberView> Members,
    IReadOnlyList<ConflictedPerson> Conflicted, IReadOnlyList<Organisation> Agencies, bool MayManage, bool MayExcept)
{
    public Review Review => View.Review;
}

/// <summary>
/// The review panel and team of a case (seed 000 Stage 2; WT2006 8.20): reading it with its minimum-membership check,
/// appointing with a declaration through the conflict rule (<see cref="ReviewPanelRules"/>), removing, and the chair's
/// justified exceptions. Every change is audited; reads are audited as reads of the case.
/// </summary>
public sealed class ReviewPanelService(ScrDbContext db, ReviewService reviews, ReviewerFacts facts, AuditLog audit, TimeProvider clock)
{
    /// <summary>The panel for those who choose it (business unit and chair).</summary>
    public async Task<ReviewPanel> GetAsync(Guid id, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: false, cancellationToken);
        RequireManager(principal, view);
        await audit.RecordNowAsync(actor, AuditActions.ReviewRead, view.Review.BoardId, "review", id.ToString(), $"access={view.Access}; part=panel",
            cancellationToken);
        return await PanelAsync(view, principal, cancellationToken);
    }

    private static void RequireManager(Principal principal, ReviewView view)
    {
        if (view.Access != ReviewAccess.Full || !ReviewAccessRules.MayManageTeam(principal, view.Review))
        {
            throw new ForbiddenException("Only the business unit or the chair can change the review team.");
        }
    }

    private async Task<ReviewPanel> PanelAsync(ReviewView view, Principal principal, CancellationToken cancellationToken)
    {
        var review = view.Review;
        var people = review.Team.Select(t => t.UserId).Concat(review.Declarations.Select(d => d.UserId))
            .Concat(review.ConflictExceptions.Select(e => e.UserId)).Distinct().ToList();
        var names = await NamesAsync(people, cancellationToken);
        var affiliations = await facts.AffiliationsAsync(people, cancellationToken);
        var members = review.Team.OrderBy(t => t.Role).ThenBy(t => names.GetValueOrDefault(t.UserId), StringComparer.OrdinalIgnoreCase)
            .Select(t => new PanelMemberView(t, names.GetValueOrDefault(t.UserId, "Unknown"), t.Agency?.Name,
                review.DeclarationsOf(t.UserId).LastOrDefault(), review.ConflictExceptionsFor(t.UserId).LastOrDefault()))
            .ToList();
        var conflicted = people.Select(p => Conflicted(review, p, names.GetValueOrDefault(p, "Unknown"), affiliations[p]))
            .Where(c => c.Conflicts.Count > 0)
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var agencies = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Agency && db.AgencyBoards.Any(a => a.AgencyId == o.Id && a.BoardId == review.BoardId))
            .OrderBy(o => o.Name).ToListAsync(cancellationToken);
        return new ReviewPanel(view, ReviewPanelRules.Composition(review.Team), members, conflicted, agencies,
            ReviewAccessRules.MayManageTeam(principal, review), ReviewAccessRules.MayExceptConflict(principal, review));
    }

    private static ConflictedPerson Conflicted(Review review, Guid userId, string name, IReadOnlyList<Affiliation> affiliations)
    {
        var role = review.RoleConsideredFor(userId);
        var conflicts = review.ConflictsOf(userId, role, affiliations);
        var exceptions = review.ConflictExceptionsFor(userId);
        return new ConflictedPerson(userId, name, role, conflicts, review.DeclarationsOf(userId), exceptions,
            ReviewPanelRules.IsCovered(conflicts, exceptions), review.IsOnTeam(userId));
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

    /// <summary>
    /// Who may be proposed: people with a role in the board or an agency serving it, and independent reviewers on the
    /// register (for the independent roles), not already on the team.
    /// </summary>
    public async Task<IReadOnlyList<PanelCandidate>> CandidatesAsync(Review review, CancellationToken cancellationToken = default)
    {
        var boardId = review.BoardId;
        var onTeam = review.Team.Select(t => t.UserId).ToList();
        var registered = db.ReviewerProfiles().Select(p => p.UserId);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.DisabledAt == null && u.InvitationAcceptedAt != null && !onTeam.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                WorksWithBoard = u.Memberships.Any(m => m.OrganisationId == boardId
                    || db.AgencyBoards.Any(a => a.AgencyId == m.OrganisationId && a.BoardId == boardId)),
                OnRegister = registered.Contains(u.Id),
            })
            .Where(u => u.WorksWithBoard || u.OnRegister)
            .OrderBy(u => u.DisplayName)
            .ToListAsync(cancellationToken);
        return people.Select(p => new PanelCandidate(p.Id, p.DisplayName, p.Email ?? "", p.WorksWithBoard, p.OnRegister)).ToList();
    }

    /// <summary>
    /// Appoints a person to the review team. The input is checked first (<see cref="ReviewPanelRules.CheckAppointment"/>);
    /// then what they declared is recorded, and the conflict rule applied: a declared involvement, or for an independent
    /// role a board or involved agency they work or worked for, refuses the appointment unless the chair has recorded an
    /// exception. A refused appointment still records the declaration (so the chair can see it) and is audited; the
    /// case's version then changes. The business unit or the chair; refuses a stale version.
    /// </summary>
    public async Task<ReviewTeamMember> AppointAsync(Guid id, PanelAppointmentInput input, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: true, cancellationToken);
        RequireManager(principal, view);
        var review = view.Review;
        if (input.UserId is not { } userId)
        {
            var problems = ReviewPanelRules.CheckAppointment(new AppointmentFacts(input.Role, null, false, [], true, false, input.Declaration,
                input.DeclarationDetails)).ToList();
            problems.Insert(0, new("userId", "Select the person to add"));
            throw new RuleViolationException(problems);
        }
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.DisabledAt == null, cancellationToken)
            ?? throw new RuleViolationException([new RuleProblem("userId", "Select a person with an active account")]);
        var seat = input.AgencyId is { } agencyId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == agencyId && o.Kind == OrganisationKind.Agency)
                .Select(o => new { o.Id, o.AgencyType, Serves = db.AgencyBoards.Any(a => a.AgencyId == o.Id && a.BoardId == review.BoardId) })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var panelSeat = input.Role == TeamRole.PanelMember && seat is not null ? new PanelSeat(seat.Id, seat.AgencyType ?? AgencyType.Other) : null;
        var personsAgencies = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Organisation!.Kind == OrganisationKind.Agency).Select(m => m.OrganisationId!.Value)
            .Distinct().ToListAsync(cancellationToken);
        var appointment = new AppointmentFacts(input.Role, panelSeat, seat?.Serves == true, personsAgencies,
            await facts.WorksWithBoardAsync(userId, review.BoardId, cancellationToken),
            await db.ReviewerProfiles().AnyAsync(p => p.UserId == userId, cancellationToken), input.Declaration, input.DeclarationDetails);
        RuleViolationException.ThrowIfAny(ReviewPanelRules.CheckAppointment(appointment));
        var role = input.Role!.Value;
        if (review.IsOnTeam(userId))
        {
            throw new RuleViolationException([new RuleProblem("userId", $"{user.DisplayName} is already on the review team")]);
        }
        if (!review.IsOpen)
        {
            throw new RuleViolationException("The review is closed: its team cannot change.");
        }
        reviews.ExpectVersion(review, expectedVersion);
        var now = clock.GetUtcNow();
        var declaration = review.Declare(userId, input.Declaration!.Value, input.DeclarationDetails, principal.UserId, now, role);
        audit.Record(actor, AuditActions.InvolvementDeclared, review.BoardId, "review", review.Id.ToString(),
            $"user={userId}; kind={declaration.Kind}; recordedBy={principal.UserId}; forRole={role}");
        var affiliations = await facts.AffiliationsOfAsync(userId, cancellationToken);
        var conflicts = review.ConflictsOf(userId, role, affiliations);
        if (!ReviewPanelRules.IsCovered(conflicts, review.ConflictExceptionsFor(userId)))
        {
            audit.Record(actor, AuditActions.AppointmentRefused, review.BoardId, "review", review.Id.ToString(),
                $"user={userId}; role={role}; conflicts={conflicts.Count}");
            await reviews.SaveAsync(cancellationToken);
            throw new RuleViolationException([new RuleProblem("userId", ReviewPanelRules.Blocked(user.DisplayName, conflicts))]);
        }
        var member = review.AddToTeam(userId, role, principal.UserId, now, panelSeat, affiliations, user.DisplayName);
        audit.Record(actor, AuditActions.ReviewTeamAdded, review.BoardId, "review", review.Id.ToString(),
            $"user={userId}; role={role}" + (panelSeat is null ? "" : $"; agency={panelSeat.AgencyId}")
            + (conflicts.Count > 0 ? $"; underException={review.ConflictExceptionsFor(userId)[^1].Id}" : ""));
        await reviews.SaveAsync(cancellationToken);
        return member;
    }

    public async Task RemoveAsync(Guid id, Guid userId, Guid expectedVersion, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: true, cancellationToken);
        RequireManager(principal, view);
        var review = view.Review;
        reviews.ExpectVersion(review, expectedVersion);
        if (review.RemoveFromTeam(userId))
        {
            audit.Record(actor, AuditActions.ReviewTeamRemoved, review.BoardId, "review", review.Id.ToString(), $"user={userId}");
            await reviews.SaveAsync(cancellationToken);
        }
    }

    /// <summary>A person's conflicts on the case, for the chair deciding on an exception; not found when they have none.</summary>
    public async Task<(ReviewPanel Panel, ConflictedPerson Person)> ConflictAsync(Guid id, Guid userId, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var panel = await GetAsync(id, principal, actor, cancellationToken);
        if (!panel.MayExcept)
        {
            throw new ForbiddenException("Only the board chair records an exception to a declared conflict.");
        }
        var person = panel.Conflicted.FirstOrDefault(c => c.UserId == userId) ?? throw new NotFoundException("The declared conflict");
        return (panel, person);
    }

    /// <summary>
    /// The chair records a justified exception to a person's conflicts on the case (WT2006 8.20): the reason, who and
    /// when, with the conflicts it covers. The person may then be appointed. Audited; refuses a stale version.
    /// </summary>
    public async Task<ConflictException> RecordExceptionAsync(Guid id, Guid userId, string? reason, Guid expectedVersion, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: true, cancellationToken);
        var review = view.Review;
        if (view.Access != ReviewAccess.Full || !ReviewAccessRules.MayExceptConflict(principal, review))
        {
            throw new ForbiddenException("Only the board chair records an exception to a declared conflict.");
        }
        var role = review.RoleConsideredFor(userId);
        var conflicts = review.ConflictsOf(userId, role, await facts.AffiliationsOfAsync(userId, cancellationToken));
        if (conflicts.Count == 0 && !review.Declarations.Any(d => d.UserId == userId))
        {
            throw new NotFoundException("The declared conflict");
        }
        reviews.ExpectVersion(review, expectedVersion);
        var exception = review.RecordConflictException(userId, conflicts, reason, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.ConflictExceptionRecorded, review.BoardId, "review", review.Id.ToString(),
            $"user={userId}; exception={exception.Id}; conflicts={conflicts.Count}");
        await reviews.SaveAsync(cancellationToken);
        return exception;
    }
}
