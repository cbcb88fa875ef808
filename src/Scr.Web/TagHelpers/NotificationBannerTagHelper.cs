using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK notification banner:
/// <c>&lt;govuk-notification-banner type="success"&gt;Review created&lt;/govuk-notification-banner&gt;</c>.
/// Plain-text content is wrapped in <c>&lt;p class="govuk-notification-banner__heading"&gt;</c> as the
/// component does for <c>text</c>; content that starts with markup is used as it is.
/// </summary>
[HtmlTargetElement("govuk-notification-banner")]
public sealed class NotificationBannerTagHelper : TagHelper
{
    private const string TitleId = "govuk-notification-banner-title";

    /// <summary><c>important</c> (the default) or <c>success</c> (green, <c>role="alert"</c>).</summary>
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    /// <summary>The banner's title; "Important" or "Success" unless given.</summary>
    [HtmlAttributeName("title")]
    public string? Title { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        var success = Type?.Trim().ToLowerInvariant() switch
        {
            null or "" or "important" => false,
            "success" => true,
            _ => throw new InvalidOperationException($"'{Type}' is not a notification banner type: use 'important' or 'success'."),
        };

        var banner = GovUkHtml.Element("div", "govuk-notification-banner", success ? "govuk-notification-banner--success" : null);
        banner.Attributes["role"] = success ? "alert" : "region";
        banner.Attributes["aria-labelledby"] = TitleId;
        banner.Attributes["data-module"] = "govuk-notification-banner";
        GovUkHtml.CopyAttributes(output.Attributes, banner);

        var header = GovUkHtml.Element("div", "govuk-notification-banner__header");
        var title = GovUkHtml.Element("h2", "govuk-notification-banner__title");
        title.Attributes["id"] = TitleId;
        title.InnerHtml.Append(string.IsNullOrEmpty(Title) ? (success ? "Success" : "Important") : Title);
        header.InnerHtml.AppendHtml(title);

        var body = GovUkHtml.Element("div", "govuk-notification-banner__content");
        var html = content.GetContent().Trim();
        if (html.StartsWith('<'))
        {
            body.InnerHtml.AppendHtml(html);
        }
        else if (html.Length > 0)
        {
            var heading = GovUkHtml.Element("p", "govuk-notification-banner__heading");
            heading.InnerHtml.AppendHtml(html);
            body.InnerHtml.AppendHtml(heading);
        }

        banner.InnerHtml.AppendHtml(header);
        banner.InnerHtml.AppendHtml(body);
        GovUkHtml.Render(output, banner);
    }
}
