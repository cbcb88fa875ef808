using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK details: <c>&lt;govuk-details summary="Help with dates"&gt;...&lt;/govuk-details&gt;</c>. Other
/// attributes (<c>open</c>, <c>id</c>, <c>data-testid</c>) are copied onto the <c>details</c> element.
/// </summary>
[HtmlTargetElement("govuk-details")]
public sealed class DetailsTagHelper : TagHelper
{
    /// <summary>The text of the summary that opens the details.</summary>
    [HtmlAttributeName("summary")]
    public string Summary { get; set; } = string.Empty;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();

        var details = GovUkHtml.Element("details", "govuk-details");
        GovUkHtml.CopyAttributes(output.Attributes, details);

        var summary = GovUkHtml.Element("summary", "govuk-details__summary");
        var summaryText = GovUkHtml.Element("span", "govuk-details__summary-text");
        summaryText.InnerHtml.Append(Summary);
        summary.InnerHtml.AppendHtml(summaryText);

        var text = GovUkHtml.Element("div", "govuk-details__text");
        text.InnerHtml.AppendHtml(content);

        details.InnerHtml.AppendHtml(summary);
        details.InnerHtml.AppendHtml(text);
        GovUkHtml.Render(output, details);
    }
}
