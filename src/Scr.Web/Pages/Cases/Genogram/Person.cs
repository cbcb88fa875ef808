using Microsoft.AspNetCore.Mvc;
using Scr.Core.Rules.Genogram;
using Scr.Core.Services;
using Scr.Core.Services.Genogram;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Genogram;

/// <summary>The pages with the person form (add and change).</summary>
public abstract class PersonFormPageModel(CurrentUser me, GenogramService genograms) : GenogramPageModel(me, genograms)
{
    [BindProperty]
    public GenogramPersonForm Input { get; set; } = new();
}

/// <summary>
/// Adds a person to the genogram. While it is empty the form starts as the child the review is about (the family needs
/// one), with the child's name from the notification.
/// </summary>
public class AddPersonModel(CurrentUser me, GenogramService genograms) : PersonFormPageModel(me, genograms)
{
    public async Task OnGetAsync()
    {
        await LoadForEditAsync();
        if (Genogram.IsEmpty)
        {
            var child = Review.Children.FirstOrDefault();
            Input = new GenogramPersonForm { Name = child?.Name, Role = "Subject child", Sex = child?.Sex, IsSubject = true, Deceased = false };
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadForEditAsync();
        var input = Input.Read(ModelState, Genogram.Today);
        if (input is null)
        {
            return Page();
        }
        return await SaveAsync(async principal => await Genograms.AddPersonAsync(Id, input, Version, principal, Me.Actor), $"{input.Name?.Trim()} added.");
    }
}

/// <summary>Changes a person of the genogram, or removes them with their relationships and household places.</summary>
public class ChangePersonModel(CurrentUser me, GenogramService genograms) : PersonFormPageModel(me, genograms)
{
    [FromRoute]
    public string Key { get; set; } = "";

    public GenogramPerson Person { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        await LoadPersonAsync();
        Input = GenogramPersonForm.From(Person);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadPersonAsync();
        var input = Input.Read(ModelState, Genogram.Today);
        if (input is null)
        {
            return Page();
        }
        return await SaveAsync(async principal => await Genograms.ChangePersonAsync(Id, Key, input, Version, principal, Me.Actor), $"{input.Name?.Trim()} changed.");
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        await LoadPersonAsync();
        ModelState.Clear();
        Input = GenogramPersonForm.From(Person);
        return await SaveAsync(async principal => await Genograms.RemovePersonAsync(Id, Key, Version, principal, Me.Actor), $"{Person.Name} removed.");
    }

    private async Task LoadPersonAsync()
    {
        await LoadForEditAsync();
        Person = Genogram.Person(Key) ?? throw new NotFoundException("The person");
    }
}
