using Scr.Core.Models;

namespace Scr.Core.Rules;

/// <summary>The agency a review panel member represents, and its type (children's social care, health…).</summary>
public sealed record PanelSeat(Guid AgencyId, AgencyType AgencyType);

/// <summary>Where a link between a person and an organisation was found.</summary>
public enum AffiliationSource
{
    /// <summary>The person holds a role there in the service now.</summary>
    Account,

    /// <summary>The person declared it on their reviewer profile: somewhere they work or worked.</summary>
    Register,
}

/// <summary>
/// A board or agency a person works for or worked for, named for the conflict rule: from their account's roles and
/// from what they declared on the reviewer register. <paramref name="Until"/> is when they left (none: still there).
/// </summary>
public sealed record Affiliation(Guid? OrganisationId, string Name, AffiliationSource Source, DateOnly? Until = null);

public enum ConflictKind
{
    /// <summary>Declared involvement in the case.</summary>
    DeclaredInvolvement,

    /// <summary>Declared line-management of someone involved.</summary>
    DeclaredLineManagement,

    /// <summary>Works or worked for an agency involved in the case.</summary>
    InvolvedAgency,

    /// <summary>Works or worked for the board reviewing the case.</summary>
    ReviewingBoard,
}

/// <summary>One reason a person may not serve on a case, in words; declared ones carry when they were declared.</summary>
public sealed record PanelConflict(ConflictKind Kind, string Text, DateTimeOffset? DeclaredAt = null);

/// <summary>The organisations a person must be independent of to serve a case: its board and its involved (or referring) agencies.</summary>
public sealed record CaseConflictFacts(Guid BoardId, IReadOnlyCollection<Guid> AgencyIds)
{
    public static CaseConflictFacts Of(Review review) => new(review.BoardId,
        review.Agencies.Select(a => a.AgencyId).Concat(review.ReferringAgencyId is { } referrer ? [referrer] : []).Distinct().ToList());
}

/// <summary>
/// Whether the review panel has its minimum membership (<see cref="ReviewPanelRules.MinimumMembership"/>): which types are
/// represented and by whom, which are missing, and the optional and independent roles.
/// </summary>
public sealed record PanelComposition(IReadOnlyList<(AgencyType Type, IReadOnlyList<ReviewTeamMember> Members)> Seats, bool HasLeadReviewer,
    bool HasIndependentChair, bool HasLayMember, bool HasLegalAdviser)
{
    public IReadOnlyList<AgencyType> Missing => Seats.Where(s => s.Members.Count == 0).Select(s => s.Type).ToList();

    public bool IsComplete => Missing.Count == 0;
}

/// <summary>What is known about a proposed appointment to a case's review team, for <see cref="ReviewPanelRules.CheckAppointment"/>.</summary>
/// <param name="Role">The role on the team; none when not chosen.</param>
/// <param name="Seat">For a panel member, the agency they represent.</param>
/// <param name="SeatServesBoard">Whether that agency serves the case's board.</param>
/// <param name="PersonsAgencies">The agencies in which the person holds a role.</param>
/// <param name="WorksWithBoard">Whether the person holds a role in the board or in an agency serving it.</param>
/// <param name="OnRegister">Whether the person has a profile on the reviewer register.</param>
/// <param name="Declaration">What the person declared about their part in the case; none when not answered.</param>
public sealed record AppointmentFacts(TeamRole? Role, PanelSeat? Seat, bool SeatServesBoard, IReadOnlyCollection<Guid> PersonsAgencies,
    bool WorksWithBoard, bool OnRegister, InvolvementKind? Declaration, string? DeclarationDetails);

/// <summary>
/// The review panel of a case (seed 000 Stage 2; WT2006 8.20): its minimum membership, who may be appointed to it, and
/// the conflict rule that keeps anyone involved in the case, or not independent of it, off it unless the chair records
/// a justified exception. The one place these rules live.
/// </summary>
public static class ReviewPanelRules
{
    /// <summary>The agencies the panel must include, each by a member from an agency of that type (domain, stage 2).</summary>
    public static readonly IReadOnlyList<AgencyType> MinimumMembership =
        [AgencyType.ChildrensSocialCare, AgencyType.HealthTrust, AgencyType.Education, AgencyType.Police];

    /// <summary>Roles that must be independent of the case's board and agencies, not only uninvolved (WT2006 8.20).</summary>
    public static readonly IReadOnlyList<TeamRole> IndependentRoles = [TeamRole.LeadReviewer, TeamRole.IndependentPanelChair, TeamRole.ShadowReviewer];

    public const int DetailsMaxLength = 4000;
    public const int ReasonMaxLength = 4000;

    public static bool IsIndependentRole(TeamRole role) => IndependentRoles.Contains(role);

    /// <summary>The seats of the minimum membership and who fills each, with the optional and independent roles.</summary>
    public static PanelComposition Composition(IEnumerable<ReviewTeamMember> team)
    {
        var members = team.ToList();
        var panel = members.Where(m => m.Role == TeamRole.PanelMember).ToList();
        return new PanelComposition(
            MinimumMembership.Select(type => (type, (IReadOnlyList<ReviewTeamMember>)panel.Where(m => m.AgencyType == type).ToList())).ToList(),
            members.Any(m => m.Role == TeamRole.LeadReviewer),
            members.Any(m => m.Role == TeamRole.IndependentPanelChair),
            members.Any(m => m.Role == TeamRole.LayMember),
            members.Any(m => m.Role == TeamRole.LegalAdviser));
    }

    /// <summary>The missing seats in words: "children's social care and police".</summary>
    public static string Describe(IReadOnlyList<AgencyType> missing) => missing.Count switch
    {
        0 => "none",
        1 => SeatName(missing[0]),
        _ => string.Join(", ", missing.Take(missing.Count - 1).Select(SeatName)) + " and " + SeatName(missing[^1]),
    };

    /// <summary>A seat of the panel as a sentence names it.</summary>
    public static string SeatName(AgencyType type) => type switch
    {
        AgencyType.ChildrensSocialCare => "children's social care",
        AgencyType.HealthTrust => "health",
        AgencyType.Education => "education",
        AgencyType.Police => "police",
        _ => Labels.Of(type).ToLowerInvariant(),
    };

    /// <summary>
    /// Everything wrong with a proposed appointment before conflicts are weighed: the role, the seat of a panel member,
    /// whether the person can be appointed at all, and the declaration everyone added makes. Empty when it may go ahead.
    /// Fields are the API's names.
    /// </summary>
    public static IReadOnlyList<RuleProblem> CheckAppointment(AppointmentFacts facts)
    {
        var problems = new List<RuleProblem>();
        if (facts.Role is not { } role)
        {
            problems.Add(new("role", "Select their role on the review team"));
        }
        else
        {
            if (!facts.WorksWithBoard && !(facts.OnRegister && IsIndependentRole(role)))
            {
                problems.Add(new("userId", IsIndependentRole(role)
                    ? "Select a person who works with this board or an independent reviewer on the register"
                    : "Select a person who works with this board"));
            }
            if (role == TeamRole.PanelMember)
            {
                if (facts.Seat is not { } seat)
                {
                    problems.Add(new("agencyId", "Select the agency the panel member represents"));
                }
                else if (!facts.SeatServesBoard)
                {
                    problems.Add(new("agencyId", "Select an agency that serves the board's area"));
                }
                else if (facts.PersonsAgencies.Count > 0 && !facts.PersonsAgencies.Contains(seat.AgencyId))
                {
                    problems.Add(new("agencyId", "Select an agency the person works for"));
                }
            }
        }
        problems.AddRange(CheckDeclaration(facts.Declaration, facts.DeclarationDetails, "the person"));
        return problems;
    }

    /// <summary>
    /// The declaration everyone appointed to a case makes, or has made for them (WT2006 8.20): answered, and described when it
    /// declares anything. <paramref name="who"/> names them in the message ("the person", "the author").
    /// </summary>
    public static IReadOnlyList<RuleProblem> CheckDeclaration(InvolvementKind? declaration, string? details, string who)
    {
        var problems = new List<RuleProblem>();
        if (declaration is null)
        {
            problems.Add(new("declaration", $"Select whether {who} was involved in the case or line-manages anyone who was"));
        }
        else if (declaration != InvolvementKind.None && string.IsNullOrWhiteSpace(details))
        {
            problems.Add(new("declarationDetails", "Describe the involvement they declared"));
        }
        if (details is { Length: > DetailsMaxLength })
        {
            problems.Add(new("declarationDetails", $"The declaration must be {DetailsMaxLength:N0} characters or fewer"));
        }
        return problems;
    }

    /// <summary>
    /// Why the person may not serve in this role on the case: anything they declared (involvement, line-management),
    /// and for an independent role (<see cref="IndependentRoles"/>) any board or involved agency they work or worked for.
    /// </summary>
    public static IReadOnlyList<PanelConflict> ConflictsOf(TeamRole role, IEnumerable<InvolvementDeclaration> declarations,
        IEnumerable<Affiliation> affiliations, CaseConflictFacts facts)
    {
        var conflicts = DeclaredConflicts(declarations).ToList();
        if (IsIndependentRole(role))
        {
            conflicts.AddRange(AffiliationConflicts(affiliations, facts));
        }
        return conflicts;
    }

    /// <summary>
    /// Why the person may not write their agency's report for the case: anything they declared. Those conducting management
    /// reviews must not have been directly concerned with the child or family, nor line-manage anyone who was (WT2006 8.20);
    /// unlike the panel, the guidance allows no exception, and the author comes from the agency, so working there is no conflict.
    /// </summary>
    public static IReadOnlyList<PanelConflict> AuthorConflicts(IEnumerable<InvolvementDeclaration> declarations) => DeclaredConflicts(declarations).ToList();

    /// <summary>The refusal when a declared conflict keeps a person from writing an agency's report.</summary>
    public static string AuthorBlocked(string name, IReadOnlyList<PanelConflict> conflicts) =>
        $"{name} cannot write the agency's report: {string.Join("; ", conflicts.Select(c => FirstLower(c.Text).TrimEnd('.')))}. "
        + "Name an author who was not involved in the case and does not line-manage anyone who was (WT2006 8.20).";

    private static IEnumerable<PanelConflict> DeclaredConflicts(IEnumerable<InvolvementDeclaration> declarations) =>
        declarations.Where(d => d.IsConflict).OrderBy(d => d.DeclaredAt)
            .Select(d => d.Kind == InvolvementKind.LineManagesSomeoneInvolved
                ? new PanelConflict(ConflictKind.DeclaredLineManagement, $"Declared that they line-manage someone involved: {d.Details}", d.DeclaredAt)
                : new PanelConflict(ConflictKind.DeclaredInvolvement, $"Declared involvement in the case: {d.Details}", d.DeclaredAt));

    /// <summary>The boards and involved agencies a person works or worked for, as conflicts with a case (independence, WT2006 8.20).</summary>
    public static IReadOnlyList<PanelConflict> AffiliationConflicts(IEnumerable<Affiliation> affiliations, CaseConflictFacts facts) =>
        affiliations
            .Where(a => a.OrganisationId is { } id && (id == facts.BoardId || facts.AgencyIds.Contains(id)))
            .GroupBy(a => a.OrganisationId)
            // One line an organisation: a role held now says more than a past job declared on the register.
            .Select(g => g.OrderBy(a => a.Source == AffiliationSource.Account ? 0 : 1).ThenBy(a => a.Until is null ? 0 : 1).First())
            .Select(a =>
            {
                var board = a.OrganisationId == facts.BoardId;
                var what = board ? "the board reviewing the case" : "an agency involved in the case";
                var text = a.Source == AffiliationSource.Account
                    ? $"Holds a role in {a.Name}, {what}"
                    : a.Until is { } until ? $"Worked for {a.Name}, {what}, until {Labels.Date(until)}" : $"Works for {a.Name}, {what}";
                return new PanelConflict(board ? ConflictKind.ReviewingBoard : ConflictKind.InvolvedAgency, text);
            })
            .ToList();

    /// <summary>
    /// Whether the conflicts let the person serve: none at all, or a chair's exception recorded after everything they
    /// declared (an exception does not cover what is declared after it).
    /// </summary>
    public static bool IsCovered(IReadOnlyList<PanelConflict> conflicts, IEnumerable<ConflictException> exceptions) =>
        conflicts.Count == 0
        || exceptions.Any(e => conflicts.All(c => c.DeclaredAt is not { } declared || declared <= e.GrantedAt));

    /// <summary>The refusal when a conflict blocks an appointment.</summary>
    public static string Blocked(string name, IReadOnlyList<PanelConflict> conflicts) =>
        $"{name} cannot join the review team: {string.Join("; ", conflicts.Select(c => FirstLower(c.Text).TrimEnd('.')))}. "
        + "The board chair may record a justified exception.";

    /// <summary>What the chair must give to record an exception, and that there is a conflict to except.</summary>
    public static IReadOnlyList<RuleProblem> CheckException(IReadOnlyList<PanelConflict> conflicts, string? reason)
    {
        var problems = new List<RuleProblem>();
        if (conflicts.Count == 0)
        {
            problems.Add(new(null, "This person has declared no conflict with the case: there is nothing to make an exception to"));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(new("reason", "Enter why the person may still serve despite the conflict"));
        }
        else if (reason.Length > ReasonMaxLength)
        {
            problems.Add(new("reason", $"The reason must be {ReasonMaxLength:N0} characters or fewer"));
        }
        return problems;
    }

    private static string FirstLower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
