using Microsoft.AspNetCore.Mvc;
using Scr.Core.Rules;
using Scr.Core.Rules.Genogram;
using Scr.Core.Services.Genogram;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.Genogram;

/// <summary>Adds a couple: two people of the genogram who are, or were, together.</summary>
public class AddCoupleModel(CurrentUser me, GenogramService genograms) : GenogramPageModel(me, genograms)
{
    [BindProperty]
    public CoupleForm Input { get; set; } = new();

    public sealed class CoupleForm
    {
        public string? First { get; set; }
        public string? Second { get; set; }
        public CoupleKind? Kind { get; set; }
    }

    public static IEnumerable<RadioItem> KindItems => Enum.GetValues<CoupleKind>().Select(k => new RadioItem(k.ToString(), Labels.Of(k)));

    public Task OnGetAsync() => LoadForEditAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadForEditAsync();
        return await SaveAsync(principal => Genograms.AddCoupleAsync(Id, new GenogramCoupleInput(Input.First, Input.Second, Input.Kind), Version, principal, Me.Actor),
            "The couple is added.");
    }
}

/// <summary>Adds a parent and child: birth, step, adoptive or foster.</summary>
public class AddParentModel(CurrentUser me, GenogramService genograms) : GenogramPageModel(me, genograms)
{
    [BindProperty]
    public ParentForm Input { get; set; } = new();

    public sealed class ParentForm
    {
        public string? Parent { get; set; }
        public string? Child { get; set; }
        public ParentKind? Kind { get; set; }
    }

    public static IEnumerable<RadioItem> KindItems => Enum.GetValues<ParentKind>().Select(k => new RadioItem(k.ToString(), Labels.Of(k)));

    public Task OnGetAsync() => LoadForEditAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadForEditAsync();
        return await SaveAsync(principal => Genograms.AddParentAsync(Id, new GenogramParentInput(Input.Parent, Input.Child, Input.Kind), Version, principal, Me.Actor),
            "The parent and child are linked.");
    }
}
