using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Reviewers;
using Scr.Core.Services.Reviewers;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>
/// The review panel and team of a case (seed 000 Stage 2; WT2006 8.20): its minimum membership, appointing with a
/// declaration through the conflict rule, removing, the chair's exception, and matching the case to the reviewer
/// register. Each calls <see cref="ReviewPanelService"/> or <see cref="ReviewerRegisterService"/>; the rules are
/// <see cref="ReviewPanelRules"/>, <see cref="ReviewerMatching"/> and <see cref="ReviewAccessRules.MayManageTeam"/>.
/// </summary>
public static class ReviewTeamEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Review panel");
        cases.MapGet("/team", Get).WithName("GetReviewTeam").Refusals()
            .WithSummary("The review panel and team: minimum membership, members and declared conflicts")
            .WithDescription("For the board's business unit and chair. The panel needs a member from an agency of each type in "
                + "minimumMembership (ChildrensSocialCare, HealthTrust, Education, Police) before the review is commissioned; missing "
                + "lists those without one. conflicted lists everyone whose declaration (or, for an independent role, a board or involved "
                + "agency they work or worked for) keeps them off the team, and whether the chair's exception covers it. The read is audited.");
        cases.MapPost("/team", Appoint).WithName("AppointToReviewTeam").Refusals(versioned: true)
            .WithSummary("Add someone to the review team, with what they declared (send the version you last read)")
            .WithDescription("role: LeadReviewer, IndependentPanelChair, PanelMember (with agencyId, an agency serving the board and, "
                + "if they hold agency roles, one of theirs), BusinessUnit, LegalAdviser, LayMember or ShadowReviewer. declaration: None, "
                + "InvolvedInCase or LineManagesSomeoneInvolved (with declarationDetails). People who work with the board may be added; "
                + "independent reviewers on the register may take the independent roles. A declared conflict, or for an independent role "
                + "a board or involved agency they work or worked for, is refused with 400 (field userId) unless the chair has recorded "
                + "an exception: the declaration is still recorded, so the case's version changes.");
        cases.MapDelete("/team/{userId:guid}", Remove).WithName("RemoveFromReviewTeam").Refusals(versioned: true)
            .WithSummary("Take someone off the review team (send the version you last read as ?version=)");
        cases.MapPost("/team/{userId:guid}/exception", RecordException).WithName("RecordConflictException").Refusals(versioned: true)
            .WithSummary("The chair's justified exception to a person's declared conflict (send the version you last read)")
            .WithDescription("The board chair only. reason up to 4,000 characters. Recorded with who and when and the conflicts it "
                + "covers, and audited; it does not cover anything the person declares later. 404 when the person has declared nothing "
                + "on the case.");
        cases.MapGet("/reviewer-matches", Match).WithName("MatchReviewers").Refusals()
            .WithSummary("The case matched to independent reviewers on the register, each with its score and reasons")
            .WithDescription("For the board's business unit and chair. methodology: the one to match on; by default the sub-group's "
                + "proposal. Each reason names its factor (Methodology, CaseType, Experience, Area, Availability), its outcome (Met, "
                + "NotMet, NotWeighed) and points; a reviewer with a conflict is excluded with the conflicts. Appointable reviewers "
                + "come first, by score. The read is audited as a read of the case.");
    }

    private static async Task<Ok<ReviewTeamDetail>> Get(Guid id, CurrentUser me, ReviewPanelService panels, CancellationToken cancellationToken)
    {
        var panel = await panels.GetAsync(id, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Ok(ReviewTeamDetail.Of(panel));
    }

    private static async Task<Results<Created<AppointedDetail>, ValidationProblem, Conflict<ConflictBody>>> Appoint(Guid id, AppointRequest request,
        CurrentUser me, ReviewPanelService panels, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("version", "Send the version of the case you last read (GET /api/v1/cases/{id}/team)"));
        }
        var principal = await me.GetAsync(cancellationToken);
        var member = await panels.AppointAsync(id, new PanelAppointmentInput(request.UserId, request.Role, request.AgencyId, request.Declaration,
            request.DeclarationDetails), version, principal, me.Actor, cancellationToken);
        var panel = await panels.GetAsync(id, principal, me.Actor, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{id}/team",
            new AppointedDetail(TeamMemberDetail.Of(panel.Members.Single(m => m.Member.Id == member.Id)), panel.Review.Version));
    }

    private static async Task<Results<Ok<VersionDetail>, ValidationProblem, Conflict<ConflictBody>>> Remove(Guid id, Guid userId, Guid? version,
        CurrentUser me, ReviewPanelService panels, CancellationToken cancellationToken)
    {
        if (version is not { } expected)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("version", "Send the version of the case you last read as ?version="));
        }
        var principal = await me.GetAsync(cancellationToken);
        await panels.RemoveAsync(id, userId, expected, principal, me.Actor, cancellationToken);
        return TypedResults.Ok(new VersionDetail((await panels.GetAsync(id, principal, me.Actor, cancellationToken)).Review.Version));
    }

    private static async Task<Results<Created<ExceptionDetail>, ValidationProblem, Conflict<ConflictBody>>> RecordException(Guid id, Guid userId,
        ExceptionRequest request, CurrentUser me, ReviewPanelService panels, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("version", "Send the version of the case you last read (GET /api/v1/cases/{id}/team)"));
        }
        var principal = await me.GetAsync(cancellationToken);
        var exception = await panels.RecordExceptionAsync(id, userId, request.Reason, version, principal, me.Actor, cancellationToken);
        var panel = await panels.GetAsync(id, principal, me.Actor, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{id}/team", new ExceptionDetail(ConflictExceptionDetail.Of(exception), panel.Review.Version));
    }

    private static async Task<Ok<ReviewerMatchesDetail>> Match(Guid id, Methodology? methodology, CurrentUser me, ReviewerRegisterService register,
        CancellationToken cancellationToken)
    {
        var result = await register.MatchAsync(id, methodology, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Ok(ReviewerMatchesDetail.Of(result));
    }
}

/// <summary>Someone to add to the review team and what they declared; the version of the case last read.</summary>
public sealed record AppointRequest(Guid? UserId, TeamRole? Role, Guid? AgencyId, InvolvementKind? Declaration, string? DeclarationDetails, Guid? Version);

/// <summary>The chair's reason for the exception; the version of the case last read.</summary>
public sealed record ExceptionRequest(string? Reason, Guid? Version);

public sealed record VersionDetail(Guid Version);

public sealed record DeclarationDetail(InvolvementKind Kind, string Details, DateTimeOffset DeclaredAt,
    [property: Description("Who recorded it for the person; null when they declared it themselves.")] Guid? RecordedById, TeamRole? ForRole)
{
    public static DeclarationDetail Of(InvolvementDeclaration d) => new(d.Kind, d.Details, d.DeclaredAt, d.RecordedById, d.ForRole);
}

public sealed record ConflictExceptionDetail(Guid Id, Guid UserId, string Reason, IReadOnlyList<string> Conflicts, Guid GrantedById, DateTimeOffset GrantedAt)
{
    public static ConflictExceptionDetail Of(ConflictException e) =>
        new(e.Id, e.UserId, e.Reason, e.Conflicts.Split('\n', StringSplitOptions.RemoveEmptyEntries), e.GrantedById, e.GrantedAt);
}

public sealed record ExceptionDetail(ConflictExceptionDetail Exception, Guid Version);

public sealed record TeamMemberDetail(Guid UserId, string Name, TeamRole Role, Guid? AgencyId, string? Agency, AgencyType? AgencyType,
    DateTimeOffset AddedAt, DeclarationDetail? Declaration, bool UnderException)
{
    public static TeamMemberDetail Of(PanelMemberView m) => new(m.Member.UserId, m.Name, m.Member.Role, m.Member.AgencyId, m.Agency, m.Member.AgencyType,
        m.Member.AddedAt, m.Declaration is { } d ? DeclarationDetail.Of(d) : null, m.Exception is not null);
}

public sealed record AppointedDetail(TeamMemberDetail Member, Guid Version);

public sealed record PanelConflictDetail(ConflictKind Kind, string Text, DateTimeOffset? DeclaredAt)
{
    public static PanelConflictDetail Of(PanelConflict c) => new(c.Kind, c.Text, c.DeclaredAt);
}

/// <summary>A person with a conflict, the role considered for them, and whether the chair's exceptions cover it.</summary>
public sealed record ConflictedPersonDetail(Guid UserId, string Name, TeamRole ConsideredFor, IReadOnlyList<PanelConflictDetail> Conflicts,
    IReadOnlyList<DeclarationDetail> Declarations, IReadOnlyList<ConflictExceptionDetail> Exceptions, bool Covered, bool OnTeam)
{
    public static ConflictedPersonDetail Of(ConflictedPerson p) => new(p.UserId, p.Name, p.Role, p.Conflicts.Select(PanelConflictDetail.Of).ToList(),
        p.Declarations.Select(DeclarationDetail.Of).ToList(), p.Exceptions.Select(ConflictExceptionDetail.Of).ToList(), p.Covered, p.OnTeam);
}

public sealed record PanelSeatDetail(AgencyType AgencyType, IReadOnlyList<Guid> MemberUserIds);

public sealed record PanelCompositionDetail(IReadOnlyList<AgencyType> MinimumMembership, IReadOnlyList<PanelSeatDetail> Seats, IReadOnlyList<AgencyType> Missing,
    bool Complete, bool HasLeadReviewer, bool HasIndependentChair, bool HasLayMember, bool HasLegalAdviser)
{
    public static PanelCompositionDetail Of(PanelComposition c) => new(ReviewPanelRules.MinimumMembership,
        c.Seats.Select(s => new PanelSeatDetail(s.Type, s.Members.Select(m => m.UserId).ToList())).ToList(), c.Missing, c.IsComplete, c.HasLeadReviewer,
        c.HasIndependentChair, c.HasLayMember, c.HasLegalAdviser);
}

public sealed record ReviewTeamDetail(Guid CaseId, string Reference, Guid Version, PanelCompositionDetail Composition, IReadOnlyList<TeamMemberDetail> Members,
    IReadOnlyList<ConflictedPersonDetail> Conflicted, bool MayRecordExceptions)
{
    public static ReviewTeamDetail Of(ReviewPanel panel) => new(panel.Review.Id, panel.Review.Reference, panel.Review.Version,
        PanelCompositionDetail.Of(panel.Composition), panel.Members.Select(TeamMemberDetail.Of).ToList(),
        panel.Conflicted.Select(ConflictedPersonDetail.Of).ToList(), panel.MayExcept);
}

public sealed record MatchReasonDetail(MatchFactor Factor, MatchOutcome Outcome, int Points, string Text);

/// <summary>A reviewer matched to the case: score out of maxScore with the reasons; an excluded one with its conflicts.</summary>
public sealed record ReviewerMatchDetail(Guid ProfileId, Guid UserId, string Name, int Score, int MaxScore, bool Excluded, bool OnTeam,
    IReadOnlyList<MatchReasonDetail> Reasons, IReadOnlyList<PanelConflictDetail> Conflicts, string? ChairsException)
{
    public static ReviewerMatchDetail Of(ReviewerMatch m) => new(m.Candidate.ProfileId, m.Candidate.UserId, m.Candidate.Name, m.Score, m.MaxScore, m.Excluded,
        m.Candidate.OnTeam, m.Reasons.Select(r => new MatchReasonDetail(r.Factor, r.Outcome, r.Points, r.Text)).ToList(),
        m.Conflicts.Select(PanelConflictDetail.Of).ToList(), m.ExceptionReason);
}

public sealed record ReviewerMatchesDetail(Guid CaseId, string Reference, Methodology? Methodology,
    [property: Description("Where the methodology came from: AskedFor (the query, or none known), TermsOfReference or Recommendation (the sub-group's proposal).")]
    MethodologySource MethodologySource,
    IReadOnlyList<ReviewerMatchDetail> Matches)
{
    public static ReviewerMatchesDetail Of(ReviewerMatchResult r) => new(r.Review.Id, r.Review.Reference, r.Methodology, r.MethodologySource,
        r.Matches.Select(ReviewerMatchDetail.Of).ToList());
}
