using System.Net;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// An extra action link in a <c>&lt;govuk-summary-list-row&gt;</c>:
/// <c>&lt;govuk-summary-list-action href="/..." hidden-text="name"&gt;Remove&lt;/govuk-summary-list-action&gt;</c>.
/// Other attributes (<c>data-testid</c>) go on the link.
/// </summary>
[HtmlTargetElement("govuk-summary-list-action", ParentTag = "govuk-summary-list-row")]
public sealed class SummaryListActionTagHelper : TagHelper
{
    /// <summary>Where the link goes.</summary>
    [HtmlAttributeName("href")]
    public string Href { get; set; } = "#";

    /// <summary>Visually hidden text after the link's text.</summary>
    [HtmlAttributeName("hidden-text")]
    public string? HiddenText { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var actions = (List<SummaryListAction>)context.Items[typeof(SummaryListAction)];
        var content = await output.GetChildContentAsync();
        var text = WebUtility.HtmlDecode(content.GetContent().Trim());
        actions.Add(new SummaryListAction(Href, text.Length == 0 ? "Change" : text, HiddenText, [.. output.Attributes]));
        output.SuppressOutput();
    }
}
