using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scr.Core.Models;

namespace Scr.Core.DataStore;

internal sealed class OrganisationMapping : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("organisations");
        b.HasKey(o => o.Id);
        // Ids are set when the record is made, so EF must not take a set id to mean the row exists.
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Key).HasMaxLength(60).IsRequired();
        b.HasIndex(o => o.Key).IsUnique();
        b.Property(o => o.Name).HasMaxLength(200).IsRequired();
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasMany(o => o.BoardsServed).WithOne().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.BoardsServed).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AgencyBoardMapping : IEntityTypeConfiguration<AgencyBoard>
{
    public void Configure(EntityTypeBuilder<AgencyBoard> b)
    {
        b.ToTable("agency_boards");
        b.HasKey(a => new { a.AgencyId, a.BoardId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.BoardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MembershipMapping : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.ToTable("memberships");
        b.HasKey(m => m.Id);
        // Ids are set when the record is made, so EF must not take a set id to mean the row exists.
        b.Property(m => m.Id).ValueGeneratedNever();
        b.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.UserId, m.OrganisationId, m.Role }).IsUnique();
    }
}

internal sealed class UserMapping : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        b.HasMany(u => u.Memberships).WithOne().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(u => u.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(u => u.IsDisabled);
    }
}

internal sealed class ReviewMapping : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.ToTable("reviews");
        b.HasKey(r => r.Id);
        // Ids are set when the record is made, so EF must not take a set id to mean the row exists.
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne(r => r.Board).WithMany().HasForeignKey(r => r.BoardId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Reference).HasMaxLength(60).IsRequired();
        b.HasIndex(r => new { r.BoardId, r.Reference }).IsUnique();
        b.HasIndex(r => new { r.BoardId, r.Status, r.Stage });
        b.Property(r => r.Summary).HasMaxLength(4000);
        b.Property(r => r.DecisionRationale).HasMaxLength(8000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ReferringAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Children).WithOne().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Agencies).WithOne().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Team).WithOne().HasForeignKey(t => t.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Declarations).WithOne().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.StageEvents).WithOne().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(Review.Children), nameof(Review.Agencies), nameof(Review.Team), nameof(Review.Declarations), nameof(Review.StageEvents) })
        {
            b.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
        b.Ignore(r => r.IsOpen);
    }
}

internal sealed class ReviewChildMapping : IEntityTypeConfiguration<ReviewChild>
{
    public void Configure(EntityTypeBuilder<ReviewChild> b)
    {
        b.ToTable("review_children");
        b.HasKey(c => c.Id);
        // Ids are set when the record is made, so EF must not take a set id to mean the row exists.
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Name).HasMaxLength(200).IsRequired();
    }
}

internal sealed class ReviewAgencyMapping : IEntityTypeConfiguration<ReviewAgency>
{
    public void Configure(EntityTypeBuilder<ReviewAgency> b)
    {
        b.ToTable("review_agencies");
        b.HasKey(a => new { a.ReviewId, a.AgencyId });
        b.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewTeamMemberMapping : IEntityTypeConfiguration<ReviewTeamMember>
{
    public void Configure(EntityTypeBuilder<ReviewTeamMember> b)
    {
        b.ToTable("review_team_members");
        b.HasKey(t => t.Id);
        // Ids are set when the record is made, so EF must not take a set id to mean the row exists.
        b.Property(t => t.Id).ValueGeneratedNever();
        b.HasIndex(t => new { t.ReviewId, t.UserId }).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvolvementDeclarationMapping : IEntityTypeConfiguration<InvolvementDeclaration>
{
    public void Configure(EntityTypeBuilder<InvolvementDeclaration> b)
    {
        b.ToTable("involvement_declarations");
        b.HasKey(d => d.Id);
        // Ids are set when the record is made, so EF must not take a set id to mean the row exists.
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Details).HasMaxLength(4000).IsRequired();
        b.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StageEventMapping : IEntityTypeConfiguration<StageEvent>
{
    public void Configure(EntityTypeBuilder<StageEvent> b)
    {
        b.ToTable("stage_events");
        b.HasKey(e => e.Id);
        // Ids are set when the record is made, so EF must not take a set id to mean the row exists.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.ActionKey).HasMaxLength(60).IsRequired();
        b.Property(e => e.Reason).HasMaxLength(8000);
        b.HasOne<User>().WithMany().HasForeignKey(e => e.ById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryMapping : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.Action).HasMaxLength(80).IsRequired();
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.ItemType).HasMaxLength(80);
        b.Property(e => e.ItemId).HasMaxLength(200);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.Detail).HasMaxLength(4000);
        b.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        b.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        b.HasIndex(e => new { e.BoardId, e.At });
        b.HasIndex(e => e.At);
    }
}

internal sealed class PersonalAccessTokenMapping : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> b)
    {
        b.ToTable("personal_access_tokens");
        b.HasKey(t => t.Id);
        // Ids are set when the record is made, so EF must not take a set id to mean the row exists.
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Name).HasMaxLength(100).IsRequired();
        b.Property(t => t.Prefix).HasMaxLength(20).IsRequired();
        b.Property(t => t.Hash).HasMaxLength(64).IsRequired();
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BankHolidayEntryMapping : IEntityTypeConfiguration<BankHolidayEntry>
{
    public void Configure(EntityTypeBuilder<BankHolidayEntry> b)
    {
        b.ToTable("bank_holidays");
        b.HasKey(h => h.Date);
        b.Property(h => h.Date).ValueGeneratedNever();
        b.Property(h => h.Title).HasMaxLength(Rules.Calendar.BankHolidayFile.MaxTitleLength).IsRequired();
    }
}
