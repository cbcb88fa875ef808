using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Criteria;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Messages;
using Scr.Core.Services.Reviews;

namespace Scr.Core.Services.Decisions;

public sealed record FileReviewInput(string Contacts, string KnownConcerns, FileReviewRecommendation Recommendation, string Rationale);

public sealed record RecommendationInput(string CriteriaSetId, string Answers, DecisionOutcome Recommendation, string Rationale,
    Methodology? Methodology, string? Scope, string? AlternativeReview, IReadOnlyList<string> Warnings);

/// <summary>What a peer reviewer reads: exactly what the chair had when the peer review was asked for.</summary>
public sealed record DecisionSnapshot(string Reference, string Board, string IncidentType, string IncidentDate, string KnownToBoardOn,
    string Outline, IReadOnlyList<SnapshotFileReview> FileReviews, string? BusinessUnitSummary, string? BusinessUnitRecommendation,
    SnapshotRecommendation? Recommendation, string TakenAt);

public sealed record SnapshotFileReview(string Agency, string Contacts, string KnownConcerns, string Recommendation, string Rationale, string SubmittedAt);

public sealed record SnapshotRecommendation(string Recommendation, string Rationale, string? Methodology, string? Scope, string? AlternativeReview,
    string Answers, IReadOnlyList<string> Warnings, string RecordedAt);

public sealed record PeerReviewView(PeerReview PeerReview, DecisionSnapshot Snapshot, string Board, string Reference);

/// <summary>
/// Stage 1 between the notification and the chair's decision (seed 000 Stage 1; WT2006 8.10–8.14, 8.21): the chair's
/// acknowledgement, agencies securing records and sending short file reviews, the business unit's summary, the
/// sub-group's recommendation and the peer review of the chair's consideration.
/// </summary>
public sealed class DecisionService(ScrDbContext db, ReviewService reviews, AuditLog audit, Messenger messenger, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A chair confirms having read the notification, which stops the 48-hour clock.</summary>
    public async Task AcknowledgeAsync(Guid id, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        if (!ReviewAccessRules.IsChairOf(principal, review))
        {
            throw new ForbiddenException("Only the board's chair confirms having the notification.");
        }
        review.AcknowledgeNotification(principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.NotificationAcknowledged, review.BoardId, "review", review.Id.ToString());
        await reviews.SaveAsync(cancellationToken);
    }

    public async Task SecureRecordsAsync(Guid id, Guid agencyId, string? note, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        RequireAgency(principal, review, agencyId);
        var problems = new List<RuleProblem>();
        Text(problems, "note", note, NoteMaxLength, null);
        RuleViolationException.ThrowIfAny(problems);
        review.SecureRecords(agencyId, principal.UserId, note, clock.GetUtcNow());
        audit.Record(actor, AuditActions.RecordsSecured, review.BoardId, "review", review.Id.ToString(), $"agency={agencyId}");
        await reviews.SaveAsync(cancellationToken);
    }

    public async Task<FileReview> SubmitFileReviewAsync(Guid id, Guid agencyId, FileReviewInput input, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        RequireAgency(principal, review, agencyId);
        var problems = new List<RuleProblem>();
        Text(problems, "contacts", input.Contacts, TextMaxLength, "Enter the agency's contacts with the child and family");
        Text(problems, "knownConcerns", input.KnownConcerns, TextMaxLength, "Enter what the agency knew of the child and family, and any concerns it held");
        Text(problems, "rationale", input.Rationale, TextMaxLength, "Enter the reasons for the agency's recommendation");
        RuleViolationException.ThrowIfAny(problems);
        var fileReview = review.SubmitFileReview(agencyId, input.Contacts, input.KnownConcerns, input.Recommendation, input.Rationale,
            principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.FileReviewSubmitted, review.BoardId, "file-review", fileReview.Id.ToString(), $"review={review.Id}; agency={agencyId}");
        var agencyName = review.Agencies.First(a => a.AgencyId == agencyId).Agency?.Name ?? "An agency";
        messenger.Tell(await messenger.HoldersAsync(review.BoardId, [Role.BusinessUnitOfficer], cancellationToken), review.Id,
            $"File review received for case {review.Reference}", $"{agencyName} has sent its short file review.", $"/cases/{review.Id}/file-reviews");
        await reviews.SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return fileReview;
    }

    /// <summary>Shares every file review with every involved agency (before this, each sees only its own).</summary>
    public async Task ShareFileReviewsAsync(Guid id, Guid expectedVersion, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: true, cancellationToken);
        var review = view.Review;
        if (!ReviewAccessRules.MayShareFileReviews(principal, review))
        {
            throw new ForbiddenException("Only the business unit or the review sub-group can share the file reviews.");
        }
        reviews.ExpectVersion(review, expectedVersion);
        review.ShareFileReviews(clock.GetUtcNow());
        audit.Record(actor, AuditActions.FileReviewsShared, review.BoardId, "review", review.Id.ToString());
        await reviews.SaveAsync(cancellationToken);
    }

    public async Task PrepareSummaryAsync(Guid id, string summary, DecisionOutcome recommendation, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        if (!ReviewAccessRules.MayPrepareSummary(principal, review))
        {
            throw new ForbiddenException("Only the business unit prepares the summary for the sub-group.");
        }
        var problems = new List<RuleProblem>();
        Text(problems, "summary", summary, TextMaxLength, "Enter the summary of the file reviews");
        RuleViolationException.ThrowIfAny(problems);
        reviews.ExpectVersion(review, expectedVersion);
        review.PrepareSummary(summary, recommendation, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.SummaryPrepared, review.BoardId, "review", review.Id.ToString(), $"recommendation={recommendation}");
        messenger.Tell(await messenger.HoldersAsync(review.BoardId, [Role.SubGroupMember], cancellationToken), review.Id,
            $"Case {review.Reference} is ready for the sub-group", "The business unit has summarised the file reviews with its recommendation.",
            $"/cases/{review.Id}/recommendation");
        await reviews.SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
    }

    public async Task<SubGroupRecommendation> RecommendAsync(Guid id, RecommendationInput input, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        if (!ReviewAccessRules.MayRecommend(principal, review))
        {
            throw new ForbiddenException("Only the review sub-group (or the business unit for it) records its recommendation.");
        }
        if (string.IsNullOrWhiteSpace(input.Rationale))
        {
            throw new RuleViolationException("Enter the rationale for the recommendation.");
        }
        reviews.ExpectVersion(review, expectedVersion);
        var recommendation = review.Recommend(new SubGroupRecommendation(input.CriteriaSetId, input.Answers, input.Recommendation, input.Rationale.Trim(),
            input.Methodology, Blank(input.Scope), Blank(input.AlternativeReview), string.Join('\n', input.Warnings), principal.UserId, clock.GetUtcNow()));
        audit.Record(actor, AuditActions.RecommendationRecorded, review.BoardId, "review", review.Id.ToString(),
            $"recommendation={input.Recommendation}; warnings={input.Warnings.Count}");
        messenger.Tell(await messenger.HoldersAsync(review.BoardId, [Role.BoardChair], cancellationToken), review.Id,
            $"The sub-group has recommended on case {review.Reference}", "The recommendation is ready for your decision.",
            $"/cases/{review.Id}/decision");
        await reviews.SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return recommendation;
    }

    /// <summary>The chair asks the chair of another board to peer-review the consideration, on a frozen copy of what they see.</summary>
    public async Task<PeerReview> RequestPeerReviewAsync(Guid id, Guid peerId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        if (!ReviewAccessRules.IsChairOf(principal, review))
        {
            throw new ForbiddenException("Only the board's chair asks for a peer review.");
        }
        var peer = await PeersQuery(review).FirstOrDefaultAsync(u => u.Id == peerId, cancellationToken)
            ?? throw new RuleViolationException("Select the chair of another board.");
        var snapshot = JsonSerializer.Serialize(Snapshot(review), Json);
        var peerReview = review.RequestPeerReview(peer.Id, snapshot, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.PeerReviewRequested, review.BoardId, "peer-review", peerReview.Id.ToString(), $"review={review.Id}; peer={peer.Id}");
        messenger.Tell([new Recipient(peer.Id, peer.DisplayName, peer.Email ?? "")], null,
            $"A chair asks you to peer-review a decision ({review.Board?.Name})", "You are asked for your view on whether to hold a serious case review.",
            $"/peer-reviews/{peerReview.Id}");
        await reviews.SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return peerReview;
    }

    /// <summary>Chairs of other boards, who may be asked to peer-review this board's decision.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, string Board)>> PeersAsync(Guid id, Principal principal, CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: false, cancellationToken)).Review;
        if (!ReviewAccessRules.IsChairOf(principal, review))
        {
            throw new ForbiddenException("Only the board's chair asks for a peer review.");
        }
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.Role == Role.BoardChair && m.OrganisationId != review.BoardId && m.Organisation!.Kind == OrganisationKind.Board)
            .Join(db.Users.Where(u => u.DisabledAt == null), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, Board = m.Organisation!.Name })
            .OrderBy(r => r.DisplayName).ToListAsync(cancellationToken);
        return rows.Where(r => r.Id != principal.UserId).Select(r => (r.Id, r.DisplayName, r.Board)).ToList();
    }

    private IQueryable<User> PeersQuery(Review review) =>
        db.Users.Where(u => u.DisabledAt == null
            && db.Memberships.Any(m => m.UserId == u.Id && m.Role == Role.BoardChair && m.OrganisationId != review.BoardId
                && m.Organisation!.Kind == OrganisationKind.Board));

    /// <summary>A peer reviewer reads the frozen copy (the read is audited); nobody else may.</summary>
    public async Task<PeerReviewView> GetPeerReviewAsync(Guid peerReviewId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var row = await db.PeerReviews.AsNoTracking().Where(p => p.Id == peerReviewId && p.PeerId == principal.UserId)
            .Select(p => new { PeerReview = p, Board = db.Reviews.Where(r => r.Id == p.ReviewId).Select(r => new { r.BoardId, r.Board!.Name, r.Reference }).First() })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The peer review");
        await audit.RecordNowAsync(actor, AuditActions.PeerReviewRead, row.Board.BoardId, "peer-review", peerReviewId.ToString(), null, cancellationToken);
        return new PeerReviewView(row.PeerReview, JsonSerializer.Deserialize<DecisionSnapshot>(row.PeerReview.Snapshot, Json)!, row.Board.Name, row.Board.Reference);
    }

    public async Task RespondToPeerReviewAsync(Guid peerReviewId, bool agrees, string response, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var peerReview = await db.PeerReviews.FirstOrDefaultAsync(p => p.Id == peerReviewId && p.PeerId == principal.UserId, cancellationToken)
            ?? throw new NotFoundException("The peer review");
        var problems = new List<RuleProblem>();
        Text(problems, "response", response, TextMaxLength, "Enter your response to the chair");
        RuleViolationException.ThrowIfAny(problems);
        var review = await db.Reviews.AsNoTracking().Where(r => r.Id == peerReview.ReviewId).Select(r => new { r.Id, r.BoardId, r.Reference })
            .FirstAsync(cancellationToken);
        peerReview.Respond(agrees, response, clock.GetUtcNow());
        audit.Record(actor, AuditActions.PeerReviewAnswered, review.BoardId, "peer-review", peerReview.Id.ToString(), $"review={review.Id}; agrees={agrees}");
        messenger.Tell(await messenger.HoldersAsync(review.BoardId, [Role.BoardChair], cancellationToken), review.Id,
            $"Peer review answered for case {review.Reference}", agrees ? "The peer reviewer agrees with your consideration." : "The peer reviewer raises points on your consideration.",
            $"/cases/{review.Id}/decision");
        await reviews.SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
    }

    /// <summary>Under current guidance the serious incident itself is notified to the Panel within 5 working days.</summary>
    public async Task NotifyIncidentToPanelAsync(Guid id, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        if (!ReviewAccessRules.MayPrepareSummary(principal, review) && !ReviewAccessRules.IsChairOf(principal, review))
        {
            throw new ForbiddenException("Only the business unit or the chair notifies the National Panel.");
        }
        if (!Rules.Timescales.Deadlines.For(review.Guidance).Rules.Any(r => r.Kind == DeadlineKind.IncidentNotifiedToPanel))
        {
            throw new RuleViolationException(
                "Under this case's guidance the serious incident itself is not notified to the National Panel: the chair's decision is sent to it.");
        }
        if (review.IncidentNotifiedToPanelAt is { } notified)
        {
            throw new RuleViolationException($"The National Panel was notified of this incident on {Labels.Date(UkTime.DateOf(notified))}.");
        }
        var now = clock.GetUtcNow();
        review.RecordIncidentNotifiedToPanel(now);
        review.Record(new CaseCommunication(RecipientKind.NationalPanel, "National Panel", null, CommunicationMethod.InApp,
            "Serious incident notification", PanelOutline.Of(review), principal.UserId, now));
        audit.Record(actor, AuditActions.IncidentNotifiedToPanel, review.BoardId, "review", review.Id.ToString());
        await reviews.SaveAsync(cancellationToken);
    }

    private DecisionSnapshot Snapshot(Review review)
    {
        var recommendation = review.Recommendation;
        return new DecisionSnapshot(review.Reference, review.Board?.Name ?? "", Labels.Of(review.IncidentType), Labels.Date(review.IncidentDate),
            Labels.Date(review.KnownToBoardOn), PanelOutline.Of(review),
            review.FileReviews.OrderBy(f => f.SubmittedAt).Select(f => new SnapshotFileReview(
                review.Agencies.FirstOrDefault(a => a.AgencyId == f.AgencyId)?.Agency?.Name ?? "", f.Contacts, f.KnownConcerns,
                Labels.Of(f.Recommendation), f.Rationale, Labels.DateTime(f.SubmittedAt))).ToList(),
            review.FileReviewSummary, review.BusinessUnitRecommendation is { } bu ? Labels.Of(bu) : null,
            recommendation is null ? null : new SnapshotRecommendation(Labels.Of(recommendation.Recommendation), recommendation.Rationale,
                recommendation.Methodology is { } m ? Labels.Of(m) : null, recommendation.Scope, recommendation.AlternativeReview, recommendation.Answers,
                recommendation.Warnings.Split('\n', StringSplitOptions.RemoveEmptyEntries), Labels.DateTime(recommendation.RecordedAt)),
            Labels.DateTime(clock.GetUtcNow()));
    }

    /// <summary>
    /// Checks the sub-group's recommendation form against the criteria of the case's guidance edition, and applies the
    /// criteria to it. Every question must be answered (not known is an answer), with an answer the question offers; a
    /// yes to a question that asks for details needs them; a recommendation and a rationale are needed. The evaluation
    /// is made from the valid answers even when there are problems, so a form can show the prompt and warnings as it is
    /// filled in. Pure: no database, no clock.
    /// </summary>
    public static RecommendationCheck CheckRecommendation(GuidanceEdition guidance, RecommendationForm form)
    {
        var set = CriteriaSet.For(guidance);
        var problems = new List<RuleProblem>();
        var answers = CriteriaAnswers.Empty;
        foreach (var (id, value) in form.Answers ?? new Dictionary<string, string?>())
        {
            var question = set.Question(id);
            if (question is null)
            {
                problems.Add(new($"answers.{id}", $"“{id}” is not a question of {set.Title}"));
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            else if (!CriteriaAnswers.TryParseValue(value.Trim(), out var answer) || !question.Options.Contains(answer))
            {
                problems.Add(new($"answers.{id}",
                    $"Answer “{question.Text}” with {string.Join(", ", question.Options.Select(CriteriaAnswers.ValueOf))}"));
            }
            else
            {
                answers = answers.With(id, answer);
            }
        }
        foreach (var question in set.Questions.Where(q => !answers.ContainsKey(q.Id) && problems.All(p => p.Field != $"answers.{q.Id}")))
        {
            problems.Add(new($"answers.{question.Id}", question.MissingAnswerMessage));
        }
        if (set.Questions.Any(q => q.DetailsLabel is not null && answers.Find(q.Id) == YesNoNotKnown.Yes) && string.IsNullOrWhiteSpace(form.AlternativeReview))
        {
            problems.Add(new("alternativeReview", set.Questions.First(q => q.DetailsLabel is not null).DetailsLabel!));
        }
        if (form.Recommendation is null)
        {
            problems.Add(new("recommendation", "Select the sub-group's recommendation"));
        }
        Text(problems, "rationale", form.Rationale, TextMaxLength, "Enter the rationale for the recommendation");
        Text(problems, "scope", form.Scope, TextMaxLength, null);
        Text(problems, "alternativeReview", form.AlternativeReview, NoteMaxLength, null);
        return new RecommendationCheck(CriteriaRules.Evaluate(set, answers, form.Recommendation), problems);
    }

    /// <summary>
    /// Records the sub-group's recommendation from its form: the one place the answers are checked against the criteria
    /// of the case's edition and evaluated (<see cref="CheckRecommendation"/>). Stores the answers, the set they belong
    /// to and the titles of the warnings shown, and returns the evaluation (prompt, paragraph, explanation, warnings).
    /// </summary>
    public async Task<RecommendationResult> RecommendAsync(Guid id, RecommendationForm form, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: false, cancellationToken)).Review;
        if (!ReviewAccessRules.MayRecommend(principal, review))
        {
            throw new ForbiddenException("Only the review sub-group (or the business unit for it) records its recommendation.");
        }
        var check = CheckRecommendation(review.Guidance, form);
        RuleViolationException.ThrowIfAny(check.Problems);
        var evaluation = check.Evaluation;
        var input = new RecommendationInput(evaluation.Set.Id, evaluation.Answers.ToJson(), form.Recommendation!.Value, form.Rationale!,
            form.Methodology, form.Scope, form.AlternativeReview, evaluation.Warnings.Select(w => w.Title).ToList());
        var recommendation = await RecommendAsync(id, input, expectedVersion, principal, actor, cancellationToken);
        var version = await db.Reviews.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).FirstAsync(cancellationToken);
        return new RecommendationResult(recommendation, evaluation, version);
    }

    /// <summary>
    /// A case's stage 1 record as this person may see it (see <see cref="Stage1Record"/>). The read is audited, and so
    /// is each file review whose content the person may read.
    /// </summary>
    public async Task<Stage1Record> GetRecordAsync(Guid id, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: false, cancellationToken);
        var review = view.Review;
        var visible = review.FileReviews.Where(f => ReviewAccessRules.MaySeeFileReview(principal, view.Access, review, f.AgencyId)).ToList();
        foreach (var fileReview in visible)
        {
            audit.Record(actor, AuditActions.FileReviewRead, review.BoardId, "file-review", fileReview.Id.ToString(), $"review={review.Id}; agency={fileReview.AgencyId}");
        }
        await audit.RecordNowAsync(actor, AuditActions.ReviewRead, review.BoardId, "review", id.ToString(), $"access={view.Access}", cancellationToken);
        var people = new Guid?[] { review.ChairAcknowledgedById, review.SummaryPreparedById, review.DecidedById }
            .Concat(review.FileReviews.Select(f => (Guid?)f.SubmittedById))
            .Concat(review.Recommendations.Select(r => (Guid?)r.RecordedById))
            .Concat(review.PeerReviews.Select(p => (Guid?)p.RequestedById))
            .Concat(review.Communications.Select(c => c.SentById))
            .Concat(review.Agencies.Select(a => a.RecordsSecuredById))
            .OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new Stage1Record(view, ReviewAccessRules.MaySeeBoardRecords(principal, review), ReviewAccessRules.AgenciesActingFor(principal, review).ToHashSet(),
            visible.Select(f => f.AgencyId).ToHashSet(), names);
    }

    /// <summary>One agency's file review, for those who may read it (the read is audited); otherwise not found.</summary>
    public async Task<FileReviewView> GetFileReviewAsync(Guid id, Guid agencyId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: false, cancellationToken);
        var review = view.Review;
        var fileReview = review.FileReviewOf(agencyId);
        if (fileReview is null || !ReviewAccessRules.MaySeeFileReview(principal, view.Access, review, agencyId))
        {
            throw new NotFoundException("The file review");
        }
        await audit.RecordNowAsync(actor, AuditActions.FileReviewRead, review.BoardId, "file-review", fileReview.Id.ToString(),
            $"review={review.Id}; agency={agencyId}", cancellationToken);
        var submittedBy = await db.Users.AsNoTracking().Where(u => u.Id == fileReview.SubmittedById).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return new FileReviewView(review.Id, review.Reference, fileReview,
            review.Agencies.FirstOrDefault(a => a.AgencyId == agencyId)?.Agency?.Name ?? "", submittedBy ?? "");
    }

    private const int TextMaxLength = 8000;
    private const int NoteMaxLength = 2000;

    /// <summary>Adds a problem when the text is missing (if <paramref name="missing"/> is given) or too long.</summary>
    private static void Text(List<RuleProblem> problems, string field, string? text, int maxLength, string? missing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (missing is not null)
            {
                problems.Add(new(field, missing));
            }
        }
        else if (text.Trim().Length > maxLength)
        {
            var words = Regex.Replace(field, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
            problems.Add(new(field, $"{char.ToUpperInvariant(words[0])}{words[1..]} must be {maxLength.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer"));
        }
    }

    private static void RequireAgency(Principal principal, Review review, Guid agencyId)
    {
        if (!ReviewAccessRules.MayActForAgency(principal, review, agencyId))
        {
            throw new ForbiddenException("Only the agency itself, or the business unit for it, can do this.");
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The case as the National Panel and a peer reviewer are told it: never a child's name.</summary>
public static class PanelOutline
{
    public static string Of(Review review)
    {
        var children = review.Children.Count == 0 ? "not recorded"
            : string.Join("; ", review.Children.Select(c => $"{Labels.Of(c.Sex).ToLowerInvariant()}, {Labels.Age(c.AgeAtIncidentMonths).ToLowerInvariant()}"
                + $", ethnicity {Labels.Of(c.Ethnicity).ToLowerInvariant()}, child protection plan: {Labels.Of(c.ChildProtectionPlan).ToLowerInvariant()}"
                + $", legal status: {Labels.Of(c.LegalStatus).ToLowerInvariant()}"));
        var agencies = review.Agencies.Count == 0 ? "none recorded" : string.Join(", ", review.Agencies.Select(a => a.Agency?.Name).Where(n => n is not null).OrderBy(n => n));
        return $"{Labels.Of(review.IncidentType)} on {Labels.Date(review.IncidentDate)}; known to the board on {Labels.Date(review.KnownToBoardOn)}.\n"
            + $"Children: {children}.\nAgencies involved: {agencies}.";
    }
}
