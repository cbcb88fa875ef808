using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK text input bound to a model property:
/// <c>&lt;govuk-input for="Input.Email" label="Email address" type="email" autocomplete="email" spellcheck="false" /&gt;</c>.
/// Attributes it does not bind (<c>autocomplete</c>, <c>spellcheck</c>, <c>inputmode</c>, <c>pattern</c>,
/// <c>data-testid</c>, <c>class</c>...) are copied onto the <c>input</c>. See
/// <see cref="FormFieldTagHelperBase"/> for names, ids, values and errors.
/// </summary>
[HtmlTargetElement("govuk-input")]
public sealed class InputTagHelper : LabelledFieldTagHelperBase
{
    private static readonly HashSet<string> FractionWidths =
        ["full", "three-quarters", "two-thirds", "one-half", "one-third", "one-quarter"];

    /// <summary><c>text</c> (default), <c>email</c>, <c>password</c>, <c>number</c>, <c>tel</c>...</summary>
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    /// <summary>
    /// Input width: a character count (2, 3, 4, 5, 10, 20, 30 → <c>govuk-input--width-N</c>) or a
    /// fraction (full, three-quarters, two-thirds, one-half, one-third, one-quarter → <c>govuk-!-width-…</c>).
    /// </summary>
    [HtmlAttributeName("width")]
    public string? Width { get; set; }

    /// <summary>Overrides the value from ModelState and the model.</summary>
    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldId;
        var error = ErrorFor(FieldName);
        var hintId = string.IsNullOrEmpty(Hint) ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";
        var type = string.IsNullOrEmpty(Type) ? "text" : Type;

        var group = GovUkHtml.FormGroup(error is not null);
        group.InnerHtml.AppendHtml(GovUkHtml.Label(
            id, Label ?? DisplayName, LabelIsPageHeading, LabelClass ?? (LabelIsPageHeading ? "govuk-label--l" : null)));
        if (hintId is not null)
        {
            group.InnerHtml.AppendHtml(GovUkHtml.Hint(hintId, Hint!));
        }

        if (errorId is not null)
        {
            group.InnerHtml.AppendHtml(GovUkHtml.ErrorMessage(errorId, error!));
        }

        var input = GovUkHtml.Element("input", "govuk-input", WidthClass(Width), error is null ? null : "govuk-input--error");
        input.TagRenderMode = TagRenderMode.StartTag;
        input.Attributes["id"] = id;
        input.Attributes["name"] = FieldName;
        input.Attributes["type"] = type;

        // Never echo a password back into the page.
        var value = string.Equals(type, "password", StringComparison.OrdinalIgnoreCase) ? null : Value ?? CurrentValue();
        if (!string.IsNullOrEmpty(value))
        {
            input.Attributes["value"] = value;
        }

        var describedBy = GovUkHtml.DescribedBy(hintId, errorId);
        if (describedBy is not null)
        {
            input.Attributes["aria-describedby"] = describedBy;
        }

        GovUkHtml.CopyAttributes(output.Attributes, input);
        group.InnerHtml.AppendHtml(input);
        GovUkHtml.Render(output, group);
    }

    private static string? WidthClass(string? width)
    {
        if (string.IsNullOrWhiteSpace(width))
        {
            return null;
        }

        var value = width.Trim().ToLowerInvariant();
        if (int.TryParse(value, out _))
        {
            return "govuk-input--width-" + value;
        }

        return FractionWidths.Contains(value)
            ? "govuk-!-width-" + value
            : throw new InvalidOperationException($"'{width}' is not a GOV.UK input width.");
    }
}
