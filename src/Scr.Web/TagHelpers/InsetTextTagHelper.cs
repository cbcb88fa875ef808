using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>GOV.UK inset text: <c>&lt;govuk-inset-text&gt;...&lt;/govuk-inset-text&gt;</c>.</summary>
[HtmlTargetElement("govuk-inset-text")]
public sealed class InsetTextTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();

        var inset = GovUkHtml.Element("div", "govuk-inset-text");
        GovUkHtml.CopyAttributes(output.Attributes, inset);
        inset.InnerHtml.AppendHtml(content);
        GovUkHtml.Render(output, inset);
    }
}
