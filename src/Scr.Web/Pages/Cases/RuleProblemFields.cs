using Microsoft.AspNetCore.Mvc.ModelBinding;
using Scr.Core.Rules;

namespace Scr.Web.Pages.Cases;

/// <summary>Puts the core's refusals beside the form's fields, so each message shows where the GOV.UK error summary links.</summary>
public static class RuleProblemFields
{
    /// <summary>
    /// Each problem on its field (the core's <c>periodTo</c> → <c>Input.PeriodTo</c>): a field that already has a message (from
    /// the form's own checks) keeps only that one. Problems that name no field are the form's, and each is shown once.
    /// </summary>
    public static void AddRuleProblems(this ModelStateDictionary modelState, IEnumerable<RuleProblem> problems, string prefix = "Input")
    {
        foreach (var problem in problems)
        {
            var key = problem.Field is { Length: > 0 } f ? $"{prefix}.{char.ToUpperInvariant(f[0])}{f[1..]}" : "";
            var shown = modelState.TryGetValue(key, out var entry) ? entry.Errors : null;
            if (shown is null || (key.Length == 0 ? shown.All(e => e.ErrorMessage != problem.Message) : shown.Count == 0))
            {
                modelState.AddModelError(key, problem.Message);
            }
        }
    }
}
