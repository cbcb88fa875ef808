using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Messages;
using Scr.Core.Services.Reviews;

namespace Scr.Core.Services.AgencyReports;

/// <summary>The agency reports of a case as one person may see them: every agency's for the board and the team, their own for an agency.</summary>
public sealed record AgencyReportsView(ReviewView View, IReadOnlyList<AgencyReport> Reports, bool MayRequest, IReadOnlyList<NamedOrganisation> AgenciesToAsk,
    AgencyReportsRequirement? TermsSay)
{
    public Review Review => View.Review;
}

/// <summary>One agency's report as one person may see it: the versions they may read, the decisions with or without the team's notes, what they may do.</summary>
public sealed record AgencyReportView(ReviewView View, AgencyReport Report, IReadOnlyList<AgencyReportVersion> Versions, IReadOnlyDictionary<Guid, string> People,
    bool MaySeeDrafts, bool MaySeeTeamNotes, bool MayNameAuthor, bool MayWrite, bool MayQualityAssure, bool MayRecordFeedback)
{
    public Review Review => View.Review;

    /// <summary>The version to show: the latest the person may read.</summary>
    public AgencyReportVersion? Current => Versions.Count == 0 ? null : Versions[^1];

    /// <summary>A stamp of the report as read, so a change made meanwhile is not overwritten.</summary>
    public long Stamp => Report.Revision;

    public string NameOf(Guid? userId) => userId is { } id && People.TryGetValue(id, out var name) ? name : "Unknown";
}

/// <summary>Someone who may be named the author of an agency's report: a person holding a role in the agency.</summary>
public sealed record AuthorCandidate(Guid UserId, string Name, string Email);

/// <summary>The business unit asking the involved agencies for reports.</summary>
public sealed record AgencyReportRequest(IReadOnlyList<Guid> AgencyIds, AgencyReportsRequirement? Kind, DateOnly? DueOn, string? Note);

/// <summary>Naming an author, with what they declare about their part in the case (WT2006 8.20).</summary>
public sealed record AuthorInput(Guid? UserId, string? Post, InvolvementKind? Declaration, string? DeclarationDetails);

/// <summary>The review team's decision on the submitted version.</summary>
public sealed record QualityReviewInput(QualityAssuranceOutcome? Outcome, string? CommentsForAuthor, string? PanelNotes);

/// <summary>Feedback given to the staff involved.</summary>
public sealed record StaffFeedbackInput(DateOnly? HeldOn, string? Attended, string? Notes);

/// <summary>
/// The agencies' reports to a review (WT2006 8.18–8.27; seed 000 Stage 2; seed 003 §4–6): the business unit asks for them,
/// each agency names an author who was not involved (the conflict rule is <see cref="ReviewPanelRules.AuthorConflicts"/>),
/// the author writes on the template (<see cref="AgencyReportRules"/>) and submits, the review team quality-assures each
/// submitted version, the author feeds back to staff. Who may do what is <see cref="ReviewAccessRules"/>; an agency never
/// learns of another agency's report. Every read and every change is audited.
/// </summary>
public sealed class AgencyReportService(ScrDbContext db, ReviewService reviews, AuditLog audit, Messenger messenger, TimeProvider clock)
{
    public async Task<AgencyReportsView> ListAsync(Guid id, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: false, cancellationToken);
        var review = view.Review;
        var reports = review.AgencyReports.Where(r => ReviewAccessRules.MaySeeAgencyReport(principal, view.Access, review, r))
            .OrderBy(r => r.AgencyName, StringComparer.OrdinalIgnoreCase).ToList();
        if (view.Access != ReviewAccess.Full && reports.Count == 0 && ReviewAccessRules.AgenciesActingFor(principal, review).Count == 0)
        {
            throw new ForbiddenException("Only the board, the review team and the agencies involved see the agency reports.");
        }
        var mayRequest = ReviewAccessRules.MayRequestAgencyReports(principal, review);
        var toAsk = review.Agencies.Where(a => review.AgencyReports.All(r => r.AgencyId != a.AgencyId))
            .Select(a => new NamedOrganisation(a.AgencyId, a.Agency?.Name ?? "")).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
        await audit.RecordNowAsync(actor, AuditActions.AgencyReportsRead, review.BoardId, "review", id.ToString(), $"reports={reports.Count}",
            cancellationToken);
        return new AgencyReportsView(view, reports, mayRequest, mayRequest ? toAsk : [], review.SignedOffTerms?.AgencyReports);
    }

    /// <summary>One report, for those who may see it; another agency's report is not found. The read is audited.</summary>
    public async Task<AgencyReportView> GetAsync(Guid id, Guid reportId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: false, cancellationToken);
        var result = await BuildAsync(view, reportId, principal, cancellationToken);
        await audit.RecordNowAsync(actor, AuditActions.AgencyReportsRead, view.Review.BoardId, "agency-report", reportId.ToString(),
            $"review={id}; versions={result.Versions.Count}", cancellationToken);
        return result;
    }

    private async Task<AgencyReportView> BuildAsync(ReviewView view, Guid reportId, Principal principal, CancellationToken cancellationToken)
    {
        var review = view.Review;
        var report = review.AgencyReports.FirstOrDefault(r => r.Id == reportId);
        if (report is null || !ReviewAccessRules.MaySeeAgencyReport(principal, view.Access, review, report))
        {
            throw new NotFoundException("The agency report");
        }
        var drafts = ReviewAccessRules.MaySeeAgencyReportDrafts(principal, review, report);
        var versions = report.VersionsInOrder.Where(v => drafts || v.IsSubmitted).ToList();
        var people = report.Versions.SelectMany(v => new Guid?[] { v.SavedById, v.SubmittedById })
            .Concat(report.QualityReviews.Select(q => (Guid?)q.DecidedById))
            .Concat(report.StaffFeedback.Select(f => (Guid?)f.RecordedById))
            .Append(report.RequestedById).Append(report.AuthorNamedById)
            .OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new AgencyReportView(view, report, versions, names, drafts, ReviewAccessRules.MaySeeReviewTeamNotes(view.Access),
            ReviewAccessRules.MayNameAgencyReportAuthor(principal, review, report), ReviewAccessRules.MayWriteAgencyReport(principal, review, report),
            ReviewAccessRules.MayQualityAssureAgencyReport(principal, review, report), ReviewAccessRules.MayRecordStaffFeedback(principal, review, report));
    }

    /// <summary>
    /// The business unit asks involved agencies for their reports; each agency's contacts are told. Refused for an agency not
    /// involved or already asked, and for a stale version of the case.
    /// </summary>
    public async Task<IReadOnlyList<AgencyReport>> RequestAsync(Guid id, AgencyReportRequest input, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        if (!ReviewAccessRules.MayRequestAgencyReports(principal, review))
        {
            RequireStage(review);
            throw new ForbiddenException("Only the business unit asks agencies for their reports.");
        }
        var agencyIds = input.AgencyIds.Distinct().ToList();
        RuleViolationException.ThrowIfAny(AgencyReportRules.CheckRequest(agencyIds, input.Kind, input.DueOn, input.Note, UkTime.DateOf(clock.GetUtcNow())));
        reviews.ExpectVersion(review, expectedVersion);
        var made = review.RequestAgencyReports(agencyIds, input.Kind!.Value, input.DueOn!.Value, input.Note, principal.UserId, clock.GetUtcNow());
        foreach (var report in made)
        {
            audit.Record(actor, AuditActions.AgencyReportsRequested, review.BoardId, "agency-report", report.Id.ToString(),
                $"review={review.Id}; agency={report.AgencyId}; kind={report.Kind}; due={report.DueOn:yyyy-MM-dd}");
            var contacts = await messenger.AgencyContactsAsync(report.AgencyId, cancellationToken);
            messenger.Tell(contacts, review.Id, $"Agency report asked for: case {review.Reference}",
                $"The review asks {report.AgencyName} for its report ({Labels.ReportKind(report.Kind).ToLowerInvariant()}) by {Labels.Date(report.DueOn!.Value)}. "
                + "Name an author who was not involved in the case and does not line-manage anyone who was.",
                $"/cases/{review.Id}/agency-reports/{report.Id}");
        }
        await reviews.SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return made;
    }

    /// <summary>People who may be named the author: active accounts holding a role in the report's agency.</summary>
    public async Task<IReadOnlyList<AuthorCandidate>> AuthorCandidatesAsync(AgencyReport report, CancellationToken cancellationToken = default) =>
        await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == report.AgencyId && (m.Role == Role.AgencyReviewAuthor || m.Role == Role.AgencyLead))
            .Join(db.Users.AsNoTracking().Where(u => u.DisabledAt == null), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, u.Email })
            .Distinct()
            .OrderBy(u => u.DisplayName)
            .Select(u => new AuthorCandidate(u.Id, u.DisplayName, u.Email ?? ""))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Names the author. What they declare is recorded first; a declared involvement, or line-management of someone involved,
    /// refuses them (the declaration is kept and the refusal audited). The author is told.
    /// </summary>
    public async Task<AgencyReport> NameAuthorAsync(Guid id, Guid reportId, AuthorInput input, long stamp, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var (review, report) = await LoadReportAsync(id, reportId, principal, cancellationToken);
        if (!ReviewAccessRules.MayNameAgencyReportAuthor(principal, review, report))
        {
            RequireStage(review);
            throw new ForbiddenException("Only the agency's lead or the business unit names the report's author.");
        }
        var problems = new List<RuleProblem>();
        AuthorCandidate? author = null;
        if (input.UserId is not { } userId)
        {
            problems.Add(new("userId", "Select the author"));
        }
        else
        {
            author = (await AuthorCandidatesAsync(report, cancellationToken)).FirstOrDefault(c => c.UserId == userId);
            if (author is null)
            {
                problems.Add(new("userId", $"Select a person who holds a role in {report.AgencyName}"));
            }
        }
        if (input.Post?.Trim().Length > AgencyReport.NameMaxLength)
        {
            problems.Add(new("post", $"The author's post must be {AgencyReport.NameMaxLength:N0} characters or fewer"));
        }
        problems.AddRange(ReviewPanelRules.CheckDeclaration(input.Declaration, input.DeclarationDetails, "the author"));
        RuleViolationException.ThrowIfAny(problems);
        ExpectStamp(report, stamp);
        var now = clock.GetUtcNow();
        var recorded = review.Declare(author!.UserId, input.Declaration!.Value, input.DeclarationDetails, principal.UserId, now);
        audit.Record(actor, AuditActions.InvolvementDeclared, review.BoardId, "review", review.Id.ToString(),
            $"user={author.UserId}; kind={recorded.Kind}; recordedBy={principal.UserId}; forAgencyReport={report.Id}");
        var conflicts = ReviewPanelRules.AuthorConflicts(review.DeclarationsOf(author.UserId));
        if (conflicts.Count > 0)
        {
            audit.Record(actor, AuditActions.AgencyReportAuthorRefused, review.BoardId, "agency-report", report.Id.ToString(),
                $"review={review.Id}; user={author.UserId}; conflicts={conflicts.Count}");
            await reviews.SaveAsync(cancellationToken);
            throw new RuleViolationException([new RuleProblem("userId", ReviewPanelRules.AuthorBlocked(author.Name, conflicts))]);
        }
        review.NameAgencyReportAuthor(report.Id, author.UserId, author.Name, input.Post, principal.UserId, now);
        audit.Record(actor, AuditActions.AgencyReportAuthorNamed, review.BoardId, "agency-report", report.Id.ToString(),
            $"review={review.Id}; user={author.UserId}");
        if (author.UserId != principal.UserId)
        {
            messenger.Tell([new Recipient(author.UserId, author.Name, author.Email)], review.Id, $"You are the author of an agency report: case {review.Reference}",
                $"{principal.Name} named you the author of {report.AgencyName}'s report for the review.", $"/cases/{review.Id}/agency-reports/{report.Id}");
        }
        await reviews.SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return report;
    }

    /// <summary>The author saves the draft, as often as needed; the first save after the team sent it back starts the next version.</summary>
    public async Task<AgencyReportVersion> SaveDraftAsync(Guid id, Guid reportId, IReadOnlyDictionary<string, string?> sections, long stamp, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var (review, report) = await LoadReportAsync(id, reportId, principal, cancellationToken);
        RequireAuthor(principal, review, report);
        RuleViolationException.ThrowIfAny(AgencyReportRules.CheckSections(sections));
        ExpectStamp(report, stamp);
        var started = report.Draft is null;
        var version = review.SaveAgencyReportDraft(report.Id, sections.ToDictionary(s => s.Key, s => s.Value ?? ""), principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.AgencyReportDraftSaved, review.BoardId, "agency-report", report.Id.ToString(),
            $"review={review.Id}; version={version.Number}; {(started ? "started" : "updated")}; sections={version.Sections.Count}");
        await reviews.SaveAsync(cancellationToken);
        return version;
    }

    /// <summary>
    /// The author submits the draft with the senior officer who accepts its findings (WT2006 8.22), which freezes it; the
    /// business unit and the review team are told. Refused while a required section is empty.
    /// </summary>
    public async Task<AgencyReportVersion> SubmitAsync(Guid id, Guid reportId, string? seniorOfficer, long stamp, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var (review, report) = await LoadReportAsync(id, reportId, principal, cancellationToken);
        RequireAuthor(principal, review, report);
        var draft = report.Draft ?? throw new RuleViolationException("There is no draft to submit: save the report first.");
        RuleViolationException.ThrowIfAny(AgencyReportRules.MissingForSubmission(report.Kind, draft.Sections, seniorOfficer));
        ExpectStamp(report, stamp);
        var version = review.SubmitAgencyReport(report.Id, seniorOfficer!, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.AgencyReportSubmitted, review.BoardId, "agency-report", report.Id.ToString(),
            $"review={review.Id}; version={version.Number}");
        var board = await messenger.HoldersAsync(review.BoardId, [Role.BusinessUnitOfficer], cancellationToken);
        var team = review.Team.Where(t => t.User is { DisabledAt: null }).Select(t => new Recipient(t.UserId, t.User!.DisplayName, t.User.Email ?? ""));
        messenger.Tell(board.Concat(team).DistinctBy(r => r.UserId).Where(r => r.UserId != principal.UserId), review.Id,
            $"Agency report submitted: case {review.Reference}",
            $"{report.AgencyName} submitted version {version.Number} of its report for quality assurance.", $"/cases/{review.Id}/agency-reports/{report.Id}");
        await reviews.SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return version;
    }

    /// <summary>
    /// The review team accepts the submitted version or sends it back with comments for the author (its own notes stay with
    /// the team). The author is told.
    /// </summary>
    public async Task<AgencyReportQualityReview> QualityAssureAsync(Guid id, Guid reportId, QualityReviewInput input, long stamp, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var (review, report) = await LoadReportAsync(id, reportId, principal, cancellationToken);
        if (!ReviewAccessRules.QualityAssuresAgencyReports(principal, review))
        {
            throw new ForbiddenException("Only the review team, the business unit and the board chair quality-assure agency reports.");
        }
        if (!ReviewAccessRules.MayQualityAssureAgencyReport(principal, review, report))
        {
            RequireStage(review);
            throw new RuleViolationException(report.IsQualityAssured
                ? "The report has already been quality-assured."
                : "There is no submitted version waiting for quality assurance.");
        }
        RuleViolationException.ThrowIfAny(AgencyReportRules.CheckQualityReview(input.Outcome, input.CommentsForAuthor, input.PanelNotes));
        ExpectStamp(report, stamp);
        var decision = review.QualityAssureAgencyReport(report.Id, input.Outcome!.Value, input.CommentsForAuthor, input.PanelNotes, principal.UserId,
            clock.GetUtcNow());
        audit.Record(actor, AuditActions.AgencyReportQualityAssured, review.BoardId, "agency-report", report.Id.ToString(),
            $"review={review.Id}; version={decision.VersionNumber}; outcome={decision.Outcome}");
        if (report.AuthorId is { } authorId)
        {
            var author = await messenger.UsersAsync([authorId], cancellationToken);
            messenger.Tell(author, review.Id, decision.Outcome == QualityAssuranceOutcome.Accepted
                    ? $"Agency report accepted: case {review.Reference}"
                    : $"Agency report sent back for changes: case {review.Reference}",
                decision.Outcome == QualityAssuranceOutcome.Accepted
                    ? $"The review team accepted version {decision.VersionNumber} of {report.AgencyName}'s report. Record the feedback you give to staff."
                    : $"The review team asked for changes to version {decision.VersionNumber} of {report.AgencyName}'s report: read their comments.",
                $"/cases/{review.Id}/agency-reports/{report.Id}");
        }
        await reviews.SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return decision;
    }

    /// <summary>The author or the agency's lead records feedback given to the staff involved (WT2006 8.23), once the report is submitted.</summary>
    public async Task<AgencyReportStaffFeedback> RecordStaffFeedbackAsync(Guid id, Guid reportId, StaffFeedbackInput input, long stamp, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var (review, report) = await LoadReportAsync(id, reportId, principal, cancellationToken);
        if (!ReviewAccessRules.MayRecordStaffFeedback(principal, review, report))
        {
            if (report.LatestSubmitted is null)
            {
                throw new RuleViolationException("Staff are given feedback on the report once it has been submitted.");
            }
            throw new ForbiddenException("Only the report's author or the agency's lead records feedback to staff.");
        }
        RuleViolationException.ThrowIfAny(AgencyReportRules.CheckStaffFeedback(input.HeldOn, input.Attended, input.Notes, UkTime.DateOf(clock.GetUtcNow())));
        ExpectStamp(report, stamp);
        var feedback = review.RecordAgencyReportStaffFeedback(report.Id, input.HeldOn!.Value, input.Attended!, input.Notes!, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.AgencyReportStaffFeedback, review.BoardId, "agency-report", report.Id.ToString(),
            $"review={review.Id}; heldOn={feedback.HeldOn:yyyy-MM-dd}");
        await reviews.SaveAsync(cancellationToken);
        return feedback;
    }

    private async Task<(Review Review, AgencyReport Report)> LoadReportAsync(Guid id, Guid reportId, Principal principal, CancellationToken cancellationToken)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: true, cancellationToken);
        var report = view.Review.AgencyReports.FirstOrDefault(r => r.Id == reportId);
        if (report is null || !ReviewAccessRules.MaySeeAgencyReport(principal, view.Access, view.Review, report))
        {
            throw new NotFoundException("The agency report");
        }
        return (view.Review, report);
    }

    private static void RequireAuthor(Principal principal, Review review, AgencyReport report)
    {
        if (ReviewAccessRules.MayWriteAgencyReport(principal, review, report))
        {
            return;
        }
        RequireStage(review);
        switch (report.Status)
        {
            case AgencyReportStatus.AuthorToBeNamed:
                throw new RuleViolationException("The agency has not yet named the report's author.");
            case AgencyReportStatus.Submitted:
                throw new RuleViolationException("The report is with the review team for quality assurance: it cannot change until they reply.");
            case AgencyReportStatus.QualityAssured:
                throw new RuleViolationException("The report has been quality-assured and cannot change.");
        }
        throw new ForbiddenException("Only the report's author writes and submits it.");
    }

    private static void RequireStage(Review review)
    {
        if (!review.TakesAgencyReports)
        {
            throw new RuleViolationException(review.IsOpen
                ? "Agency reports are asked for once the chair has decided to hold a review."
                : "The review is closed: its agency reports can no longer change.");
        }
    }

    private static void ExpectStamp(AgencyReport report, long stamp)
    {
        if (report.Revision != stamp)
        {
            throw new StaleEditException("Someone else changed this agency report after you opened it. Your change has not been saved. "
                + "Check the report as it is now and try again.");
        }
    }
}
