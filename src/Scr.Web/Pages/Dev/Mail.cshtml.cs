using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scr.Core.Services.Email;

namespace Scr.Web.Pages.Dev;

/// <summary>
/// Development only: the emails the site would have sent (invitations, resets), read from the pickup folder, so a
/// newcomer can follow an invitation without a mail server. Outside Development the page does not exist.
/// </summary>
public class MailModel(IWebHostEnvironment environment, IOptions<SmtpSettings> smtp) : PageModel
{
    public IReadOnlyList<PickupFolder.Item> Messages { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!environment.IsDevelopment() || string.IsNullOrEmpty(smtp.Value.PickupDirectory))
        {
            return NotFound();
        }
        Messages = PickupFolder.Read(smtp.Value.PickupDirectory);
        return Page();
    }
}
