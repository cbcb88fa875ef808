using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Documents;
using Scr.Core.Services.Audit;

namespace Scr.Core.Services.Documents;

/// <summary>
/// A file to add to a case. <paramref name="Content"/> is read once, from where it stands; null when no file was
/// chosen. <paramref name="AgencyId"/> names the agency when the audience is <see cref="DocumentAudience.Agency"/>.
/// Later features attach to their own items with <paramref name="AttachedTo"/> and <paramref name="AttachedItemId"/>.
/// </summary>
public sealed record DocumentUpload(string? Title, string? FileName, Stream? Content, DocumentAudience? Audience, Guid? AgencyId,
    DocumentAttachment AttachedTo = DocumentAttachment.Case, Guid? AttachedItemId = null);

/// <summary>Someone the uploader may let read a document: everyone working on the case, or one agency (with the board and team).</summary>
public sealed record DocumentAudienceChoice(DocumentAudience Audience, Guid? AgencyId, string Label);

public sealed record DocumentRow(CaseDocument Document, string UploadedBy, string ReadBy);

/// <summary>
/// A case's documents as this person may see them: those they may read, newest first, and whom they may give a new one
/// to (none: they may not add documents).
/// </summary>
public sealed record DocumentList(Guid ReviewId, string Reference, Guid BoardId, ReviewAccess Access, IReadOnlyList<DocumentRow> Documents,
    IReadOnlyList<DocumentAudienceChoice> UploadTo)
{
    public bool MayUpload => UploadTo.Count > 0;
}

/// <summary>A document's content to send, with the facts to send it by. The caller disposes it (or the stream).</summary>
public sealed record DocumentDownload(CaseDocument Document, Stream Content, string MediaType) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>
/// Documents of a case: listing, adding and reading them. Who may do what is <see cref="ReviewAccessRules"/>'s; what a
/// file may be is <see cref="DocumentContentRules"/>'s; the bytes are the <see cref="IDocumentStore"/>'s. Every upload
/// and every download is audited (never the content).
/// </summary>
public sealed class DocumentService(ScrDbContext db, AuditLog audit, IDocumentStore store, IOptions<DocumentSettings> settings, TimeProvider clock,
    ILogger<DocumentService> log)
{
    public DocumentLimits Limits { get; } = settings.Value.Limits;

    /// <summary>The documents of the case (or of one of its items) this person may read. The read of the list is audited.</summary>
    public async Task<DocumentList> ListAsync(Guid reviewId, Principal principal, Actor actor, DocumentAttachment? attachedTo = null, Guid? attachedItemId = null,
        CancellationToken cancellationToken = default)
    {
        var (review, access) = await CaseAsync(reviewId, principal, cancellationToken);
        var query = db.CaseDocuments.AsNoTracking().Where(d => d.ReviewId == reviewId);
        if (attachedTo is { } kind)
        {
            query = query.Where(d => d.AttachedTo == kind && d.AttachedItemId == attachedItemId);
        }
        var documents = (await query.ToListAsync(cancellationToken))
            .Where(d => ReviewAccessRules.MayReadDocument(principal, access, review, d.Audience, d.AgencyId))
            .OrderByDescending(d => d.UploadedAt).ThenBy(d => d.Title)
            .ToList();
        var uploaders = documents.Select(d => d.UploadedById).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => uploaders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        await audit.RecordNowAsync(actor, AuditActions.DocumentsListed, review.BoardId, "review", reviewId.ToString(),
            $"documents={documents.Count}", cancellationToken);
        return new DocumentList(review.Id, review.Reference, review.BoardId, access,
            documents.Select(d => new DocumentRow(d, names.GetValueOrDefault(d.UploadedById, "Unknown"), ReadBy(review, d.Audience, d.AgencyId))).ToList(),
            ReviewAccessRules.DocumentAudiencesFor(principal, access, review)
                .Select(a => new DocumentAudienceChoice(a.Audience, a.AgencyId, ReadBy(review, a.Audience, a.AgencyId))).ToList());
    }

    /// <summary>
    /// Adds a document: the title and the audience are checked, the file is staged and checked by content
    /// (<see cref="DocumentContentRules"/>), then kept and recorded with its audit entry. Anything refused leaves nothing
    /// behind: no row, no file; a file kept whose row could not be saved is removed again.
    /// </summary>
    public async Task<DocumentRow> UploadAsync(Guid reviewId, DocumentUpload upload, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var (review, access) = await CaseAsync(reviewId, principal, cancellationToken);
        var audiences = ReviewAccessRules.DocumentAudiencesFor(principal, access, review);
        if (audiences.Count == 0)
        {
            throw new ForbiddenException(review.Status == ReviewStatus.Closed
                ? "The review is closed: documents can no longer be added."
                : "You cannot add documents to this case.");
        }
        if (upload.AttachedTo == DocumentAttachment.AgencyReport)
        {
            upload = await ForAgencyReportAsync(review, access, upload, principal, cancellationToken);
        }
        var problems = new List<RuleProblem>();
        var title = upload.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            problems.Add(new("title", "Enter a title for the document"));
        }
        else if (title.Length > CaseDocument.TitleMaxLength)
        {
            problems.Add(new("title", $"Title must be {CaseDocument.TitleMaxLength} characters or fewer"));
        }
        var agencyId = upload.Audience == DocumentAudience.Agency ? upload.AgencyId : null;
        if (upload.Audience is not { } audience)
        {
            problems.Add(new("audience", "Select who can read the document"));
        }
        else if (!ReviewAccessRules.MayUploadDocument(principal, access, review, audience, agencyId))
        {
            if (access == ReviewAccess.AgencySummary && agencyId is { } other && review.Agencies.Any(a => a.AgencyId == other))
            {
                throw new ForbiddenException("You can only add documents for your own agency.");
            }
            problems.Add(new("audience", "Select who can read the document"));
        }
        if (upload.Content is null || string.IsNullOrWhiteSpace(upload.FileName))
        {
            problems.Add(new("file", "Select a file to upload"));
        }
        RuleViolationException.ThrowIfAny(problems);

        await using var staged = await store.StageAsync(upload.Content!, Limits.MaxBytes, cancellationToken);
        DocumentCheck check;
        await using (var content = staged.OpenRead())
        {
            check = DocumentContentRules.Check(upload.FileName, content, Limits);
        }
        if (check.Problem is { } problem)
        {
            throw new RuleViolationException([new RuleProblem("file", problem)]);
        }
        var id = Guid.NewGuid();
        var key = FileSystemDocumentStore.KeyFor(id);
        var document = CaseDocument.Create(id, review.Id, upload.AttachedTo, upload.AttachedItemId, title!, DocumentNames.Sanitise(upload.FileName),
            check.Type!.Value, staged.Length, staged.Sha256, key, upload.Audience!.Value, agencyId, principal.UserId, clock.GetUtcNow());
        db.CaseDocuments.Add(document);
        audit.Record(actor, AuditActions.DocumentUploaded, review.BoardId, "document", id.ToString(),
            $"review={review.Id}; type={document.Type}; size={document.Size}; sha256={document.Sha256}; audience={document.Audience}"
            + (agencyId is { } agency ? $"; agency={agency}" : ""));
        await staged.CommitAsync(key, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // The row is not there, so neither may its file be, nor its audit entry wait for a later save.
            db.DiscardUnsaved();
            Forget(key);
            throw;
        }
        return new DocumentRow(document, principal.Name, ReadBy(review, document.Audience, document.AgencyId));
    }

    /// <summary>
    /// Opens a document for someone who may read it (otherwise it is not found, as a guessed id is). The download is
    /// written to the audit log before any of it is sent.
    /// </summary>
    public async Task<DocumentDownload> OpenAsync(Guid reviewId, Guid documentId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var (review, access) = await CaseAsync(reviewId, principal, cancellationToken);
        var document = await db.CaseDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ReviewId == reviewId, cancellationToken);
        if (document is null || !ReviewAccessRules.MayReadDocument(principal, access, review, document.Audience, document.AgencyId))
        {
            throw new NotFoundException("The document");
        }
        var content = store.OpenRead(document.StorageKey);
        try
        {
            await audit.RecordNowAsync(actor, AuditActions.DocumentDownloaded, review.BoardId, "document", document.Id.ToString(),
                $"review={review.Id}; size={document.Size}", cancellationToken);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
        return new DocumentDownload(document, content, DocumentContentRules.MediaType(document.Type));
    }

    /// <summary>The case with what decides access to its documents (team, agencies), or not found.</summary>
    /// <summary>
    /// A document attached to an agency's report is for that agency (and the board and the review team), whatever was asked;
    /// those who may not add a document for that agency do not learn the report exists.
    /// </summary>
    private async Task<DocumentUpload> ForAgencyReportAsync(Review review, ReviewAccess access, DocumentUpload upload, Principal principal,
        CancellationToken cancellationToken)
    {
        var agencyId = await db.Set<AgencyReport>().AsNoTracking().Where(r => r.Id == upload.AttachedItemId && r.ReviewId == review.Id)
            .Select(r => (Guid?)r.AgencyId).FirstOrDefaultAsync(cancellationToken);
        if (agencyId is null || !ReviewAccessRules.MayUploadDocument(principal, access, review, DocumentAudience.Agency, agencyId))
        {
            throw new NotFoundException("The agency report");
        }
        return upload with { Audience = DocumentAudience.Agency, AgencyId = agencyId };
    }

    private async Task<(Review Review, ReviewAccess Access)> CaseAsync(Guid reviewId, Principal principal, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking()
            .Include(r => r.Team)
            .Include(r => r.Agencies).ThenInclude(a => a.Agency)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken)
            ?? throw new NotFoundException("The case");
        var access = ReviewAccessRules.For(principal, ReviewAccessFacts.Of(review));
        return access == ReviewAccess.None ? throw new NotFoundException("The case") : (review, access);
    }

    /// <summary>Who reads a document, in words.</summary>
    private static string ReadBy(Review review, DocumentAudience audience, Guid? agencyId) => audience == DocumentAudience.Agency
        ? $"{review.Agencies.FirstOrDefault(a => a.AgencyId == agencyId)?.Agency?.Name ?? "The agency"}, the board and the review team"
        : "The board and the review team";

    private void Forget(string key)
    {
        try
        {
            store.Delete(key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogError(e, "Could not remove document file {Key} after its record failed to save; no record refers to it.", key);
        }
    }
}
