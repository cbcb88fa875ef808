using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scr.Core.Models;

namespace Scr.Core.DataStore;

internal sealed class LearningReviewMapping : IEntityTypeConfiguration<LearningReview>
{
    public void Configure(EntityTypeBuilder<LearningReview> b)
    {
        b.ToTable("learning_reviews");
        b.HasKey(r => r.Id);
        // Ids are set when the record is made, so EF must not take a set id to mean the row exists.
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.BoardKey).HasMaxLength(LearningReview.MaxBoardKeyLength).IsRequired();
        b.Property(r => r.Reference).HasMaxLength(LearningReview.MaxReferenceLength).IsRequired();
        b.Property(r => r.Record).IsRequired();
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.BoardId).OnDelete(DeleteBehavior.Restrict);
        // The format's identity of a review: its reference, unique per board.
        b.HasIndex(r => new { r.BoardKey, r.Reference }).IsUnique();
        b.HasIndex(r => r.BoardId);
        b.HasIndex(r => r.Region);
        b.HasIndex(r => r.IncidentDate);
        // A case has one record. No foreign key: the record is permanent (decision 0017) and outlives what happens to the case.
        b.HasIndex(r => r.ReviewId).IsUnique();
    }
}

/// <summary>A coding's answers are one JSON text: the questions differ with each report's children and recommendations.</summary>
internal sealed class ReviewCodingMapping : IEntityTypeConfiguration<ReviewCoding>
{
    public void Configure(EntityTypeBuilder<ReviewCoding> b)
    {
        b.ToTable("review_codings");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Values).CodingAnswers().IsRequired();
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Ignore(c => c.IsSubmitted);
        b.HasOne<LearningReview>().WithMany().HasForeignKey(c => c.LearningReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.CoderId).OnDelete(DeleteBehavior.Restrict);
        // One coding per analyst per report.
        b.HasIndex(c => new { c.LearningReviewId, c.CoderId }).IsUnique();
        b.HasIndex(c => c.CoderId);
    }
}

internal sealed class CodingSettlementMapping : IEntityTypeConfiguration<CodingSettlement>
{
    public void Configure(EntityTypeBuilder<CodingSettlement> b)
    {
        b.ToTable("coding_settlements");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Choices).CodingAnswers().IsRequired();
        b.Property(s => s.Reasons).CodingAnswers().IsRequired();
        b.HasOne<LearningReview>().WithMany().HasForeignKey(s => s.LearningReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.SettledById).OnDelete(DeleteBehavior.Restrict);
        // A review is settled once.
        b.HasIndex(s => s.LearningReviewId).IsUnique();
    }
}

internal static class CodingAnswerMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Answers by key, kept as one JSON object.</summary>
    public static PropertyBuilder<IReadOnlyDictionary<string, string>> CodingAnswers(this PropertyBuilder<IReadOnlyDictionary<string, string>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<Dictionary<string, string>>(s, Json) ?? new Dictionary<string, string>(),
            new ValueComparer<IReadOnlyDictionary<string, string>>(
                (a, c) => (a == null && c == null) || (a != null && c != null && a.Count == c.Count && !a.Except(c).Any()),
                v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.Key, item.Value)),
                v => v.ToDictionary(p => p.Key, p => p.Value)));
}
