using System.Globalization;
using Scr.Core.Rules;

namespace Scr.Core.Services.Reviews;

/// <summary>
/// What a notification must say before it is saved, whoever sends it: the site's form, the API or the CLI's bulk import.
/// Pure: the checks that need the database (the board, the agencies serving it) are in
/// <see cref="ReviewService.CheckAsync"/>, which also applies these. Problems name the API's fields.
/// </summary>
public static class NotificationRules
{
    public const int ChildNameMaxLength = 200;
    public const int TextMaxLength = 4000;

    /// <summary>The oldest age at the incident, in months: a child is under 18.</summary>
    public const int MaxAgeMonths = 216;

    /// <summary>Checks the notification against the rules; <paramref name="today"/> is the UK date, for dates in the future.</summary>
    public static IReadOnlyList<RuleProblem> Check(NotifyOptions options, DateOnly today)
    {
        var problems = new List<RuleProblem>();
        if (options.IncidentDate > today)
        {
            problems.Add(new("incidentDate", "The date of the incident must be today or in the past"));
        }
        if (options.KnownToBoardOn > today)
        {
            problems.Add(new("knownToBoardOn", "The date the board knew of the incident must be today or in the past"));
        }
        if (options.KnownToBoardOn < options.IncidentDate)
        {
            problems.Add(new("knownToBoardOn", "The date the board knew of the incident must be the same as or after the date of the incident"));
        }
        if (options.Children.Count == 0)
        {
            problems.Add(new("children", "Enter at least one child"));
        }
        for (var i = 0; i < options.Children.Count; i++)
        {
            var child = options.Children[i];
            if (string.IsNullOrWhiteSpace(child.Name))
            {
                problems.Add(new($"children[{i}].name", "Enter the name of each child"));
            }
            else if (child.Name.Trim().Length > ChildNameMaxLength)
            {
                problems.Add(new($"children[{i}].name", $"Name must be {ChildNameMaxLength} characters or fewer"));
            }
            if (child.AgeAtIncidentMonths is < 0 or > MaxAgeMonths)
            {
                problems.Add(new($"children[{i}].ageAtIncidentMonths", $"Age at the incident must be between 0 and {MaxAgeMonths} months"));
            }
        }
        Text(problems, "summary", "Summary", options.Summary);
        Text(problems, "otherChildrenAtRisk", "Other children at risk", options.OtherChildrenAtRisk);
        Text(problems, "immediateActions", "Immediate actions", options.ImmediateActions);
        if (options.AgencyIds.Distinct().Count() != options.AgencyIds.Count)
        {
            problems.Add(new("agencyIds", "Name each agency once"));
        }
        return problems;
    }

    private static void Text(List<RuleProblem> problems, string field, string name, string? text)
    {
        if ((text?.Trim().Length ?? 0) > TextMaxLength)
        {
            problems.Add(new(field, $"{name} must be {TextMaxLength.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer"));
        }
    }
}
