using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scr.Core.Models;

namespace Scr.Core.DataStore;

/// <summary>The review's side of its people: interviews, staff support meetings and family members.</summary>
internal sealed class ReviewPeopleMapping : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.HasMany(r => r.Interviews).WithOne().HasForeignKey(i => i.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.StaffSupportMeetings).WithOne().HasForeignKey(m => m.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.FamilyMembers).WithOne().HasForeignKey(m => m.ReviewId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(Review.Interviews), nameof(Review.StaffSupportMeetings), nameof(Review.FamilyMembers) })
        {
            b.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}

internal sealed class PractitionerInterviewMapping : IEntityTypeConfiguration<PractitionerInterview>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<PractitionerInterview> b)
    {
        b.ToTable("practitioner_interviews");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        // The interviewee finds their own interviews by their account.
        b.HasIndex(i => i.IntervieweeId);
        b.Property(i => i.IntervieweeName).HasMaxLength(PractitionerInterview.NameMaxLength).IsRequired();
        b.Property(i => i.IntervieweeRole).HasMaxLength(PractitionerInterview.NameMaxLength);
        b.Property(i => i.Agency).HasMaxLength(PractitionerInterview.NameMaxLength);
        b.Property(i => i.Record).HasMaxLength(PractitionerInterview.RecordMaxLength);
        b.Property(i => i.ConstraintClearance).HasMaxLength(PractitionerInterview.CommentsMaxLength);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.InterviewerIds).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<List<Guid>>(s, Json) ?? new List<Guid>(),
                new ValueComparer<IReadOnlyList<Guid>>(
                    (x, y) => (x == null && y == null) || (x != null && y != null && x.SequenceEqual(y)),
                    v => v.Aggregate(0, (hash, id) => HashCode.Combine(hash, id)),
                    v => v.ToList()))
            .HasMaxLength(2000)
            .IsRequired();
        b.Ignore(i => i.LatestVersion);
        b.Ignore(i => i.IsAgreed);
        b.Ignore(i => i.IsEditable);
        b.HasOne<User>().WithMany().HasForeignKey(i => i.IntervieweeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(i => i.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.InterviewId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class InterviewRecordVersionMapping : IEntityTypeConfiguration<InterviewRecordVersion>
{
    public void Configure(EntityTypeBuilder<InterviewRecordVersion> b)
    {
        b.ToTable("interview_record_versions");
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasIndex(v => new { v.InterviewId, v.Number }).IsUnique();
        b.Property(v => v.Text).HasMaxLength(PractitionerInterview.RecordMaxLength).IsRequired();
        b.Property(v => v.Comments).HasMaxLength(PractitionerInterview.CommentsMaxLength);
        b.HasOne<User>().WithMany().HasForeignKey(v => v.SharedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffSupportMeetingMapping : IEntityTypeConfiguration<StaffSupportMeeting>
{
    public void Configure(EntityTypeBuilder<StaffSupportMeeting> b)
    {
        b.ToTable("staff_support_meetings");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(m => m.Attendees).HasMaxLength(StaffSupportMeeting.TextMaxLength);
        b.Property(m => m.Notes).HasMaxLength(StaffSupportMeeting.TextMaxLength);
        b.HasIndex(m => new { m.ReviewId, m.AgencyId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FamilyMemberMapping : IEntityTypeConfiguration<FamilyMember>
{
    public void Configure(EntityTypeBuilder<FamilyMember> b)
    {
        b.ToTable("family_members");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Name).HasMaxLength(FamilyMember.NameMaxLength).IsRequired();
        b.Property(m => m.Relationship).HasMaxLength(FamilyMember.NameMaxLength).IsRequired();
        b.Property(m => m.Consent).HasConversion<string>().HasMaxLength(40);
        foreach (var text in new[] { nameof(FamilyMember.KeyWorker), nameof(FamilyMember.Shared), nameof(FamilyMember.Feedback), nameof(FamilyMember.NotInvolvedReasons) })
        {
            b.Property<string?>(text).HasMaxLength(FamilyMember.TextMaxLength);
        }
        b.HasOne<User>().WithMany().HasForeignKey(m => m.MetById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Contacts).WithOne().HasForeignKey(c => c.FamilyMemberId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FamilyContactMapping : IEntityTypeConfiguration<FamilyContact>
{
    public void Configure(EntityTypeBuilder<FamilyContact> b)
    {
        b.ToTable("family_contacts");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Method).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Summary).HasMaxLength(FamilyContact.SummaryMaxLength).IsRequired();
        b.HasOne<User>().WithMany().HasForeignKey(c => c.ById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// A family member's contact details: a table of their own, one row per member, with no navigation either way, so only
/// a query that names this table reads them (PeopleService.ContactDetailsAsync, which audits the read).
/// </summary>
internal sealed class FamilyContactDetailsMapping : IEntityTypeConfiguration<FamilyContactDetails>
{
    public void Configure(EntityTypeBuilder<FamilyContactDetails> b)
    {
        b.ToTable("family_contact_details");
        b.HasKey(d => d.FamilyMemberId);
        b.Property(d => d.FamilyMemberId).ValueGeneratedNever();
        b.Property(d => d.Address).HasMaxLength(FamilyContactDetails.AddressMaxLength);
        b.Property(d => d.Phone).HasMaxLength(FamilyContactDetails.PhoneMaxLength);
        b.Property(d => d.Email).HasMaxLength(FamilyContactDetails.EmailMaxLength);
        b.HasOne<FamilyMember>().WithOne().HasForeignKey<FamilyContactDetails>(d => d.FamilyMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Review>().WithMany().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(d => d.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
