using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Chronology;
using Scr.Core.Services.Reviews;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.Chronology;

/// <summary>
/// An entry typed on the template's columns, without JavaScript: the form shared by adding and changing one. The entry
/// is checked as an imported row is (<see cref="ChronologyEntryBuilder"/>) and the core's problems come back beside the
/// fields.
/// </summary>
public abstract class EntryPageModel : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public EntryForm Input { get; set; } = new();

    public ReviewView View { get; protected set; } = null!;
    public Review Review => View.Review;

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

        /// <summary>A stored entry as the form shows it, as the template writes it.</summary>
        public static EntryForm Of(ChronologyEntry entry) => new()
        {
            Date = ChronologyDates.FormatDate(entry.When),
            Time = entry.Time is { } time ? ChronologyDates.FormatTime(time) : null,
            Approximate = ChronologyTemplate.YesNo[entry.Approximate ? 0 : 1],
            PractitionerRole = entry.PractitionerRole,
            ContactType = Labels.Of(entry.ContactType),
            Present = entry.Present,
            ChildSeen = Labels.Of(entry.ChildSeen),
            Wishes = Labels.Of(entry.Wishes),
            WishesText = entry.WishesText,
            WhatHappened = entry.WhatHappened,
            DecisionOrAction = entry.DecisionOrAction,
            SourceDocument = entry.SourceDocument,
        };
    }

    /// <summary>Puts the core's problems, keyed by the template's column keys, beside the form's fields.</summary>
    protected void AddProblems(RuleViolationException e) => AddProblems(e.Problems);

    /// <inheritdoc cref="AddProblems(RuleViolationException)"/>
    protected void AddProblems(IEnumerable<RuleProblem> problems)
    {
        foreach (var problem in problems)
        {
            ModelState.AddModelError(FieldOf(problem.Field ?? ""), problem.Message);
        }
    }

    /// <summary>The form field of a template column's key.</summary>
    private static string FieldOf(string key) => ChronologyTemplate.Columns.FirstOrDefault(c => c.Key == key)?.Column is { } column
        ? "Input." + column switch
        {
            ChronologyColumn.Wishes => nameof(EntryForm.Wishes),
            _ => column.ToString(),
        }
        : "";
}
