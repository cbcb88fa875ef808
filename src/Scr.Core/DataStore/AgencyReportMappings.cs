using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scr.Core.Models;

namespace Scr.Core.DataStore;

/// <summary>The review's side of its agency reports.</summary>
internal sealed class ReviewAgencyReportsMapping : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.HasMany(r => r.AgencyReports).WithOne().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(nameof(Review.AgencyReports)).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(r => r.TakesAgencyReports);
    }
}

/// <summary>An agency's report: one row a case and agency, with its versions, the review team's decisions and feedback to staff.</summary>
internal sealed class AgencyReportMapping : IEntityTypeConfiguration<AgencyReport>
{
    public void Configure(EntityTypeBuilder<AgencyReport> b)
    {
        b.ToTable("agency_reports");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasIndex(a => new { a.ReviewId, a.AgencyId }).IsUnique();
        b.Property(a => a.AgencyName).HasMaxLength(AgencyReport.NameMaxLength).IsRequired();
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.RequestNote).HasMaxLength(AgencyReport.TextMaxLength);
        b.Property(a => a.AuthorName).HasMaxLength(AgencyReport.NameMaxLength);
        b.Property(a => a.AuthorPost).HasMaxLength(AgencyReport.NameMaxLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.RequestedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.AuthorNamedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.QualityReviews).WithOne().HasForeignKey(q => q.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.StaffFeedback).WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(AgencyReport.Versions), nameof(AgencyReport.QualityReviews), nameof(AgencyReport.StaffFeedback) })
        {
            b.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
        b.Ignore(a => a.VersionsInOrder);
        b.Ignore(a => a.Latest);
        b.Ignore(a => a.Draft);
        b.Ignore(a => a.LatestSubmitted);
        b.Ignore(a => a.QualityReviewsInOrder);
        b.Ignore(a => a.LatestQualityReview);
        b.Ignore(a => a.Status);
        b.Ignore(a => a.IsQualityAssured);
    }
}

/// <summary>A version's sections are kept as one JSON text, so a submitted version reads exactly as it was sent.</summary>
internal sealed class AgencyReportVersionMapping : IEntityTypeConfiguration<AgencyReportVersion>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<AgencyReportVersion> b)
    {
        b.ToTable("agency_report_versions");
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
        b.Property(v => v.Sections).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<Dictionary<string, string>>(s, Json) ?? new Dictionary<string, string>(),
                new ValueComparer<IReadOnlyDictionary<string, string>>(
                    (a, c) => (a == null && c == null) || (a != null && c != null && a.Count == c.Count && !a.Except(c).Any()),
                    v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.Key, item.Value)),
                    v => v.ToDictionary(p => p.Key, p => p.Value)))
            .IsRequired();
        b.Property(v => v.SeniorOfficer).HasMaxLength(Rules.AgencyReportRules.SeniorOfficerMaxLength);
        b.Ignore(v => v.IsSubmitted);
        b.HasOne<User>().WithMany().HasForeignKey(v => v.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(v => v.SavedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(v => v.SubmittedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgencyReportQualityReviewMapping : IEntityTypeConfiguration<AgencyReportQualityReview>
{
    public void Configure(EntityTypeBuilder<AgencyReportQualityReview> b)
    {
        b.ToTable("agency_report_quality_reviews");
        b.HasKey(q => q.Id);
        b.Property(q => q.Id).ValueGeneratedNever();
        b.Property(q => q.Outcome).HasConversion<string>().HasMaxLength(40);
        b.Property(q => q.CommentsForAuthor).HasMaxLength(AgencyReport.TextMaxLength);
        b.Property(q => q.PanelNotes).HasMaxLength(AgencyReport.TextMaxLength);
        b.HasIndex(q => new { q.ReportId, q.VersionNumber });
        b.HasOne<User>().WithMany().HasForeignKey(q => q.DecidedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgencyReportStaffFeedbackMapping : IEntityTypeConfiguration<AgencyReportStaffFeedback>
{
    public void Configure(EntityTypeBuilder<AgencyReportStaffFeedback> b)
    {
        b.ToTable("agency_report_staff_feedback");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Attended).HasMaxLength(AgencyReport.TextMaxLength).IsRequired();
        b.Property(f => f.Notes).HasMaxLength(AgencyReport.TextMaxLength).IsRequired();
        b.HasIndex(f => f.ReportId);
        b.HasOne<User>().WithMany().HasForeignKey(f => f.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}
