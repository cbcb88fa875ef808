using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Learning;

namespace Scr.Core.Services.Exchange;

/// <summary>Where a report of the learning record is in its coding.</summary>
public enum CodingProgress
{
    NotCoded,
    CodedOnce,
    CodedTwice,
    Settled,
}

/// <summary>A report on the list of reports to code, with the person's own coding of it if any.</summary>
public sealed record CodingListRow(Guid Id, string BoardKey, string Reference, DateOnly? IncidentDate, CodingProgress Progress, CodingStatus? Mine);

public sealed record CodingList(IReadOnlyList<CodingListRow> Rows, int Total, int Page, int PageSize);

/// <summary>A coding as someone may see it: whose it is and its answers.</summary>
public sealed record CodingView(Guid CoderId, string CoderName, CodingStatus Status, IReadOnlyDictionary<string, string> Values, DateTimeOffset? SubmittedAt);

/// <summary>
/// A report to code: its record and questions, the person's own coding (or, before they start, the answers its record gives),
/// and the other coding only once both are submitted (coding is blind).
/// </summary>
public sealed record CodingPage(Guid Id, string BoardKey, string Reference, ExchangeReview Review, IReadOnlyList<CodingQuestion> Questions,
    CodingProgress Progress, CodingView? Mine, IReadOnlyDictionary<string, string> Answers, Guid? Version, IReadOnlyList<CodingView> Others,
    bool MayStart, IReadOnlyList<string> Differences, CodingSettlement? Settlement);

/// <summary>A review coded twice, with how many answers the coders differed on.</summary>
public sealed record CodedTwice(Guid Id, string BoardKey, string Reference, int Differences, bool Settled);

/// <summary>The agreement between coders per item, over every review coded twice.</summary>
public sealed record CodingAgreementReport(IReadOnlyList<ItemAgreement> Items, IReadOnlyList<CodedTwice> Reviews);

/// <summary>
/// Coding of the learning record's reports for analysis (issue 7 item 2; decision 0016): Panel analysts code a report, a
/// second codes it blind, the agreement per item is counted, and a Panel member settles the differences, which writes the
/// agreed answers into the review's record so the analysis counts them. Every change is audited.
/// </summary>
public sealed class CodingService(ScrDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<CodingList> ListAsync(Principal principal, int page = 1, CancellationToken cancellationToken = default)
    {
        Require(principal);
        page = Math.Max(1, page);
        var total = await db.LearningReviews.CountAsync(cancellationToken);
        var reviews = await db.LearningReviews.AsNoTracking().OrderBy(r => r.BoardKey).ThenBy(r => r.Reference)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new { r.Id, r.BoardKey, r.Reference, r.IncidentDate }).ToListAsync(cancellationToken);
        var ids = reviews.Select(r => r.Id).ToList();
        var codings = await db.ReviewCodings.AsNoTracking().Where(c => ids.Contains(c.LearningReviewId))
            .Select(c => new { c.LearningReviewId, c.CoderId, c.Status }).ToListAsync(cancellationToken);
        var settled = (await db.CodingSettlements.AsNoTracking().Where(s => ids.Contains(s.LearningReviewId))
            .Select(s => s.LearningReviewId).ToListAsync(cancellationToken)).ToHashSet();
        var rows = reviews.Select(r =>
        {
            var of = codings.Where(c => c.LearningReviewId == r.Id).ToList();
            var mine = of.FirstOrDefault(c => c.CoderId == principal.UserId);
            return new CodingListRow(r.Id, r.BoardKey, r.Reference, r.IncidentDate,
                ProgressOf(of.Count(c => c.Status == CodingStatus.Submitted), settled.Contains(r.Id)), mine?.Status);
        }).ToList();
        return new CodingList(rows, total, page, PageSize);
    }

    public async Task<CodingPage> GetAsync(Guid id, Principal principal, CancellationToken cancellationToken = default)
    {
        Require(principal);
        var held = await db.LearningReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("The review");
        var codings = await db.ReviewCodings.AsNoTracking().Where(c => c.LearningReviewId == id).OrderBy(c => c.StartedAt).ToListAsync(cancellationToken);
        var settlement = await db.CodingSettlements.AsNoTracking().FirstOrDefaultAsync(s => s.LearningReviewId == id, cancellationToken);
        var coderIds = codings.Select(c => c.CoderId).Append(settlement?.SettledById ?? Guid.Empty).ToList();
        var names = await db.Users.AsNoTracking().Where(u => coderIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var review = ExchangeService.ReviewOf(held.Record);
        var bothSubmitted = BothSubmitted(codings);
        CodingView View(ReviewCoding c) => new(c.CoderId, names.GetValueOrDefault(c.CoderId, ""), c.Status, c.Values, c.SubmittedAt);

        var mine = codings.FirstOrDefault(c => c.CoderId == principal.UserId);
        var others = codings.Where(c => c.CoderId != principal.UserId && LearningRecordRules.MaySeeCoding(principal, c.CoderId, bothSubmitted))
            .Select(View).ToList();
        // Before a coder starts, the form holds what the record says: a review run here, or sent coded, is coded from its own data.
        var answers = mine?.Values ?? CodedReview.Values(review);
        return new CodingPage(id, held.BoardKey, held.Reference, review, CodedReview.Questions(review),
            ProgressOf(codings.Count(c => c.IsSubmitted), settlement is not null), mine is null ? null : View(mine), answers, mine?.Version, others,
            mine is null && codings.Count < ReviewCoding.MaxCoders && settlement is null,
            bothSubmitted ? CodingAgreement.Differences(codings[0].Values, codings[1].Values) : [], settlement);
    }

    /// <summary>
    /// Saves the person's coding of a report (starting it if they have none), with the answers given over those it had; and
    /// submits it when asked. A report takes two coders; a submitted coding is final.
    /// </summary>
    public async Task<ReviewCoding> SaveAsync(Guid id, IReadOnlyDictionary<string, string> answers, bool submit, Guid? version, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        Require(principal);
        var held = await db.LearningReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("The review");
        var review = ExchangeService.ReviewOf(held.Record);
        RuleViolationException.ThrowIfAny(CodedReview.Check(review, answers));
        var codings = await db.ReviewCodings.Where(c => c.LearningReviewId == id).ToListAsync(cancellationToken);
        var mine = codings.FirstOrDefault(c => c.CoderId == principal.UserId);
        var now = clock.GetUtcNow();
        if (mine is null)
        {
            if (codings.Count >= ReviewCoding.MaxCoders)
            {
                throw new RuleViolationException("This report already has two coders.");
            }
            if (await db.CodingSettlements.AnyAsync(s => s.LearningReviewId == id, cancellationToken))
            {
                throw new RuleViolationException("This report's coding has been settled.");
            }
            mine = new ReviewCoding(id, principal.UserId, Merge(CodedReview.Values(review), answers), now);
            db.ReviewCodings.Add(mine);
        }
        else
        {
            if (version is { } expected && expected != mine.Version)
            {
                throw new StaleEditException("Your coding was saved elsewhere after you opened it. Nothing has been saved. Check it as it is now and try again.");
            }
            mine.Save(Merge(mine.Values, answers), now);
        }
        audit.Record(actor, AuditActions.ReviewCodingSaved, held.BoardId, "learning-review", id.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"reference={held.Reference}; answers={answers.Count}"));
        if (submit)
        {
            mine.Submit(now);
            audit.Record(actor, AuditActions.ReviewCodingSubmitted, held.BoardId, "learning-review", id.ToString(), $"reference={held.Reference}");
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.DiscardUnsaved();
            // Another coder started at the same moment: the unique index keeps one coding per coder.
            throw new StaleEditException("Someone else started coding this report at the same time. Nothing has been saved. Open it again.");
        }
        return mine;
    }

    /// <summary>Percent agreement and Cohen's kappa per item over every report with two submitted codings, and the differences per report.</summary>
    public async Task<CodingAgreementReport> AgreementAsync(Principal principal, CancellationToken cancellationToken = default)
    {
        Require(principal);
        var submitted = await db.ReviewCodings.AsNoTracking().Where(c => c.Status == CodingStatus.Submitted).ToListAsync(cancellationToken);
        var twice = submitted.GroupBy(c => c.LearningReviewId).Where(g => g.Count() == ReviewCoding.MaxCoders)
            // Ordered by coder, so where the same two analysts code several reports each is the same rater throughout, as kappa assumes.
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.CoderId).ToList());
        var ids = twice.Keys.ToList();
        var reviews = await db.LearningReviews.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.BoardKey, r.Reference }).ToListAsync(cancellationToken);
        var settled = (await db.CodingSettlements.AsNoTracking().Where(s => ids.Contains(s.LearningReviewId)).Select(s => s.LearningReviewId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var ordered = reviews.OrderBy(r => r.BoardKey, StringComparer.Ordinal).ThenBy(r => r.Reference, StringComparer.Ordinal).ToList();
        var items = CodingAgreement.PerItem(ordered.Select(r => (twice[r.Id][0].Values, twice[r.Id][1].Values)));
        return new CodingAgreementReport(items, ordered.Select(r => new CodedTwice(r.Id, r.BoardKey, r.Reference,
            CodingAgreement.Differences(twice[r.Id][0].Values, twice[r.Id][1].Values).Count, settled.Contains(r.Id))).ToList());
    }

    /// <summary>
    /// Settles a report coded twice: an answer and a reason for every question the coders differed on. The agreed answers
    /// and the settled ones become the review's coded data, written into its record by the exchange writer.
    /// </summary>
    public async Task SettleAsync(Guid id, IReadOnlyDictionary<string, string> choices, IReadOnlyDictionary<string, string> reasons, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        if (!LearningRecordRules.MaySettle(principal))
        {
            throw new ForbiddenException("Only National Panel members settle the coding of reports.");
        }
        var held = await db.LearningReviews.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("The review");
        var codings = await db.ReviewCodings.AsNoTracking().Where(c => c.LearningReviewId == id).OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        if (!BothSubmitted(codings))
        {
            throw new RuleViolationException("Both codings must be submitted before the differences are settled.");
        }
        if (await db.CodingSettlements.AnyAsync(s => s.LearningReviewId == id, cancellationToken))
        {
            throw new RuleViolationException("This report's coding has already been settled.");
        }
        var review = ExchangeService.ReviewOf(held.Record);
        var differences = CodingAgreement.Differences(codings[0].Values, codings[1].Values);
        var questions = CodedReview.Questions(review).ToDictionary(q => q.Key, StringComparer.Ordinal);
        var problems = new List<RuleProblem>();
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        var why = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in differences)
        {
            var label = questions.TryGetValue(key, out var q) ? q.Label : key;
            if (!choices.TryGetValue(key, out var value))
            {
                problems.Add(new(key, $"Select the agreed answer for {label}"));
            }
            else
            {
                chosen[key] = value;
            }
            if (!reasons.TryGetValue(key, out var reason) || string.IsNullOrWhiteSpace(reason))
            {
                problems.Add(new($"{key}.reason", $"Enter why this is the answer for {label}"));
            }
            else
            {
                why[key] = reason.Trim();
            }
        }
        problems.AddRange(CodedReview.Check(review, chosen));
        problems.AddRange(choices.Keys.Where(k => !differences.Contains(k))
            .Select(k => new RuleProblem(k, $"{(questions.TryGetValue(k, out var q) ? q.Label : k)} is not a difference between the codings")));
        RuleViolationException.ThrowIfAny(problems);

        var agreed = Merge(codings[0].Values, chosen);
        held.Recode(ExchangeService.RecordOf(CodedReview.Apply(review, agreed)));
        await ReportFacets.RefreshAsync(db, [held], cancellationToken);
        db.CodingSettlements.Add(new CodingSettlement(id, principal.UserId, chosen, why, clock.GetUtcNow()));
        audit.Record(actor, AuditActions.ReviewCodingSettled, held.BoardId, "learning-review", id.ToString(),
            $"reference={held.Reference}; " + string.Join("; ", chosen.Select(c => $"{c.Key}={c.Value} ({why[c.Key]})")));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.DiscardUnsaved();
            throw new StaleEditException("Someone else settled this report at the same time. Nothing has been saved. Open it again.");
        }
    }

    private static void Require(Principal principal)
    {
        if (!LearningRecordRules.MayCode(principal))
        {
            throw new ForbiddenException("Only National Panel members code reports for analysis.");
        }
    }

    private static bool BothSubmitted(IReadOnlyList<ReviewCoding> codings) =>
        codings.Count == ReviewCoding.MaxCoders && codings.All(c => c.IsSubmitted);

    private static CodingProgress ProgressOf(int submitted, bool settled) => settled ? CodingProgress.Settled : submitted switch
    {
        0 => CodingProgress.NotCoded,
        1 => CodingProgress.CodedOnce,
        _ => CodingProgress.CodedTwice,
    };

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> over)
    {
        var merged = new Dictionary<string, string>(values, StringComparer.Ordinal);
        foreach (var (key, value) in over)
        {
            merged[key] = value;
        }
        return merged;
    }
}
