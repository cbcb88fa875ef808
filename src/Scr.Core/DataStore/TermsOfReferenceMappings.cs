using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scr.Core.Models;

namespace Scr.Core.DataStore;

/// <summary>The review's side of its terms of reference: every version.</summary>
internal sealed class ReviewTermsOfReferenceMapping : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.HasMany(r => r.TermsOfReference).WithOne().HasForeignKey(t => t.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(nameof(Review.TermsOfReference)).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(r => r.TermsVersions);
        b.Ignore(r => r.TermsDraft);
        b.Ignore(r => r.SignedOffTerms);
        b.Ignore(r => r.TakesTermsOfReference);
    }
}

/// <summary>
/// A version of the terms of reference: one row, its lines of enquiry and the boards and agencies it names (with their
/// names as they were) kept as JSON text, so a signed-off version reads as it was signed.
/// </summary>
internal sealed class TermsOfReferenceVersionMapping : IEntityTypeConfiguration<TermsOfReferenceVersion>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<TermsOfReferenceVersion> b)
    {
        b.ToTable("terms_of_reference_versions");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.HasIndex(t => new { t.ReviewId, t.Number }).IsUnique();
        b.Property(t => t.KeyLinesOfEnquiry).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<List<string>>(s, Json) ?? new List<string>(),
                ListComparer<string>())
            .IsRequired();
        b.Property(t => t.OtherBoards).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<List<NamedOrganisation>>(s, Json) ?? new List<NamedOrganisation>(),
                ListComparer<NamedOrganisation>())
            .IsRequired();
        b.Property(t => t.Agencies).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<List<NamedOrganisation>>(s, Json) ?? new List<NamedOrganisation>(),
                ListComparer<NamedOrganisation>())
            .IsRequired();
        b.Property(t => t.LeadBoardName).HasMaxLength(200);
        foreach (var text in new[]
        {
            nameof(TermsOfReferenceVersion.BoardsNote), nameof(TermsOfReferenceVersion.OtherAgencies), nameof(TermsOfReferenceVersion.FamilyContribution),
            nameof(TermsOfReferenceVersion.ParallelProcesses), nameof(TermsOfReferenceVersion.Timetable), nameof(TermsOfReferenceVersion.Publication),
            nameof(TermsOfReferenceVersion.MethodologyNote), nameof(TermsOfReferenceVersion.SignOffNote),
        })
        {
            b.Property<string?>(text).HasMaxLength(TermsOfReferenceVersion.TextMaxLength);
        }
        b.Property(t => t.Methodology).HasConversion<string>().HasMaxLength(40);
        b.Property(t => t.AgencyReports).HasConversion<string>().HasMaxLength(40);
        b.Property(t => t.Chronology).HasConversion<string>().HasMaxLength(40);
        b.Ignore(t => t.LeadBoard);
        b.Ignore(t => t.Content);
        b.Ignore(t => t.IsSignedOff);
        b.HasOne<Organisation>().WithMany().HasForeignKey(t => t.LeadBoardId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(t => t.SavedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(t => t.SignedOffById).OnDelete(DeleteBehavior.Restrict);
    }

    private static ValueComparer<IReadOnlyList<T>> ListComparer<T>() => new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        v => v.ToList());
}
