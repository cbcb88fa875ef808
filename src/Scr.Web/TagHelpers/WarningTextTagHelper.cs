using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK warning text: <c>&lt;govuk-warning-text&gt;You cannot undo this.&lt;/govuk-warning-text&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-warning-text")]
public sealed class WarningTextTagHelper : TagHelper
{
    /// <summary>The visually hidden text before the warning; "Warning" unless given.</summary>
    [HtmlAttributeName("icon-fallback-text")]
    public string? IconFallbackText { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();

        var warning = GovUkHtml.Element("div", "govuk-warning-text");
        GovUkHtml.CopyAttributes(output.Attributes, warning);

        var icon = GovUkHtml.Element("span", "govuk-warning-text__icon");
        icon.Attributes["aria-hidden"] = "true";
        icon.InnerHtml.Append("!");

        var text = GovUkHtml.Element("strong", "govuk-warning-text__text");
        var fallback = GovUkHtml.Element("span", "govuk-visually-hidden");
        fallback.InnerHtml.Append(string.IsNullOrEmpty(IconFallbackText) ? "Warning" : IconFallbackText);
        text.InnerHtml.AppendHtml(fallback);
        text.InnerHtml.AppendHtml(content);

        warning.InnerHtml.AppendHtml(icon);
        warning.InnerHtml.AppendHtml(text);
        GovUkHtml.Render(output, warning);
    }
}
