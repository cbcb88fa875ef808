using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Reviewers;
using Scr.Web.Security;

namespace Scr.Web.Pages.Reviewers;

/// <summary>
/// A reviewer's entry on the register, as boards' business units and chairs read it (and the reviewer, and those they
/// are paired with for mentoring). The read is audited.
/// </summary>
public class ProfileModel(CurrentUser me, ReviewerRegisterService register, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public ReviewerProfileView View { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        View = await register.GetAsync(Id, await me.GetAsync(), me.Actor);
        Today = UkTime.DateOf(clock.GetUtcNow());
    }
}
