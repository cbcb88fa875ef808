using Microsoft.EntityFrameworkCore;
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
    }
}
