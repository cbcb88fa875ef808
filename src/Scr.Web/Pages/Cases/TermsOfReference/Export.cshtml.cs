using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Services.TermsOfReference;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.TermsOfReference;

/// <summary>
/// A signed-off version of the terms of reference as a Word document, for anyone who may read it; the export is audited.
/// A draft does not export (not found).
/// </summary>
public class ExportModel(CurrentUser me, TermsOfReferenceService terms) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, int number)
    {
        var file = await terms.ExportAsync(id, number, await me.GetAsync(), me.Actor);
        return File(file.Content, TermsOfReferenceFile.ContentType, file.FileName);
    }
}
