using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scr.Core.Models;

namespace Scr.Core.DataStore;

/// <summary>The review's side of its timetable: its parallel processes, milestones done and changes of timeline.</summary>
internal sealed class ReviewTimetableMapping : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.HasMany(r => r.ParallelProcesses).WithOne().HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.TimelineChanges).WithOne().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.MilestoneRecords).WithOne().HasForeignKey(m => m.ReviewId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(Review.ParallelProcesses), nameof(Review.TimelineChanges), nameof(Review.MilestoneRecords) })
        {
            b.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}

internal sealed class ParallelProcessMapping : IEntityTypeConfiguration<ParallelProcess>
{
    public void Configure(EntityTypeBuilder<ParallelProcess> b)
    {
        b.ToTable("parallel_processes");
        b.HasKey(p => p.Id);
        // Ids are set when the record is made, so EF must not take a set id to mean the row exists.
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Description).HasMaxLength(ParallelProcess.DescriptionMaxLength);
        b.Property(p => p.ContactName).HasMaxLength(ParallelProcess.ContactMaxLength);
        b.Property(p => p.ContactRole).HasMaxLength(ParallelProcess.ContactMaxLength);
        b.Property(p => p.Notes).HasMaxLength(ParallelProcess.NotesMaxLength);
        b.HasOne<User>().WithMany().HasForeignKey(p => p.RecordedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(p => p.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Constraints).WithOne().HasForeignKey(c => c.ProcessId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Constraints).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProcessConstraintMapping : IEntityTypeConfiguration<ProcessConstraint>
{
    public void Configure(EntityTypeBuilder<ProcessConstraint> b)
    {
        b.ToTable("process_constraints");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Activity).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Until).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Description).HasMaxLength(ProcessConstraint.DescriptionMaxLength).IsRequired();
        b.HasIndex(c => new { c.ProcessId, c.Activity });
    }
}

internal sealed class MilestoneRecordMapping : IEntityTypeConfiguration<MilestoneRecord>
{
    public void Configure(EntityTypeBuilder<MilestoneRecord> b)
    {
        b.ToTable("milestone_records");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Milestone).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(m => new { m.ReviewId, m.Milestone }).IsUnique();
        b.Property(m => m.Note).HasMaxLength(TimelineChange.TextMaxLength);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TimelineChangeMapping : IEntityTypeConfiguration<TimelineChange>
{
    public void Configure(EntityTypeBuilder<TimelineChange> b)
    {
        b.ToTable("timeline_changes");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Milestone).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Reason).HasMaxLength(TimelineChange.TextMaxLength).IsRequired();
        b.Property(c => c.DecisionNote).HasMaxLength(TimelineChange.TextMaxLength);
        b.HasIndex(c => new { c.ReviewId, c.Milestone });
        b.HasOne<User>().WithMany().HasForeignKey(c => c.ProposedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.DecidedById).OnDelete(DeleteBehavior.Restrict);
    }
}
