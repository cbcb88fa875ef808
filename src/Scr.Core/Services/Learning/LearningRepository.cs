using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Audit;

namespace Scr.Core.Services.Learning;

/// <summary>What a search asks for: words (none lists every report, newest first), chosen values per facet, and a page.</summary>
public sealed record ReportSearchRequest(string? Words, IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters = null, int Page = 1);

/// <summary>A piece of a highlighted passage: matched words are marked.</summary>
public sealed record SnippetPart(string Text, bool Marked);

public sealed record ReportHit(int Id, string Title, string BoardName, int? IncidentYear, DateOnly PublishedOn, IReadOnlyList<SnippetPart> Snippet);

/// <summary>How many of the matching reports have a value of a facet.</summary>
public sealed record FacetCount(string Facet, string Value, int Reports);

public sealed record ReportSearchResult(IReadOnlyList<ReportHit> Hits, int Total, int Page, int PageSize, IReadOnlyList<FacetCount> Facets);

/// <summary>
/// A published report as anyone may read it: its text, the facts published with it, and its review's recommendations with the
/// status of each action, as the learning record holds them (<see cref="Record"/>). <see cref="LearningReviewId"/> (the way to
/// its coded data) is given only to those who may see coded data; <see cref="CaseId"/> (the review run here that it is of) only
/// to those who may read that case.
/// </summary>
public sealed record PublishedReportView(int Id, string Title, string BoardName, string Reference, Region Region, int? IncidentYear,
    DateOnly PublishedOn, IReadOnlyList<string> Paragraphs, Guid? LearningReviewId, ReportRecord Record, Guid? CaseId = null);

/// <summary>An action of the review's action plan and where it is; who leads it only for those who may read the review's record.</summary>
public sealed record ReportAction(string? Text, string? Lead, DateOnly? Due, string? Status);

/// <summary>A recommendation of the review with the actions that answer it.</summary>
public sealed record ReportRecommendation(int? Number, string? Text, string? AddressedTo, IReadOnlyList<ReportAction> Actions);

/// <summary>The review's recommendations, each with its actions, and the actions linked to none; whether they name who leads each.</summary>
public sealed record ReportRecord(IReadOnlyList<ReportRecommendation> Recommendations, IReadOnlyList<ReportAction> OtherActions, bool Leads);

/// <summary>The report to publish: its title, the date the board published it, the text, and where the text came from.</summary>
public sealed record PublishRequest(string Title, DateOnly PublishedOn, string Text, string Source);

/// <summary>A review of the learning record someone may publish a report of, with its report if it has one.</summary>
public sealed record PublishableReview(Guid Id, string BoardName, string Reference, DateOnly? IncidentDate, int? ReportId, string? ReportTitle);

public sealed record PublishableList(IReadOnlyList<PublishableReview> Rows, int Total, int Page, int PageSize);

/// <summary>
/// The learning repository (issue 7 item 4; decision 0017): the published reports of the learning record's reviews, their
/// anonymised text searchable by anyone with words ranked by relevance, highlighted passages, and counts of the coded data
/// of the matching reports. Reports are permanent: publishing again corrects the text, audited.
/// </summary>
public sealed class LearningRepository(ScrDbContext db, AuditLog audit, TimeProvider clock, ReportFacetCounts facetCounts)
{
    public const int PageSize = 20;
    public const int ListPageSize = 50;

    /// <summary>Characters of a report's opening shown for it when there are no words to highlight.</summary>
    private const int OpeningLength = 300;

    public async Task<ReportSearchResult> SearchAsync(ReportSearchRequest request, CancellationToken cancellationToken = default)
    {
        var page = Math.Max(1, request.Page);
        var words = string.IsNullOrWhiteSpace(request.Words) ? null : request.Words.Trim();
        // The reports with the values chosen (none chosen: null, every report), found from the index of values alone.
        IQueryable<int>? chosen = null;
        foreach (var (facet, values) in request.Filters ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (!ReportFacets.All.Contains(facet) || values.Count == 0)
            {
                continue;
            }
            // Values of one facet widen the search (any of them); facets narrow it (all of them).
            var any = values.Distinct().ToList();
            var withValue = db.PublishedReportFacets.Where(f => f.Facet == facet && any.Contains(f.Value)).Select(f => f.ReportId);
            var before = chosen;
            chosen = before is null ? withValue : withValue.Where(id => before.Contains(id));
        }
        // "+ 0": otherwise SQLite hands each chosen report to the full-text table as a search of its own (a hundred times slower).
        var matching = words is null
            ? null
            : chosen is null ? ReportSearch.Matching(db, words) : ReportSearch.Matching(db, words).Where(m => chosen.Contains(m.Id + 0));

        // One query finds every match, ranked by the database (by score, the report added last first among equals; without
        // words, newest published first, from the index of that date): only their ids come back, never a report's row, which
        // holds its whole text. The count and the page are taken from them, and the facet counts from the values held in
        // memory (ReportFacetCounts): counting the values in the database cost more than the search itself.
        var ranked = matching is null
            ? await (chosen is null ? db.PublishedReports : db.PublishedReports.Where(r => chosen.Contains(r.Id)))
                .OrderByDescending(r => r.PublishedOn).ThenByDescending(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken)
            : await matching.OrderByDescending(m => m.Score).ThenByDescending(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        var pageIds = ranked.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        // The passages are made on connections of their own while this one counts the facets and reads the page's details.
        var snippetsMade = words is null || pageIds.Count == 0
            ? Task.FromResult(new Dictionary<int, string>())
            : ReportSearch.SnippetsAsync(db, words, pageIds, cancellationToken);
        var facets = await facetCounts.CountAsync(db, ranked, cancellationToken);
        var details = await (
                from r in db.PublishedReports
                join l in db.LearningReviews on r.LearningReviewId equals l.Id
                join o in db.Organisations on l.BoardId equals o.Id
                where pageIds.Contains(r.Id)
                select new
                {
                    r.Id,
                    r.Title,
                    Board = o.Name,
                    l.IncidentDate,
                    r.PublishedOn,
                    Opening = words == null ? r.Text.Substring(0, OpeningLength) : null,
                })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var rows = pageIds.Select(id => details[id]).ToList();
        var snippets = await snippetsMade;
        var hits = rows.Select(r => new ReportHit(r.Id, r.Title, r.Board, r.IncidentDate?.Year, r.PublishedOn,
            r.Opening is { } opening
                ? [new SnippetPart(opening.Length < OpeningLength ? opening : opening + "…", false)]
                : Segments(snippets.GetValueOrDefault(r.Id, "")))).ToList();
        var ordered = facets.OrderBy(f => IndexOf(ReportFacets.All, f.Facet)).ThenByDescending(f => f.Reports)
            .ThenBy(f => f.Value, StringComparer.Ordinal).ToList();
        return new ReportSearchResult(hits, ranked.Count, page, PageSize, ordered);
    }

    /// <summary>A published report, for anyone, signed in or not (<paramref name="principal"/> null).</summary>
    public async Task<PublishedReportView> ReadAsync(int id, Principal? principal, CancellationToken cancellationToken = default)
    {
        var found = await (
                from r in db.PublishedReports.AsNoTracking()
                join l in db.LearningReviews on r.LearningReviewId equals l.Id
                join o in db.Organisations on l.BoardId equals o.Id
                where r.Id == id
                select new { Report = r, l.Reference, l.Region, l.IncidentDate, l.BoardId, Board = o.Name, l.Record, l.ReviewId })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The report");
        var report = found.Report;
        // The recommendations and where their actions stand are the report's learning, for all who read it (issue 7, item 4);
        // who leads an action (a role or a person's name) only for those who may export the review (the Panel, the board's
        // business unit).
        var leads = principal is not null && LearningRecordRules.MayExportBoard(principal, found.BoardId);
        var record = RecordOf(Exchange.ExchangeService.ReviewOf(found.Record), leads);
        var caseId = found.ReviewId is { } reviewId && principal is not null && await MayReadCaseAsync(reviewId, principal, cancellationToken)
            ? reviewId
            : (Guid?)null;
        return new PublishedReportView(report.Id, report.Title, found.Board, found.Reference, found.Region, found.IncidentDate?.Year,
            report.PublishedOn, ReportText.Paragraphs(report.Text),
            LearningRecordRules.MaySeeCodedData(principal) ? report.LearningReviewId : null, record, caseId);
    }

    /// <summary>Whether the person may open the case, by the rule of the case pages.</summary>
    private async Task<bool> MayReadCaseAsync(Guid reviewId, Principal principal, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking().Include(r => r.Team).Include(r => r.Agencies).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        return review is not null && ReviewAccessRules.For(principal, ReviewAccessFacts.Of(review)) != ReviewAccess.None;
    }

    private static ReportRecord RecordOf(Scr.Core.Exchange.ExchangeReview review, bool leads)
    {
        var actions = review.ActionPlan?.Actions ?? [];
        ReportAction Action(Scr.Core.Exchange.ExchangeAction a) => new(a.Text, leads ? a.Lead : null, a.Due, a.Status);
        var numbers = review.Recommendations.Select(r => r.Number).OfType<int>().ToHashSet();
        return new ReportRecord(
            review.Recommendations.Select(r => new ReportRecommendation(r.Number, r.Text, r.AddressedTo,
                actions.Where(a => a.Recommendation is { } n && n == r.Number).Select(Action).ToList())).ToList(),
            actions.Where(a => a.Recommendation is not { } n || !numbers.Contains(n)).Select(Action).ToList(), leads);
    }

    /// <summary>The reviews of the learning record whose reports the person may publish, by board and reference.</summary>
    public async Task<PublishableList> PublishableAsync(Principal principal, int page = 1, CancellationToken cancellationToken = default)
    {
        var boards = LearningRecordRules.BoardsToPublish(principal);
        if (boards is { Count: 0 })
        {
            throw new ForbiddenException("Only the National Panel and a board's business unit can publish reports to the learning repository.");
        }
        page = Math.Max(1, page);
        var reviews = db.LearningReviews.AsNoTracking().Where(l => boards == null || boards.Contains(l.BoardId));
        var total = await reviews.CountAsync(cancellationToken);
        var rows = await (
                from l in reviews
                join o in db.Organisations on l.BoardId equals o.Id
                join r in db.PublishedReports on l.Id equals r.LearningReviewId into published
                from r in published.DefaultIfEmpty()
                orderby l.BoardKey, l.Reference
                select new PublishableReview(l.Id, o.Name, l.Reference, l.IncidentDate, r == null ? null : r.Id, r == null ? null : r.Title))
            .Skip((page - 1) * ListPageSize).Take(ListPageSize).ToListAsync(cancellationToken);
        return new PublishableList(rows, total, page, ListPageSize);
    }

    /// <summary>The review a report is being published for, with its report if one is held; refused to those who may not publish it.</summary>
    public async Task<(LearningReview Review, PublishedReport? Report)> GetForPublishingAsync(Guid learningReviewId, Principal principal,
        CancellationToken cancellationToken = default)
    {
        var review = await db.LearningReviews.AsNoTracking().FirstOrDefaultAsync(l => l.Id == learningReviewId, cancellationToken)
            ?? throw new NotFoundException("The review");
        if (!LearningRecordRules.MayPublish(principal, review.BoardId))
        {
            throw new ForbiddenException("Only the National Panel and the board's business unit can publish this review's report.");
        }
        var report = await db.PublishedReports.AsNoTracking().FirstOrDefaultAsync(r => r.LearningReviewId == learningReviewId, cancellationToken);
        return (review, report);
    }

    /// <summary>
    /// Puts a review's published report into the repository, or, when it has one, replaces its text (a correction: the report
    /// and its address stay). The text is tidied; its coded values are taken from the review's record. Audited.
    /// </summary>
    public async Task<PublishedReport> PublishAsync(Guid learningReviewId, PublishRequest request, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var review = await db.LearningReviews.AsNoTracking().FirstOrDefaultAsync(l => l.Id == learningReviewId, cancellationToken)
            ?? throw new NotFoundException("The review");
        if (!LearningRecordRules.MayPublish(principal, review.BoardId))
        {
            throw new ForbiddenException("Only the National Panel and the board's business unit can publish this review's report.");
        }
        var title = request.Title.Trim();
        var problems = TitleProblems(title).ToList();
        var now = clock.GetUtcNow();
        if (request.PublishedOn > DateOnly.FromDateTime(now.UtcDateTime))
        {
            problems.Add(new RuleProblem(nameof(PublishRequest.PublishedOn), "The date the report was published must be today or in the past"));
        }
        var text = ReportText.Tidy(request.Text);
        if (text.Length == 0)
        {
            problems.Add(new RuleProblem(ReportText.TextField, "Enter the text of the report"));
        }
        RuleViolationException.ThrowIfAny(problems);
        var source = request.Source.Length > PublishedReport.MaxSourceLength ? request.Source[..PublishedReport.MaxSourceLength] : request.Source;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var report = await db.PublishedReports.FirstOrDefaultAsync(r => r.LearningReviewId == learningReviewId, cancellationToken);
        if (report is null)
        {
            report = new PublishedReport(learningReviewId, title, text, request.PublishedOn, source, principal.UserId, now);
            db.PublishedReports.Add(report);
            audit.Record(actor, AuditActions.PublishedReportAdded, review.BoardId, "learning-review", learningReviewId.ToString(),
                string.Create(CultureInfo.InvariantCulture, $"reference={review.Reference}; title={title}; source={source}; characters={text.Length}"));
        }
        else
        {
            audit.Record(actor, AuditActions.PublishedReportReplaced, review.BoardId, "learning-review", learningReviewId.ToString(),
                string.Create(CultureInfo.InvariantCulture,
                    $"reference={review.Reference}; report={report.Id}; old title={report.Title}; old source={report.Source}; old characters={report.Text.Length}; old published on={report.PublishedOn:yyyy-MM-dd}; title={title}; source={source}; characters={text.Length}"));
            report.Replace(title, text, request.PublishedOn, source, now);
        }
        // The report's id is needed for its facets: a new report is saved first.
        await db.SaveChangesAsync(cancellationToken);
        await ReportFacets.RefreshAsync(db, [review], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    /// <summary>
    /// The problems of a report's title: a form sent without its date or text shows them with those, not one round later.
    /// </summary>
    public static IReadOnlyList<RuleProblem> TitleProblems(string? title)
    {
        var trimmed = title?.Trim() ?? "";
        return trimmed.Length == 0 ? [new RuleProblem(nameof(PublishRequest.Title), "Enter the title of the report")]
            : trimmed.Length > PublishedReport.MaxTitleLength
                ? [new RuleProblem(nameof(PublishRequest.Title), $"The title must be {PublishedReport.MaxTitleLength} characters or fewer")]
                : [];
    }

    /// <summary>
    /// A passage as the database marked it, made segments, so a page encodes every piece and adds its own marks; a mark cut off
    /// by the passage's end closes there.
    /// </summary>
    internal static IReadOnlyList<SnippetPart> Segments(string marked)
    {
        var parts = new List<SnippetPart>();
        var inMark = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] != ReportSearch.MarkStart && marked[i] != ReportSearch.MarkEnd)
            {
                continue;
            }
            if (i > start)
            {
                parts.Add(new SnippetPart(marked[start..i], inMark));
            }
            if (i < marked.Length)
            {
                inMark = marked[i] == ReportSearch.MarkStart;
            }
            start = i + 1;
        }
        return parts;
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }
        return list.Count;
    }
}
