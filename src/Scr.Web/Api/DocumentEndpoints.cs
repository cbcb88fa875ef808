using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules.Documents;
using Scr.Core.Services.Documents;
using Scr.Web.Documents;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>
/// A case's documents: list those you may read, upload one (multipart/form-data) and download one. Each calls
/// <see cref="DocumentService"/>, which holds who may do what; what a file may be is <see cref="DocumentContentRules"/>'s.
/// </summary>
public static class DocumentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/cases/{id:guid}").WithTags("Documents");
        documents.MapGet("/documents", ListDocuments).WithName("ListDocuments").Refusals()
            .WithSummary("The case's documents you may read, newest first, and whom you may give a new one to")
            .WithDescription("The board (business unit, chair, sub-group) and the review team read every document; an involved agency "
                + "reads those for its own agency. uploadTo is empty when you may not add documents. The read of the list is written "
                + "to the audit log.");
        documents.MapPost("/documents", UploadDocument).WithName("UploadDocument").Refusals()
            .WithMetadata(new DocumentUploadAttribute())
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Add a document to the case (multipart/form-data: title, audience, agencyId, file)")
            .WithDescription("audience is CaseTeam (the board and the review team) or Agency (one involved agency, named by agencyId, as "
                + "well as the board and the team); an agency may add documents for itself only. The file is checked by its content, not "
                + "its name or content type: a PDF, Word (.docx), Excel (.xlsx), PNG or JPEG file whose name ends as its content says, "
                + "smaller than the configured limit (20MB by default), with no macros, and, for Word and Excel, not expanding beyond "
                + "safe limits when opened. Refused files are not kept: 400 names the field at fault (title, audience or file); a request "
                + "larger than the limit is refused with 413 before it is read. The upload is written to the audit log.");
        documents.MapGet("/documents/{documentId:guid}", DownloadDocument).WithName("DownloadDocument").Refusals()
            .Produces(StatusCodes.Status200OK, typeof(Stream), DocumentContentRules.MediaType(DocumentType.Pdf),
                [.. Enum.GetValues<DocumentType>().Skip(1).Select(DocumentContentRules.MediaType)])
            .WithSummary("Download a document (as an attachment, with the media type found in its content)")
            .WithDescription("For those who may read it; anyone else is told it does not exist. Every download is written to the audit log.");
    }

    private static async Task<Ok<DocumentListResponse>> ListDocuments(Guid id, CurrentUser me, DocumentService documents, CancellationToken cancellationToken)
    {
        var list = await documents.ListAsync(id, await me.GetAsync(cancellationToken), me.Actor, cancellationToken: cancellationToken);
        return TypedResults.Ok(new DocumentListResponse(
            list.Documents.Select(d => DocumentDetail.Of(d.Document, d.UploadedBy, d.ReadBy)).ToList(),
            list.UploadTo.Select(a => new DocumentAudienceDetail(a.Audience, a.AgencyId, a.Label)).ToList(),
            documents.Limits.MaxBytes,
            Enum.GetValues<DocumentType>().SelectMany(DocumentContentRules.Extensions).ToList()));
    }

    private static async Task<Results<Created<DocumentDetail>, ValidationProblem>> UploadDocument(Guid id, [FromForm] string? title,
        [FromForm] DocumentAudience? audience, [FromForm] Guid? agencyId, IFormFile? file, CurrentUser me, DocumentService documents,
        CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        await using var content = file?.OpenReadStream();
        var added = await documents.UploadAsync(id, new DocumentUpload(title, file?.FileName, content, audience, agencyId), principal, me.Actor,
            cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{id}/documents/{added.Document.Id}", DocumentDetail.Of(added.Document, added.UploadedBy, added.ReadBy));
    }

    private static async Task<FileStreamHttpResult> DownloadDocument(Guid id, Guid documentId, CurrentUser me, DocumentService documents, HttpContext http,
        CancellationToken cancellationToken)
    {
        var download = await documents.OpenAsync(id, documentId, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(download.Content, download.MediaType, download.Document.FileName);
    }
}

/// <summary>The documents you may read; whom you may give a new one to (empty: you may not add any); the largest file and the extensions accepted.</summary>
public sealed record DocumentListResponse(IReadOnlyList<DocumentDetail> Documents, IReadOnlyList<DocumentAudienceDetail> UploadTo, long MaxBytes,
    IReadOnlyList<string> Extensions);

/// <summary>An audience you may give a document: CaseTeam, or Agency with the agency's id.</summary>
public sealed record DocumentAudienceDetail(DocumentAudience Audience, Guid? AgencyId, string Label);

/// <summary>
/// One document: its title, the (sanitised) name it was uploaded with, the type found in its content, its size in bytes and
/// SHA-256, who may read it, who added it and when, what it is attached to, and where to download it.
/// </summary>
public sealed record DocumentDetail(Guid Id, string Title, string FileName, DocumentType Type, string MediaType, long Size, string Sha256,
    DocumentAudience Audience, Guid? AgencyId, string ReadBy, string UploadedBy, DateTimeOffset UploadedAt, DocumentAttachment AttachedTo,
    Guid? AttachedItemId, string Download)
{
    public static DocumentDetail Of(CaseDocument d, string uploadedBy, string readBy) =>
        new(d.Id, d.Title, d.FileName, d.Type, DocumentContentRules.MediaType(d.Type), d.Size, d.Sha256, d.Audience, d.AgencyId, readBy, uploadedBy,
            d.UploadedAt, d.AttachedTo, d.AttachedItemId, $"/api/v1/cases/{d.ReviewId}/documents/{d.Id}");
}
