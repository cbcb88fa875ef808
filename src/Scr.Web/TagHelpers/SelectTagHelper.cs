using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK select bound to a model property:
/// <c>&lt;govuk-select for="Input.BoardId" label="Board" items="Model.Boards" /&gt;</c>, where
/// <c>items</c> is an <c>IEnumerable&lt;SelectListItem&gt;</c> (Value, Text, Selected, Disabled). The
/// option whose value matches the current value is selected; <c>Selected</c> applies when there is none.
/// Unbound attributes are copied onto the <c>select</c>.
/// </summary>
[HtmlTargetElement("govuk-select")]
public sealed class SelectTagHelper : LabelledFieldTagHelperBase
{
    /// <summary>The options.</summary>
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldId;
        var error = ErrorFor(FieldName);
        var hintId = string.IsNullOrEmpty(Hint) ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";
        var current = CurrentValue();

        var group = GovUkHtml.FormGroup(error is not null);
        group.InnerHtml.AppendHtml(GovUkHtml.Label(
            id, Label ?? DisplayName, LabelIsPageHeading, LabelClass ?? (LabelIsPageHeading ? "govuk-label--l" : null)));
        if (hintId is not null)
        {
            group.InnerHtml.AppendHtml(GovUkHtml.Hint(hintId, Hint!));
        }

        if (errorId is not null)
        {
            group.InnerHtml.AppendHtml(GovUkHtml.ErrorMessage(errorId, error!));
        }

        var select = GovUkHtml.Element("select", "govuk-select", error is null ? null : "govuk-select--error");
        select.Attributes["id"] = id;
        select.Attributes["name"] = FieldName;
        var describedBy = GovUkHtml.DescribedBy(hintId, errorId);
        if (describedBy is not null)
        {
            select.Attributes["aria-describedby"] = describedBy;
        }

        GovUkHtml.CopyAttributes(output.Attributes, select);
        foreach (var item in Items)
        {
            var value = item.Value ?? item.Text;
            var option = new TagBuilder("option");
            option.Attributes["value"] = value;
            if (current is not null ? value == current : item.Selected)
            {
                option.Attributes["selected"] = string.Empty;
            }

            if (item.Disabled)
            {
                option.Attributes["disabled"] = string.Empty;
            }

            option.InnerHtml.Append(item.Text);
            select.InnerHtml.AppendHtml(option);
        }

        group.InnerHtml.AppendHtml(select);
        GovUkHtml.Render(output, group);
    }
}
