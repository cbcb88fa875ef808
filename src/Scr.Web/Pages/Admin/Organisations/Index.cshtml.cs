using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Services.Organisations;

namespace Scr.Web.Pages.Admin.Organisations;

/// <summary>Boards, agencies and the National Panel, for a system administrator (the folder's permission).</summary>
public class IndexModel(OrganisationService organisations) : PageModel
{
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public string BoardNames(Organisation agency) =>
        string.Join(", ", agency.BoardsServed.Select(b => Organisations.FirstOrDefault(o => o.Id == b.BoardId)?.Name).OfType<string>().Order());

    public async Task OnGetAsync()
    {
        Organisations = await organisations.ListAsync();
    }
}
