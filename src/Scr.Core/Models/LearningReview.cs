namespace Scr.Core.Models;

/// <summary>
/// A review in the national learning record, as a board or the Panel sent it in an exchange file (shared/exchange-format.md;
/// decision 0012). The whole review is kept as it was read, written again as a one-review exchange file (<see cref="Record"/>),
/// so an export gives back exactly what was imported; the columns beside it are copies of the fields the analysis and the
/// export filter on. Identified, as in the format, by its board and its reference.
/// </summary>
public class LearningReview
{
    public const int MaxReferenceLength = 100;
    public const int MaxBoardKeyLength = 60;

    private LearningReview()
    {
        Reference = "";
        BoardKey = "";
        Record = "";
    }

    public LearningReview(Guid boardId, string boardKey, string reference, Region region, DateOnly? incidentDate, string record,
        DateTimeOffset importedAt)
    {
        Id = Guid.NewGuid();
        BoardId = boardId;
        BoardKey = boardKey;
        Reference = reference;
        Region = region;
        IncidentDate = incidentDate;
        Record = record;
        ImportedAt = importedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The board (an organisation) whose review it is.</summary>
    public Guid BoardId { get; private set; }

    /// <summary>The board's key: the exchange format's board id.</summary>
    public string BoardKey { get; private set; }

    public string Reference { get; private set; }

    /// <summary>The board's region when the review was imported.</summary>
    public Region Region { get; private set; }

    /// <summary>The incident's date, which the analysis's and the export's period is about.</summary>
    public DateOnly? IncidentDate { get; private set; }

    /// <summary>The review as a one-review exchange file (scr-exchange/1), exactly as the writer writes it.</summary>
    public string Record { get; private set; }

    /// <summary>When the record was last imported or written from its case with a change.</summary>
    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>The review run in this system that the record is written from (issue 7, item 2); null for one only imported.</summary>
    public Guid? ReviewId { get; private set; }

    /// <summary>
    /// Joins the record to the review run here that it is of: a new record of a case, or one the board had imported before
    /// under the case's reference. A record is of one case only.
    /// </summary>
    public void LinkTo(Guid reviewId)
    {
        if (ReviewId is { } linked && linked != reviewId)
        {
            throw new Rules.RuleViolationException($"The learning record {BoardKey} {Reference} is already the record of another case.");
        }
        ReviewId = reviewId;
    }

    /// <summary>The same review sent again with changes: it replaces the one held (decision 0012).</summary>
    public void Replace(Region region, DateOnly? incidentDate, string record, DateTimeOffset importedAt)
    {
        Region = region;
        IncidentDate = incidentDate;
        Record = record;
        ImportedAt = importedAt;
    }

    /// <summary>The record with a settled coding written into it (decision 0016); the review is the same, so it keeps its import time.</summary>
    public void Recode(string record) => Record = record;
}
