using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Genogram;
using Scr.Core.Services;
using Scr.Core.Services.Genogram;
using Scr.Web.Pages.Cases.Timetable;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.Genogram;

/// <summary>
/// What every form of the genogram shares: the genogram by name (the read is audited; <see cref="GenogramService"/>
/// refuses those who may not see it), the version the person read, and saving a change with the core's refusals put
/// beside the form's fields.
/// </summary>
public abstract class GenogramPageModel(CurrentUser me, GenogramService genograms) : PageModel
{
    protected CurrentUser Me { get; } = me;
    protected GenogramService Genograms { get; } = genograms;

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The version of the genogram the person read, so a change made meanwhile is not overwritten.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public GenogramView Genogram { get; private set; } = null!;
    public Review Review => Genogram.Review;
    public GenogramFamily Family => Genogram.Family;

    public string GenogramPath => $"/cases/{Id}/genogram";

    /// <summary>Loads the genogram for a form; refuses anyone who may not change it.</summary>
    protected async Task LoadForEditAsync()
    {
        Genogram = await Genograms.GetAsync(Id, anonymised: false, await Me.GetAsync(), Me.Actor);
        if (!Genogram.MayEdit)
        {
            throw new ForbiddenException(Review.IsOpen
                ? "Only the business unit and the review team change the genogram."
                : "The review is closed: its genogram can no longer change.");
        }
        if (Request.Method == "GET")
        {
            Version = Genogram.Version;
        }
    }

    /// <summary>
    /// Saves a change and goes back to the genogram with a banner; or shows the form again with the core's problems beside
    /// its fields, or, when someone else changed the genogram meanwhile, with that said and the new version to retry on.
    /// </summary>
    protected async Task<IActionResult> SaveAsync(Func<Principal, Task> change, string banner, string prefix = "Input")
    {
        try
        {
            await change(await Me.GetAsync());
            TempData["Banner"] = banner;
            return Redirect(GenogramPath);
        }
        catch (RuleViolationException e)
        {
            // The genogram as read for this request is shown again: nothing was changed.
            ModelState.AddRuleProblems(e.Problems, prefix);
            return Page();
        }
        catch (StaleEditException e)
        {
            ModelState.AddModelError("", e.Message);
            await LoadForEditAsync();
            Version = Genogram.Version;
            return Page();
        }
    }

    /// <summary>The people of the genogram, for a select: a first "choose" option, then each by name.</summary>
    public IEnumerable<SelectListItem> PersonChoices(string? selected) =>
        Family.People.Select(p => new SelectListItem(p.Name, p.Key, p.Key == selected)).Prepend(new SelectListItem("Select a person", ""));

    public IEnumerable<RadioItem> PersonItems => Family.People.Select(p => new RadioItem(p.Key, p.Name, p.Role));
}

/// <summary>The person form (add and change): a date of birth or an age, not both.</summary>
public sealed class GenogramPersonForm
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    public Sex? Sex { get; set; }

    public DateInputModel DateOfBirth { get; set; } = new();

    public string? AgeYears { get; set; }

    public bool? Deceased { get; set; }

    public bool? IsSubject { get; set; }

    public static IEnumerable<RadioItem> SexItems =>
    [
        new(nameof(Core.Models.Sex.Female), "Female", "Drawn as a circle"),
        new(nameof(Core.Models.Sex.Male), "Male", "Drawn as a square"),
        new(nameof(Core.Models.Sex.NotKnown), "Not known", "Drawn as a diamond"),
    ];

    public static IEnumerable<RadioItem> YesNoItems => [new("true", "Yes"), new("false", "No")];

    public static GenogramPersonForm From(GenogramPerson person) => new()
    {
        Name = person.Name,
        Role = person.Role,
        Sex = person.Sex,
        DateOfBirth = DateInputModel.From(person.DateOfBirth),
        AgeYears = person.AgeYears?.ToString(CultureInfo.InvariantCulture),
        Deceased = person.Deceased,
        IsSubject = person.IsSubject,
    };

    public GenogramPersonInput? Read(ModelStateDictionary modelState, DateOnly today, string prefix = "Input")
    {
        var born = OptionalDate.Read(DateOfBirth, modelState, $"{prefix}.DateOfBirth", "the date of birth", today);
        int? age = null;
        if (!string.IsNullOrWhiteSpace(AgeYears))
        {
            if (int.TryParse(AgeYears.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var years))
            {
                age = years;
            }
            else
            {
                modelState.AddModelError($"{prefix}.AgeYears", "Enter the age as a whole number of years, like 42");
            }
        }
        return modelState.IsValid ? new GenogramPersonInput(Name, Role, Sex, born, age, Deceased == true, IsSubject == true) : null;
    }
}
