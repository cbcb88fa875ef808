using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK back link: <c>&lt;govuk-back-link href="/cases/1" /&gt;</c>; the content, if any, replaces "Back".
/// Put it in the layout's <c>BeforeContent</c> section.
/// </summary>
[HtmlTargetElement("govuk-back-link")]
public sealed class BackLinkTagHelper : TagHelper
{
    /// <summary>Where the link goes.</summary>
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();

        var link = GovUkHtml.Element("a", "govuk-back-link");
        link.Attributes["href"] = string.IsNullOrEmpty(Href) ? "#" : Href;
        GovUkHtml.CopyAttributes(output.Attributes, link);
        if (GovUkHtml.HasContent(content))
        {
            link.InnerHtml.AppendHtml(content);
        }
        else
        {
            link.InnerHtml.Append("Back");
        }

        GovUkHtml.Render(output, link);
    }
}
