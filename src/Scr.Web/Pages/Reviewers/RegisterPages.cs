using Microsoft.AspNetCore.Mvc.ModelBinding;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Reviewers;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Reviewers;

/// <summary>What the register's pages share: the options of its choices, and the rules' problems put on the form's fields.</summary>
public static class RegisterPages
{
    public static IReadOnlyList<RadioItem> RegionItems { get; } = Enum.GetValues<Region>().Where(r => r != Region.NotKnown)
        .Select(r => new RadioItem(r.ToString(), Labels.Of(r))).ToList();

    public static IReadOnlyList<RadioItem> MethodologyItems { get; } = Enum.GetValues<Methodology>()
        .Select(m => new RadioItem(m.ToString(), Labels.Of(m))).ToList();

    public static IReadOnlyList<RadioItem> CaseTypeItems { get; } = Enum.GetValues<IncidentType>()
        .Select(t => new RadioItem(t.ToString(), Labels.Of(t))).ToList();

    /// <summary>Puts each problem on the field it names ("availableFrom" on "Input.AvailableFrom"), unless the form already put one there.</summary>
    public static void AddProblems(ModelStateDictionary modelState, IEnumerable<RuleProblem> problems, string prefix = "Input")
    {
        foreach (var problem in problems)
        {
            var key = problem.Field is { Length: > 0 } field ? $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}" : "";
            if (!modelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
            {
                modelState.AddModelError(key, problem.Message);
            }
        }
    }

    /// <summary>An optional date: none when every part is blank, otherwise checked as GOV.UK's date pattern says.</summary>
    public static DateOnly? OptionalDate(DateInputModel input, ModelStateDictionary modelState, string key, string description, DateOnly? latest = null) =>
        input.IsEmpty && !new[] { "Day", "Month", "Year" }.Any(p => modelState.TryGetValue($"{key}.{p}", out var e) && e.Errors.Count > 0)
            ? null
            : input.Validate(modelState, key, description, latest);

    /// <summary>Availability in words: "Available now", "From 1 March 2027", "Until 30 June 2027", "Not taking on reviews".</summary>
    public static string Availability(ReviewerEntry entry, DateOnly today)
    {
        var profile = entry.Profile;
        if (profile.Capacity == 0)
        {
            return "Not taking on reviews";
        }
        var dates = (profile.AvailableFrom, profile.AvailableUntil) switch
        {
            ({ } from, { } until) => $"from {Labels.Date(from)} until {Labels.Date(until)}",
            ({ } from, null) => $"from {Labels.Date(from)}",
            (null, { } until) => $"until {Labels.Date(until)}",
            _ => "with no end date",
        };
        var load = $"leading {entry.CurrentLoad} of {profile.Capacity} at once";
        return entry.IsAvailableOn(today) ? $"Available {dates}; {load}" : $"Not available now ({dates}; {load})";
    }
}
