using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Exchange;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services.Exchange;

namespace Scr.Web.Pages.Analysis.Coding;

/// <summary>What the coding and settling pages share: the report's text beside the form, and the form's answers read by key.</summary>
public abstract class CodingPageModel : PageModel
{
    public CodingPage View { get; protected set; } = null!;
    public ExchangeReview Review => View.Review;

    /// <summary>The questions by section, in the form's order.</summary>
    public IEnumerable<IGrouping<string, CodingQuestion>> Sections => View.Questions.GroupBy(q => q.Section);

    /// <summary>An answer in words: the choice's label, or the months for an age (empty: not known).</summary>
    public static string Answer(CodingQuestion question, string? value) =>
        question.Choices.Count == 0
            ? string.IsNullOrEmpty(value) ? "Not known" : $"{value} months"
            : question.Choices.FirstOrDefault(c => c.Value == value)?.Label ?? "Not known";

    /// <summary>The form's answer for each of the keys, as posted (the form's fields are named by question key).</summary>
    protected Dictionary<string, string> Posted(IEnumerable<string> keys, string suffix = "")
    {
        var posted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (Request.Form.TryGetValue(key + suffix, out var value))
            {
                posted[key] = value.ToString().Trim();
            }
        }
        return posted;
    }

    public static IEnumerable<string> Paragraphs(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
