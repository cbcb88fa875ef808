using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Calendar;
using Scr.Core.Services.Decisions;
using Scr.Core.Services.Exchange;
using Scr.Core.Services.Messages;

namespace Scr.Core.Services.Reviews;

public sealed record NotifyChild(string Name, int? AgeAtIncidentMonths, Sex Sex, Ethnicity Ethnicity, YesNoNotKnown Disability,
    ChildProtectionPlanStatus ChildProtectionPlan, LegalStatus LegalStatus);

public sealed record NotifyOptions(Guid BoardId, IncidentType IncidentType, DateOnly IncidentDate, DateOnly KnownToBoardOn,
    string Summary, IReadOnlyList<NotifyChild> Children, IReadOnlyList<Guid> AgencyIds, Guid? ReferringAgencyId,
    GuidanceEdition Guidance = GuidanceEdition.Wt2006, string? OtherChildrenAtRisk = null, string? ImmediateActions = null);

/// <summary>A problem with one notification of several, by its index in the list.</summary>
public sealed record NotificationProblem(int Index, string? Field, string Message);

public sealed record ReviewListFilter(Guid? BoardId = null, ReviewStage? Stage = null, ReviewStatus? Status = null, string? Search = null,
    int Page = 1, int PageSize = 50);

public sealed record ReviewListRow(Guid Id, string Reference, Guid BoardId, string BoardName, ReviewKind Kind, ReviewStage Stage,
    ReviewStatus Status, IncidentType IncidentType, DateOnly IncidentDate, DateOnly KnownToBoardOn, ReviewAccess Access)
{
    public bool IsOpen => Status == ReviewStatus.Open;
}

public sealed record ReviewView(Review Review, ReviewAccess Access, IReadOnlySet<CaseActor> Actors);

/// <summary>One communication on a case's log, with the agency's name and the name of whoever sent or recorded it.</summary>
public sealed record CommunicationEntry(CaseCommunication Communication, string? Agency, string? SentBy)
{
    /// <summary>The service sent it itself (the notification to the chair, the decision to the Panel and the agencies).</summary>
    public bool SentByTheService => Communication.SentById is null;
}

/// <summary>
/// A case's communications as one person may see them (<see cref="ReviewAccessRules.MaySeeCommunication"/>), oldest
/// first; whether they are of the board and may record one made outside the service.
/// </summary>
public sealed record CommunicationLog(ReviewView View, IReadOnlyList<CommunicationEntry> Entries, bool IsBoard, bool MayRecord)
{
    public Review Review => View.Review;

    /// <summary>Who else may need telling, from every communication on the case (for the board).</summary>
    public WhoToTell WhoToTell => CommunicationRules.WhoToTellAbout(Review);
}

/// <summary>A communication recorded on a case, the name of the agency told (if one was), and the case's version after it.</summary>
public sealed record RecordedCommunication(CaseCommunication Communication, string? Agency, Guid Version);

/// <summary>Notifying, reading, listing and moving cases. Every read of a case record is audited.</summary>
public sealed class ReviewService(ScrDbContext db, AuditLog audit, Messenger messenger, BankHolidayService bankHolidays,
    ReviewLearningRecord learningRecord, TimeProvider clock)
{
    public async Task<Review> NotifyAsync(NotifyOptions options, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var board = await BoardAsync(options.BoardId, cancellationToken);
        if (board is null || !ReviewAccessRules.MayNotify(principal, board.Id))
        {
            throw new NotFoundException("The board");
        }
        if (options.ReferringAgencyId is { } referrer
            && !principal.AgencyGrants.Any(g => g.OrganisationId == referrer && g.BoardIds.Contains(board.Id)))
        {
            throw new ForbiddenException("You can only refer a case on behalf of your own agency.");
        }
        RuleViolationException.ThrowIfAny(await CheckAsync(options, cancellationToken));
        var review = await AddAsync(options, board, principal.UserId, actor, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return review;
    }

    /// <summary>
    /// Everything a notification must satisfy, whoever sends it (<see cref="NotificationRules"/>, and that the board
    /// exists and every agency named serves it). Empty when it may be saved. Who may notify is checked by the caller.
    /// </summary>
    public async Task<IReadOnlyList<RuleProblem>> CheckAsync(NotifyOptions options, CancellationToken cancellationToken = default)
    {
        var problems = NotificationRules.Check(options, UkTime.DateOf(clock.GetUtcNow())).ToList();
        if (await BoardAsync(options.BoardId, cancellationToken) is null)
        {
            problems.Add(new("boardId", "Select a board"));
            return problems;
        }
        var named = options.AgencyIds.Append(options.ReferringAgencyId ?? Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var serving = (await db.AgencyBoards.AsNoTracking().Where(a => a.BoardId == options.BoardId && named.Contains(a.AgencyId))
            .Select(a => a.AgencyId).ToListAsync(cancellationToken)).ToHashSet();
        var notServing = options.AgencyIds.Where(id => !serving.Contains(id)).Distinct().ToList();
        if (notServing.Count > 0)
        {
            var names = await db.Organisations.AsNoTracking().Where(o => notServing.Contains(o.Id)).Select(o => o.Name).OrderBy(n => n)
                .ToListAsync(cancellationToken);
            problems.Add(new("agencyIds", names.Count == 0
                ? "Select only agencies that serve the board's area"
                : $"Select only agencies that serve the board's area: {string.Join(", ", names)} {(names.Count == 1 ? "does" : "do")} not"));
        }
        if (options.ReferringAgencyId is { } referrer && !serving.Contains(referrer))
        {
            problems.Add(new("referringAgencyId", "The referring agency must serve the board's area"));
        }
        return problems;
    }

    /// <summary>
    /// What <see cref="NotifyAsSystemAsync"/> would refuse, for each notification by its index: the rules of
    /// <see cref="CheckAsync"/>, and a business unit officer of the board to record the case under.
    /// </summary>
    public async Task<IReadOnlyList<NotificationProblem>> CheckAsSystemAsync(IReadOnlyList<NotifyOptions> notifications, string? recordedBy,
        CancellationToken cancellationToken = default)
    {
        var problems = new List<NotificationProblem>();
        var recorders = new Dictionary<Guid, (Guid? Id, string? Problem)>();
        for (var i = 0; i < notifications.Count; i++)
        {
            var options = notifications[i];
            var found = await CheckAsync(options, cancellationToken);
            problems.AddRange(found.Select(p => new NotificationProblem(i, p.Field, p.Message)));
            if (found.Any(p => p.Field == "boardId"))
            {
                continue;
            }
            if (!recorders.TryGetValue(options.BoardId, out var recorder))
            {
                recorder = await RecorderAsync(options.BoardId, recordedBy, cancellationToken);
                recorders[options.BoardId] = recorder;
            }
            if (recorder.Problem is { } problem)
            {
                problems.Add(new NotificationProblem(i, "boardId", problem));
            }
        }
        return problems;
    }

    /// <summary>
    /// Notifies several cases at once with no one signed in (the CLI's bulk import), all or none: every notification is
    /// checked first, then all are saved in one transaction, so a failure half-way leaves nothing behind. Each case is
    /// notified as <see cref="NotifyAsync"/> does it (reference, chair told, agencies asked to secure records), as the
    /// board's business unit: recorded under the board's business unit officer (<paramref name="recordedBy"/>, an email
    /// address, when the board has several) and audited as <paramref name="actor"/>. Emails go once everything is saved.
    /// </summary>
    public async Task<IReadOnlyList<Review>> NotifyAsSystemAsync(IReadOnlyList<NotifyOptions> notifications, Actor actor, string? recordedBy = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var problems = await CheckAsSystemAsync(notifications, recordedBy, cancellationToken);
        if (problems.Count > 0)
        {
            throw new RuleViolationException(problems
                .Select(p => new RuleProblem(p.Field is null ? $"[{p.Index}]" : $"[{p.Index}].{p.Field}", $"Notification {p.Index + 1}: {p.Message}"))
                .ToList());
        }
        var boards = new Dictionary<Guid, (Organisation Board, Guid RecordedBy)>();
        foreach (var boardId in notifications.Select(n => n.BoardId).Distinct())
        {
            var board = (await BoardAsync(boardId, cancellationToken))!;
            boards[boardId] = (board, (await RecorderAsync(boardId, recordedBy, cancellationToken)).Id!.Value);
        }
        var reviews = new List<Review>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                foreach (var options in notifications)
                {
                    var (board, recorder) = boards[options.BoardId];
                    reviews.Add(await AddAsync(options, board, recorder, actor, "system", cancellationToken));
                    // Saved one by one inside the transaction, so the next reference counts this one.
                    await db.SaveChangesAsync(cancellationToken);
                    progress?.Report(reviews.Count);
                }
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                // Nothing was committed: forget what was queued and tracked for it, so nothing is sent or saved later.
                messenger.DiscardQueued();
                db.ChangeTracker.Clear();
                throw;
            }
        }
        await messenger.SendQueuedAsync(cancellationToken);
        return reviews;
    }

    private Task<Organisation?> BoardAsync(Guid boardId, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == boardId && o.Kind == OrganisationKind.Board, cancellationToken);

    /// <summary>The business unit officer a case notified by the system is recorded under.</summary>
    private async Task<(Guid? Id, string? Problem)> RecorderAsync(Guid boardId, string? recordedBy, CancellationToken cancellationToken)
    {
        var officers = await messenger.HoldersAsync(boardId, [Role.BusinessUnitOfficer], cancellationToken);
        if (!string.IsNullOrWhiteSpace(recordedBy))
        {
            var officer = officers.FirstOrDefault(o => string.Equals(o.Email, recordedBy.Trim(), StringComparison.OrdinalIgnoreCase));
            return officer is null ? (null, $"{recordedBy.Trim()} is not an active business unit officer of this board") : (officer.UserId, null);
        }
        return officers.Count switch
        {
            1 => (officers[0].UserId, null),
            0 => (null, "The board has no active business unit officer to record the case under"),
            _ => (null, $"The board has {officers.Count} business unit officers: say which one records the cases"),
        };
    }

    /// <summary>Adds the case, its audit entry and its messages; the caller saves.</summary>
    private async Task<Review> AddAsync(NotifyOptions options, Organisation board, Guid createdBy, Actor actor, string? via,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var year = options.KnownToBoardOn.Year;
        var prefix = $"{board.Key.ToUpperInvariant()}-{year}-";
        var existing = await db.Reviews.AsNoTracking().Where(r => r.BoardId == board.Id && r.Reference.StartsWith(prefix))
            .Select(r => r.Reference).ToListAsync(cancellationToken);
        var next = existing.Select(r => int.TryParse(r[prefix.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var review = Review.Notify(board.Id, $"{prefix}{next:000}", options.IncidentType, options.IncidentDate, options.KnownToBoardOn,
            options.Summary.Trim(), options.Guidance, options.ReferringAgencyId,
            options.Children.Select(c => new ReviewChild(c.Name.Trim(), c.AgeAtIncidentMonths, c.Sex, c.Ethnicity, c.Disability, c.ChildProtectionPlan, c.LegalStatus)),
            options.AgencyIds.Distinct(), createdBy, now, options.OtherChildrenAtRisk, options.ImmediateActions);
        db.Reviews.Add(review);
        audit.Record(actor, AuditActions.ReviewNotified, board.Id, "review", review.Id.ToString(),
            $"reference={review.Reference}" + (via is null ? "" : $"; via={via}; recordedBy={createdBy}"));
        await TellOfNotificationAsync(review, board.Name, now, cancellationToken);
        return review;
    }

    /// <summary>
    /// Initial action (seed 000 Stage 1): the chair gets the notification at once, and each involved agency is asked at
    /// once to secure its records and send a short file review.
    /// </summary>
    private async Task TellOfNotificationAsync(Review review, string boardName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var chairs = await messenger.HoldersAsync(review.BoardId, [Role.BoardChair], cancellationToken);
        var death = CommunicationRules.ChildDied(review);
        messenger.Tell(chairs, review.Id, $"New notification to {boardName}: case {review.Reference}",
            (death ? "A child has died. Guidance asks that you have the notification within 48 hours. " : "A serious incident has been notified. ")
            + "Open the case to read the notification and confirm you have it.", $"/cases/{review.Id}");
        foreach (var chair in chairs)
        {
            review.Record(new CaseCommunication(RecipientKind.BoardChair, chair.Name, null, CommunicationMethod.Email, "Copy of the notification", null, null, now));
        }
        review.RecordChairNotified(now);
        var deadlines = Rules.Timescales.Deadlines.For(review, await bankHolidays.CalendarAsync(cancellationToken));
        var agencyNames = await db.Organisations.AsNoTracking().Where(o => review.Agencies.Select(a => a.AgencyId).Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        foreach (var agency in review.Agencies)
        {
            var fileReviewsDue = deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.FileReview && d.AgencyId == agency.AgencyId) is { } due
                ? Labels.Due(due) : "the date the case page shows";
            var leads = await messenger.AgencyContactsAsync(agency.AgencyId, cancellationToken);
            messenger.Tell(leads, review.Id, $"Secure your records: case {review.Reference} ({boardName})",
                "Your agency is involved in a serious incident notified to the board. Secure every record about the child and family now, "
                + $"confirm it in the service, and send a short file review by {fileReviewsDue}.", $"/cases/{review.Id}/agency");
            review.Record(new CaseCommunication(RecipientKind.Agency, agencyNames.GetValueOrDefault(agency.AgencyId, "Agency"), agency.AgencyId,
                CommunicationMethod.Email, "Request to secure records and send a short file review", $"File review due by {fileReviewsDue}.", null, now));
        }
    }

    /// <summary>
    /// Loads a case the person may see, or throws <see cref="NotFoundException"/> (also for another board's case, so a
    /// guessed id reveals nothing). The read is audited.
    /// </summary>
    public async Task<ReviewView> GetAsync(Guid id, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await LoadAsync(id, principal, tracking: false, cancellationToken);
        await audit.RecordNowAsync(actor, AuditActions.ReviewRead, view.Review.BoardId, "review", id.ToString(),
            $"access={view.Access}", cancellationToken);
        return view;
    }

    internal async Task<ReviewView> LoadAsync(Guid id, Principal principal, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Reviews
            .Include(r => r.Board)
            .Include(r => r.Children)
            .Include(r => r.Agencies).ThenInclude(a => a.Agency)
            .Include(r => r.Agencies).ThenInclude(a => a.RecordsSecuredBy)
            .Include(r => r.Team).ThenInclude(t => t.User)
            .Include(r => r.Team).ThenInclude(t => t.Agency)
            .Include(r => r.Declarations)
            .Include(r => r.ConflictExceptions)
            .Include(r => r.StageEvents)
            .Include(r => r.FileReviews)
            .Include(r => r.Recommendations)
            .Include(r => r.PeerReviews).ThenInclude(p => p.Peer)
            .Include(r => r.PanelSubmissions).ThenInclude(p => p.Messages)
            .Include(r => r.Communications)
            .Include(r => r.ParallelProcesses).ThenInclude(p => p.Constraints)
            .Include(r => r.TimelineChanges)
            .Include(r => r.MilestoneRecords)
            .Include(r => r.TermsOfReference)
            .Include(r => r.AgencyReports).ThenInclude(a => a.Versions)
            .Include(r => r.AgencyReports).ThenInclude(a => a.QualityReviews)
            .Include(r => r.AgencyReports).ThenInclude(a => a.StaffFeedback)
            .Include(r => r.Chronologies).ThenInclude(c => c.Versions)
            .Include(r => r.KeyPracticeEpisodes)
            .AsSplitQuery();
        var review = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            throw new NotFoundException("The case");
        }
        var access = ReviewAccessRules.For(principal, ReviewAccessFacts.Of(review));
        if (access == ReviewAccess.None)
        {
            throw new NotFoundException("The case");
        }
        return new ReviewView(review, access, ReviewAccessRules.ActorsIn(principal, review));
    }

    public async Task<(IReadOnlyList<ReviewListRow> Rows, int Total)> ListAsync(Principal principal, ReviewListFilter filter,
        CancellationToken cancellationToken = default)
    {
        var query = db.Reviews.AsNoTracking().Where(ReviewAccessRules.VisibleTo(principal));
        if (filter.BoardId is { } boardId)
        {
            query = query.Where(r => r.BoardId == boardId);
        }
        if (filter.Stage is { } stage)
        {
            query = query.Where(r => r.Stage == stage);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim().ToUpperInvariant();
            query = query.Where(r => r.Reference.Contains(search));
        }
        var ordered = query.OrderByDescending(r => r.KnownToBoardOn).ThenByDescending(r => r.Reference);
        // Without agency roles the query filter is exact, so the database pages; otherwise the exact rule filters rows first.
        var exact = principal.AgencyGrants.Count == 0;
        var skip = (Math.Max(filter.Page, 1) - 1) * filter.PageSize;
        var total = exact ? await query.CountAsync(cancellationToken) : 0;
        var candidates = await (exact ? ordered.Skip(skip).Take(filter.PageSize) : ordered)
            .Select(r => new
            {
                r.Id,
                r.Reference,
                r.BoardId,
                BoardName = r.Board!.Name,
                r.Kind,
                r.Stage,
                r.Status,
                r.IncidentType,
                r.IncidentDate,
                r.KnownToBoardOn,
                TeamUserIds = r.Team.Select(t => t.UserId).ToList(),
                AgencyIds = r.Agencies.Select(a => a.AgencyId).ToList(),
                r.ReferringAgencyId,
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var rows = candidates
            .Select(c => new ReviewListRow(c.Id, c.Reference, c.BoardId, c.BoardName, c.Kind, c.Stage, c.Status, c.IncidentType,
                c.IncidentDate, c.KnownToBoardOn,
                ReviewAccessRules.For(principal, new ReviewAccessFacts(c.BoardId, c.TeamUserIds, c.AgencyIds, c.ReferringAgencyId))))
            .Where(r => r.Access != ReviewAccess.None)
            .ToList();
        return exact ? (rows, total) : (rows.Skip(skip).Take(filter.PageSize).ToList(), rows.Count);
    }

    /// <summary>Moves the case through its lifecycle; refuses a stale edit, an unmet requirement or a person not allowed.</summary>
    public async Task<StageEvent> MoveAsync(Guid id, string actionKey, string? reason, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var view = await LoadAsync(id, principal, tracking: true, cancellationToken);
        RequireFull(view);
        var action = Lifecycle.Find(actionKey) ?? throw new RuleViolationException("Select what to do with the case.");
        if (!action.MayBeMadeBy(view.Actors))
        {
            throw new ForbiddenException($"You cannot “{action.Name.ToLowerInvariant()}” for this case.");
        }
        var review = view.Review;
        ExpectVersion(review, expectedVersion);
        var from = review.Stage;
        var now = clock.GetUtcNow();
        var questioned = action == Lifecycle.Reconsider
            ? review.PanelSubmissions.First(p => p.Outcome == DecisionOutcome.DoNotInitiate && p.ChallengeOutcome == ChallengeOutcome.AwaitingInformation)
            : null;
        var stageEvent = review.Apply(action, principal.UserId, reason, now);
        audit.Record(actor, AuditActions.ReviewMoved, review.BoardId, "review", review.Id.ToString(),
            $"action={action.Key}; from={from}; to={stageEvent.To}; status={stageEvent.StatusAfter}");
        questioned?.BecameReview(stageEvent.Reason ?? "", principal.UserId, now);
        if (action.Decision is not null)
        {
            await SendDecisionAsync(review, actor, now, cancellationToken);
            // The decision, as sent to the Panel, joins the national learning record.
            await learningRecord.RecordAsync(review, actor, cancellationToken);
        }
        await SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return stageEvent;
    }

    /// <summary>
    /// Every decision, yes or no, goes to the National Panel with its rationale (and to DfE and Ofsted, recorded as
    /// recipients), and in writing to every involved agency (002 ¶10; seed 000 Stage 1).
    /// </summary>
    private async Task SendDecisionAsync(Review review, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var decision = review.Decision!.Value;
        var submission = review.SendToPanel(PanelOutline.Of(review), "National Panel; Department for Education; Ofsted", now);
        audit.Record(actor, AuditActions.DecisionSentToPanel, review.BoardId, "panel-submission", submission.Id.ToString(),
            $"review={review.Id}; outcome={decision}");
        var subject = Labels.DecisionSubject(review.Reference, decision);
        messenger.Tell(await messenger.PanelAsync(cancellationToken), null, $"Decision received from {review.Board?.Name}: {review.Reference}",
            $"{Labels.Of(decision)}.", $"/panel/decisions/{submission.Id}");
        review.Record(new CaseCommunication(RecipientKind.NationalPanel, "National Panel", null, CommunicationMethod.InApp, subject, review.DecisionRationale, null, now));
        review.Record(new CaseCommunication(RecipientKind.DepartmentForEducation, "Department for Education", null, CommunicationMethod.Email, subject, null, null, now));
        review.Record(new CaseCommunication(RecipientKind.Ofsted, "Ofsted", null, CommunicationMethod.Email, subject, null, null, now));
        foreach (var agency in review.Agencies)
        {
            var leads = await messenger.AgencyContactsAsync(agency.AgencyId, cancellationToken);
            messenger.Tell(leads, review.Id, subject, $"The chair of {review.Board?.Name} has decided: {Labels.Of(decision).ToLowerInvariant()}.", $"/cases/{review.Id}");
            review.Record(new CaseCommunication(RecipientKind.Agency, agency.Agency?.Name ?? "Agency", agency.AgencyId, CommunicationMethod.Email, subject,
                null, null, now));
        }
    }

    /// <summary>
    /// The case's communications log: who was told what, how, when and by whom, the service's own messages included, as
    /// far as this person may see it (the board sees every one; an involved agency those to itself). The read is audited
    /// as a read of the case record.
    /// </summary>
    public async Task<CommunicationLog> GetCommunicationsAsync(Guid id, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await LoadAsync(id, principal, tracking: false, cancellationToken);
        var review = view.Review;
        var visible = review.Communications.Where(c => ReviewAccessRules.MaySeeCommunication(principal, review, c))
            .OrderBy(c => c.SentAt).ThenBy(c => c.Recipient).ThenBy(c => c.RecipientName, StringComparer.Ordinal).ToList();
        await audit.RecordNowAsync(actor, AuditActions.ReviewRead, review.BoardId, "review", id.ToString(),
            $"access={view.Access}; part=communications", cancellationToken);
        var senders = visible.Select(c => c.SentById).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => senders.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var agencies = review.Agencies.Where(a => a.Agency is not null).ToDictionary(a => a.AgencyId, a => a.Agency!.Name);
        var entries = visible.Select(c => new CommunicationEntry(c, c.AgencyId is { } agency ? agencies.GetValueOrDefault(agency) : null,
            c.SentById is { } by ? names.GetValueOrDefault(by) : null)).ToList();
        return new CommunicationLog(view, entries, ReviewAccessRules.MaySeeBoardRecords(principal, review),
            ReviewAccessRules.MayRecordCommunication(principal, review));
    }

    /// <summary>
    /// Records a communication made outside the service (a letter to the coroner, a call to the director of children's
    /// services) on the case, so the record shows who was told what and when. The board's business unit or its chair
    /// (<see cref="ReviewAccessRules.MayRecordCommunication"/>); checked by <see cref="CommunicationRules.Check"/>;
    /// refuses a stale version.
    /// </summary>
    public async Task<RecordedCommunication> RecordCommunicationAsync(Guid id, CommunicationInput input, Guid expectedVersion, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await LoadAsync(id, principal, tracking: true, cancellationToken);
        var review = view.Review;
        if (!ReviewAccessRules.MayRecordCommunication(principal, review))
        {
            throw new ForbiddenException("Only the board's business unit or its chair records who was told.");
        }
        RuleViolationException.ThrowIfAny(CommunicationRules.Check(review, input, clock.GetUtcNow()));
        ExpectVersion(review, expectedVersion);
        var recipient = input.Recipient!.Value;
        var communication = review.Record(new CaseCommunication(recipient, input.RecipientName!.Trim(),
            recipient == RecipientKind.Agency ? input.AgencyId : null, input.Method!.Value, input.Subject!.Trim(),
            string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), principal.UserId, input.SentAt!.Value.ToUniversalTime()));
        audit.Record(actor, AuditActions.CommunicationRecorded, review.BoardId, "review", review.Id.ToString(),
            $"communication={communication.Id}; recipient={recipient}; method={communication.Method}"
            + (communication.AgencyId is { } agencyId ? $"; agency={agencyId}" : ""));
        await SaveAsync(cancellationToken);
        return new RecordedCommunication(communication, review.Agencies.FirstOrDefault(a => a.AgencyId == communication.AgencyId)?.Agency?.Name,
            review.Version);
    }

    /// <summary>
    /// Anyone who can see the case may declare their own involvement in it, or that they line-manage someone involved
    /// (WT2006 8.20); they leave the review team, and a chair's exception recorded before does not cover it.
    /// </summary>
    public async Task DeclareInvolvementAsync(Guid id, string details, Principal principal, Actor actor, CancellationToken cancellationToken = default,
        InvolvementKind kind = InvolvementKind.InvolvedInCase)
    {
        if (kind == InvolvementKind.None)
        {
            throw new RuleViolationException("Select how you were involved in the case.");
        }
        var view = await LoadAsync(id, principal, tracking: true, cancellationToken);
        var review = view.Review;
        var left = review.IsOnTeam(principal.UserId);
        review.Declare(principal.UserId, kind, details, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.InvolvementDeclared, review.BoardId, "review", review.Id.ToString(),
            $"user={principal.UserId}; kind={kind}" + (left ? "; leftTeam=true" : ""));
        await SaveAsync(cancellationToken);
    }

    internal static void RequireFull(ReviewView view)
    {
        if (view.Access != ReviewAccess.Full)
        {
            throw new ForbiddenException("Only the board and the review team can change this case.");
        }
    }

    internal void ExpectVersion(Review review, Guid expectedVersion)
    {
        if (review.Version != expectedVersion)
        {
            throw new StaleEditException();
        }
        db.Entry(review).Property(r => r.Version).OriginalValue = expectedVersion;
    }

    internal async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleEditException();
        }
    }
}
