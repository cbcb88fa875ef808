using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK button: <c>&lt;govuk-button&gt;Save and continue&lt;/govuk-button&gt;</c>. With <c>href</c> it is
/// a link styled as a button. Other attributes (<c>name</c>, <c>value</c>, <c>formaction</c>,
/// <c>data-testid</c>, <c>id</c>, <c>class</c>...) are copied onto the button or link.
/// </summary>
[HtmlTargetElement("govuk-button")]
public sealed class ButtonTagHelper : TagHelper
{
    /// <summary>The button's type; <c>submit</c> unless given. Ignored for link buttons.</summary>
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    /// <summary>Renders an <c>&lt;a role="button"&gt;</c> to this address instead of a button.</summary>
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    /// <summary>Secondary button (grey): for secondary actions.</summary>
    [HtmlAttributeName("secondary")]
    public bool Secondary { get; set; }

    /// <summary>Warning button (red): for destructive actions, with a confirmation step.</summary>
    [HtmlAttributeName("warning")]
    public bool Warning { get; set; }

    /// <summary>Start button (with the arrow), for the start of a journey.</summary>
    [HtmlAttributeName("start")]
    public bool Start { get; set; }

    /// <summary>Disabled button (<c>disabled aria-disabled="true"</c>); use sparingly.</summary>
    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    /// <summary>Ignores a second click within a second (<c>data-prevent-double-click="true"</c>).</summary>
    [HtmlAttributeName("prevent-double-click")]
    public bool PreventDoubleClick { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        var text = content.GetContent().Trim();

        var classes = new[]
        {
            Secondary ? "govuk-button--secondary" : null,
            Warning ? "govuk-button--warning" : null,
            Start ? "govuk-button--start" : null,
        };
        var element = GovUkHtml.Element(Href is null ? "button" : "a", ["govuk-button", .. classes]);
        element.Attributes["data-module"] = "govuk-button";
        if (Href is not null)
        {
            element.Attributes["href"] = Href;
            element.Attributes["role"] = "button";
            element.Attributes["draggable"] = "false";
        }
        else
        {
            element.Attributes["type"] = string.IsNullOrEmpty(Type) ? "submit" : Type;
            if (Disabled)
            {
                element.Attributes["disabled"] = string.Empty;
                element.Attributes["aria-disabled"] = "true";
            }

            if (PreventDoubleClick)
            {
                element.Attributes["data-prevent-double-click"] = "true";
            }
        }

        GovUkHtml.CopyAttributes(output.Attributes, element);
        element.InnerHtml.AppendHtml(new HtmlString(text));
        if (Start)
        {
            element.InnerHtml.AppendHtml(StartIcon);
        }

        GovUkHtml.Render(output, element);
    }

    private static readonly HtmlString StartIcon = new(
        "<svg class=\"govuk-button__start-icon\" xmlns=\"http://www.w3.org/2000/svg\" width=\"17.5\" height=\"19\" viewBox=\"0 0 33 40\" aria-hidden=\"true\" focusable=\"false\">" +
        "<path fill=\"currentColor\" d=\"M0 0h13l20 20-20 20H0l20-20z\"/></svg>");
}
