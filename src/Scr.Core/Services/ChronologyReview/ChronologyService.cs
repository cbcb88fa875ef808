using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Chronology;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Chronology;
using Scr.Core.Services.Reviews;

namespace Scr.Core.Services.ChronologyReview;

/// <summary>The filters of the integrated chronology, as the GET form and the API take them.</summary>
public sealed record ChronologyFilter(Guid? AgencyId = null, DateOnly? From = null, DateOnly? To = null, ContactType? ContactType = null,
    ChildSeen? ChildSeen = null, Guid? EpisodeId = null, int Page = 1, int PageSize = ChronologyFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;
}

/// <summary>The analysis panels: gaps, the child seen and heard per agency, discrepancies between agencies, and every entry by agency and day for the swimlane.</summary>
public sealed record ChronologyAnalysis(int GapThresholdDays, ChronologyGapReport Gaps, ChildVoiceReport ChildVoice, IReadOnlyList<ChronologyDiscrepancy> Discrepancies,
    IReadOnlyList<ChronologyDay> Timeline);

/// <summary>
/// One page of the integrated chronology as one person may see it: the agencies they see (all, or their own before the
/// merged view is shared), the entries of the page grouped by time, the total, the analysis, and what they may do.
/// </summary>
public sealed record ChronologyView(ReviewView View, ChronologyFilter Filter, IReadOnlyList<AgencyChronology> Agencies, bool SeesAll,
    IReadOnlyList<ChronologyGroup> Groups, int Total, ChronologyAnalysis? Analysis, IReadOnlyList<Guid> MayEditAgencies, bool MayShare,
    bool MayMarkEpisodes, bool MayExport)
{
    public Review Review => View.Review;

    public int Pages => Math.Max(1, (Total + Filter.PageSize - 1) / Filter.PageSize);

    public int Count => Groups.Sum(g => g.Entries.Count);

    /// <summary>Each entry of the page's id and agency, for links to change it.</summary>
    public IReadOnlyDictionary<ChronologyEntry, ChronologyEntryKey> EntryKeys { get; init; } = new Dictionary<ChronologyEntry, ChronologyEntryKey>();

    /// <summary>Whether the person may change or remove the entry: their agency's, in its current version (the page shows no other).</summary>
    public bool MayChange(ChronologyEntry entry) => EntryKeys.TryGetValue(entry, out var key) && MayEditAgencies.Contains(key.AgencyId);
}

/// <summary>A stored entry's id and agency.</summary>
public sealed record ChronologyEntryKey(Guid Id, Guid AgencyId);

/// <summary>An import refused: every problem of the file, by row and column. Nothing was stored.</summary>
public sealed class ChronologyImportException(IReadOnlyList<ChronologyProblem> problems, int problemCount)
    : Exception($"The file has {problemCount} problem(s); nothing was imported.")
{
    public IReadOnlyList<ChronologyProblem> Problems { get; } = problems;

    public int ProblemCount { get; } = problemCount;
}

/// <summary>An export of the integrated chronology: the file and its name.</summary>
public sealed record ChronologyExport(byte[] Content, string FileName, string ContentType);

/// <summary>
/// The chronologies of a case in the service (issue 6; decision 0014): each involved agency imports (CSV or XLSX on the
/// template, read by the core readers, all or nothing) or types its own entries; an import is a new version of the
/// agency's chronology, the old kept. The integrated chronology merges every agency's current entries in
/// <see cref="ChronologyOrder"/>, sorted and paged by the database; the analysis is the core's (gaps, child seen and
/// heard, discrepancies). Who sees what is <see cref="ReviewAccessRules"/>; every read of the merged view, every change
/// and every export is audited.
/// </summary>
public sealed class ChronologyService(ScrDbContext db, ReviewService reviews, AuditLog audit, TimeProvider clock, ChronologyAnalysisCache analyses)
{
    /// <summary>One page of the integrated chronology, with the analysis when asked for. The read is audited.</summary>
    public async Task<ChronologyView> GetAsync(Guid id, ChronologyFilter filter, Principal principal, Actor actor, bool withAnalysis = true,
        int gapThresholdDays = ChronologyGapOptions.DefaultThresholdDays, CancellationToken cancellationToken = default)
    {
        var (view, visible, agencies) = await VisibleAsync(id, principal, cancellationToken);
        var review = view.Review;
        filter = filter with
        {
            Page = Math.Max(1, filter.Page),
            PageSize = Math.Clamp(filter.PageSize, 1, ChronologyFilter.MaxPageSize),
        };
        var current = agencies.Select(c => c.Current?.Id).OfType<Guid>().ToList();

        var query = Filtered(Current(id, current), filter, review);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Ordered(query).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(e => new { Entry = e, Id = EF.Property<Guid>(e, ChronologyEntryMapping.Id), AgencyId = EF.Property<Guid>(e, ChronologyEntryMapping.AgencyId) })
            .ToListAsync(cancellationToken);
        var page = rows.Select(r => r.Entry).ToList();
        var keys = new Dictionary<ChronologyEntry, ChronologyEntryKey>(ReferenceEqualityComparer.Instance);
        foreach (var row in rows)
        {
            keys[row.Entry] = new ChronologyEntryKey(row.Id, row.AgencyId);
        }

        var analysis = withAnalysis ? await AnalyseAsync(review, agencies, gapThresholdDays, cancellationToken) : null;
        await audit.RecordNowAsync(actor, AuditActions.ChronologyRead, review.BoardId, "review", id.ToString(),
            $"agencies={(visible is null ? "all" : string.Join(',', visible))}; page={filter.Page}; entries={page.Count}/{total}", cancellationToken);
        return new ChronologyView(view, filter, agencies, visible is null, ChronologyMerge.Groups(page).ToList(), total, analysis,
            ReviewAccessRules.ChronologyAgenciesEditableBy(principal, review), ReviewAccessRules.MayShareChronology(principal, review),
            ReviewAccessRules.MayMarkKeyPracticeEpisodes(principal, review), ReviewAccessRules.MayExportChronology(principal, view.Access, review))
        {
            EntryKeys = keys,
        };
    }

    /// <summary>The analysis alone, over the entries the person may see (every agency's, or their own before sharing). The read is audited.</summary>
    public async Task<(ChronologyAnalysis Analysis, bool SeesAll)> GetAnalysisAsync(Guid id, Principal principal, Actor actor,
        int gapThresholdDays = ChronologyGapOptions.DefaultThresholdDays, CancellationToken cancellationToken = default)
    {
        var (view, visible, agencies) = await VisibleAsync(id, principal, cancellationToken);
        var analysis = await AnalyseAsync(view.Review, agencies, gapThresholdDays, cancellationToken);
        await audit.RecordNowAsync(actor, AuditActions.ChronologyRead, view.Review.BoardId, "review", id.ToString(),
            $"agencies={(visible is null ? "all" : string.Join(',', visible))}; analysis", cancellationToken);
        return (analysis, visible is null);
    }

    /// <summary>
    /// The case for a reader (or, <paramref name="export"/>, an exporter) of its chronology: the agencies whose entries they
    /// see (null: every agency's), those agencies' chronologies by name.
    /// </summary>
    private async Task<(ReviewView View, IReadOnlyList<Guid>? Visible, IReadOnlyList<AgencyChronology> Agencies)> VisibleAsync(Guid id, Principal principal,
        CancellationToken cancellationToken, bool export = false)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: false, cancellationToken);
        if (export && !ReviewAccessRules.MayExportChronology(principal, view.Access, view.Review))
        {
            throw new ForbiddenException("Only the board, the review team and the agencies involved export the chronology.");
        }
        if (!ReviewAccessRules.MaySeeChronology(principal, view.Access, view.Review))
        {
            throw new ForbiddenException("Only the board, the review team and the agencies involved see the chronology.");
        }
        var visible = ReviewAccessRules.ChronologyAgenciesVisibleTo(principal, view.Access, view.Review);
        var agencies = view.Review.Chronologies.Where(c => visible is null || visible.Contains(c.AgencyId))
            .OrderBy(c => c.AgencyName, StringComparer.OrdinalIgnoreCase).ToList();
        return (view, visible, agencies);
    }

    /// <summary>
    /// The analysis of the agencies' current entries, kept by what it is computed from (<see cref="ChronologyAnalysisCache"/>):
    /// computed again only when an agency's current version, its entries, the threshold or the period change.
    /// </summary>
    private Task<ChronologyAnalysis> AnalyseAsync(Review review, IReadOnlyList<AgencyChronology> agencies, int gapThresholdDays,
        CancellationToken cancellationToken)
    {
        var threshold = Math.Clamp(gapThresholdDays, 1, 3650);
        var terms = review.SignedOffTerms;
        var current = agencies.Select(c => c.Current?.Id).OfType<Guid>().ToList();
        var key = string.Join('|', [review.Id.ToString(), threshold.ToString(CultureInfo.InvariantCulture), $"{terms?.PeriodFrom:yyyy-MM-dd}",
            $"{terms?.PeriodTo:yyyy-MM-dd}", .. agencies.Select(a => $"{a.AgencyId}:{a.AgencyName}:{a.Current?.Id}:{a.Current?.EntryCount}:{a.Current?.Revision}")]);
        return analyses.GetOrAddAsync(key, async () =>
        {
            // Only what the analysis reads: the long texts of 10,000 entries would be read for nothing.
            var all = await Ordered(Current(review.Id, current)).Select(e => new ChronologyEntry
            {
                Date = e.Date,
                Time = e.Time,
                Precision = e.Precision,
                Approximate = e.Approximate,
                Agency = e.Agency,
                ContactType = e.ContactType,
                ChildSeen = e.ChildSeen,
                Wishes = e.Wishes,
                Present = e.Present,
                Row = e.Row,
            }).ToListAsync(cancellationToken);
            return new ChronologyAnalysis(threshold,
                ChronologyGapFinder.Find(all, new ChronologyGapOptions(threshold, terms?.PeriodFrom, terms?.PeriodTo, agencies.Select(a => a.AgencyName).ToList())),
                ChildVoiceCounter.Count(all), ChronologyDiscrepancyFinder.Find(all), ChronologyTimeline.Days(all));
        });
    }

    /// <summary>The case as loaded for a form: refused to anyone who may not change any agency's chronology.</summary>
    public async Task<(ReviewView View, IReadOnlyList<AgencyChronology?> Agencies)> ForEditAsync(Guid id, Principal principal,
        CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: false, cancellationToken);
        var editable = ReviewAccessRules.ChronologyAgenciesEditableBy(principal, view.Review);
        if (editable.Count == 0)
        {
            throw new ForbiddenException("Only an involved agency enters its own chronology, while the review gathers chronologies.");
        }
        return (view, editable.Select(a => view.Review.ChronologyOf(a)).ToList());
    }

    /// <summary>
    /// Imports an agency's chronology file, all or nothing: any problem refuses the whole file (every problem named by row
    /// and column) and stores nothing; otherwise the entries become the agency's new current version. The file is read as
    /// a stream.
    /// </summary>
    public async Task<AgencyChronologyVersion> ImportAsync(Guid id, Guid agencyId, Stream file, ChronologyFileFormat format, string? fileName,
        Principal principal, Actor actor, IProgress<ChronologyReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        RequireEdit(principal, review, agencyId);
        var agencyName = review.ChronologyOf(agencyId)?.AgencyName ?? review.Agencies.First(a => a.AgencyId == agencyId).Agency?.Name ?? "";
        ChronologyReadResult read;
        try
        {
            read = ChronologyReader.ReadAll(file, format, new ChronologyReadOptions { Agency = agencyName, MaxProblems = 500, Progress = progress });
        }
        catch (InvalidDataException)
        {
            read = new ChronologyReadResult([], [new ChronologyProblem(0, null, "The file could not be read as " + (format == ChronologyFileFormat.Xlsx
                ? "an Excel workbook (.xlsx)" : "CSV") + ": save it from the template and try again")], 1);
        }
        if (read.Ok && read.Entries.Count == 0)
        {
            read = new ChronologyReadResult([], [new ChronologyProblem(0, null, "The file has no entries: add them below the header row")], 1);
        }
        if (!read.Ok)
        {
            await audit.RecordNowAsync(actor, AuditActions.ChronologyImportRefused, review.BoardId, "review", id.ToString(),
                $"agency={agencyId}; problems={read.ProblemCount}", cancellationToken);
            throw new ChronologyImportException(read.Problems, read.ProblemCount);
        }
        progress?.Report(new ChronologyReadProgress(read.Entries.Count, file.CanSeek ? file.Length : 0, file.CanSeek ? file.Length : 0, Checked: true));
        var version = review.NewChronologyVersion(agencyId, ChronologyVersionSource.Import, fileName, read.Entries.Count, principal.UserId, clock.GetUtcNow());
        foreach (var entry in read.Entries)
        {
            Store(review.Id, agencyId, version.Id, entry);
        }
        audit.Record(actor, AuditActions.ChronologyImported, review.BoardId, "review", id.ToString(),
            $"agency={agencyId}; version={version.Number}; entries={read.Entries.Count}");
        await reviews.SaveAsync(cancellationToken);
        return version;
    }

    /// <summary>
    /// An entry typed in the browser, on the template's columns (keyed by <see cref="ChronologyColumnDefinition.Key"/>),
    /// checked as an imported row is; the problems come back by column key.
    /// </summary>
    public async Task<ChronologyEntry> AddEntryAsync(Guid id, Guid agencyId, IReadOnlyDictionary<ChronologyColumn, string?> cells, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        RequireEdit(principal, review, agencyId);
        var current = review.ChronologyOf(agencyId)?.Current?.Id is { } currentId ? [currentId] : Array.Empty<Guid>();
        var last = await Current(id, current).MaxAsync(e => (int?)e.Row, cancellationToken) ?? 0;
        var entry = Build(review, agencyId, cells, last + 1);
        var version = review.AddTypedChronologyEntry(agencyId, principal.UserId, clock.GetUtcNow());
        Store(review.Id, agencyId, version.Id, entry);
        audit.Record(actor, AuditActions.ChronologyEntryAdded, review.BoardId, "review", id.ToString(), $"agency={agencyId}; version={version.Number}");
        await reviews.SaveAsync(cancellationToken);
        return entry;
    }

    /// <summary>
    /// An entry of an agency's current chronology, for that agency to change or remove: anyone else, or an entry of an
    /// older version, is told it is not there.
    /// </summary>
    public async Task<(ReviewView View, Guid AgencyId, ChronologyEntry Entry)> EntryForEditAsync(Guid id, Guid entryId, Principal principal,
        CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: false, cancellationToken);
        var (entry, agencyId) = await EditableEntryAsync(view, entryId, principal, tracking: false, cancellationToken);
        return (view, agencyId, entry);
    }

    /// <summary>Changes an entry on the template's columns, checked as a typed entry is; it keeps its place in the agency's order.</summary>
    public async Task ChangeEntryAsync(Guid id, Guid entryId, IReadOnlyDictionary<ChronologyColumn, string?> cells, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: true, cancellationToken);
        var review = view.Review;
        var (stored, agencyId) = await EditableEntryAsync(view, entryId, principal, tracking: true, cancellationToken);
        stored.Rewrite(Build(review, agencyId, cells, stored.Row));
        db.Entry(stored).Property<long>(ChronologyEntryMapping.WhenKey).CurrentValue = ChronologyOrder.WhenKey(stored);
        var version = review.ChangeChronologyEntry(agencyId);
        audit.Record(actor, AuditActions.ChronologyEntryChanged, review.BoardId, "review", id.ToString(),
            $"agency={agencyId}; version={version.Number}; entry={entryId}");
        await reviews.SaveAsync(cancellationToken);
    }

    /// <summary>Removes an entry from the agency's current chronology (an imported version's entries too: the file stays as it was).</summary>
    public async Task RemoveEntryAsync(Guid id, Guid entryId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: true, cancellationToken);
        var review = view.Review;
        var (stored, agencyId) = await EditableEntryAsync(view, entryId, principal, tracking: true, cancellationToken);
        db.ChronologyEntries.Remove(stored);
        var version = review.RemoveChronologyEntry(agencyId);
        audit.Record(actor, AuditActions.ChronologyEntryRemoved, review.BoardId, "review", id.ToString(),
            $"agency={agencyId}; version={version.Number}; entry={entryId}; date={stored.Date:yyyy-MM-dd}");
        await reviews.SaveAsync(cancellationToken);
    }

    private async Task<(ChronologyEntry Entry, Guid AgencyId)> EditableEntryAsync(ReviewView view, Guid entryId, Principal principal, bool tracking,
        CancellationToken cancellationToken)
    {
        var review = view.Review;
        var query = tracking ? db.ChronologyEntries : db.ChronologyEntries.AsNoTracking();
        var found = await query.Where(e => EF.Property<Guid>(e, ChronologyEntryMapping.Id) == entryId
                && EF.Property<Guid>(e, ChronologyEntryMapping.ReviewId) == review.Id)
            .Select(e => new { Entry = e, AgencyId = EF.Property<Guid>(e, ChronologyEntryMapping.AgencyId), VersionId = EF.Property<Guid>(e, ChronologyEntryMapping.VersionId) })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The chronology entry");
        // An entry of an older version is history; an entry the person may not see is not there for them (another agency's
        // before the merged view is shared); one they see but may not change is refused.
        var visible = ReviewAccessRules.ChronologyAgenciesVisibleTo(principal, view.Access, review);
        if (review.ChronologyOf(found.AgencyId)?.Current?.Id != found.VersionId || visible is not null && !visible.Contains(found.AgencyId))
        {
            throw new NotFoundException("The chronology entry");
        }
        RequireEdit(principal, review, found.AgencyId);
        return (found.Entry, found.AgencyId);
    }

    /// <summary>Shares the merged view with the involved agencies; recorded on the case.</summary>
    public async Task ShareAsync(Guid id, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        if (!ReviewAccessRules.MayShareChronology(principal, review))
        {
            throw new ForbiddenException("Only the business unit or the review team shares the integrated chronology, once.");
        }
        review.ShareChronology(principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.ChronologyShared, review.BoardId, "review", id.ToString());
        await reviews.SaveAsync(cancellationToken);
    }

    public Task<MarkedEpisode> MarkEpisodeAsync(Guid id, KeyPracticeEpisodeInput input, Principal principal, Actor actor,
        CancellationToken cancellationToken = default) =>
        MarkEpisodeAsync(id, input.Title, input.WhyItMatters, input.From, input.To, principal, actor, cancellationToken);

    /// <summary>A key practice episode as the API sends it, the days possibly missing: refused by field, after who may mark one.</summary>
    public async Task<MarkedEpisode> MarkEpisodeAsync(Guid id, string? title, string? whyItMatters, DateOnly? from, DateOnly? to, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        if (!ReviewAccessRules.MayMarkKeyPracticeEpisodes(principal, review))
        {
            throw new ForbiddenException("Only the review team, the business unit and the chair mark key practice episodes.");
        }
        var missing = new List<RuleProblem>();
        if (from is null)
        {
            missing.Add(new RuleProblem("from", "Enter the day the episode starts"));
        }
        if (to is null)
        {
            missing.Add(new RuleProblem("to", "Enter the day the episode ends"));
        }
        RuleViolationException.ThrowIfAny(missing);
        var input = new KeyPracticeEpisodeInput(title ?? "", whyItMatters ?? "", from!.Value, to!.Value);
        var episode = review.MarkKeyPracticeEpisode(input, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.ChronologyEpisodeMarked, review.BoardId, "key-practice-episode", episode.Id.ToString(),
            $"review={id}; from={episode.From:yyyy-MM-dd}; to={episode.To:yyyy-MM-dd}");
        await reviews.SaveAsync(cancellationToken);
        return episode;
    }

    /// <summary>
    /// The integrated chronology as the person sees it (same filters, every page) in XLSX or DOCX, watermarked with their
    /// name and the date. Audited.
    /// </summary>
    public async Task<ChronologyExport> ExportAsync(Guid id, ChronologyFilter filter, ChronologyExportFormat format, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var (view, visible, agencies) = await VisibleAsync(id, principal, cancellationToken, export: true);
        var review = view.Review;
        var current = agencies.Select(c => c.Current?.Id).OfType<Guid>().ToList();
        var entries = await Ordered(Filtered(Current(id, current), filter, review)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var watermark = ChronologyExportDocument.Watermark(principal.Name, now);
        var content = format == ChronologyExportFormat.Xlsx
            ? ChronologyExportDocument.Xlsx(entries, watermark)
            : ChronologyExportDocument.Docx(review.Reference, entries, watermark);
        audit.Record(actor, AuditActions.ChronologyExported, review.BoardId, "review", id.ToString(),
            $"format={format}; entries={entries.Count}; agencies={(visible is null ? "all" : string.Join(',', visible))}");
        await reviews.SaveAsync(cancellationToken);
        var name = $"chronology-{DocumentSafe(review.Reference)}-{now:yyyy-MM-dd}";
        return format == ChronologyExportFormat.Xlsx
            ? new ChronologyExport(content, name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            : new ChronologyExport(content, name + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    private void Store(Guid reviewId, Guid agencyId, Guid versionId, ChronologyEntry entry)
    {
        var stored = db.ChronologyEntries.Add(entry);
        stored.Property<Guid>(ChronologyEntryMapping.Id).CurrentValue = Guid.NewGuid();
        stored.Property<Guid>(ChronologyEntryMapping.ReviewId).CurrentValue = reviewId;
        stored.Property<Guid>(ChronologyEntryMapping.AgencyId).CurrentValue = agencyId;
        stored.Property<Guid>(ChronologyEntryMapping.VersionId).CurrentValue = versionId;
        stored.Property<long>(ChronologyEntryMapping.WhenKey).CurrentValue = ChronologyOrder.WhenKey(entry);
        stored.Property<string>(ChronologyEntryMapping.AgencyKey).CurrentValue = entry.Agency.ToUpperInvariant();
    }

    /// <summary>The current entries of the given versions of the case.</summary>
    private IQueryable<ChronologyEntry> Current(Guid reviewId, IReadOnlyList<Guid> versionIds) =>
        db.ChronologyEntries.AsNoTracking()
            .Where(e => EF.Property<Guid>(e, ChronologyEntryMapping.ReviewId) == reviewId && versionIds.Contains(EF.Property<Guid>(e, ChronologyEntryMapping.VersionId)));

    private static IQueryable<ChronologyEntry> Filtered(IQueryable<ChronologyEntry> query, ChronologyFilter filter, Review review)
    {
        if (filter.AgencyId is { } agencyId)
        {
            query = query.Where(e => EF.Property<Guid>(e, ChronologyEntryMapping.AgencyId) == agencyId);
        }
        var from = filter.From;
        var to = filter.To;
        if (filter.EpisodeId is { } episodeId)
        {
            var episode = review.KeyPracticeEpisodes.FirstOrDefault(e => e.Id == episodeId) ?? throw new NotFoundException("The key practice episode");
            from = from is { } f && f > episode.From ? f : episode.From;
            to = to is { } t && t < episode.To ? t : episode.To;
        }
        if (from is { } fromDate)
        {
            query = query.Where(e => e.Date >= fromDate);
        }
        if (to is { } toDate)
        {
            query = query.Where(e => e.Date <= toDate);
        }
        if (filter.ContactType is { } type)
        {
            query = query.Where(e => e.ContactType == type);
        }
        if (filter.ChildSeen is { } seen)
        {
            query = query.Where(e => e.ChildSeen == seen);
        }
        return query;
    }

    /// <summary><see cref="ChronologyOrder"/> in the database: when, then agency ignoring case, then the agency's own order.</summary>
    private static IQueryable<ChronologyEntry> Ordered(IQueryable<ChronologyEntry> query) =>
        query.OrderBy(e => EF.Property<long>(e, ChronologyEntryMapping.WhenKey))
            .ThenBy(e => EF.Property<string>(e, ChronologyEntryMapping.AgencyKey))
            .ThenBy(e => e.Agency)
            .ThenBy(e => e.Row);

    /// <summary>An entry typed on the template's columns, checked as an imported row is; the problems come back by column key.</summary>
    private static ChronologyEntry Build(Review review, Guid agencyId, IReadOnlyDictionary<ChronologyColumn, string?> cells, int row)
    {
        var agencyName = review.ChronologyOf(agencyId)?.AgencyName ?? review.Agencies.First(a => a.AgencyId == agencyId).Agency?.Name ?? "";
        var (entry, problems) = Check(agencyName, cells, row);
        RuleViolationException.ThrowIfAny(problems);
        return entry ?? throw new InvalidOperationException("The entry builder refused the entry without a problem.");
    }

    /// <summary>
    /// The problems of an entry typed on the template's columns whose agency is not chosen yet, by column key: a form sent
    /// without its agency shows them beside the agency's, not one round later.
    /// </summary>
    public static IReadOnlyList<RuleProblem> ProblemsOf(IReadOnlyDictionary<ChronologyColumn, string?> cells) => Check("the agency", cells, 1).Problems;

    private static (ChronologyEntry? Entry, IReadOnlyList<RuleProblem> Problems) Check(string agencyName,
        IReadOnlyDictionary<ChronologyColumn, string?> cells, int row)
    {
        var cellsOfRow = ChronologyTemplate.Columns.Select(c => new ChronologyCell(c.Column == ChronologyColumn.Agency ? agencyName
            : cells.TryGetValue(c.Column, out var text) ? text : null)).ToArray();
        var problems = new List<ChronologyProblem>();
        var entry = new ChronologyEntryBuilder(agency: agencyName).Build(row, cellsOfRow, problems);
        return (entry, problems.Select(p => new RuleProblem(
            ChronologyTemplate.Columns.FirstOrDefault(c => c.Label == p.Column)?.Key ?? "", Capitalise(p.Message))).ToList());
    }

    private static void RequireEdit(Principal principal, Review review, Guid agencyId)
    {
        if (!ReviewAccessRules.MayEditAgencyChronology(principal, review, agencyId))
        {
            if (!review.TakesChronologies)
            {
                throw new RuleViolationException(review.IsOpen
                    ? "Chronologies are gathered once the chair has decided to hold a review."
                    : "The review is closed: its chronology can no longer change.");
            }
            throw new ForbiddenException("An agency enters and imports only its own chronology.");
        }
    }

    private static string Capitalise(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];

    private static string DocumentSafe(string text) => new(text.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '-').ToArray());
}

public enum ChronologyExportFormat
{
    Xlsx,
    Docx,
}
