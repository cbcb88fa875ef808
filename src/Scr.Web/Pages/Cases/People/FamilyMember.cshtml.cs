using Microsoft.AspNetCore.Mvc;
using Scr.Core.Services.People;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.People;

/// <summary>
/// A family member: their involvement and the log of every contact with them. Their contact details are not on this
/// page: those allowed to see them open them on a page of their own, and each opening is audited.
/// </summary>
public class FamilyMemberModel(CurrentUser me, PeopleService people) : PeoplePageModel(me, people)
{
    [FromRoute]
    public Guid MemberId { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public FamilyMemberView Family { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Family = await PeopleService.GetFamilyMemberAsync(Id, MemberId, await Me.GetAsync(), Me.Actor);
        People = Family.People;
    }
}
