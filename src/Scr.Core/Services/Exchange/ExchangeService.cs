using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Learning;

namespace Scr.Core.Services.Exchange;

/// <summary>What an import did: reviews new to the record, held ones replaced by a changed copy, and ones already held as sent.</summary>
public sealed record ExchangeImportResult(int Reviews, int Added, int Replaced, int Unchanged);

/// <summary>Which reviews to export: a board (its key), and a period of the incident's date, each optional.</summary>
public sealed record ExchangeExportFilter(string? Board = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// The national learning record (decision 0012): exchange files (shared/exchange-format.md) imported all or nothing,
/// idempotent on each board's reference; exports of the reviews a person may read that import again to the same records;
/// and the cross-case analysis of what is held, counted afresh each time and never stored.
/// </summary>
public sealed class ExchangeService(ScrDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Reviews written to the database between saves, so a large file never holds every review in memory.</summary>
    private const int Batch = 500;

    /// <summary>
    /// Imports a whole exchange file in one transaction. A file with any problem (the reader's, with their JSON paths, or a
    /// review of a board that is not an organisation here) stores nothing and is refused with an
    /// <see cref="ExchangeFileException"/>. A review already held unchanged is left alone; one held with changes is replaced.
    /// </summary>
    public async Task<ExchangeImportResult> ImportAsync(Stream file, Principal principal, Actor actor, IProgress<ExchangeProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (!LearningRecordRules.MayImport(principal))
        {
            throw new ForbiddenException("Only the National Panel can import reviews into the learning record.");
        }
        var boards = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Board)
            .Select(o => new { o.Id, o.Key, o.Region }).ToDictionaryAsync(o => o.Key, StringComparer.Ordinal, cancellationToken);
        long? length = file.CanSeek ? file.Length : null;
        var problems = new ExchangeProblems();
        var (added, replaced, unchanged, index) = (0, 0, 0, -1);
        var pending = new List<(ExchangeReview Review, string Record)>(Batch);
        var now = clock.GetUtcNow();

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using (var reader = new ExchangeReader(file, leaveOpen: true))
        {
            while (reader.Read(out var review))
            {
                // A review with a problem is not returned, so this is its index only while the file has none; once it
                // has one, nothing is stored and only the reader's problems are reported.
                index++;
                if (!boards.ContainsKey(review.Board))
                {
                    problems.Add($"$.reviews[{index.ToString(CultureInfo.InvariantCulture)}].board",
                        $"\"{review.Board}\" is not a board here: add it first (scr orgs add-board --key {review.Board})");
                    continue;
                }
                pending.Add((review, RecordOf(review)));
                if (pending.Count == Batch)
                {
                    await StoreAsync();
                }
                if (progress is not null && (reader.ReviewsRead & 255) == 0)
                {
                    progress.Report(new ExchangeProgress(reader.ReviewsRead, reader.BytesRead, length));
                }
            }
            progress?.Report(new ExchangeProgress(reader.ReviewsRead, reader.BytesRead, length));
            if (reader.Problems.Any)
            {
                throw Refused(reader.Problems);
            }
        }
        if (problems.Any)
        {
            throw Refused(problems);
        }
        await StoreAsync();
        var total = added + replaced + unchanged;
        audit.Record(actor, AuditActions.LearningReviewsImported, null, "learning-reviews", null,
            string.Create(CultureInfo.InvariantCulture, $"reviews={total}; added={added}; replaced={replaced}; unchanged={unchanged}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ExchangeImportResult(total, added, replaced, unchanged);

        async Task StoreAsync()
        {
            if (pending.Count == 0)
            {
                return;
            }
            var references = pending.Select(p => p.Review.Reference).Distinct().ToList();
            var held = (await db.LearningReviews.Where(r => references.Contains(r.Reference)).ToListAsync(cancellationToken))
                .ToDictionary(r => (r.BoardKey, r.Reference));
            var changed = new List<LearningReview>();
            foreach (var (review, record) in pending)
            {
                var board = boards[review.Board];
                var region = board.Region ?? Region.NotKnown;
                if (!held.TryGetValue((review.Board, review.Reference), out var existing))
                {
                    db.LearningReviews.Add(new LearningReview(board.Id, review.Board, review.Reference, region, review.Incident?.Date, record, now));
                    added++;
                }
                else if (existing.Record == record)
                {
                    unchanged++;
                }
                else
                {
                    existing.Replace(region, review.Incident?.Date, record, now);
                    changed.Add(existing);
                    replaced++;
                }
            }
            pending.Clear();
            // A published report's search values follow its review's record.
            await ReportFacets.RefreshAsync(db, changed, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        ExchangeFileException Refused(ExchangeProblems found)
        {
            // The transaction is disposed without being committed: nothing written in earlier batches stays.
            db.DiscardUnsaved();
            return new ExchangeFileException(found);
        }
    }

    /// <summary>The boards whose reviews the person may export, by name: every board for the Panel, their own for a business unit.</summary>
    public async Task<IReadOnlyList<(string Key, string Name)>> BoardsToExportAsync(Principal principal, CancellationToken cancellationToken = default)
    {
        var allowed = LearningRecordRules.BoardsToExport(principal);
        if (allowed is { Count: 0 })
        {
            throw new ForbiddenException("Only the National Panel and boards' business units can export reviews.");
        }
        var query = db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Board);
        if (allowed is not null)
        {
            query = query.Where(o => allowed.Contains(o.Id));
        }
        return (await query.Select(o => new { o.Key, o.Name }).ToListAsync(cancellationToken))
            .OrderBy(b => b.Name, StringComparer.OrdinalIgnoreCase).Select(b => (b.Key, b.Name)).ToList();
    }

    /// <summary>
    /// Writes the reviews the person may read that match the filter, ordered by board and reference, as an exchange file
    /// listing the boards they belong to. Each review is written exactly as it was imported.
    /// </summary>
    public async Task<int> ExportAsync(Stream output, ExchangeExportFilter filter, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var boards = await BoardsAsync(cancellationToken);
        Guid? boardId = null;
        if (filter.Board is { } key)
        {
            boardId = boards.TryGetValue(key, out var found) ? found.Id : throw new NotFoundException($"The board '{key}'");
            if (!LearningRecordRules.MayExportBoard(principal, found.Id))
            {
                throw new ForbiddenException("Only the National Panel and the board's business unit can export its reviews.");
            }
        }
        var allowed = LearningRecordRules.BoardsToExport(principal);
        if (allowed is { Count: 0 })
        {
            throw new ForbiddenException("Only the National Panel and boards' business units can export reviews.");
        }
        var query = Select(db.LearningReviews.AsNoTracking(), boardId, allowed, filter.From, filter.To);
        var boardKeys = await query.Select(r => r.BoardKey).Distinct().ToListAsync(cancellationToken);
        var listed = boardKeys.Order(StringComparer.Ordinal).Select(k => boards[k].Board);

        var count = 0;
        await using (var writer = new ExchangeWriter(output, listed, leaveOpen: true))
        {
            await foreach (var row in query.OrderBy(r => r.BoardKey).ThenBy(r => r.Reference).Select(r => r.Record)
                .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                writer.Write(ReviewOf(row));
                count++;
            }
            await writer.CompleteAsync(cancellationToken);
        }
        await audit.RecordNowAsync(actor, AuditActions.LearningReviewsExported, boardId, "learning-reviews", null,
            string.Create(CultureInfo.InvariantCulture,
                $"board={filter.Board ?? (allowed is null ? "all" : "own")}; from={filter.From:yyyy-MM-dd}; to={filter.To:yyyy-MM-dd}; reviews={count}"),
            cancellationToken);
        return count;
    }

    /// <summary>
    /// The tables of the cross-case analysis (shared/analysis-tables.md) of every review held, limited as asked; the same
    /// counting as for a file. Every board here counts among the boards (for "boards not in touch").
    /// </summary>
    public async Task<ExchangeAnalysisResult> AnalyseAsync(AnalysisLimits limits, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        if (!LearningRecordRules.MayAnalyse(principal))
        {
            throw new ForbiddenException("Only the National Panel can analyse the learning record.");
        }
        var boards = await BoardsAsync(cancellationToken);
        var analysis = new CrossCaseAnalysis(limits);
        var listed = boards.Values.Select(b => b.Board).OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        foreach (var board in listed)
        {
            analysis.AddBoard(board);
        }
        var reviews = 0;
        await foreach (var row in db.LearningReviews.AsNoTracking().OrderBy(r => r.BoardKey).ThenBy(r => r.Reference).Select(r => r.Record)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            analysis.Add(ReviewOf(row));
            reviews++;
        }
        await audit.RecordNowAsync(actor, AuditActions.LearningReviewsAnalysed, null, "learning-reviews", null,
            string.Create(CultureInfo.InvariantCulture, $"from={limits.From:yyyy-MM-dd}; to={limits.To:yyyy-MM-dd}; board={limits.Board}; region={limits.Region}"),
            cancellationToken);
        return new ExchangeAnalysisResult(analysis.Tables(), reviews, analysis.ReviewsOfBoardOrRegion, listed);
    }

    private static IQueryable<LearningReview> Select(IQueryable<LearningReview> reviews, Guid? boardId, IReadOnlyList<Guid>? allowed,
        DateOnly? from, DateOnly? to)
    {
        if (boardId is { } id)
        {
            reviews = reviews.Where(r => r.BoardId == id);
        }
        if (allowed is not null)
        {
            reviews = reviews.Where(r => allowed.Contains(r.BoardId));
        }
        // A period keeps only reviews whose incident date is known and within it, as the analysis does.
        if (from is { } start)
        {
            reviews = reviews.Where(r => r.IncidentDate != null && r.IncidentDate >= start);
        }
        if (to is { } end)
        {
            reviews = reviews.Where(r => r.IncidentDate != null && r.IncidentDate <= end);
        }
        return reviews;
    }

    private async Task<Dictionary<string, (Guid Id, ExchangeBoard Board)>> BoardsAsync(CancellationToken cancellationToken) =>
        (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Board)
            .Select(o => new { o.Id, o.Key, o.Name, o.Region }).ToListAsync(cancellationToken))
        .ToDictionary(o => o.Key, o => (o.Id, new ExchangeBoard(o.Key, o.Name, o.Region ?? Region.NotKnown)), StringComparer.Ordinal);

    /// <summary>
    /// A review as stored: a one-review exchange file, written by the writer, so that it reads back equal. It lists the
    /// review's board by id alone (a file that lists boards must list each review's); the board's name and region are the
    /// organisation's, not the record's.
    /// </summary>
    public static string RecordOf(ExchangeReview review)
    {
        using var buffer = new MemoryStream();
        ExchangeWriter.Write(buffer, [new ExchangeBoard(review.Board)], [review]);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The review of a stored record.</summary>
    public static ExchangeReview ReviewOf(string record)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(record));
        return ExchangeReader.ReadAll(stream).Reviews.Single();
    }
}
