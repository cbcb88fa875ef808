using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Services.Chronology;
using Scr.Core.Services.ChronologyReview;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Chronology;

/// <summary>The empty chronology template as XLSX, with its lists and guidance (the core writer), for those who enter a chronology.</summary>
public class TemplateModel(CurrentUser me, ChronologyService chronologies) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await chronologies.ForEditAsync(Id, await me.GetAsync());
        var stream = new MemoryStream();
        ChronologyWriter.WriteTemplate(stream, ChronologyFileFormat.Xlsx);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "chronology-template.xlsx");
    }
}
