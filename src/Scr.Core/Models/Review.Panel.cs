using Scr.Core.Rules;

namespace Scr.Core.Models;

/// <summary>
/// The review team and panel of the case (seed 000 Stage 2): who is on it, what each declared, and the chair's
/// exceptions. Appointments go through <see cref="ReviewPanelRules"/>.
/// </summary>
public partial class Review
{
    private readonly List<ConflictException> _conflictExceptions = [];

    /// <summary>The chair's exceptions to declared conflicts, oldest first.</summary>
    public IReadOnlyList<ConflictException> ConflictExceptions => _conflictExceptions;

    /// <summary>Whether the person has declared a conflict: involvement in the case or line-management of someone involved.</summary>
    public bool HasDeclaredInvolvement(Guid userId) => _declarations.Any(d => d.UserId == userId && d.IsConflict);

    public IReadOnlyList<InvolvementDeclaration> DeclarationsOf(Guid userId) =>
        _declarations.Where(d => d.UserId == userId).OrderBy(d => d.DeclaredAt).ToList();

    public IReadOnlyList<ConflictException> ConflictExceptionsFor(Guid userId) =>
        _conflictExceptions.Where(e => e.UserId == userId).OrderBy(e => e.GrantedAt).ToList();

    /// <summary>
    /// The role whose conflicts apply to the person: the one they hold on the team, or the one they were last proposed
    /// for; a person who only declared for themselves is held to the panel's rule (their declarations).
    /// </summary>
    public TeamRole RoleConsideredFor(Guid userId) =>
        _team.FirstOrDefault(t => t.UserId == userId)?.Role
        ?? DeclarationsOf(userId).LastOrDefault(d => d.ForRole is not null)?.ForRole
        ?? TeamRole.PanelMember;

    /// <summary>Why the person may not serve in the role (<see cref="ReviewPanelRules.ConflictsOf"/>), given what else is known of them.</summary>
    public IReadOnlyList<PanelConflict> ConflictsOf(Guid userId, TeamRole role, IEnumerable<Affiliation> affiliations) =>
        ReviewPanelRules.ConflictsOf(role, DeclarationsOf(userId), affiliations, CaseConflictFacts.Of(this));

    /// <summary>
    /// Adds a person to the review team. Refused when the review is closed, when they are already on it, when a panel
    /// member has no seat, and when a conflict (declared, or for an independent role an affiliation with the board or an
    /// involved agency) is not covered by the chair's exception.
    /// </summary>
    public ReviewTeamMember AddToTeam(Guid userId, TeamRole role, Guid by, DateTimeOffset now, PanelSeat? seat = null,
        IEnumerable<Affiliation>? affiliations = null, string? name = null)
    {
        if (!IsOpen)
        {
            throw new RuleViolationException("The review is closed: its team cannot change.");
        }
        if (IsOnTeam(userId))
        {
            throw new RuleViolationException("This person is already on the review team.");
        }
        if (role == TeamRole.PanelMember && seat is null)
        {
            throw new RuleViolationException([new RuleProblem("agencyId", "Select the agency the panel member represents")]);
        }
        var conflicts = ConflictsOf(userId, role, affiliations ?? []);
        if (!ReviewPanelRules.IsCovered(conflicts, ConflictExceptionsFor(userId)))
        {
            throw new RuleViolationException([new RuleProblem("userId", ReviewPanelRules.Blocked(name ?? "This person", conflicts))]);
        }
        var member = new ReviewTeamMember(userId, role, now, by, role == TeamRole.PanelMember ? seat : null);
        _team.Add(member);
        return member;
    }

    public bool RemoveFromTeam(Guid userId) => _team.RemoveAll(t => t.UserId == userId) > 0;

    /// <summary>Records a person's own declaration of involvement; anyone who declares leaves the review team.</summary>
    public InvolvementDeclaration DeclareInvolvement(Guid userId, string details, DateTimeOffset now) =>
        Declare(userId, InvolvementKind.InvolvedInCase, details, userId, now);

    /// <summary>
    /// Records what a person declared about their part in the case, by themselves or by whoever adds them to the team.
    /// A declared conflict takes them off the review team: a chair's exception recorded before it does not cover it.
    /// </summary>
    public InvolvementDeclaration Declare(Guid userId, InvolvementKind kind, string? details, Guid recordedBy, DateTimeOffset now,
        TeamRole? forRole = null)
    {
        if (kind != InvolvementKind.None && string.IsNullOrWhiteSpace(details))
        {
            throw new RuleViolationException("Describe your involvement in the case.");
        }
        var declaration = new InvolvementDeclaration(userId, kind, details?.Trim() ?? "", recordedBy, now, forRole);
        _declarations.Add(declaration);
        if (declaration.IsConflict)
        {
            RemoveFromTeam(userId);
        }
        return declaration;
    }

    /// <summary>The chair records a justified exception to the person's conflicts (WT2006 8.20), which are listed with it.</summary>
    public ConflictException RecordConflictException(Guid userId, IReadOnlyList<PanelConflict> conflicts, string? reason, Guid chairId, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new RuleViolationException("The review is closed: its team cannot change.");
        }
        RuleViolationException.ThrowIfAny(ReviewPanelRules.CheckException(conflicts, reason));
        var exception = new ConflictException(userId, reason!.Trim(), string.Join('\n', conflicts.Select(c => c.Text)), chairId, now);
        _conflictExceptions.Add(exception);
        return exception;
    }
}
