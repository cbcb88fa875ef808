using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scr.Core.Models;

namespace Scr.Core.DataStore;

/// <summary>
/// The learning repository's reports. Their full-text index is not in the model: each provider's migration makes it
/// (SQLite: an external-content FTS5 table kept in step by triggers; PostgreSQL: a generated tsvector column with a GIN
/// index), and <c>Services/Learning/ReportSearch.cs</c> is the only code that queries it.
/// </summary>
internal sealed class PublishedReportMapping : IEntityTypeConfiguration<PublishedReport>
{
    public void Configure(EntityTypeBuilder<PublishedReport> b)
    {
        b.ToTable("published_reports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.Property(r => r.Title).HasMaxLength(PublishedReport.MaxTitleLength).IsRequired();
        b.Property(r => r.Text).IsRequired();
        b.Property(r => r.Source).HasMaxLength(PublishedReport.MaxSourceLength).IsRequired();
        // Permanent: a review with a published report cannot be deleted from under it.
        b.HasOne<LearningReview>().WithMany().HasForeignKey(r => r.LearningReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.AddedById).OnDelete(DeleteBehavior.Restrict);
        // One report per review.
        b.HasIndex(r => r.LearningReviewId).IsUnique();
        b.HasIndex(r => r.AddedById);
        b.HasIndex(r => r.PublishedOn);
    }
}

internal sealed class PublishedReportFacetMapping : IEntityTypeConfiguration<PublishedReportFacet>
{
    public void Configure(EntityTypeBuilder<PublishedReportFacet> b)
    {
        b.ToTable("published_report_facets");
        b.HasKey(f => new { f.ReportId, f.Facet, f.Value });
        b.Property(f => f.Facet).HasMaxLength(PublishedReportFacet.MaxFacetLength);
        b.Property(f => f.Value).HasMaxLength(PublishedReportFacet.MaxValueLength);
        b.HasOne<PublishedReport>().WithMany().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        // Filtering by the values chosen finds their reports from this index alone, without reading every report's facets.
        // (A search's counts of values come from the copy in memory: ReportFacetCounts.)
        b.HasIndex(f => new { f.Facet, f.Value, f.ReportId });
    }
}

internal sealed class PublishedReportFacetsVersionMapping : IEntityTypeConfiguration<PublishedReportFacetsVersion>
{
    public void Configure(EntityTypeBuilder<PublishedReportFacetsVersion> b)
    {
        b.ToTable("published_report_facets_version");
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
    }
}
