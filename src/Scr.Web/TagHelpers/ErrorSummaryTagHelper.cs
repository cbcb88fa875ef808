using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK error summary built from ModelState: <c>&lt;govuk-error-summary /&gt;</c> at the top of the main
/// content. Renders nothing while ModelState has no errors. Each field with errors gets one item (its
/// first message, as the field shows) linking to the field: <c>#</c> + the ModelState key, which is the
/// field's id (see <see cref="FormFieldTagHelperBase"/>); for a <see cref="DateInputModel"/> property the
/// link goes to its day field (<c>#Input.IncidentDate.Day</c>). Errors under the empty key (model-level,
/// such as "Incorrect email address or password") are listed without a link.
/// </summary>
[HtmlTargetElement("govuk-error-summary")]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    /// <summary>The summary's heading; "There is a problem" unless given.</summary>
    [HtmlAttributeName("title")]
    public string? Title { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        var errors = new List<(string Key, string Message)>();
        foreach (var (key, entry) in modelState)
        {
            if (FieldErrors.FirstMessage(entry) is { } message)
            {
                errors.Add((key, message));
            }
        }

        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var summary = GovUkHtml.Element("div", "govuk-error-summary");
        GovUkHtml.CopyAttributes(output.Attributes, summary);
        summary.Attributes["data-module"] = "govuk-error-summary";

        var alert = new TagBuilder("div");
        alert.Attributes["role"] = "alert";

        var title = GovUkHtml.Element("h2", "govuk-error-summary__title");
        title.InnerHtml.Append(string.IsNullOrEmpty(Title) ? "There is a problem" : Title);

        var list = GovUkHtml.Element("ul", "govuk-list", "govuk-error-summary__list");
        foreach (var (key, message) in errors)
        {
            var item = new TagBuilder("li");
            if (string.IsNullOrEmpty(key))
            {
                item.InnerHtml.Append(message);
            }
            else
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + TargetId(key, modelState);
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }

            list.InnerHtml.AppendHtml(item);
        }

        var body = GovUkHtml.Element("div", "govuk-error-summary__body");
        body.InnerHtml.AppendHtml(list);
        alert.InnerHtml.AppendHtml(title);
        alert.InnerHtml.AppendHtml(body);
        summary.InnerHtml.AppendHtml(alert);
        GovUkHtml.Render(output, summary);
    }

    /// <summary>The id of the field an error key belongs to: the key, or its day field for a date input.</summary>
    private string TargetId(string key, ModelStateDictionary modelState)
    {
        var dayKey = key + "." + nameof(DateInputModel.Day);
        return IsDateInput(key) || modelState.ContainsKey(dayKey) ? dayKey : key;
    }

    /// <summary>Whether the key names a <see cref="DateInputModel"/> property of the page's model.</summary>
    private bool IsDateInput(string key)
    {
        var explorer = ViewContext.ViewData.ModelExplorer;
        var prefix = ViewContext.ViewData.TemplateInfo.HtmlFieldPrefix;
        var path = !string.IsNullOrEmpty(prefix) && key.StartsWith(prefix + ".", StringComparison.Ordinal)
            ? key[(prefix.Length + 1)..]
            : key;
        foreach (var segment in path.Split('.'))
        {
            if (segment.Contains('[', StringComparison.Ordinal))
            {
                return false;
            }

            explorer = explorer?.GetExplorerForProperty(segment);
            if (explorer is null)
            {
                return false;
            }
        }

        return explorer?.Metadata.UnderlyingOrModelType == typeof(DateInputModel);
    }
}
