using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scr.Core.Models;
using Scr.Core.Rules.Chronology;

namespace Scr.Core.DataStore;

/// <summary>The review's side of its chronologies and key practice episodes.</summary>
internal sealed class ReviewChronologyMapping : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.HasMany(r => r.Chronologies).WithOne().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.KeyPracticeEpisodes).WithOne().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(nameof(Review.Chronologies)).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(nameof(Review.KeyPracticeEpisodes)).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.ChronologySharedById).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.TakesChronologies);
    }
}

/// <summary>An agency's chronology: one row a case and agency, with its versions.</summary>
internal sealed class AgencyChronologyMapping : IEntityTypeConfiguration<AgencyChronology>
{
    public void Configure(EntityTypeBuilder<AgencyChronology> b)
    {
        b.ToTable("agency_chronologies");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.HasIndex(c => new { c.ReviewId, c.AgencyId }).IsUnique();
        b.Property(c => c.AgencyName).HasMaxLength(AgencyChronology.NameMaxLength).IsRequired();
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.ChronologyId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(nameof(AgencyChronology.Versions)).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(c => c.Current);
    }
}

internal sealed class AgencyChronologyVersionMapping : IEntityTypeConfiguration<AgencyChronologyVersion>
{
    public void Configure(EntityTypeBuilder<AgencyChronologyVersion> b)
    {
        b.ToTable("agency_chronology_versions");
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasIndex(v => new { v.ChronologyId, v.Number }).IsUnique();
        b.Property(v => v.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.FileName).HasMaxLength(AgencyChronologyVersion.FileNameMaxLength);
        b.HasOne<User>().WithMany().HasForeignKey(v => v.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MarkedEpisodeMapping : IEntityTypeConfiguration<MarkedEpisode>
{
    public void Configure(EntityTypeBuilder<MarkedEpisode> b)
    {
        b.ToTable("key_practice_episodes");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Title).HasMaxLength(KeyPracticeEpisodes.MaxTitleLength).IsRequired();
        b.Property(e => e.WhyItMatters).HasMaxLength(KeyPracticeEpisodes.MaxWhyLength).IsRequired();
        b.HasIndex(e => e.ReviewId);
        b.HasOne<User>().WithMany().HasForeignKey(e => e.MarkedById).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(e => e.Episode);
    }
}

/// <summary>
/// Chronology entries as rows, outside the aggregate: the core's entry with its version, case and agency as shadow
/// columns, and the order key of <see cref="ChronologyOrder"/> stored so that the integrated chronology is sorted and
/// paged by the database (index on case, order key).
/// </summary>
internal sealed class ChronologyEntryMapping : IEntityTypeConfiguration<ChronologyEntry>
{
    public const string Id = "Id";
    public const string VersionId = "VersionId";
    public const string ReviewId = "ReviewId";
    public const string AgencyId = "AgencyId";
    public const string WhenKey = "WhenKey";
    public const string AgencyKey = "AgencyKey";

    public void Configure(EntityTypeBuilder<ChronologyEntry> b)
    {
        b.ToTable("chronology_entries");
        b.Property<Guid>(Id).ValueGeneratedNever();
        b.HasKey(Id);
        b.Property<Guid>(VersionId);
        b.Property<Guid>(ReviewId);
        b.Property<Guid>(AgencyId);
        b.Property<long>(WhenKey);
        b.Property<string>(AgencyKey).HasMaxLength(ChronologyTemplate.Of(ChronologyColumn.Agency).MaxLength).IsRequired();
        b.HasOne<AgencyChronologyVersion>().WithMany().HasForeignKey(VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(VersionId, WhenKey);
        b.HasIndex(ReviewId, WhenKey);
        b.Ignore(e => e.When);
        b.Property(e => e.Precision).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.ContactType).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.ChildSeen).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Wishes).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Agency).HasMaxLength(Max(ChronologyColumn.Agency)).IsRequired();
        b.Property(e => e.PractitionerRole).HasMaxLength(Max(ChronologyColumn.PractitionerRole)).IsRequired();
        b.Property(e => e.Present).HasMaxLength(Max(ChronologyColumn.Present));
        b.Property(e => e.WishesText).HasMaxLength(Max(ChronologyColumn.WishesText));
        b.Property(e => e.WhatHappened).HasMaxLength(Max(ChronologyColumn.WhatHappened)).IsRequired();
        b.Property(e => e.DecisionOrAction).HasMaxLength(Max(ChronologyColumn.DecisionOrAction));
        b.Property(e => e.SourceDocument).HasMaxLength(Max(ChronologyColumn.SourceDocument));
    }

    private static int Max(ChronologyColumn column) => ChronologyTemplate.Of(column).MaxLength;
}
