using Scr.Core.Rules;

namespace Scr.Core.Models;

/// <summary>The kinds of file the service accepts, as detected from their content (never from their name).</summary>
public enum DocumentType
{
    Pdf,
    Word,
    Excel,
    Png,
    Jpeg,
}

/// <summary>
/// What a document is attached to: the case itself, or one of its items (later: an agency report, an interview record,
/// the terms of reference), named by <see cref="CaseDocument.AttachedItemId"/>.
/// </summary>
public enum DocumentAttachment
{
    Case,

    /// <summary>An agency's report (<see cref="CaseDocument.AttachedItemId"/> is the report's id), for that agency to read.</summary>
    AgencyReport,
}

/// <summary>Who may read a document, besides those it is always open to (see <see cref="ReviewAccessRules.MayReadDocument"/>).</summary>
public enum DocumentAudience
{
    /// <summary>The board's business unit, chair and sub-group, and the review team.</summary>
    CaseTeam,

    /// <summary>One agency (<see cref="CaseDocument.AgencyId"/>) as well as the board and the review team.</summary>
    Agency,
}

/// <summary>
/// A file uploaded to a case: its facts here, its bytes in the document store under <see cref="StorageKey"/> (never the
/// name the person gave it). Documents are not edited: a corrected file is a new document.
/// </summary>
public class CaseDocument
{
    public const int TitleMaxLength = 200;

    private CaseDocument()
    {
        Title = "";
        FileName = "";
        Sha256 = "";
        StorageKey = "";
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public DocumentAttachment AttachedTo { get; private set; }

    /// <summary>The item of the case the document belongs to; null when it belongs to the case itself.</summary>
    public Guid? AttachedItemId { get; private set; }
    public string Title { get; private set; }

    /// <summary>The name the file had when uploaded, made safe to show and to offer on download (<see cref="Rules.Documents.DocumentNames"/>).</summary>
    public string FileName { get; private set; }

    /// <summary>The type found in the file's content.</summary>
    public DocumentType Type { get; private set; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; private set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; private set; }

    /// <summary>Where the document store keeps the content.</summary>
    public string StorageKey { get; private set; }
    public DocumentAudience Audience { get; private set; }

    /// <summary>The agency that may read it, when <see cref="Audience"/> is <see cref="DocumentAudience.Agency"/>.</summary>
    public Guid? AgencyId { get; private set; }
    public Guid UploadedById { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    public static CaseDocument Create(Guid id, Guid reviewId, DocumentAttachment attachedTo, Guid? attachedItemId, string title, string fileName,
        DocumentType type, long size, string sha256, string storageKey, DocumentAudience audience, Guid? agencyId, Guid uploadedById,
        DateTimeOffset uploadedAt)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new RuleViolationException("Enter a title for the document.");
        }
        if ((audience == DocumentAudience.Agency) != (agencyId is not null))
        {
            throw new RuleViolationException("A document for an agency names that agency, and only then.");
        }
        if (attachedTo == DocumentAttachment.Case && attachedItemId is not null)
        {
            throw new RuleViolationException("A document attached to the case names no other item.");
        }
        if (attachedTo != DocumentAttachment.Case && attachedItemId is null)
        {
            throw new RuleViolationException("A document attached to an item of the case names the item.");
        }
        return new CaseDocument
        {
            Id = id,
            ReviewId = reviewId,
            AttachedTo = attachedTo,
            AttachedItemId = attachedItemId,
            Title = title.Trim(),
            FileName = fileName,
            Type = type,
            Size = size,
            Sha256 = sha256,
            StorageKey = storageKey,
            Audience = audience,
            AgencyId = agencyId,
            UploadedById = uploadedById,
            UploadedAt = uploadedAt,
        };
    }
}
