using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// A row of <c>&lt;govuk-summary-list&gt;</c>: <c>key</c> is the question, the content the answer. One
/// action through <c>action-href</c> (text "Change" unless <c>action-text</c> says otherwise,
/// <c>action-hidden-text</c> for screen readers: "Change&lt;span class="govuk-visually-hidden"&gt; date of
/// incident&lt;/span&gt;"), or several through child <c>&lt;govuk-summary-list-action&gt;</c> elements.
/// A <c>class</c> attribute is added to the row.
/// </summary>
[HtmlTargetElement("govuk-summary-list-row", ParentTag = "govuk-summary-list")]
public sealed class SummaryListRowTagHelper : TagHelper
{
    /// <summary>The row's key (question).</summary>
    [HtmlAttributeName("key")]
    public string Key { get; set; } = string.Empty;

    /// <summary>Where the row's action link goes.</summary>
    [HtmlAttributeName("action-href")]
    public string? ActionHref { get; set; }

    /// <summary>The action link's text; "Change" unless given.</summary>
    [HtmlAttributeName("action-text")]
    public string? ActionText { get; set; }

    /// <summary>Visually hidden text after the action's text, naming what it changes.</summary>
    [HtmlAttributeName("action-hidden-text")]
    public string? ActionHiddenText { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var rows = (List<SummaryListRow>)context.Items[typeof(SummaryListRow)];
        var actions = new List<SummaryListAction>();
        if (!string.IsNullOrEmpty(ActionHref))
        {
            actions.Add(new SummaryListAction(ActionHref, ActionText ?? "Change", ActionHiddenText, []));
        }

        context.Items[typeof(SummaryListAction)] = actions;
        var content = await output.GetChildContentAsync();

        var classes = output.Attributes.TryGetAttribute("class", out var classAttribute)
            ? GovUkHtml.AttributeValue(classAttribute)
            : null;
        var row = new SummaryListRow(Key, new HtmlString(content.GetContent().Trim()), classes);
        row.Actions.AddRange(actions);
        rows.Add(row);
        output.SuppressOutput();
    }
}
