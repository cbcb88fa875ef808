namespace Scr.Core.Models;

/// <summary>
/// The published report of a review in the learning record: its anonymised text, as the board published it, searchable by
/// anyone (issue 7 item 4; decision 0017). One report per review. Records are permanent: nothing deletes a report; a
/// correction replaces its text, and the audit log keeps what was replaced and by whom.
/// </summary>
public class PublishedReport
{
    public const int MaxTitleLength = 300;
    public const int MaxSourceLength = 260;

    /// <summary>What <see cref="Source"/> says of a report written in the system rather than uploaded.</summary>
    public const string Typed = "typed";

    private PublishedReport()
    {
        Title = "";
        Text = "";
        Source = Typed;
    }

    public PublishedReport(Guid learningReviewId, string title, string text, DateOnly publishedOn, string source, Guid addedById,
        DateTimeOffset now)
    {
        LearningReviewId = learningReviewId;
        Title = title;
        Text = text;
        PublishedOn = publishedOn;
        Source = source;
        AddedById = addedById;
        AddedAt = now;
        ChangedAt = now;
    }

    /// <summary>
    /// A whole number, not a Guid: on SQLite it is the row's rowid, which the full-text index (an external-content FTS5 table)
    /// refers to; a rowid that is not the key could change on VACUUM and leave the index pointing at the wrong reports.
    /// </summary>
    public int Id { get; private set; }

    public Guid LearningReviewId { get; private set; }
    public string Title { get; private set; }

    /// <summary>The anonymised text, as plain text with paragraphs separated by blank lines.</summary>
    public string Text { get; private set; }

    public DateOnly PublishedOn { get; private set; }

    /// <summary>The name of the uploaded file the text came from, or <see cref="Typed"/>.</summary>
    public string Source { get; private set; }

    public Guid AddedById { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>When the text was last put in, first or as a correction.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>A correction: the text (and title and date) replaced; the report stays, as do who first added it and when.</summary>
    public void Replace(string title, string text, DateOnly publishedOn, string source, DateTimeOffset now)
    {
        Title = title;
        Text = text;
        PublishedOn = publishedOn;
        Source = source;
        ChangedAt = now;
    }
}

/// <summary>
/// A value of a report's coded data that the repository's search counts and filters on (region, incident year, harm, …),
/// taken from its review's record when the report is published or the record changes, so a search groups rows instead of
/// reading every record's JSON.
/// </summary>
public class PublishedReportFacet
{
    public const int MaxFacetLength = 20;
    public const int MaxValueLength = 40;

    public PublishedReportFacet(int reportId, string facet, string value)
    {
        ReportId = reportId;
        Facet = facet;
        Value = value;
    }

    public int ReportId { get; private set; }
    public string Facet { get; private set; }
    public string Value { get; private set; }
}

/// <summary>
/// Which state of every report's facet values the database holds: a new stamp is written with every change of them, so each
/// instance of the application can tell whether its copy in memory (<c>Services/Learning/ReportFacetCounts</c>) is current
/// with one small read. A single row.
/// </summary>
public class PublishedReportFacetsVersion
{
    public const int Only = 1;

    public PublishedReportFacetsVersion() => Stamp = Guid.NewGuid();

    public int Id { get; private set; } = Only;

    public Guid Stamp { get; private set; }

    public void Change() => Stamp = Guid.NewGuid();
}
