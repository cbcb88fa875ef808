using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>
/// GOV.UK date input (three fields) bound to a <see cref="DateInputModel"/> property:
/// <c>&lt;govuk-date-input for="Input.IncidentDate" legend="When did the incident happen?" hint="For example, 27 3 2025" legend-is-page-heading /&gt;</c>.
/// </summary>
/// <remarks>
/// Ids and names: the container is <c>{id}</c>, the fields <c>{id}.Day</c>, <c>{id}.Month</c>,
/// <c>{id}.Year</c> (names likewise from the field name), so the error summary links a date error to
/// <c>#Input.IncidentDate.Day</c>. Errors: the message is the first error under the date's key or any of
/// its parts; the fields that have errors of their own (key <c>Input.IncidentDate.Month</c>) get the
/// error style, or all three when the error is on the date as a whole.
/// </remarks>
[HtmlTargetElement("govuk-date-input")]
public sealed class DateInputTagHelper : FormFieldTagHelperBase
{
    private static readonly (string Part, string Label, string Width)[] Parts =
    [
        (nameof(DateInputModel.Day), "Day", "govuk-input--width-2"),
        (nameof(DateInputModel.Month), "Month", "govuk-input--width-2"),
        (nameof(DateInputModel.Year), "Year", "govuk-input--width-4"),
    ];

    /// <summary>The question, as the fieldset's legend; the property's display name unless given.</summary>
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    /// <summary>Makes the legend the page's <c>h1</c> (GOV.UK question pages).</summary>
    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    /// <summary>Legend size class; <c>govuk-fieldset__legend--l</c> by default when the legend is the page heading.</summary>
    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldId;
        var name = FieldName;
        var partErrors = Parts.Select(p => ErrorFor($"{name}.{p.Part}")).ToArray();
        var wholeError = ErrorFor(name);
        var error = wholeError ?? partErrors.FirstOrDefault(e => e is not null);
        var anyPartHasError = partErrors.Any(e => e is not null);
        var hintId = string.IsNullOrEmpty(Hint) ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";
        var model = For?.Model switch
        {
            DateInputModel date => date,
            DateOnly date => DateInputModel.From(date),
            _ => null,
        };
        int?[] modelParts = [model?.Day, model?.Month, model?.Year];

        var group = GovUkHtml.FormGroup(error is not null);
        var fieldset = GovUkHtml.Fieldset(
            Legend ?? DisplayName,
            LegendIsPageHeading,
            LegendClass ?? (LegendIsPageHeading ? "govuk-fieldset__legend--l" : null),
            GovUkHtml.DescribedBy(hintId, errorId),
            role: "group");
        if (hintId is not null)
        {
            fieldset.InnerHtml.AppendHtml(GovUkHtml.Hint(hintId, Hint!));
        }

        if (errorId is not null)
        {
            fieldset.InnerHtml.AppendHtml(GovUkHtml.ErrorMessage(errorId, error!));
        }

        var dateInput = GovUkHtml.Element("div", "govuk-date-input");
        GovUkHtml.CopyAttributes(output.Attributes, dateInput);
        dateInput.Attributes["id"] = id;

        for (var i = 0; i < Parts.Length; i++)
        {
            var (part, label, width) = Parts[i];
            var partId = $"{id}.{part}";
            var partName = $"{name}.{part}";
            var partHasError = anyPartHasError ? partErrors[i] is not null : wholeError is not null;

            var input = GovUkHtml.Element(
                "input", "govuk-input", "govuk-date-input__input", partHasError ? "govuk-input--error" : null, width);
            input.TagRenderMode = TagRenderMode.StartTag;
            input.Attributes["id"] = partId;
            input.Attributes["name"] = partName;
            input.Attributes["type"] = "text";
            input.Attributes["inputmode"] = "numeric";
            var value = ModelState.TryGetValue(partName, out var entry) && entry.AttemptedValue is not null
                ? entry.AttemptedValue
                : FormatValue(modelParts[i]);
            if (!string.IsNullOrEmpty(value))
            {
                input.Attributes["value"] = value;
            }

            var partGroup = GovUkHtml.FormGroup(hasError: false);
            partGroup.InnerHtml.AppendHtml(GovUkHtml.Label(partId, label, isPageHeading: false, "govuk-date-input__label"));
            partGroup.InnerHtml.AppendHtml(input);

            var item = GovUkHtml.Element("div", "govuk-date-input__item");
            item.InnerHtml.AppendHtml(partGroup);
            dateInput.InnerHtml.AppendHtml(item);
        }

        fieldset.InnerHtml.AppendHtml(dateInput);
        group.InnerHtml.AppendHtml(fieldset);
        GovUkHtml.Render(output, group);
    }
}
