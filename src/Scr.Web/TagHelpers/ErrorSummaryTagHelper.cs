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
/// such as "Incorrect email address or password") are listed first, without a link.
/// </summary>
/// <remarks>
/// Order: GOV.UK lists errors in the order of the fields on the page. ModelState does not keep the order
/// errors were added in, so field errors are listed in the order their properties are declared on the
/// page model (<c>Input</c>'s properties in declaration order, or <c>[Display(Order = n)]</c>): declare
/// an input model's properties in the order its fields appear.
/// </remarks>
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
            if (key.Length == 0)
            {
                // Messages about the form as a whole belong to no field: each is shown, where a field shows its first.
                errors.AddRange(entry.Errors.Select(e => string.IsNullOrWhiteSpace(e.ErrorMessage) ? FieldErrors.FallbackMessage : e.ErrorMessage)
                    .Distinct().Select(message => (key, message)));
            }
            else if (FieldErrors.FirstMessage(entry) is { } message)
            {
                errors.Add((key, message));
            }
        }

        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        errors = [.. errors.OrderBy(error => DeclarationOrder(error.Key), DeclarationOrderComparer.Instance)];

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

    /// <summary>
    /// Where a key's property comes in the page model: the position of each property along its path
    /// (<c>Input.Name</c> → [position of Input, position of Name in Input's type]), plus any collection
    /// index. The empty key sorts first, keys that name no property last.
    /// </summary>
    private List<int> DeclarationOrder(string key)
    {
        var order = new List<int>();
        if (string.IsNullOrEmpty(key))
        {
            return order;
        }

        order.Add(0);
        var explorer = ViewContext.ViewData.ModelExplorer;
        foreach (var segment in PathOf(key).Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var position = PositionOf(explorer, name);
            if (explorer is null || position < 0)
            {
                order.Add(int.MaxValue);
                return order;
            }

            order.Add(position);
            if (bracket >= 0)
            {
                order.Add(int.TryParse(segment[(bracket + 1)..].TrimEnd(']'), out var index) ? index : int.MaxValue);
                return order;
            }

            explorer = explorer.GetExplorerForProperty(name);
        }

        return order;
    }

    private static int PositionOf(ModelExplorer? explorer, string propertyName)
    {
        var properties = explorer?.Metadata.Properties;
        for (var i = 0; i < (properties?.Count ?? 0); i++)
        {
            if (properties![i].PropertyName == propertyName)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether the key names a <see cref="DateInputModel"/> property of the page's model.</summary>
    private bool IsDateInput(string key)
    {
        var explorer = ViewContext.ViewData.ModelExplorer;
        foreach (var segment in PathOf(key).Split('.'))
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

    /// <summary>The key without the view's HTML field prefix, as a path from the view's model.</summary>
    private string PathOf(string key)
    {
        var prefix = ViewContext.ViewData.TemplateInfo.HtmlFieldPrefix;
        return !string.IsNullOrEmpty(prefix) && key.StartsWith(prefix + ".", StringComparison.Ordinal)
            ? key[(prefix.Length + 1)..]
            : key;
    }

    /// <summary>Compares declaration orders element by element; a shorter prefix comes first.</summary>
    private sealed class DeclarationOrderComparer : IComparer<List<int>>
    {
        public static readonly DeclarationOrderComparer Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            x ??= [];
            y ??= [];
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                var compared = x[i].CompareTo(y[i]);
                if (compared != 0)
                {
                    return compared;
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
