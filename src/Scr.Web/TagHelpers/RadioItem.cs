using Microsoft.AspNetCore.Mvc.Rendering;

namespace Scr.Web.TagHelpers;

/// <summary>
/// One option of <c>&lt;govuk-radios&gt;</c> or <c>&lt;govuk-checkboxes&gt;</c>: a value, its label text and
/// an optional hint under the label. Those tag helpers also accept <see cref="SelectListItem"/>s.
/// </summary>
/// <param name="Value">The value posted when the option is chosen.</param>
/// <param name="Text">The option's label.</param>
/// <param name="Hint">Hint text under the label, if any.</param>
public sealed record RadioItem(string Value, string Text, string? Hint = null)
{
    /// <summary>The option cannot be chosen.</summary>
    public bool Disabled { get; init; }

    /// <summary>Chosen when the field has no current value (ModelState and the model have none).</summary>
    public bool Checked { get; init; }

    /// <summary>Checkboxes only: a "None" option that unticks the others (<c>data-behaviour="exclusive"</c>).</summary>
    public bool Exclusive { get; init; }

    /// <summary>True for a divider ("or") between options rather than an option.</summary>
    public bool IsDivider { get; private init; }

    /// <summary>A divider between options, such as the "or" before "None of these".</summary>
    public static RadioItem Divider(string text = "or") => new(string.Empty, text) { IsDivider = true };

    /// <summary>The option a <see cref="SelectListItem"/> describes.</summary>
    public static RadioItem From(SelectListItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new RadioItem(item.Value ?? item.Text, item.Text) { Disabled = item.Disabled, Checked = item.Selected };
    }

    /// <summary>Reads a list of <see cref="RadioItem"/>s and/or <see cref="SelectListItem"/>s.</summary>
    internal static IReadOnlyList<RadioItem> ListFrom(IEnumerable<object>? items)
    {
        return (items ?? []).Select(item => item switch
        {
            RadioItem radio => radio,
            SelectListItem select => From(select),
            _ => throw new InvalidOperationException(
                $"GOV.UK radios and checkboxes take RadioItem or SelectListItem items, not {item?.GetType().Name ?? "null"}."),
        }).ToList();
    }
}
