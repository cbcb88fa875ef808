using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Scr.Web.TagHelpers;

/// <summary>The GOV.UK "Dates" pattern's error messages for a three-field date.</summary>
public static class DateInputValidation
{
    /// <summary>What a period filter says of an end before its start, on a page and in the API.</summary>
    public const string EndBeforeStart = "The end date must be the same as or after the start date";

    /// <summary>
    /// A period filter of two optional date inputs (the page's From and To): each date checked beside its field, and an end
    /// before the start refused beside the end and not applied.
    /// </summary>
    public static (DateOnly? From, DateOnly? To) ValidatePeriod(ModelStateDictionary modelState, DateInputModel from, DateInputModel to,
        string fromKey = "From", string toKey = "To")
    {
        var start = from.IsEmpty ? null : from.Validate(modelState, fromKey, "the start date");
        var end = to.IsEmpty ? null : to.Validate(modelState, toKey, "the end date");
        if (start is not null && end is not null && end < start)
        {
            modelState.AddModelError(toKey, EndBeforeStart);
            end = null;
        }
        return (start, end);
    }

    /// <summary>The date, or null after adding the right message for <paramref name="key"/>.</summary>
    public static DateOnly? Validate(this DateInputModel input, ModelStateDictionary modelState, string key, string description, DateOnly? latest = null)
    {
        var subject = char.ToUpperInvariant(description[0]) + description[1..];
        // Text that is not a number fails model binding with the framework's wording; replace it with the pattern's.
        var unbindable = false;
        foreach (var part in new[] { "Day", "Month", "Year" })
        {
            if (modelState.TryGetValue($"{key}.{part}", out var entry) && entry.Errors.Count > 0)
            {
                modelState.Remove($"{key}.{part}");
                unbindable = true;
            }
        }
        if (unbindable)
        {
            modelState.AddModelError(key, $"{subject} must be a real date");
            return null;
        }
        var missing = new List<string>();
        if (input.Day is null)
        {
            missing.Add("day");
        }
        if (input.Month is null)
        {
            missing.Add("month");
        }
        if (input.Year is null)
        {
            missing.Add("year");
        }
        if (missing.Count == 3)
        {
            modelState.AddModelError(key, $"Enter {description}");
            return null;
        }
        if (missing.Count > 0)
        {
            modelState.AddModelError(key, $"{subject} must include a {string.Join(" and ", missing)}");
            return null;
        }
        if (input.Year is < 1000 or > 9999)
        {
            modelState.AddModelError(key, "Year must include 4 numbers");
            return null;
        }
        if (input.Month is < 1 or > 12 || input.Day < 1 || input.Day > DateTime.DaysInMonth(input.Year!.Value, input.Month!.Value))
        {
            modelState.AddModelError(key, $"{subject} must be a real date");
            return null;
        }
        var date = new DateOnly(input.Year!.Value, input.Month!.Value, input.Day!.Value);
        if (latest is { } last && date > last)
        {
            modelState.AddModelError(key, $"{subject} must be today or in the past");
            return null;
        }
        return date;
    }
}
