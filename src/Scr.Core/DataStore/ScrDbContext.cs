using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scr.Core.Models;
using Scr.Core.Rules;

namespace Scr.Core.DataStore;

public class ScrDbContext(DbContextOptions<ScrDbContext> options) : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options)
{
    private readonly List<AuditEntry> _pendingAudit = [];

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<AgencyBoard> AgencyBoards => Set<AgencyBoard>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ReviewChild> ReviewChildren => Set<ReviewChild>();
    public DbSet<ChronologyEntry> ChronologyEntries => Set<ChronologyEntry>();
    public DbSet<ReviewAgency> ReviewAgencies => Set<ReviewAgency>();
    public DbSet<ReviewTeamMember> ReviewTeamMembers => Set<ReviewTeamMember>();
    public DbSet<InvolvementDeclaration> InvolvementDeclarations => Set<InvolvementDeclaration>();
    public DbSet<StageEvent> StageEvents => Set<StageEvent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<FileReview> FileReviews => Set<FileReview>();
    public DbSet<SubGroupRecommendation> SubGroupRecommendations => Set<SubGroupRecommendation>();
    public DbSet<PeerReview> PeerReviews => Set<PeerReview>();
    public DbSet<PanelSubmission> PanelSubmissions => Set<PanelSubmission>();
    public DbSet<PanelMessage> PanelMessages => Set<PanelMessage>();
    public DbSet<CaseCommunication> CaseCommunications => Set<CaseCommunication>();
    public DbSet<InboxItem> InboxItems => Set<InboxItem>();
    public DbSet<FormDraft> FormDrafts => Set<FormDraft>();
    public DbSet<ReminderSent> RemindersSent => Set<ReminderSent>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<BankHolidayEntry> BankHolidays => Set<BankHolidayEntry>();
    public DbSet<CaseDocument> CaseDocuments => Set<CaseDocument>();

    // The people of a review; family contact details are read only through PeopleService, which audits each read.
    public DbSet<PractitionerInterview> PractitionerInterviews => Set<PractitionerInterview>();
    public DbSet<FamilyContactDetails> FamilyContactDetails => Set<FamilyContactDetails>();

    // The national learning record: reviews imported from exchange files (decision 0012).
    public DbSet<LearningReview> LearningReviews => Set<LearningReview>();
    public DbSet<ReviewCoding> ReviewCodings => Set<ReviewCoding>();
    public DbSet<CodingSettlement> CodingSettlements => Set<CodingSettlement>();

    // The learning repository: published reports, searchable by anyone, and the coded values their search counts (decision 0017).
    public DbSet<PublishedReport> PublishedReports => Set<PublishedReport>();
    public DbSet<PublishedReportFacet> PublishedReportFacets => Set<PublishedReportFacet>();
    public DbSet<PublishedReportFacetsVersion> PublishedReportFacetsVersions => Set<PublishedReportFacetsVersion>();

    // A review's genogram, read through GenogramService, which audits every read of the named version.
    public DbSet<ReviewGenogram> Genograms => Set<ReviewGenogram>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Queues an audit entry; it is chained and written with the next save, in the same transaction.</summary>
    internal void QueueAudit(AuditEntry entry) => _pendingAudit.Add(entry);

    /// <summary>Forgets every unsaved change and queued audit entry after a failed save, so no later save writes them.</summary>
    internal void DiscardUnsaved()
    {
        _pendingAudit.Clear();
        ChangeTracker.Clear();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums are stored by name: readable in the database and stable when values are added.
        builder.Properties<OrganisationKind>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<Region>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<AgencyType>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<Role>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<ReviewKind>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<ReviewStatus>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<ReviewStage>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<DecisionOutcome>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<IncidentType>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<GuidanceEdition>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<Sex>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<Ethnicity>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<YesNoNotKnown>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<ChildProtectionPlanStatus>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<LegalStatus>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<TeamRole>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<DocumentType>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<DocumentAttachment>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<DocumentAudience>().HaveConversion<string>().HaveMaxLength(40);
        if (Database.IsSqlite())
        {
            // SQLite cannot order or compare DateTimeOffset text; all our times are UTC, so ticks sort correctly.
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ScrDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        if (_pendingAudit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (Database.CurrentTransaction is not null)
        {
            await ChainPendingAuditAsync(cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await ChainPendingAuditAsync(cancellationToken);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>
    /// Gives every changed versioned record a new version, and a record whose parts changed (a case whose team changed)
    /// a new version too, so stale edits of either are refused.
    /// </summary>
    private void RenewVersions()
    {
        var changedReviews = ChangeTracker.Entries<IPartOfReview>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            .Select(e => e.Entity.ReviewId)
            .ToHashSet();
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            var touched = entry.State == EntityState.Modified
                || (entry.State == EntityState.Unchanged && entry.Entity is Review review && changedReviews.Contains(review.Id));
            if (touched)
            {
                entry.Property(e => e.Version).IsModified = true;
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }

    private async Task ChainPendingAuditAsync(CancellationToken cancellationToken)
    {
        if (IsPostgres)
        {
            // Serialises appends across every app instance sharing the database.
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7310551)", cancellationToken);
        }
        // On SQLite the transaction began IMMEDIATE, which already excludes other writers.
        var last = await AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previousHash = last?.Hash ?? AuditChain.GenesisHash;
        foreach (var pending in _pendingAudit)
        {
            sequence++;
            var entry = new AuditEntry(sequence, pending.At, pending.UserId, pending.UserName, pending.BoardId, pending.Action,
                pending.ItemType, pending.ItemId, pending.IpAddress, pending.Detail, previousHash);
            entry.Seal(AuditChain.Hash(entry));
            AuditEntries.Add(entry);
            previousHash = entry.Hash;
        }
        _pendingAudit.Clear();
    }
}
