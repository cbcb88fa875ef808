using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Scr.Web.Tests.TagHelpers;

/// <summary>
/// Compares HTML the way a browser would see it, not as text: both sides are parsed with AngleSharp and
/// written out in a canonical form (element names; attributes sorted by name; class as a sorted set;
/// text trimmed with whitespace collapsed; comments dropped), and the two forms must be equal.
/// </summary>
internal static partial class HtmlComparison
{
    /// <summary>Attributes holding ids or names, whose values a test may rename (see <see cref="ShouldMatchFixture"/>).</summary>
    private static readonly HashSet<string> IdAttributes =
        ["id", "for", "name", "aria-describedby", "aria-labelledby", "aria-controls", "data-aria-controls", "href"];

    /// <summary>
    /// Asserts that <paramref name="actual"/> is the fixture's HTML. <paramref name="renames"/> maps the
    /// fixture's ids and names to ours where our id scheme differs from the example's (for instance
    /// <c>dob-day</c> → <c>Input.DateOfBirth.Day</c>): whole tokens of id, for, name, aria-* and href
    /// values (or an href's #fragment) are replaced before comparing. Structure, classes, other
    /// attributes and text must match exactly.
    /// </summary>
    public static void ShouldMatchFixture(
        this string actual, GovUkFixture fixture, IReadOnlyDictionary<string, string>? renames = null)
    {
        var expected = Canonical(fixture.Html, renames);
        var ours = Canonical(actual, renames: null);
        if (ours != expected)
        {
            Assert.Fail($"{fixture}: our HTML differs from govuk-frontend's.\n{FirstDifference(expected, ours)}\n" +
                $"--- govuk-frontend (canonical)\n{expected}\n--- ours (canonical)\n{ours}");
        }
    }

    /// <summary>The first differing line of two canonical forms, with a little context.</summary>
    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        var context = string.Join('\n', expectedLines.Take(line).TakeLast(3));
        return $"First difference at line {line + 1}, after:\n{context}\n" +
            $"expected: {expectedLines.ElementAtOrDefault(line) ?? "(end)"}\n" +
            $"actual:   {actualLines.ElementAtOrDefault(line) ?? "(end)"}";
    }

    /// <summary>The canonical form of some HTML, one node per line.</summary>
    public static string Canonical(string html, IReadOnlyDictionary<string, string>? renames = null)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var builder = new StringBuilder();
        foreach (var node in document.Body!.ChildNodes)
        {
            Write(node, 0, builder, renames);
        }

        return builder.ToString();
    }

    private static void Write(INode node, int depth, StringBuilder builder, IReadOnlyDictionary<string, string>? renames)
    {
        var indent = new string(' ', depth * 2);
        switch (node)
        {
            case IElement element:
                builder.Append(indent).Append('<').Append(element.LocalName);
                foreach (var attribute in element.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
                {
                    builder.Append(' ').Append(attribute.Name).Append("=\"")
                        .Append(AttributeValue(attribute.Name, attribute.Value, renames)).Append('"');
                }

                builder.Append(">\n");
                foreach (var child in element.ChildNodes)
                {
                    Write(child, depth + 1, builder, renames);
                }

                break;

            case IText text:
                var collapsed = Whitespace().Replace(text.Data, " ").Trim();
                if (collapsed.Length > 0)
                {
                    builder.Append(indent).Append('"').Append(collapsed).Append("\"\n");
                }

                break;
        }
    }

    private static string AttributeValue(string name, string value, IReadOnlyDictionary<string, string>? renames)
    {
        var tokens = Whitespace().Split(value.Trim()).Where(token => token.Length > 0);
        if (name == "class")
        {
            return string.Join(' ', tokens.Distinct().Order(StringComparer.Ordinal));
        }

        if (renames is null || !IdAttributes.Contains(name))
        {
            return value;
        }

        return string.Join(' ', tokens.Select(token =>
            renames.TryGetValue(token, out var renamed) ? renamed
            : token.StartsWith('#') && renames.TryGetValue(token[1..], out var fragment) ? "#" + fragment
            : token));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
