using Scr.Core.Rules;

namespace Scr.Core.Models;

public enum CodingStatus
{
    InProgress,
    Submitted,
}

/// <summary>
/// One Panel analyst's coding of a report in the learning record (issue 7 item 2; decision 0016): the answers to the
/// questions of <see cref="Rules.Analysis.CodedReview"/>, keyed as it keys them, in the exchange format's words. A report
/// is coded by at most two analysts, blind: neither sees the other's coding until both have submitted.
/// </summary>
public class ReviewCoding
{
    /// <summary>Two coders give the agreement; a third would have nothing to be compared with.</summary>
    public const int MaxCoders = 2;

    private ReviewCoding()
    {
        Values = new Dictionary<string, string>();
    }

    public ReviewCoding(Guid learningReviewId, Guid coderId, IReadOnlyDictionary<string, string> values, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        LearningReviewId = learningReviewId;
        CoderId = coderId;
        Values = new Dictionary<string, string>(values, StringComparer.Ordinal);
        StartedAt = now;
        SavedAt = now;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid LearningReviewId { get; private set; }

    /// <summary>The analyst (a user) whose coding it is.</summary>
    public Guid CoderId { get; private set; }

    public CodingStatus Status { get; private set; }

    /// <summary>The answers, by question key ("outline.genogram", "child.1.sex").</summary>
    public IReadOnlyDictionary<string, string> Values { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset SavedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Changes on every save, so a save from a stale form is refused.</summary>
    public Guid Version { get; private set; }

    public bool IsSubmitted => Status == CodingStatus.Submitted;

    /// <summary>Saves answers; a submitted coding is final, since the agreement is counted on it.</summary>
    public void Save(IReadOnlyDictionary<string, string> values, DateTimeOffset now)
    {
        if (IsSubmitted)
        {
            throw new RuleViolationException("This coding has been submitted and can no longer be changed.");
        }
        Values = new Dictionary<string, string>(values, StringComparer.Ordinal);
        SavedAt = now;
        Version = Guid.NewGuid();
    }

    public void Submit(DateTimeOffset now)
    {
        if (IsSubmitted)
        {
            throw new RuleViolationException("This coding has already been submitted.");
        }
        Status = CodingStatus.Submitted;
        SubmittedAt = now;
        Version = Guid.NewGuid();
    }
}

/// <summary>
/// The agreed coding of a report coded twice: each answer the two coders differed on, settled by a Panel member with a
/// reason. The settled answers (with those the coders agreed on) are written into the review's record, so the analysis
/// counts them. Once per review.
/// </summary>
public class CodingSettlement
{
    private CodingSettlement()
    {
        Choices = new Dictionary<string, string>();
        Reasons = new Dictionary<string, string>();
    }

    public CodingSettlement(Guid learningReviewId, Guid settledById, IReadOnlyDictionary<string, string> choices,
        IReadOnlyDictionary<string, string> reasons, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        LearningReviewId = learningReviewId;
        SettledById = settledById;
        Choices = new Dictionary<string, string>(choices, StringComparer.Ordinal);
        Reasons = new Dictionary<string, string>(reasons, StringComparer.Ordinal);
        SettledAt = now;
    }

    public Guid Id { get; private set; }
    public Guid LearningReviewId { get; private set; }
    public Guid SettledById { get; private set; }
    public DateTimeOffset SettledAt { get; private set; }

    /// <summary>The answer chosen for each key the coders differed on.</summary>
    public IReadOnlyDictionary<string, string> Choices { get; private set; }

    /// <summary>Why each was chosen.</summary>
    public IReadOnlyDictionary<string, string> Reasons { get; private set; }
}
