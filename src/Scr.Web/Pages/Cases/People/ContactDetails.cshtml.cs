using Microsoft.AspNetCore.Mvc;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.People;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.People;

/// <summary>
/// A family member's address, phone and email: the most sensitive facts the service holds. Shown only to the business
/// unit and the team member who meets them; each showing writes an audit entry of its own. Those who see them keep them
/// up to date here.
/// </summary>
public class ContactDetailsModel(CurrentUser me, PeopleService people) : PeoplePageModel(me, people)
{
    [FromRoute]
    public Guid MemberId { get; set; }

    [BindProperty]
    public DetailsForm Input { get; set; } = new();

    [TempData]
    public string? Banner { get; set; }

    public ContactDetailsView Details { get; private set; } = null!;

    public sealed class DetailsForm
    {
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
    }

    private async Task LoadDetailsAsync()
    {
        Details = await PeopleService.ContactDetailsAsync(Id, MemberId, await Me.GetAsync(), Me.Actor);
        People = Details.Family.People;
    }

    public async Task OnGetAsync()
    {
        await LoadDetailsAsync();
        Input = new DetailsForm { Address = Details.Address, Phone = Details.Phone, Email = Details.Email };
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadDetailsAsync();
        try
        {
            await PeopleService.ChangeContactDetailsAsync(Id, MemberId, Input.Address, Input.Phone, Input.Email, Version, await Me.GetAsync(), Me.Actor);
            Banner = "Contact details saved.";
            return Redirect($"{PeoplePath}/family/{MemberId}");
        }
        catch (RuleViolationException e)
        {
            AddProblems(e.Problems);
            return Page();
        }
        catch (StaleEditException e)
        {
            Stale(e);
            return Page();
        }
    }
}
