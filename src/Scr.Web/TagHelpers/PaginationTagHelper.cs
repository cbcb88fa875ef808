using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK pagination for a list of pages:
/// <c>&lt;govuk-pagination page="Model.Page" total-pages="Model.TotalPages" href-format="?page={0}" /&gt;</c>.
/// Renders "Previous" and "Next" links (left out on the first and last page) and the page numbers: the
/// first, the last, and two either side of the current one, with an ellipsis for any gap. Renders
/// nothing when there is only one page.
/// </summary>
[HtmlTargetElement("govuk-pagination")]
public sealed class PaginationTagHelper : TagHelper
{
    private const int Window = 2;

    private static readonly HtmlString PreviousIcon = new(
        "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">" +
        "<path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>");

    private static readonly HtmlString NextIcon = new(
        "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">" +
        "<path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg>");

    /// <summary>The current page, from 1.</summary>
    [HtmlAttributeName("page")]
    public int Page { get; set; } = 1;

    /// <summary>How many pages there are.</summary>
    [HtmlAttributeName("total-pages")]
    public int TotalPages { get; set; }

    /// <summary>The address of a page, with <c>{0}</c> for its number; "?page={0}" unless given.</summary>
    [HtmlAttributeName("href-format")]
    public string HrefFormat { get; set; } = "?page={0}";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (TotalPages <= 1)
        {
            output.SuppressOutput();
            return;
        }

        var page = Math.Clamp(Page, 1, TotalPages);
        var nav = GovUkHtml.Element("nav", "govuk-pagination");
        nav.Attributes["aria-label"] = "Pagination";
        GovUkHtml.CopyAttributes(output.Attributes, nav);

        if (page > 1)
        {
            nav.InnerHtml.AppendHtml(ArrowLink("prev", Href(page - 1), "Previous"));
        }

        var list = GovUkHtml.Element("ul", "govuk-pagination__list");
        var previousShown = 0;
        foreach (var number in PageNumbers(page, TotalPages))
        {
            if (number > previousShown + 1)
            {
                var ellipsis = GovUkHtml.Element("li", "govuk-pagination__item", "govuk-pagination__item--ellipsis");
                ellipsis.InnerHtml.AppendHtml("&ctdot;");
                list.InnerHtml.AppendHtml(ellipsis);
            }

            var current = number == page;
            var item = GovUkHtml.Element("li", "govuk-pagination__item", current ? "govuk-pagination__item--current" : null);
            var link = GovUkHtml.Element("a", "govuk-link", "govuk-pagination__link");
            link.Attributes["href"] = Href(number);
            link.Attributes["aria-label"] = "Page " + number.ToString(CultureInfo.InvariantCulture);
            if (current)
            {
                link.Attributes["aria-current"] = "page";
            }

            link.InnerHtml.Append(number.ToString(CultureInfo.InvariantCulture));
            item.InnerHtml.AppendHtml(link);
            list.InnerHtml.AppendHtml(item);
            previousShown = number;
        }

        nav.InnerHtml.AppendHtml(list);

        if (page < TotalPages)
        {
            nav.InnerHtml.AppendHtml(ArrowLink("next", Href(page + 1), "Next"));
        }

        GovUkHtml.Render(output, nav);
    }

    /// <summary>The page numbers to show: the first, the last and <see cref="Window"/> either side of the current.</summary>
    internal static IEnumerable<int> PageNumbers(int page, int totalPages)
    {
        for (var number = 1; number <= totalPages; number++)
        {
            if (number == 1 || number == totalPages || Math.Abs(number - page) <= Window)
            {
                yield return number;
            }
        }
    }

    private string Href(int number) => string.Format(CultureInfo.InvariantCulture, HrefFormat, number);

    private static IHtmlContent ArrowLink(string type, string href, string text)
    {
        var wrapper = GovUkHtml.Element("div", "govuk-pagination__" + type);
        var link = GovUkHtml.Element("a", "govuk-link", "govuk-pagination__link");
        link.Attributes["href"] = href;
        link.Attributes["rel"] = type;

        var title = GovUkHtml.Element("span", "govuk-pagination__link-title");
        title.InnerHtml.Append(text);
        var hidden = GovUkHtml.Element("span", "govuk-visually-hidden");
        hidden.InnerHtml.Append(" page");
        title.InnerHtml.AppendHtml(hidden);

        if (type == "prev")
        {
            link.InnerHtml.AppendHtml(PreviousIcon);
            link.InnerHtml.AppendHtml(title);
        }
        else
        {
            link.InnerHtml.AppendHtml(title);
            link.InnerHtml.AppendHtml(NextIcon);
        }

        wrapper.InnerHtml.AppendHtml(link);
        return wrapper;
    }
}
