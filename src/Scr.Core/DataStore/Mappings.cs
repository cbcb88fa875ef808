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
        b.HasMany(r => r.FileReviews).WithOne().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Recommendations).WithOne().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.PeerReviews).WithOne().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.PanelSubmissions).WithOne().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Communications).WithOne().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[]
        {
            nameof(Review.Children), nameof(Review.Agencies), nameof(Review.Team), nameof(Review.Declarations), nameof(Review.StageEvents),
            nameof(Review.FileReviews), nameof(Review.Recommendations), nameof(Review.PeerReviews), nameof(Review.PanelSubmissions),
            nameof(Review.Communications),
        })
        {
            b.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
        b.Property(r => r.OtherChildrenAtRisk).HasMaxLength(4000);
        b.Property(r => r.ImmediateActions).HasMaxLength(4000);
        b.Property(r => r.FileReviewSummary).HasMaxLength(8000);
        b.Ignore(r => r.IsOpen);
        b.Ignore(r => r.IsAwaitingDecision);
        b.Ignore(r => r.Recommendation);
        b.Ignore(r => r.FirstPanelSubmission);
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
        b.HasOne(a => a.RecordsSecuredBy).WithMany().HasForeignKey(a => a.RecordsSecuredById).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.RecordsNote).HasMaxLength(2000);
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

internal sealed class FileReviewMapping : IEntityTypeConfiguration<FileReview>
{
    public void Configure(EntityTypeBuilder<FileReview> b)
    {
        b.ToTable("file_reviews");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.HasIndex(f => new { f.ReviewId, f.AgencyId }).IsUnique();
        b.HasOne(f => f.Agency).WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(f => f.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        b.Property(f => f.Contacts).HasMaxLength(8000).IsRequired();
        b.Property(f => f.KnownConcerns).HasMaxLength(8000).IsRequired();
        b.Property(f => f.Rationale).HasMaxLength(8000).IsRequired();
    }
}

internal sealed class SubGroupRecommendationMapping : IEntityTypeConfiguration<SubGroupRecommendation>
{
    public void Configure(EntityTypeBuilder<SubGroupRecommendation> b)
    {
        b.ToTable("subgroup_recommendations");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.CriteriaSetId).HasMaxLength(40).IsRequired();
        b.Property(r => r.Answers).HasMaxLength(8000).IsRequired();
        b.Property(r => r.Rationale).HasMaxLength(8000).IsRequired();
        b.Property(r => r.Scope).HasMaxLength(8000);
        b.Property(r => r.AlternativeReview).HasMaxLength(2000);
        b.Property(r => r.Warnings).HasMaxLength(4000).IsRequired();
        b.HasOne<User>().WithMany().HasForeignKey(r => r.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PeerReviewMapping : IEntityTypeConfiguration<PeerReview>
{
    public void Configure(EntityTypeBuilder<PeerReview> b)
    {
        b.ToTable("peer_reviews");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasOne(p => p.Peer).WithMany().HasForeignKey(p => p.PeerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(p => p.RequestedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.PeerId);
        b.Property(p => p.Snapshot).IsRequired();
        b.Property(p => p.Response).HasMaxLength(8000);
    }
}

internal sealed class PanelSubmissionMapping : IEntityTypeConfiguration<PanelSubmission>
{
    public void Configure(EntityTypeBuilder<PanelSubmission> b)
    {
        b.ToTable("panel_submissions");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasOne(p => p.Board).WithMany().HasForeignKey(p => p.BoardId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.BoardId, p.SentAt });
        b.HasIndex(p => p.SentAt);
        b.Property(p => p.Reference).HasMaxLength(60).IsRequired();
        b.Property(p => p.Rationale).HasMaxLength(8000).IsRequired();
        b.Property(p => p.Outline).HasMaxLength(8000).IsRequired();
        b.Property(p => p.Recipients).HasMaxLength(400).IsRequired();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasMany(p => p.Messages).WithOne().HasForeignKey(m => m.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(p => p.AwaitingBoard);
    }
}

internal sealed class PanelMessageMapping : IEntityTypeConfiguration<PanelMessage>
{
    public void Configure(EntityTypeBuilder<PanelMessage> b)
    {
        b.ToTable("panel_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Text).HasMaxLength(8000).IsRequired();
        b.HasOne<User>().WithMany().HasForeignKey(m => m.ById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseCommunicationMapping : IEntityTypeConfiguration<CaseCommunication>
{
    public void Configure(EntityTypeBuilder<CaseCommunication> b)
    {
        b.ToTable("case_communications");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.RecipientName).HasMaxLength(300).IsRequired();
        b.Property(c => c.Subject).HasMaxLength(300).IsRequired();
        b.Property(c => c.Body).HasMaxLength(8000);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.SentById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InboxItemMapping : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.ToTable("inbox_items");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Title).HasMaxLength(300).IsRequired();
        b.Property(i => i.Body).HasMaxLength(4000);
        b.Property(i => i.Link).HasMaxLength(400).IsRequired();
        b.HasOne<User>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Review>().WithMany().HasForeignKey(i => i.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.UserId, i.CreatedAt });
    }
}

internal sealed class FormDraftMapping : IEntityTypeConfiguration<FormDraft>
{
    public void Configure(EntityTypeBuilder<FormDraft> b)
    {
        b.ToTable("form_drafts");
        b.HasKey(d => new { d.UserId, d.FormKey });
        b.Property(d => d.FormKey).HasMaxLength(200);
        b.Property(d => d.Data).HasMaxLength(64000).IsRequired();
        b.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderSentMapping : IEntityTypeConfiguration<ReminderSent>
{
    public void Configure(EntityTypeBuilder<ReminderSent> b)
    {
        b.ToTable("reminders_sent");
        b.HasKey(r => new { r.ReviewId, r.DeadlineKey, r.Kind });
        b.Property(r => r.DeadlineKey).HasMaxLength(100);
        b.HasOne<Review>().WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarFeedMapping : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.ToTable("calendar_feeds");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Prefix).HasMaxLength(20).IsRequired();
        b.Property(f => f.Hash).HasMaxLength(64).IsRequired();
        b.HasIndex(f => f.Hash).IsUnique();
        b.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
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

internal sealed class CaseDocumentMapping : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> b)
    {
        b.ToTable("case_documents");
        b.HasKey(d => d.Id);
        // Ids are set when the record is made, so EF must not take a set id to mean the row exists.
        b.Property(d => d.Id).ValueGeneratedNever();
        // A case's documents stay with it: their files are removed only with their rows, never by a cascade.
        b.HasOne<Review>().WithMany().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(d => d.UploadedById).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Title).HasMaxLength(CaseDocument.TitleMaxLength).IsRequired();
        b.Property(d => d.FileName).HasMaxLength(Rules.Documents.DocumentNames.MaxLength).IsRequired();
        b.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        b.Property(d => d.StorageKey).HasMaxLength(100).IsRequired();
        b.HasIndex(d => d.StorageKey).IsUnique();
        b.HasIndex(d => new { d.ReviewId, d.AttachedTo, d.AttachedItemId });
    }
}
