using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// What the form-field tag helpers (input, textarea, select, radios, checkboxes, date input) share:
/// binding to a model property through <c>for</c>, and reading the posted value and the field's error
/// from <see cref="ModelStateDictionary"/>.
/// </summary>
/// <remarks>
/// <para>
/// Names and ids: the field's <c>name</c> is the full HTML field name of the <c>for</c> expression
/// (<c>Input.IncidentDate</c>, as the model binder expects), and its <c>id</c> is the same string, dots
/// kept (no <c>Html.IdFor</c>-style sanitising), so a ModelState key is also the id of the field it
/// belongs to and the error summary can link to <c>#</c> + key. Sub-fields append to both:
/// a date input's parts are <c>Input.IncidentDate.Day</c>/<c>.Month</c>/<c>.Year</c>; radios and
/// checkboxes follow GOV.UK (<c>Input.Harm</c>, <c>Input.Harm-2</c>, <c>Input.Harm-3</c>...). Hints and
/// error messages are <c>{id}-hint</c> and <c>{id}-error</c>. The <c>id</c> and <c>name</c> attributes
/// override the derived values.
/// </para>
/// <para>
/// Values: ModelState's attempted value when there is one (what the user typed, even if it did not
/// bind), otherwise the model's value. Errors: the first error recorded under the field's name.
/// </para>
/// </remarks>
public abstract class FormFieldTagHelperBase : TagHelper
{
    /// <summary>The model property the field is bound to.</summary>
    [HtmlAttributeName("for")]
    public ModelExpression? For { get; set; }

    /// <summary>Overrides the id derived from <see cref="For"/>.</summary>
    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    /// <summary>Overrides the name derived from <see cref="For"/> (required when there is no <c>for</c>).</summary>
    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    /// <summary>Hint text shown under the label or legend.</summary>
    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>The field's name: <see cref="Name"/>, or the full HTML field name of <see cref="For"/>.</summary>
    protected string FieldName =>
        Name ?? (For is not null
            ? ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name)
            : throw new InvalidOperationException("A GOV.UK form field needs a 'for' or a 'name' attribute."));

    /// <summary>The field's id: <see cref="Id"/>, or the field's name.</summary>
    protected string FieldId => string.IsNullOrEmpty(Id) ? FieldName : Id;

    protected ModelStateDictionary ModelState => ViewContext.ViewData.ModelState;

    /// <summary>The bound property's display name, used when no label or legend is given.</summary>
    protected string DisplayName => For?.Metadata.GetDisplayName() ?? FieldName;

    /// <summary>The first error message recorded under <paramref name="key"/>, if any.</summary>
    protected string? ErrorFor(string key) => FieldErrors.FirstMessage(ModelState, key);

    /// <summary>What the field shows: the attempted value from ModelState, else the model's value.</summary>
    protected string? CurrentValue()
    {
        if (ModelState.TryGetValue(FieldName, out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }

        return FormatValue(For?.Model);
    }

    /// <summary>The values of a multi-valued field (checkboxes): posted values, else the model's collection.</summary>
    protected IReadOnlyCollection<string> CurrentValues()
    {
        if (ModelState.TryGetValue(FieldName, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string single => [single],
                IEnumerable<string> many => many.ToArray(),
                _ => [FormatValue(entry.RawValue) ?? string.Empty],
            };
        }

        return For?.Model switch
        {
            null => [],
            string single => [single],
            IEnumerable many => many.Cast<object?>().Select(FormatValue).OfType<string>().ToArray(),
            var single => [FormatValue(single) ?? string.Empty],
        };
    }

    /// <summary>
    /// How a model value is written into a form: booleans as <c>true</c>/<c>false</c> (what a radio's value
    /// usually is), enums by name, numbers and dates in the current culture.
    /// </summary>
    internal static string? FormatValue(object? value)
    {
        return value switch
        {
            null => null,
            string text => text,
            bool flag => flag ? "true" : "false",
            Enum member => member.ToString(),
            IFormattable formattable => formattable.ToString(null, CultureInfo.CurrentCulture),
            _ => value.ToString(),
        };
    }
}
