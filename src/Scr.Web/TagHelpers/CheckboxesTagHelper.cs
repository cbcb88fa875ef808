using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK checkboxes bound to a collection property:
/// <c>&lt;govuk-checkboxes for="Input.Agencies" legend="Which agencies were involved?" hint="Select all that apply" items="Model.Agencies" /&gt;</c>.
/// Options whose values are in the current values (posted values, else the model's collection) are
/// ticked; when there is nothing to bind from (no posted entry, no model collection), items marked
/// <see cref="RadioItem.Checked"/> are. Unbound attributes go
/// on the <c>govuk-checkboxes</c> div.
/// </summary>
[HtmlTargetElement("govuk-checkboxes")]
public sealed class CheckboxesTagHelper : ChoicesTagHelperBase
{
    private IReadOnlyCollection<string> _current = [];
    private bool _hasValues;

    private protected override string Component => "checkboxes";

    private protected override string InputType => "checkbox";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        _current = CurrentValues();
        _hasValues = ModelState.ContainsKey(FieldName) || For?.Model is not null;
        base.Process(context, output);
    }

    private protected override bool IsChecked(RadioItem item) =>
        _hasValues ? _current.Contains(item.Value, StringComparer.Ordinal) : item.Checked;
}
