using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK textarea bound to a model property:
/// <c>&lt;govuk-textarea for="Input.Summary" label="Summary of the case" hint="..." rows="8" /&gt;</c>.
/// Unbound attributes are copied onto the <c>textarea</c>.
/// </summary>
[HtmlTargetElement("govuk-textarea")]
public sealed class TextareaTagHelper : LabelledFieldTagHelperBase
{
    /// <summary>Visible rows; 5 unless given.</summary>
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    /// <summary>Overrides the value from ModelState and the model.</summary>
    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldId;
        var error = ErrorFor(FieldName);
        var hintId = string.IsNullOrEmpty(Hint) ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";

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

        var textarea = GovUkHtml.Element("textarea", "govuk-textarea", error is null ? null : "govuk-textarea--error");
        textarea.Attributes["id"] = id;
        textarea.Attributes["name"] = FieldName;
        textarea.Attributes["rows"] = Rows.ToString(CultureInfo.InvariantCulture);
        var describedBy = GovUkHtml.DescribedBy(hintId, errorId);
        if (describedBy is not null)
        {
            textarea.Attributes["aria-describedby"] = describedBy;
        }

        GovUkHtml.CopyAttributes(output.Attributes, textarea);

        // HTML drops a newline straight after <textarea>: write one so a value that starts with a newline keeps it.
        textarea.InnerHtml.AppendHtml(Environment.NewLine);
        textarea.InnerHtml.Append(Value ?? CurrentValue() ?? string.Empty);
        group.InnerHtml.AppendHtml(textarea);
        GovUkHtml.Render(output, group);
    }
}
