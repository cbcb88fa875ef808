using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Chronology;
using Scr.Core.Services.ChronologyReview;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.Chronology;

/// <summary>
/// An agency types an entry of its own chronology, on the template's columns, without JavaScript. The entry is checked as
/// an imported row is (<see cref="ChronologyEntryBuilder"/>) and joins the agency's current version.
/// </summary>
public class AddEntryModel(CurrentUser me, ChronologyService chronologies) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? AgencyId { get; set; }

    [BindProperty]
    public EntryForm Input { get; set; } = new();

    public ReviewView View { get; private set; } = null!;
    public Review Review => View.Review;
    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];
    public IEnumerable<RadioItem> AgencyItems => ChronologyAgencies.Items(Agencies);

    public static IEnumerable<SelectListItem> ContactItems =>
        Enum.GetValues<ContactType>().Select(t => new SelectListItem(Labels.Of(t), Labels.Of(t))).Prepend(new SelectListItem("Choose the kind of contact", ""));

    public static IEnumerable<RadioItem> SeenItems => new[] { ChildSeen.Yes, ChildSeen.No, ChildSeen.NotRecorded }.Select(s => new RadioItem(Labels.Of(s), Labels.Of(s)));

    public static IEnumerable<RadioItem> WishesItems => new[] { WishesAndFeelings.Recorded, WishesAndFeelings.NotRecorded }
        .Select(w => new RadioItem(Labels.Of(w), Labels.Of(w)));

    public static IEnumerable<RadioItem> YesNoItems => ChronologyTemplate.YesNo.Select(v => new RadioItem(v, v));

    /// <summary>The form's fields, by the template's columns.</summary>
    public sealed class EntryForm
    {
        public string? Date { get; set; }
        public string? Time { get; set; }
        public string? Approximate { get; set; } = "No";
        public string? PractitionerRole { get; set; }
        public string? ContactType { get; set; }
        public string? Present { get; set; }
        public string? ChildSeen { get; set; }
        public string? Wishes { get; set; } = "Not recorded";
        public string? WishesText { get; set; }
        public string? WhatHappened { get; set; }
        public string? DecisionOrAction { get; set; }
        public string? SourceDocument { get; set; }

        public IReadOnlyDictionary<ChronologyColumn, string?> Cells => new Dictionary<ChronologyColumn, string?>
        {
            [ChronologyColumn.Date] = Date,
            [ChronologyColumn.Time] = Time,
            [ChronologyColumn.Approximate] = Approximate,
            [ChronologyColumn.PractitionerRole] = PractitionerRole,
            [ChronologyColumn.ContactType] = ContactType,
            [ChronologyColumn.Present] = Present,
            [ChronologyColumn.ChildSeen] = ChildSeen,
            [ChronologyColumn.Wishes] = Wishes,
            [ChronologyColumn.WishesText] = WishesText,
            [ChronologyColumn.WhatHappened] = WhatHappened,
            [ChronologyColumn.DecisionOrAction] = DecisionOrAction,
            [ChronologyColumn.SourceDocument] = SourceDocument,
        };
    }

    /// <summary>The form field of a template column's key.</summary>
    private static string FieldOf(string key) => ChronologyTemplate.Columns.FirstOrDefault(c => c.Key == key)?.Column is { } column
        ? "Input." + column switch
        {
            ChronologyColumn.Wishes => nameof(EntryForm.Wishes),
            _ => column.ToString(),
        }
        : "";

    private async Task PrepareAsync()
    {
        var principal = await me.GetAsync();
        var (view, _) = await chronologies.ForEditAsync(Id, principal);
        View = view;
        Agencies = ChronologyAgencies.Of(view.Review, ReviewAccessRules.ChronologyAgenciesEditableBy(principal, view.Review));
    }

    public async Task OnGetAsync() => await PrepareAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await PrepareAsync();
        var agencyId = ChronologyAgencies.Chosen(Agencies, AgencyId, ModelState, nameof(AgencyId));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await chronologies.AddEntryAsync(Id, agencyId!.Value, Input.Cells, await me.GetAsync(), me.Actor);
            TempData["Banner"] = "The entry has been added.";
            return Redirect($"/cases/{Id}/chronology");
        }
        catch (RuleViolationException e)
        {
            foreach (var problem in e.Problems)
            {
                ModelState.AddModelError(FieldOf(problem.Field ?? ""), problem.Message);
            }
            return Page();
        }
    }
}
