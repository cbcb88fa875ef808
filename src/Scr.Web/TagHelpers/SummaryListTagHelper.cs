using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK summary list (check answers, record pages):
/// <code>
/// &lt;govuk-summary-list&gt;
///   &lt;govuk-summary-list-row key="Date of incident" action-href="/..." action-hidden-text="date of incident"&gt;3 March 2025&lt;/govuk-summary-list-row&gt;
/// &lt;/govuk-summary-list&gt;
/// </code>
/// Rows without actions get <c>govuk-summary-list__row--no-actions</c> when another row has one, as
/// GOV.UK does. Unbound attributes (<c>class="govuk-summary-list--no-border"</c>) go on the <c>dl</c>.
/// </summary>
[HtmlTargetElement("govuk-summary-list")]
[RestrictChildren("govuk-summary-list-row")]
public sealed class SummaryListTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var rows = new List<SummaryListRow>();
        context.Items[typeof(SummaryListRow)] = rows;
        await output.GetChildContentAsync();

        var anyRowHasActions = rows.Any(row => row.Actions.Count > 0);
        var list = GovUkHtml.Element("dl", "govuk-summary-list");
        GovUkHtml.CopyAttributes(output.Attributes, list);
        foreach (var row in rows)
        {
            list.InnerHtml.AppendHtml(row.Render(anyRowHasActions));
        }

        GovUkHtml.Render(output, list);
    }
}

/// <summary>A row of a summary list, collected by <see cref="SummaryListTagHelper"/>.</summary>
internal sealed class SummaryListRow(string key, IHtmlContent value, string? classes)
{
    public List<SummaryListAction> Actions { get; } = [];

    public IHtmlContent Render(bool anyRowHasActions)
    {
        var row = GovUkHtml.Element(
            "div",
            "govuk-summary-list__row",
            anyRowHasActions && Actions.Count == 0 ? "govuk-summary-list__row--no-actions" : null,
            classes);

        var keyElement = GovUkHtml.Element("dt", "govuk-summary-list__key");
        keyElement.InnerHtml.Append(key);
        var valueElement = GovUkHtml.Element("dd", "govuk-summary-list__value");
        valueElement.InnerHtml.AppendHtml(value);
        row.InnerHtml.AppendHtml(keyElement);
        row.InnerHtml.AppendHtml(valueElement);

        if (Actions.Count > 0)
        {
            var actions = GovUkHtml.Element("dd", "govuk-summary-list__actions");
            if (Actions.Count == 1)
            {
                actions.InnerHtml.AppendHtml(Actions[0].Render());
            }
            else
            {
                var list = GovUkHtml.Element("ul", "govuk-summary-list__actions-list");
                foreach (var action in Actions)
                {
                    var item = GovUkHtml.Element("li", "govuk-summary-list__actions-list-item");
                    item.InnerHtml.AppendHtml(action.Render());
                    list.InnerHtml.AppendHtml(item);
                }

                actions.InnerHtml.AppendHtml(list);
            }

            row.InnerHtml.AppendHtml(actions);
        }

        return row;
    }
}

/// <summary>An action link of a summary list row ("Change", with visually hidden context).</summary>
internal sealed class SummaryListAction(string href, string text, string? hiddenText, TagHelperAttributeList attributes)
{
    public IHtmlContent Render()
    {
        var link = GovUkHtml.Element("a", "govuk-link");
        link.Attributes["href"] = href;
        GovUkHtml.CopyAttributes(attributes, link);
        link.InnerHtml.Append(text);
        if (!string.IsNullOrEmpty(hiddenText))
        {
            var hidden = GovUkHtml.Element("span", "govuk-visually-hidden");
            hidden.InnerHtml.Append(" " + hiddenText);
            link.InnerHtml.AppendHtml(hidden);
        }

        return link;
    }
}
