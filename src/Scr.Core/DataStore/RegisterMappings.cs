using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scr.Core.Models;

namespace Scr.Core.DataStore;

/// <summary>The review's side of its panel: the chair's exceptions to declared conflicts.</summary>
internal sealed class ReviewPanelMapping : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.HasMany(r => r.ConflictExceptions).WithOne().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(nameof(Review.ConflictExceptions)).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>The agency a panel member represents.</summary>
internal sealed class ReviewTeamMemberSeatMapping : IEntityTypeConfiguration<ReviewTeamMember>
{
    public void Configure(EntityTypeBuilder<ReviewTeamMember> b) =>
        b.HasOne(t => t.Agency).WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
}

/// <summary>What was declared, and who recorded it for the person.</summary>
internal sealed class InvolvementDeclarationKindMapping : IEntityTypeConfiguration<InvolvementDeclaration>
{
    public void Configure(EntityTypeBuilder<InvolvementDeclaration> b)
    {
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.ForRole).HasConversion<string>().HasMaxLength(40);
        b.HasOne<User>().WithMany().HasForeignKey(d => d.RecordedById).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(d => d.IsConflict);
    }
}

internal sealed class ConflictExceptionMapping : IEntityTypeConfiguration<ConflictException>
{
    public void Configure(EntityTypeBuilder<ConflictException> b)
    {
        b.ToTable("conflict_exceptions");
        b.HasKey(e => e.Id);
        // Ids are set when the record is made, so EF must not take a set id to mean the row exists.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Reason).HasMaxLength(4000).IsRequired();
        b.Property(e => e.Conflicts).HasMaxLength(8000).IsRequired();
        b.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(e => e.GrantedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ReviewId, e.UserId });
    }
}

internal sealed class ReviewerProfileMapping : IEntityTypeConfiguration<ReviewerProfile>
{
    public void Configure(EntityTypeBuilder<ReviewerProfile> b)
    {
        b.ToTable("reviewer_profiles");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.UserId).IsUnique();
        b.Property(p => p.Background).HasMaxLength(2000).IsRequired();
        // Small sets of values, stored by name in one column ("NorthEast,YorkshireHumber"); the register is filtered in memory.
        b.Property(p => p.Regions).HasConversion(new EnumListConverter<Region>(), EnumListConverter<Region>.Comparer).HasMaxLength(400);
        b.Property(p => p.Methodologies).HasConversion(new EnumListConverter<Methodology>(), EnumListConverter<Methodology>.Comparer).HasMaxLength(400);
        b.Property(p => p.CaseTypes).HasConversion(new EnumListConverter<IncidentType>(), EnumListConverter<IncidentType>.Comparer).HasMaxLength(400);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasMany(p => p.Training).WithOne().HasForeignKey(t => t.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Affiliations).WithOne().HasForeignKey(a => a.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Training).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(p => p.Affiliations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReviewerTrainingMapping : IEntityTypeConfiguration<ReviewerTraining>
{
    public void Configure(EntityTypeBuilder<ReviewerTraining> b)
    {
        b.ToTable("reviewer_training");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.CourseKey).HasMaxLength(60).IsRequired();
        b.Property(t => t.Title).HasMaxLength(200);
        b.Ignore(t => t.Course);
        b.Ignore(t => t.Name);
    }
}

internal sealed class ReviewerAffiliationMapping : IEntityTypeConfiguration<ReviewerAffiliation>
{
    public void Configure(EntityTypeBuilder<ReviewerAffiliation> b)
    {
        b.ToTable("reviewer_affiliations");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.OrganisationName).HasMaxLength(200).IsRequired();
        b.Property(a => a.Position).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.OrganisationId);
    }
}

internal sealed class MentoringPairMapping : IEntityTypeConfiguration<MentoringPair>
{
    public void Configure(EntityTypeBuilder<MentoringPair> b)
    {
        b.ToTable("mentoring_pairs");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.HasOne(m => m.Mentor).WithMany().HasForeignKey(m => m.MentorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Mentee).WithMany().HasForeignKey(m => m.MenteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.ShadowReview).WithMany().HasForeignKey(m => m.ShadowReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Note).HasMaxLength(2000);
        b.HasIndex(m => m.MentorId);
        b.HasIndex(m => m.MenteeId);
        b.Ignore(m => m.IsActive);
    }
}

/// <summary>A small set of enum values stored by name, comma-separated, in one text column.</summary>
internal sealed class EnumListConverter<T>() : ValueConverter<IReadOnlyList<T>, string>(v => Write(v), s => Read(s))
    where T : struct, Enum
{
    public static readonly ValueComparer<IReadOnlyList<T>> Comparer = new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        v => v.Aggregate(0, (hash, value) => HashCode.Combine(hash, value.GetHashCode())),
        v => v.ToList());

    private static string Write(IReadOnlyList<T> values) => string.Join(',', values.Select(v => v.ToString()));

    private static IReadOnlyList<T> Read(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => Enum.TryParse<T>(v, out var value) ? (T?)value : null)
            .OfType<T>()
            .ToList();
}

/// <summary>The reviewer register's tables, without adding to <see cref="ScrDbContext"/>'s list.</summary>
public static class RegisterSets
{
    public static DbSet<ReviewerProfile> ReviewerProfiles(this ScrDbContext db) => db.Set<ReviewerProfile>();

    public static DbSet<ReviewerTraining> ReviewerTraining(this ScrDbContext db) => db.Set<ReviewerTraining>();

    public static DbSet<ReviewerAffiliation> ReviewerAffiliations(this ScrDbContext db) => db.Set<ReviewerAffiliation>();

    public static DbSet<MentoringPair> MentoringPairs(this ScrDbContext db) => db.Set<MentoringPair>();

    public static DbSet<ConflictException> ConflictExceptions(this ScrDbContext db) => db.Set<ConflictException>();
}
