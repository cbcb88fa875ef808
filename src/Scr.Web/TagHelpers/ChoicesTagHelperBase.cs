using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// What radios and checkboxes share: a fieldset with a legend, a hint and an error message around a list
/// of options. Item ids follow GOV.UK: the first is the field's id (so the error summary can link to it),
/// the others <c>{id}-2</c>, <c>{id}-3</c>...; an item's hint is <c>{itemId}-item-hint</c>.
/// </summary>
public abstract class ChoicesTagHelperBase : FormFieldTagHelperBase
{
    /// <summary>The question, as the fieldset's legend. Without one there is no fieldset.</summary>
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    /// <summary>Makes the legend the page's <c>h1</c> (GOV.UK question pages).</summary>
    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    /// <summary>Legend size class; <c>govuk-fieldset__legend--l</c> by default when the legend is the page heading.</summary>
    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    /// <summary>The options: <see cref="RadioItem"/>s or <see cref="SelectListItem"/>s.</summary>
    [HtmlAttributeName("items")]
    public IEnumerable<object>? Items { get; set; }

    /// <summary>Smaller radios or checkboxes.</summary>
    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    /// <summary>"radios" or "checkboxes": the component's class prefix and input type.</summary>
    private protected abstract string Component { get; }

    private protected abstract string InputType { get; }

    private protected abstract bool IsChecked(RadioItem item);

    private protected virtual IEnumerable<string?> ExtraClasses => [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldId;
        var name = FieldName;
        var error = ErrorFor(name);
        var hintId = string.IsNullOrEmpty(Hint) ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";
        var items = RadioItem.ListFrom(Items);
        var prefix = "govuk-" + Component;

        var list = GovUkHtml.Element("div", [prefix, Small ? prefix + "--small" : null, .. ExtraClasses]);
        GovUkHtml.CopyAttributes(output.Attributes, list);
        list.Attributes["data-module"] = prefix;

        var index = 0;
        foreach (var item in items)
        {
            index++;
            if (item.IsDivider)
            {
                var divider = GovUkHtml.Element("div", prefix + "__divider");
                divider.InnerHtml.Append(item.Text);
                list.InnerHtml.AppendHtml(divider);
                continue;
            }

            var itemId = index == 1 ? id : $"{id}-{index}";
            var itemHintId = string.IsNullOrEmpty(item.Hint) ? null : itemId + "-item-hint";

            var input = GovUkHtml.Element("input", prefix + "__input");
            input.TagRenderMode = TagRenderMode.StartTag;
            input.Attributes["id"] = itemId;
            input.Attributes["name"] = name;
            input.Attributes["type"] = InputType;
            input.Attributes["value"] = item.Value;
            if (IsChecked(item))
            {
                input.Attributes["checked"] = string.Empty;
            }

            if (item.Disabled)
            {
                input.Attributes["disabled"] = string.Empty;
            }

            if (item.Exclusive)
            {
                input.Attributes["data-behaviour"] = "exclusive";
            }

            if (itemHintId is not null)
            {
                input.Attributes["aria-describedby"] = itemHintId;
            }

            var wrapper = GovUkHtml.Element("div", prefix + "__item");
            wrapper.InnerHtml.AppendHtml(input);
            wrapper.InnerHtml.AppendHtml(GovUkHtml.Label(itemId, item.Text, isPageHeading: false, prefix + "__label"));
            if (itemHintId is not null)
            {
                wrapper.InnerHtml.AppendHtml(GovUkHtml.Hint(itemHintId, item.Hint!, prefix + "__hint"));
            }

            list.InnerHtml.AppendHtml(wrapper);
        }

        var group = GovUkHtml.FormGroup(error is not null);
        var container = group;
        if (!string.IsNullOrEmpty(Legend))
        {
            var fieldset = GovUkHtml.Fieldset(
                Legend,
                LegendIsPageHeading,
                LegendClass ?? (LegendIsPageHeading ? "govuk-fieldset__legend--l" : null),
                GovUkHtml.DescribedBy(hintId, errorId));
            group.InnerHtml.AppendHtml(fieldset);
            container = fieldset;
        }

        if (hintId is not null)
        {
            container.InnerHtml.AppendHtml(GovUkHtml.Hint(hintId, Hint!));
        }

        if (errorId is not null)
        {
            container.InnerHtml.AppendHtml(GovUkHtml.ErrorMessage(errorId, error!));
        }

        container.InnerHtml.AppendHtml(list);
        GovUkHtml.Render(output, group);
    }
}
