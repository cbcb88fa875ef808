using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Services;
using Scr.Core.Services.Organisations;
using Scr.Web.Security;

namespace Scr.Web.Pages.Admin.Organisations;

/// <summary>Boards, agencies and the National Panel, for a system administrator.</summary>
public class IndexModel(CurrentUser me, OrganisationService organisations) : PageModel
{
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public string BoardNames(Organisation agency) =>
        string.Join(", ", agency.BoardsServed.Select(b => Organisations.FirstOrDefault(o => o.Id == b.BoardId)?.Name).OfType<string>().Order());

    public async Task OnGetAsync()
    {
        if (!(await me.GetAsync()).IsSystemAdministrator)
        {
            throw new ForbiddenException("Only a system administrator manages organisations.");
        }
        Organisations = await organisations.ListAsync();
    }
}
