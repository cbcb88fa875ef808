using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.People;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.People;

/// <summary>Logs a contact with a family member: when, by whom, how, and what was said.</summary>
public class LogContactModel(CurrentUser me, PeopleService people) : PeoplePageModel(me, people)
{
    [FromRoute]
    public Guid MemberId { get; set; }

    [BindProperty]
    public ContactForm Input { get; set; } = new();

    public FamilyMember Member { get; private set; } = null!;

    public sealed class ContactForm
    {
        public DateInputModel On { get; set; } = new();

        public Guid? ById { get; set; }

        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Select how the contact was made")]
        public FamilyContactMethod? Method { get; set; }

        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Summarise the contact")]
        [System.ComponentModel.DataAnnotations.StringLength(FamilyContact.SummaryMaxLength, ErrorMessage = "The summary must be 4,000 characters or fewer")]
        public string? Summary { get; set; }
    }

    public static IEnumerable<RadioItem> MethodItems => Enum.GetValues<FamilyContactMethod>().Select(m => new RadioItem(m.ToString(), Labels.Of(m)));

    private async Task LoadMemberAsync()
    {
        await LoadAsync();
        RequireRecorder();
        Member = People.Family.FirstOrDefault(m => m.Id == MemberId) ?? throw new NotFoundException("The family member");
    }

    public async Task OnGetAsync()
    {
        await LoadMemberAsync();
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadMemberAsync();
        var on = Input.On.Validate(ModelState, "Input.On", "the date of the contact", People.Today);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await PeopleService.LogContactAsync(Id, MemberId, new FamilyContactInput(on, Input.ById, Input.Method, Input.Summary), Version,
                await Me.GetAsync(), Me.Actor);
            TempData["Banner"] = "Contact logged.";
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
