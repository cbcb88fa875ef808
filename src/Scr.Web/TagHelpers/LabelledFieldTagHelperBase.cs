using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.TagHelpers;

/// <summary>A form field with a GOV.UK label (input, textarea, select): the label's attributes in one place.</summary>
public abstract class LabelledFieldTagHelperBase : FormFieldTagHelperBase
{
    /// <summary>The label's text; the property's display name unless given.</summary>
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>Makes the label the page's <c>h1</c> (GOV.UK question pages).</summary>
    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    /// <summary>Label size class; <c>govuk-label--l</c> by default when the label is the page heading.</summary>
    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }
}
