using Scr.Core.Rules;
using Scr.Core.Rules.Genogram;

namespace Scr.Core.Models;

/// <summary>
/// The genogram of a review (issue 6; decision 0013): one family a case, kept whole as one document with a version, so
/// that every change is checked against the whole family and a change made from a stale copy is refused.
/// </summary>
public class ReviewGenogram : IVersioned
{
    public const int NameMaxLength = 200;
    public const int RoleMaxLength = 100;

    public static readonly GenogramFamily Empty = new([], [], [], []);

    private ReviewGenogram()
    {
        Family = Empty;
    }

    public ReviewGenogram(Guid reviewId)
    {
        ReviewId = reviewId;
        Family = Empty;
        Version = Guid.NewGuid();
    }

    public Guid ReviewId { get; private set; }

    public GenogramFamily Family { get; private set; }

    public Guid Version { get; set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public Guid ChangedById { get; private set; }

    /// <summary>Replaces the family with a changed one; refused when the whole family would not be valid.</summary>
    public void Change(GenogramFamily family, Guid by, DateTimeOffset now)
    {
        RuleViolationException.ThrowIfAny(GenogramRules.Check(family));
        Family = family;
        ChangedAt = now;
        ChangedById = by;
    }
}
