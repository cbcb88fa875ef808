using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK tag: <c>&lt;govuk-tag colour="green"&gt;Completed&lt;/govuk-tag&gt;</c>. Colours: grey, green,
/// teal (or turquoise), blue (the default), purple, magenta (or pink), red, orange, yellow; light-blue is
/// accepted as blue (govuk-frontend 6 has no light blue).
/// </summary>
[HtmlTargetElement("govuk-tag")]
public sealed class TagTagHelper : TagHelper
{
    /// <summary>The tag's colour; blue when not given.</summary>
    [HtmlAttributeName("colour")]
    public string? Colour { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();

        var tag = GovUkHtml.Element("strong", "govuk-tag", GovUkHtml.TagColourClass(Colour));
        GovUkHtml.CopyAttributes(output.Attributes, tag);
        tag.InnerHtml.AppendHtml(content);
        GovUkHtml.Render(output, tag);
    }
}
