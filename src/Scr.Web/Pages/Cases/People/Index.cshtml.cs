using Scr.Core.Services.People;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.People;

/// <summary>
/// The people of the review (seed 000 stage 3; seed 003 §6.5; WT2006 8.27): practitioner interviews and where each record
/// stands, staff support meetings with any agency missing its start or end meeting, and the family members with their
/// involvement. Never a family's contact details. An involved agency sees its own staff support meetings only.
/// </summary>
public class IndexModel(CurrentUser me, PeopleService people) : PeoplePageModel(me, people)
{
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Banner { get; set; }

    public async Task OnGetAsync() => await LoadAsync();
}
