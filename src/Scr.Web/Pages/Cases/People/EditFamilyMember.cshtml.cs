using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.People;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.People;

/// <summary>Changes a family member's involvement: invitation, consent, who meets them, what was shared, their feedback.</summary>
public class EditFamilyMemberModel(CurrentUser me, PeopleService people) : FamilyFormPageModel(me, people)
{
    [FromRoute]
    public Guid MemberId { get; set; }

    public FamilyMember Member { get; private set; } = null!;

    private async Task LoadMemberAsync()
    {
        await LoadAsync();
        RequireRecorder();
        Member = People.Family.FirstOrDefault(m => m.Id == MemberId) ?? throw new NotFoundException("The family member");
    }

    public async Task OnGetAsync()
    {
        await LoadMemberAsync();
        Input = FamilyMemberForm.From(Member);
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadMemberAsync();
        var input = Input.Read(ModelState);
        if (input is null)
        {
            return Page();
        }
        try
        {
            await PeopleService.ChangeFamilyMemberAsync(Id, MemberId, input, Version, await Me.GetAsync(), Me.Actor);
            TempData["Banner"] = "Saved.";
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
