using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK file upload bound to an <c>IFormFile</c> property:
/// <c>&lt;govuk-file-upload for="File" label="Upload a file" hint="..." accept=".json" /&gt;</c>. The form must post
/// with <c>enctype="multipart/form-data"</c>. Attributes it does not bind (<c>accept</c>, <c>multiple</c>,
/// <c>data-testid</c>, <c>class</c>...) are copied onto the <c>input</c>. A file input never shows a value: browsers do
/// not let a page choose the file, so after an error the person selects it again. The component's JavaScript
/// enhancement (<c>javascript: true</c>, a drop zone) is not used. See <see cref="FormFieldTagHelperBase"/> for names,
/// ids and errors.
/// </summary>
[HtmlTargetElement("govuk-file-upload", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FileUploadTagHelper : LabelledFieldTagHelperBase
{
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

        var input = GovUkHtml.Element("input", "govuk-file-upload", error is null ? null : "govuk-file-upload--error");
        input.TagRenderMode = TagRenderMode.StartTag;
        input.Attributes["id"] = id;
        input.Attributes["name"] = FieldName;
        input.Attributes["type"] = "file";
        var describedBy = GovUkHtml.DescribedBy(hintId, errorId);
        if (describedBy is not null)
        {
            input.Attributes["aria-describedby"] = describedBy;
        }

        GovUkHtml.CopyAttributes(output.Attributes, input);
        group.InnerHtml.AppendHtml(input);
        GovUkHtml.Render(output, group);
    }
}
