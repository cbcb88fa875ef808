using System.Net;
using System.Text.RegularExpressions;

namespace Scr.Cli.Infrastructure;

/// <summary>Just enough HTML reading to fill in the site's sign-in forms: find a form's hidden antiforgery token.</summary>
public static partial class HtmlForms
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>
    /// The value of the hidden <c>__RequestVerificationToken</c> input, taken from the form that has the field
    /// <paramref name="fieldInSameForm"/> when given (a page may have other forms, such as sign-out), else from the first
    /// form that has one. Null when there is none.
    /// </summary>
    public static string? FindAntiforgeryToken(string html, string? fieldInSameForm = null)
    {
        var forms = Form().Matches(html).Select(m => m.Value).ToList();
        if (forms.Count == 0)
        {
            forms.Add(html);
        }
        var candidates = fieldInSameForm is null
            ? forms
            : forms.Where(f => InputValues(f).Any(i => i.Name == fieldInSameForm)).Concat(forms);
        return candidates.Select(form => InputValues(form).FirstOrDefault(i => i.Name == AntiforgeryField).Value)
            .FirstOrDefault(value => value is not null);
    }

    /// <summary>Each input's name and value, with character references decoded.</summary>
    public static IEnumerable<(string Name, string? Value)> InputValues(string html)
    {
        foreach (Match input in Input().Matches(html))
        {
            string? name = null;
            string? value = null;
            foreach (Match attribute in Attribute().Matches(input.Groups["attributes"].Value))
            {
                var text = WebUtility.HtmlDecode(attribute.Groups["double"].Success ? attribute.Groups["double"].Value
                    : attribute.Groups["single"].Success ? attribute.Groups["single"].Value
                    : attribute.Groups["bare"].Value);
                switch (attribute.Groups["name"].Value.ToLowerInvariant())
                {
                    case "name":
                        name = text;
                        break;
                    case "value":
                        value = text;
                        break;
                }
            }
            if (name is not null)
            {
                yield return (name, value ?? "");
            }
        }
    }

    [GeneratedRegex(@"<form\b.*?</form\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex(@"<input\b(?<attributes>[^>]*)>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Input();

    [GeneratedRegex(@"(?<name>[^\s""'>/=]+)(?:\s*=\s*(?:""(?<double>[^""]*)""|'(?<single>[^']*)'|(?<bare>[^\s""'=<>`]+)))?", RegexOptions.Singleline)]
    private static partial Regex Attribute();
}
