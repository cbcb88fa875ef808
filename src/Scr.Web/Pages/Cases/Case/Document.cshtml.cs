using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Services.Documents;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Case;

/// <summary>
/// Sends one document to someone who may read it (the service checks, per document, and audits the download): always
/// as an attachment, with the type found in its content and no sniffing, so a browser never shows it as a page of
/// this site. A document the person may not read is not found.
/// </summary>
public class DocumentModel(CurrentUser me, DocumentService documents) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid DocId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var download = await documents.OpenAsync(Id, DocId, await me.GetAsync(), me.Actor, HttpContext.RequestAborted);
        return Send(Response, download);
    }

    /// <summary>The file as an attachment (Content-Disposition with its name, ASCII and UTF-8), for the page and the API.</summary>
    public static FileStreamResult Send(HttpResponse response, DocumentDownload download)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        return new FileStreamResult(download.Content, download.MediaType) { FileDownloadName = download.Document.FileName };
    }
}
