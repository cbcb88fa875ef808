using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Scr.Web.TagHelpers;

/// <summary>
/// A time of day typed into a text input (GOV.UK has no time component): 9:30am, 2pm, 14:30, 14.30 or 1430. The
/// messages follow the "Dates" pattern's wording.
/// </summary>
public static class TimeInputValidation
{
    /// <summary>The time, or null after adding the right message for <paramref name="key"/>.</summary>
    public static TimeOnly? ValidateTime(this string? text, ModelStateDictionary modelState, string key, string description)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            modelState.AddModelError(key, $"Enter {description}");
            return null;
        }
        var time = Parse(text);
        if (time is null)
        {
            modelState.AddModelError(key, $"{char.ToUpperInvariant(description[0])}{description[1..]} must be a real time, like 9:30am or 14:30");
        }
        return time;
    }

    /// <summary>The time the text names, or null when it names none.</summary>
    public static TimeOnly? Parse(string text)
    {
        var value = text.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace('.', ':');
        var pm = value.EndsWith("pm", StringComparison.Ordinal);
        var am = value.EndsWith("am", StringComparison.Ordinal);
        if (am || pm)
        {
            value = value[..^2];
        }
        string hours;
        var minutes = "00";
        var parts = value.Split(':');
        if (parts.Length == 2 && parts[1].Length == 2)
        {
            (hours, minutes) = (parts[0], parts[1]);
        }
        else if (parts.Length == 1 && value.Length == 4 && !am && !pm)
        {
            (hours, minutes) = (value[..2], value[2..]);
        }
        else if (parts.Length == 1 && (am || pm))
        {
            hours = value;
        }
        else
        {
            return null;
        }
        if (hours.Length is < 1 or > 2 || !int.TryParse(hours, NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || minute > 59)
        {
            return null;
        }
        if (am || pm)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }
            hour = (hour % 12) + (pm ? 12 : 0);
        }
        else if (hour > 23)
        {
            return null;
        }
        return new TimeOnly(hour, minute);
    }
}
