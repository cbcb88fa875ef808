using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// The pieces of markup that several GOV.UK components share (label, hint, error message, fieldset,
/// form group, tag), written exactly as govuk-frontend's Nunjucks templates write them.
/// </summary>
internal static class GovUkHtml
{
    /// <summary>
    /// <c>&lt;label class="govuk-label" for="..."&gt;</c>, wrapped in
    /// <c>&lt;h1 class="govuk-label-wrapper"&gt;</c> when the label is the page heading.
    /// </summary>
    public static IHtmlContent Label(string forId, string text, bool isPageHeading, string? classes)
    {
        var label = Element("label", "govuk-label", classes);
        label.Attributes["for"] = forId;
        label.InnerHtml.Append(text);
        if (!isPageHeading)
        {
            return label;
        }

        var heading = Element("h1", "govuk-label-wrapper");
        heading.InnerHtml.AppendHtml(label);
        return heading;
    }

    /// <summary><c>&lt;div id="..." class="govuk-hint"&gt;</c>.</summary>
    public static TagBuilder Hint(string id, string text, string? classes = null)
    {
        var hint = Element("div", "govuk-hint", classes);
        hint.Attributes["id"] = id;
        hint.InnerHtml.Append(text);
        return hint;
    }

    /// <summary>
    /// <c>&lt;p id="..." class="govuk-error-message"&gt;&lt;span class="govuk-visually-hidden"&gt;Error:&lt;/span&gt; message&lt;/p&gt;</c>.
    /// </summary>
    public static TagBuilder ErrorMessage(string id, string message)
    {
        var error = Element("p", "govuk-error-message");
        error.Attributes["id"] = id;
        var prefix = Element("span", "govuk-visually-hidden");
        prefix.InnerHtml.Append("Error:");
        error.InnerHtml.AppendHtml(prefix);
        error.InnerHtml.Append(" " + message);
        return error;
    }

    /// <summary><c>&lt;div class="govuk-form-group"&gt;</c>, with the error modifier when the field has an error.</summary>
    public static TagBuilder FormGroup(bool hasError)
    {
        return Element("div", "govuk-form-group", hasError ? "govuk-form-group--error" : null);
    }

    /// <summary>
    /// <c>&lt;fieldset class="govuk-fieldset"&gt;</c> with its legend (an <c>h1</c> inside the legend when it is
    /// the page heading). The caller appends the fieldset's content.
    /// </summary>
    public static TagBuilder Fieldset(string legend, bool isPageHeading, string? legendClasses, string? describedBy, string? role = null)
    {
        var fieldset = Element("fieldset", "govuk-fieldset");
        if (role is not null)
        {
            fieldset.Attributes["role"] = role;
        }

        if (!string.IsNullOrEmpty(describedBy))
        {
            fieldset.Attributes["aria-describedby"] = describedBy;
        }

        var legendElement = Element("legend", "govuk-fieldset__legend", legendClasses);
        if (isPageHeading)
        {
            var heading = Element("h1", "govuk-fieldset__heading");
            heading.InnerHtml.Append(legend);
            legendElement.InnerHtml.AppendHtml(heading);
        }
        else
        {
            legendElement.InnerHtml.Append(legend);
        }

        fieldset.InnerHtml.AppendHtml(legendElement);
        return fieldset;
    }

    /// <summary><c>&lt;strong class="govuk-tag govuk-tag--colour"&gt;</c>.</summary>
    public static TagBuilder Tag(string text, string? colour, string? classes = null)
    {
        var tag = Element("strong", "govuk-tag", TagColourClass(colour), classes);
        tag.InnerHtml.Append(text);
        return tag;
    }

    /// <summary>
    /// The modifier class for a tag colour. govuk-frontend 6 has grey, green, teal, blue (the default
    /// colour; its examples still write <c>govuk-tag--blue</c>), purple, magenta, red, orange and yellow;
    /// "turquoise" and "pink" are its deprecated names for teal and magenta, and "light-blue" (a v4
    /// colour) maps to blue.
    /// </summary>
    public static string? TagColourClass(string? colour)
    {
        var name = colour?.Trim().ToLowerInvariant();
        return name switch
        {
            null or "" => null,
            "blue" or "light-blue" => "govuk-tag--blue",
            "turquoise" or "teal" => "govuk-tag--teal",
            "pink" or "magenta" => "govuk-tag--magenta",
            "grey" or "green" or "purple" or "red" or "orange" or "yellow" => "govuk-tag--" + name,
            _ => throw new InvalidOperationException(
                $"'{colour}' is not a GOV.UK tag colour: use grey, green, teal, blue, purple, magenta, red, orange or yellow."),
        };
    }

    /// <summary>A <see cref="TagBuilder"/> with the given classes (null or empty ones are skipped).</summary>
    public static TagBuilder Element(string tagName, params string?[] classes)
    {
        var element = new TagBuilder(tagName);
        var joined = string.Join(' ', classes.Where(c => !string.IsNullOrWhiteSpace(c)));
        if (joined.Length > 0)
        {
            element.Attributes["class"] = joined;
        }

        return element;
    }

    /// <summary>Appends classes to an element's class attribute, keeping the ones it has first.</summary>
    public static void AppendClasses(TagBuilder element, string? classes)
    {
        if (string.IsNullOrWhiteSpace(classes))
        {
            return;
        }

        element.Attributes["class"] = element.Attributes.TryGetValue("class", out var existing) && !string.IsNullOrEmpty(existing)
            ? existing + " " + classes.Trim()
            : classes.Trim();
    }

    /// <summary>Joins aria-describedby ids, skipping empty ones; null when there are none.</summary>
    public static string? DescribedBy(params string?[] ids)
    {
        var joined = string.Join(' ', ids.Where(id => !string.IsNullOrEmpty(id)));
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>
    /// Copies the attributes written on the tag helper element that it does not bind itself (for example
    /// <c>data-testid</c>, <c>autocomplete</c>, <c>formaction</c>) onto the element that GOV.UK's
    /// <c>attributes</c> option would target; <c>class</c> is appended to the element's classes.
    /// </summary>
    public static void CopyAttributes(TagHelperAttributeList attributes, TagBuilder target)
    {
        foreach (var attribute in attributes)
        {
            var value = AttributeValue(attribute);
            if (string.Equals(attribute.Name, "class", StringComparison.OrdinalIgnoreCase))
            {
                AppendClasses(target, value);
            }
            else
            {
                target.Attributes[attribute.Name] = value;
            }
        }
    }

    /// <summary>An attribute's unencoded value ("" for a minimised attribute such as <c>disabled</c>).</summary>
    public static string AttributeValue(TagHelperAttribute attribute)
    {
        switch (attribute.Value)
        {
            case null:
                return string.Empty;
            case string text:
                return text;
            case IHtmlContent html:
                using (var writer = new StringWriter(CultureInfo.InvariantCulture))
                {
                    html.WriteTo(writer, HtmlEncoder.Default);
                    return WebUtility.HtmlDecode(writer.ToString());
                }

            default:
                return Convert.ToString(attribute.Value, CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }

    /// <summary>Replaces the tag helper element with the given markup.</summary>
    public static void Render(TagHelperOutput output, IHtmlContent content)
    {
        output.TagName = null;
        output.Attributes.Clear();
        output.Content.SetHtmlContent(content);
    }

    /// <summary>True when child content has something other than whitespace.</summary>
    public static bool HasContent(TagHelperContent? content)
    {
        return content is not null && !content.IsEmptyOrWhiteSpace;
    }
}
