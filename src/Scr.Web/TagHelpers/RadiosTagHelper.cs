using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK radios bound to a model property:
/// <c>&lt;govuk-radios for="Input.HarmType" legend="What type of harm?" items="Model.HarmTypes" inline /&gt;</c>.
/// The option whose value matches the current value (ModelState's attempted value, else the model's
/// value: booleans as true/false, enums by name) is checked. Unbound attributes go on the
/// <c>govuk-radios</c> div.
/// </summary>
[HtmlTargetElement("govuk-radios")]
public sealed class RadiosTagHelper : ChoicesTagHelperBase
{
    private string? _current;

    /// <summary>Options side by side (for two short options such as Yes and No).</summary>
    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    private protected override string Component => "radios";

    private protected override string InputType => "radio";

    private protected override IEnumerable<string?> ExtraClasses => [Inline ? "govuk-radios--inline" : null];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        _current = CurrentValue();
        base.Process(context, output);
    }

    private protected override bool IsChecked(RadioItem item) =>
        _current is not null ? string.Equals(item.Value, _current, StringComparison.Ordinal) : item.Checked;
}
