using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Services.ChronologyReview;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Chronology;

/// <summary>
/// The integrated chronology as the reader sees it, with the page's filters, as XLSX or DOCX: watermarked with their name
/// and the date, and audited.
/// </summary>
public class ExportModel(CurrentUser me, ChronologyService chronologies) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public string Format { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid? agency, string? from, string? to, ContactType? contact, ChildSeen? seen, Guid? episode)
    {
        var format = Format == "docx" ? ChronologyExportFormat.Docx : ChronologyExportFormat.Xlsx;
        var filter = new ChronologyFilter(agency, IndexModel.ReadDate(from, out _), IndexModel.ReadDate(to, out _), contact, seen, episode);
        var export = await chronologies.ExportAsync(Id, filter, format, await me.GetAsync(), me.Actor);
        return File(export.Content, export.ContentType, export.FileName);
    }
}
