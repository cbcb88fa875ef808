using Microsoft.AspNetCore.Mvc;

namespace Scr.Web.TagHelpers;

/// <summary>
/// The three fields of a GOV.UK date input (Day, Month, Year), as a page model property that
/// <c>&lt;govuk-date-input for="Input.IncidentDate"&gt;</c> binds to. The fields post as
/// <c>Input.IncidentDate.Day</c>, <c>.Month</c> and <c>.Year</c>.
/// </summary>
/// <remarks>
/// Bound by <see cref="DateInputModelBinder"/>, which never adds binding errors of its own: a part that is
/// not a whole number is left null (what the user typed stays in ModelState and is shown again), so
/// the page's validation decides the GOV.UK message ("Enter the date of the incident", "Date of the
/// incident must include a month", "Date of the incident must be a real date").
/// </remarks>
[ModelBinder(typeof(DateInputModelBinder))]
public sealed class DateInputModel
{
    public int? Day { get; set; }

    public int? Month { get; set; }

    public int? Year { get; set; }

    /// <summary>True when none of the three parts has a value.</summary>
    public bool IsEmpty => Day is null && Month is null && Year is null;

    /// <summary>
    /// The date, or null when a part is missing or the parts do not make a real date (a four-digit
    /// year, a month from 1 to 12, a day that exists in that month).
    /// </summary>
    public DateOnly? ToDate()
    {
        if (Day is not { } day || Month is not { } month || Year is not { } year)
        {
            return null;
        }

        if (year is < 1000 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    /// <summary>The fields for a date (all empty for null), for showing a saved date in the form.</summary>
    public static DateInputModel From(DateOnly? date)
    {
        return date is { } value
            ? new DateInputModel { Day = value.Day, Month = value.Month, Year = value.Year }
            : new DateInputModel();
    }
}
