using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Scr.Web.Tests.TagHelpers;

/// <summary>Querying rendered HTML.</summary>
internal static class Dom
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static string[] CheckedValues(string html) =>
        Parse(html).QuerySelectorAll("input[checked]").Select(input => input.GetAttribute("value") ?? string.Empty).ToArray();

    public static string? Value(string html, string id) =>
        Parse(html).GetElementById(id)?.GetAttribute("value");
}
