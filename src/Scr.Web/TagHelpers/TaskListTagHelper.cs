using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK task list:
/// <code>
/// &lt;govuk-task-list&gt;
///   &lt;govuk-task-list-item title="Case details" href="/..." status="Completed" /&gt;
///   &lt;govuk-task-list-item title="Terms of reference" href="/..." status="In progress" status-colour="blue" /&gt;
///   &lt;govuk-task-list-item title="Publish the report" hint="Available when the report is approved" status="Cannot start yet" /&gt;
/// &lt;/govuk-task-list&gt;
/// </code>
/// Ids are <c>{id-prefix}-{n}-status</c> and <c>{id-prefix}-{n}-hint</c> (prefix "task-list" unless given).
/// </summary>
[HtmlTargetElement("govuk-task-list")]
[RestrictChildren("govuk-task-list-item")]
public sealed class TaskListTagHelper : TagHelper
{
    /// <summary>Prefix of the items' hint and status ids; "task-list" unless given (set it when a page has two lists).</summary>
    [HtmlAttributeName("id-prefix")]
    public string? IdPrefix { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var items = new List<Func<string, int, IHtmlContent>>();
        context.Items[typeof(TaskListTagHelper)] = items;
        await output.GetChildContentAsync();

        var prefix = string.IsNullOrEmpty(IdPrefix) ? "task-list" : IdPrefix;
        var list = GovUkHtml.Element("ul", "govuk-task-list");
        GovUkHtml.CopyAttributes(output.Attributes, list);
        for (var i = 0; i < items.Count; i++)
        {
            list.InnerHtml.AppendHtml(items[i](prefix, i + 1));
        }

        GovUkHtml.Render(output, list);
    }
}
