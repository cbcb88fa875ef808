using Microsoft.AspNetCore.Mvc;
using Scr.Core.Services;
using Scr.Core.Services.Genogram;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Genogram;

/// <summary>The pages with the household form (add and change).</summary>
public abstract class HouseholdFormPageModel(CurrentUser me, GenogramService genograms) : GenogramPageModel(me, genograms)
{
    [BindProperty]
    public HouseholdForm Input { get; set; } = new();

    public sealed class HouseholdForm
    {
        public string? Name { get; set; }
        public List<string> Members { get; set; } = [];
    }

    protected GenogramHouseholdInput Household => new(Input.Name, Input.Members);
}

public class AddHouseholdModel(CurrentUser me, GenogramService genograms) : HouseholdFormPageModel(me, genograms)
{
    public Task OnGetAsync() => LoadForEditAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadForEditAsync();
        return await SaveAsync(principal => Genograms.AddHouseholdAsync(Id, Household, Version, principal, Me.Actor), $"{Input.Name?.Trim()} added.");
    }
}

/// <summary>Changes a household's name or who lives there (it is removed from the genogram's page).</summary>
public class ChangeHouseholdModel(CurrentUser me, GenogramService genograms) : HouseholdFormPageModel(me, genograms)
{
    [FromRoute]
    public int Index { get; set; }

    public async Task OnGetAsync()
    {
        await LoadHouseholdAsync();
        var household = Family.Households[Index];
        Input = new HouseholdForm { Name = household.Name, Members = household.Members.ToList() };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadHouseholdAsync();
        return await SaveAsync(principal => Genograms.ChangeHouseholdAsync(Id, Index, Household, Version, principal, Me.Actor), $"{Input.Name?.Trim()} changed.");
    }

    private async Task LoadHouseholdAsync()
    {
        await LoadForEditAsync();
        if (Index < 0 || Index >= Family.Households.Count)
        {
            throw new NotFoundException("The household");
        }
    }
}
