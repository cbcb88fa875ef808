using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// An item of <c>&lt;govuk-task-list&gt;</c>. The status shows as plain text when it is "Completed" (and
/// no colour is given), otherwise as a tag in <c>status-colour</c> (blue unless given). An item without
/// <c>href</c> cannot be started yet: no link, and its status in the secondary text colour. Other
/// attributes (<c>data-testid</c>) go on the link, or on the item when there is no link.
/// </summary>
[HtmlTargetElement("govuk-task-list-item", ParentTag = "govuk-task-list")]
public sealed class TaskListItemTagHelper : TagHelper
{
    /// <summary>The task's name.</summary>
    [HtmlAttributeName("title")]
    public string Title { get; set; } = string.Empty;

    /// <summary>The task's page; without it the task cannot be started yet.</summary>
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    /// <summary>Hint text under the task's name.</summary>
    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>The task's status, such as "Completed", "In progress", "Not yet started", "Cannot start yet".</summary>
    [HtmlAttributeName("status")]
    public string Status { get; set; } = string.Empty;

    /// <summary>The status tag's colour (see <c>&lt;govuk-tag&gt;</c>).</summary>
    [HtmlAttributeName("status-colour")]
    public string? StatusColour { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var items = (List<Func<string, int, IHtmlContent>>)context.Items[typeof(TaskListTagHelper)];
        var attributes = new TagHelperAttributeList(output.Attributes);
        items.Add((prefix, index) => Render(prefix, index, attributes));
        output.SuppressOutput();
    }

    private IHtmlContent Render(string prefix, int index, TagHelperAttributeList attributes)
    {
        var hintId = $"{prefix}-{index}-hint";
        var statusId = $"{prefix}-{index}-status";
        var hasHint = !string.IsNullOrEmpty(Hint);

        var item = GovUkHtml.Element("li", "govuk-task-list__item", Href is null ? null : "govuk-task-list__item--with-link");
        var nameAndHint = GovUkHtml.Element("div", "govuk-task-list__name-and-hint");
        if (Href is not null)
        {
            var link = GovUkHtml.Element("a", "govuk-link", "govuk-task-list__link");
            link.Attributes["href"] = Href;
            link.Attributes["aria-describedby"] = GovUkHtml.DescribedBy(hasHint ? hintId : null, statusId);
            GovUkHtml.CopyAttributes(attributes, link);
            link.InnerHtml.Append(Title);
            nameAndHint.InnerHtml.AppendHtml(link);
        }
        else
        {
            GovUkHtml.CopyAttributes(attributes, item);
            var name = GovUkHtml.Element("div");
            name.InnerHtml.Append(Title);
            nameAndHint.InnerHtml.AppendHtml(name);
        }

        if (hasHint)
        {
            var hint = GovUkHtml.Element("div", "govuk-task-list__hint");
            hint.Attributes["id"] = hintId;
            hint.InnerHtml.Append(Hint!);
            nameAndHint.InnerHtml.AppendHtml(hint);
        }

        var cannotStart = Href is null;
        var status = GovUkHtml.Element("div", "govuk-task-list__status", cannotStart ? "govuk-task-list__status--cannot-start-yet" : null);
        status.Attributes["id"] = statusId;
        var plain = cannotStart
            || (string.IsNullOrEmpty(StatusColour) && string.Equals(Status.Trim(), "Completed", StringComparison.OrdinalIgnoreCase));
        if (plain)
        {
            status.InnerHtml.Append(Status);
        }
        else
        {
            status.InnerHtml.AppendHtml(GovUkHtml.Tag(Status, StatusColour));
        }

        item.InnerHtml.AppendHtml(nameAndHint);
        item.InnerHtml.AppendHtml(status);
        return item;
    }
}
