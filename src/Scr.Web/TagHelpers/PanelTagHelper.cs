using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK confirmation panel: <c>&lt;govuk-panel title="Review created"&gt;Your reference&lt;br&gt;&lt;strong&gt;SCR-12&lt;/strong&gt;&lt;/govuk-panel&gt;</c>.
/// The title is the page's <c>h1</c>; the body is left out when there is no content.
/// </summary>
[HtmlTargetElement("govuk-panel")]
public sealed class PanelTagHelper : TagHelper
{
    /// <summary>The panel's heading.</summary>
    [HtmlAttributeName("title")]
    public string Title { get; set; } = string.Empty;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();

        var panel = GovUkHtml.Element("div", "govuk-panel", "govuk-panel--confirmation");
        GovUkHtml.CopyAttributes(output.Attributes, panel);

        var title = GovUkHtml.Element("h1", "govuk-panel__title");
        title.InnerHtml.Append(Title);
        panel.InnerHtml.AppendHtml(title);

        if (GovUkHtml.HasContent(content))
        {
            var body = GovUkHtml.Element("div", "govuk-panel__body");
            body.InnerHtml.AppendHtml(content);
            panel.InnerHtml.AppendHtml(body);
        }

        GovUkHtml.Render(output, panel);
    }
}
