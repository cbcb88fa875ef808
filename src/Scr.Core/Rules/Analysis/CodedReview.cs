using System.Globalization;
using Scr.Core.Exchange;
using Scr.Core.Models;

namespace Scr.Core.Rules.Analysis;

/// <summary>One answer a coder may give: its exchange word and how the form shows it.</summary>
public sealed record CodingChoice(string Value, string Label);

/// <summary>
/// One question of the coding of a report. <see cref="Key"/> names it within the report ("child.2.sex",
/// "recommendation.3.focus"); <see cref="Item"/> names it across reports ("child.sex"), which agreement is counted on.
/// </summary>
/// <param name="Choices">The answers allowed; empty for a number (a child's age in months), where empty means not known.</param>
public sealed record CodingQuestion(string Key, string Item, string Section, string Label, IReadOnlyList<CodingChoice> Choices);

/// <summary>
/// The coded data of a report (issue 7 item 2) as questions and answers: children's details, themes, the 17 items of the
/// outline (Table 16), each recommendation's focus (Table 18) and the action plan's six judgements (Table 20). Answers are
/// the exchange format's words (shared/exchange-format.md), so a coding reads and writes the review's record: the current
/// record gives a coding its first answers, and a settled coding is written back into it.
/// </summary>
public static class CodedReview
{
    public const string NotKnown = ExchangeNames.NotKnown;
    public const string Yes = "yes";
    public const string No = "no";

    public const string Children = "Children";
    public const string Themes = "Themes";
    public const string Outline = "Outline of the report (Table 16)";
    public const string Recommendations = "Focus of the recommendations (Table 18)";
    public const string ActionPlan = "Action plan (Table 20)";

    private static readonly Dictionary<OutlineItem, string> OutlineLabels = new()
    {
        [OutlineItem.Circumstances] = "Circumstances that led to the review",
        [OutlineItem.TermsOfReference] = "Terms of reference",
        [OutlineItem.Contributors] = "Contributors to the review",
        [OutlineItem.FamilyContributed] = "Family members contributed",
        [OutlineItem.Genogram] = "Genogram",
        [OutlineItem.IntegratedChronology] = "Integrated chronology",
        [OutlineItem.KnownInformationSummary] = "Summary of what agencies knew",
        [OutlineItem.HowAndWhyAnalysis] = "Analysis of how and why events happened",
        [OutlineItem.AlternativeCourseConsidered] = "Whether a different course was considered",
        [OutlineItem.GoodPractice] = "Good practice",
        [OutlineItem.LessonsSummary] = "Summary of the lessons",
        [OutlineItem.RecommendationsBeyondAgencyReports] = "Recommendations beyond the agency reports",
        [OutlineItem.RecommendationsFewAndSpecific] = "Recommendations few and specific",
        [OutlineItem.NationalLessons] = "Lessons for national policy",
        [OutlineItem.ActionPlanWhoWhatWhen] = "Action plan says who, what and by when",
        [OutlineItem.ActionPlanOutcomes] = "Action plan sets outcomes",
        [OutlineItem.ActionPlanReviewOfOutcomes] = "Action plan reviews its outcomes",
    };

    private static readonly Dictionary<ActionPlanItem, string> PlanLabels = new()
    {
        [ActionPlanItem.PartOfOverviewReport] = "Part of the overview report",
        [ActionPlanItem.SinglePlanForAllAgencies] = "A single plan for all agencies",
        [ActionPlanItem.LinkedToRecommendations] = "Linked to the recommendations",
        [ActionPlanItem.LeadOfficerNamed] = "A lead officer named",
        [ActionPlanItem.CompletionDatesSet] = "Completion dates set",
        [ActionPlanItem.Costed] = "Costed",
    };

    private static readonly CodingChoice[] YesOrNo = [new(Yes, "Yes"), new(No, "No")];

    /// <summary>The item of a key: the key without the number of its child or recommendation ("child.2.sex" → "child.sex").</summary>
    public static string ItemOf(string key) =>
        string.Join('.', key.Split('.').Where(part => !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _)));

    /// <summary>How an item is named on the agreement page.</summary>
    public static string LabelOfItem(string item)
    {
        var parts = item.Split('.');
        return parts switch
        {
            ["child", var field] => $"Child: {ChildLabel(field)}",
            ["theme", var theme] => $"Theme: {Words(theme)}",
            ["outline", var outline] when ExchangeNames.OutlineItem.TryParse(outline, out var o) => $"Outline: {OutlineLabels[o]}",
            ["recommendation", "focus"] => "Recommendation: focus",
            ["plan", var plan] when ExchangeNames.PlanItem.TryParse(plan, out var p) => $"Action plan: {PlanLabels[p]}",
            _ => item,
        };
    }

    /// <summary>Every question of the coding of this review, in the form's order.</summary>
    public static IReadOnlyList<CodingQuestion> Questions(ExchangeReview review)
    {
        var questions = new List<CodingQuestion>();
        for (var i = 0; i < review.Children.Count; i++)
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            void Child(string field, IReadOnlyList<CodingChoice> choices) =>
                questions.Add(new($"child.{n}.{field}", $"child.{field}", Children, $"Child {n}: {ChildLabel(field)}", choices));
            Child("ageAtIncidentMonths", []);
            Child("harm", Choices(ExchangeNames.Incident));
            Child("sex", Choices(ExchangeNames.Sex));
            Child("ethnicity", Choices(ExchangeNames.Ethnicity));
            Child("disability", Choices(ExchangeNames.YesNo));
            Child("childProtectionPlan", Choices(ExchangeNames.ChildProtectionPlan));
            Child("legalStatus", Choices(ExchangeNames.LegalStatus));
        }
        foreach (var theme in ExchangeNames.Theme.Names)
        {
            questions.Add(new($"theme.{theme}", $"theme.{theme}", Themes, Words(theme), YesOrNo));
        }
        foreach (var item in Enum.GetValues<OutlineItem>())
        {
            var name = ExchangeNames.OutlineItem.Name(item);
            questions.Add(new($"outline.{name}", $"outline.{name}", Outline, OutlineLabels[item], Choices(ExchangeNames.OutlineAnswer)));
        }
        for (var i = 0; i < review.Recommendations.Count; i++)
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            questions.Add(new($"recommendation.{n}.focus", "recommendation.focus", Recommendations, $"Recommendation {n}",
                Choices(ExchangeNames.Focus)));
        }
        foreach (var item in Enum.GetValues<ActionPlanItem>())
        {
            var name = ExchangeNames.PlanItem.Name(item);
            questions.Add(new($"plan.{name}", $"plan.{name}", ActionPlan, PlanLabels[item], Choices(ExchangeNames.PlanAnswer)));
        }
        return questions;
    }

    /// <summary>The answers the review's record gives now, for every question.</summary>
    public static Dictionary<string, string> Values(ExchangeReview review)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < review.Children.Count; i++)
        {
            var child = review.Children[i];
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            values[$"child.{n}.ageAtIncidentMonths"] = child.AgeAtIncidentMonths?.ToString(CultureInfo.InvariantCulture) ?? "";
            values[$"child.{n}.harm"] = ExchangeNames.Incident.Name(child.HarmOrIncident(review.Incident));
            values[$"child.{n}.sex"] = ExchangeNames.Sex.Name(child.Sex);
            values[$"child.{n}.ethnicity"] = ExchangeNames.Ethnicity.Name(child.Ethnicity);
            values[$"child.{n}.disability"] = ExchangeNames.YesNo.Name(child.Disability);
            values[$"child.{n}.childProtectionPlan"] = ExchangeNames.ChildProtectionPlan.Name(child.ChildProtectionPlan);
            values[$"child.{n}.legalStatus"] = ExchangeNames.LegalStatus.Name(child.LegalStatus);
        }
        foreach (var theme in Enum.GetValues<ReviewTheme>())
        {
            values[$"theme.{ExchangeNames.Theme.Name(theme)}"] = review.Themes.Contains(theme) ? Yes : No;
        }
        var outline = review.Report?.Outline ?? new ExchangeOutline();
        foreach (var item in Enum.GetValues<OutlineItem>())
        {
            values[$"outline.{ExchangeNames.OutlineItem.Name(item)}"] = ExchangeNames.OutlineAnswer.Name(outline[item]);
        }
        for (var i = 0; i < review.Recommendations.Count; i++)
        {
            values[$"recommendation.{(i + 1).ToString(CultureInfo.InvariantCulture)}.focus"] = ExchangeNames.Focus.Name(review.Recommendations[i].Focus);
        }
        var plan = review.ActionPlan ?? new ExchangeActionPlan();
        foreach (var item in Enum.GetValues<ActionPlanItem>())
        {
            values[$"plan.{ExchangeNames.PlanItem.Name(item)}"] = ExchangeNames.PlanAnswer.Name(plan[item]);
        }
        return values;
    }

    /// <summary>
    /// What is wrong with a coding's answers: each must be one of its question's choices (a child's age a whole number of
    /// months from 0 to 215, or empty), and no key may be a question the review does not ask.
    /// </summary>
    public static IReadOnlyList<RuleProblem> Check(ExchangeReview review, IReadOnlyDictionary<string, string> values)
    {
        var questions = Questions(review).ToDictionary(q => q.Key, StringComparer.Ordinal);
        var problems = new List<RuleProblem>();
        foreach (var (key, value) in values)
        {
            if (!questions.TryGetValue(key, out var question))
            {
                problems.Add(new(key, $"{key} is not a question of this review's coding"));
            }
            else if (question.Choices.Count == 0)
            {
                if (value.Length > 0 && !(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var months)
                    && months <= ExchangeChild.MaximumAgeMonths))
                {
                    problems.Add(new(key, $"{question.Label} must be a whole number of months from 0 to {ExchangeChild.MaximumAgeMonths}, or empty when not known"));
                }
            }
            else if (!question.Choices.Any(c => c.Value == value))
            {
                problems.Add(new(key, $"Select an answer for {question.Label}"));
            }
        }
        return problems;
    }

    /// <summary>The review with the coded answers written into it; questions without an answer keep the record's value.</summary>
    public static ExchangeReview Apply(ExchangeReview review, IReadOnlyDictionary<string, string> values)
    {
        string? Get(string key) => values.TryGetValue(key, out var v) ? v : null;
        T Parse<T>(ExchangeEnum<T> names, string key, T current)
            where T : struct, Enum => Get(key) is { } v && names.TryParse(v, out var parsed) ? parsed : current;

        var children = review.Children.Select((child, i) =>
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            var age = Get($"child.{n}.ageAtIncidentMonths") is { } text
                ? (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var months) ? months : null)
                : child.AgeAtIncidentMonths;
            var harm = Parse(ExchangeNames.Incident, $"child.{n}.harm", child.HarmOrIncident(review.Incident));
            return new ExchangeChild(age,
                // A harm the same as the incident's type stays unsaid, as the format defaults it.
                child.Harm is null && harm == (review.Incident?.Type ?? IncidentType.NotKnown) ? null : harm,
                Parse(ExchangeNames.Sex, $"child.{n}.sex", child.Sex),
                Parse(ExchangeNames.Ethnicity, $"child.{n}.ethnicity", child.Ethnicity),
                Parse(ExchangeNames.YesNo, $"child.{n}.disability", child.Disability),
                Parse(ExchangeNames.ChildProtectionPlan, $"child.{n}.childProtectionPlan", child.ChildProtectionPlan),
                Parse(ExchangeNames.LegalStatus, $"child.{n}.legalStatus", child.LegalStatus));
        }).ToList();
        var themes = Enum.GetValues<ReviewTheme>().Where(t => Get($"theme.{ExchangeNames.Theme.Name(t)}") is { } v ? v == Yes : review.Themes.Contains(t)).ToList();
        var outline = review.Report?.Outline ?? new ExchangeOutline();
        var answers = Enum.GetValues<OutlineItem>().ToDictionary(i => i, i => Parse(ExchangeNames.OutlineAnswer, $"outline.{ExchangeNames.OutlineItem.Name(i)}", outline[i]));
        var recommendations = review.Recommendations.Select((r, i) =>
            r with { Focus = Parse(ExchangeNames.Focus, $"recommendation.{(i + 1).ToString(CultureInfo.InvariantCulture)}.focus", r.Focus) }).ToList();
        var plan = review.ActionPlan ?? new ExchangeActionPlan();
        var judgements = ExchangeActionPlan.JudgementsOf(Enum.GetValues<ActionPlanItem>()
            .ToDictionary(i => i, i => Parse(ExchangeNames.PlanAnswer, $"plan.{ExchangeNames.PlanItem.Name(i)}", plan[i])));
        var planChanged = review.ActionPlan is not null || judgements.Any(j => j != ActionPlanAnswer.NotKnown);
        return review with
        {
            Children = children,
            Themes = themes,
            Report = review.Report is null && answers.Values.All(a => a == OutlineAnswer.NotKnown)
                ? null
                : (review.Report ?? new ExchangeReport()) with { Outline = new ExchangeOutline(answers) },
            Recommendations = recommendations,
            ActionPlan = planChanged ? plan with { Judgements = judgements } : null,
        };
    }

    private static IReadOnlyList<CodingChoice> Choices<T>(ExchangeEnum<T> names)
        where T : struct, Enum => names.Names.Select(n => new CodingChoice(n, Words(n))).ToList();

    private static string ChildLabel(string field) => field switch
    {
        "ageAtIncidentMonths" => "age at the incident (months)",
        "harm" => "harm",
        "sex" => "sex",
        "ethnicity" => "ethnicity",
        "disability" => "disability",
        "childProtectionPlan" => "child protection plan",
        "legalStatus" => "legal status",
        _ => field,
    };

    /// <summary>An exchange word as a label: "parental-mental-ill-health" → "Parental mental ill health".</summary>
    private static string Words(string name)
    {
        var words = name.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
