namespace Scr.Core.Models;

// The agencies' chronologies held by the service (issue 6; decision 0014). Each involved agency has one chronology in a
// case, with versions: an import replaces the agency's current entries as a new version and the old are kept. Entries
// are rows of their own (table chronology_entries, ChronologyEntry with its version, case and agency as shadow columns),
// not part of the aggregate: a case may hold tens of thousands, and the integrated chronology pages them in the database.

/// <summary>How a version of an agency's chronology came in.</summary>
public enum ChronologyVersionSource
{
    /// <summary>A CSV or XLSX file on the template, imported all or nothing.</summary>
    Import,

    /// <summary>Entries typed in the browser, one at a time.</summary>
    Typed,
}

/// <summary>One agency's chronology in a case: every version it submitted, the latest current.</summary>
public class AgencyChronology : IPartOfReview
{
    public const int NameMaxLength = 200;
    private readonly List<AgencyChronologyVersion> _versions = [];

    private AgencyChronology()
    {
        AgencyName = "";
    }

    internal AgencyChronology(Guid reviewId, Guid agencyId, string agencyName)
    {
        Id = Guid.NewGuid();
        ReviewId = reviewId;
        AgencyId = agencyId;
        AgencyName = agencyName;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public Guid AgencyId { get; private set; }

    /// <summary>The agency's name as it was when its chronology started: the name its entries carry.</summary>
    public string AgencyName { get; private set; }

    public IReadOnlyList<AgencyChronologyVersion> Versions => _versions;

    /// <summary>The current version: the latest. Its entries are the agency's chronology.</summary>
    public AgencyChronologyVersion? Current => _versions.MaxBy(v => v.Number);

    internal AgencyChronologyVersion AddVersion(ChronologyVersionSource source, string? fileName, int entryCount, Guid by, DateTimeOffset now)
    {
        var version = new AgencyChronologyVersion(Id, (Current?.Number ?? 0) + 1, source, fileName, entryCount, by, now);
        _versions.Add(version);
        return version;
    }
}

/// <summary>A version of an agency's chronology: its number, where it came from, how many entries, who and when.</summary>
public class AgencyChronologyVersion
{
    public const int FileNameMaxLength = 260;

    private AgencyChronologyVersion()
    {
    }

    internal AgencyChronologyVersion(Guid chronologyId, int number, ChronologyVersionSource source, string? fileName, int entryCount, Guid by,
        DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ChronologyId = chronologyId;
        Number = number;
        Source = source;
        FileName = fileName is { Length: > FileNameMaxLength } ? fileName[..FileNameMaxLength] : fileName;
        EntryCount = entryCount;
        CreatedById = by;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ChronologyId { get; private set; }
    public int Number { get; private set; }
    public ChronologyVersionSource Source { get; private set; }
    public string? FileName { get; private set; }
    public int EntryCount { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Counts the changes to the version's entries after it was made (typed, changed, removed), so that what was computed from them can tell it is out of date.</summary>
    public int Revision { get; private set; }

    /// <summary>A typed entry joins the current version.</summary>
    internal void Added(int count)
    {
        EntryCount += count;
        Revision++;
    }

    /// <summary>An entry of the version was changed in the browser.</summary>
    internal void Changed() => Revision++;

    /// <summary>An entry of the version was removed in the browser.</summary>
    internal void Removed()
    {
        EntryCount--;
        Revision++;
    }
}

/// <summary>A key practice episode as the review team marked it in the case.</summary>
public class MarkedEpisode : IPartOfReview
{
    private MarkedEpisode()
    {
        Title = "";
        WhyItMatters = "";
    }

    internal MarkedEpisode(Guid reviewId, KeyPracticeEpisodeInput episode, Guid by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ReviewId = reviewId;
        Title = episode.Title.Trim();
        WhyItMatters = episode.WhyItMatters.Trim();
        From = episode.From;
        To = episode.To;
        MarkedById = by;
        MarkedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public string Title { get; private set; }
    public string WhyItMatters { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public Guid MarkedById { get; private set; }
    public DateTimeOffset MarkedAt { get; private set; }

    /// <summary>The episode as the core's rules take it.</summary>
    public KeyPracticeEpisode Episode => new() { Title = Title, WhyItMatters = WhyItMatters, From = From, To = To };
}

/// <summary>What the reviewer enters to mark an episode.</summary>
public sealed record KeyPracticeEpisodeInput(string Title, string WhyItMatters, DateOnly From, DateOnly To);
