using Scr.Core.Models;

namespace Scr.Core.Rules;

/// <summary>One section of the agency report template: its key, heading, what to write, and whether a short report needs it.</summary>
public sealed record AgencyReportSection(string Key, string Title, string Guidance, bool InShortReport);

/// <summary>
/// The agency report (individual management review) as the review asks for it: the template, following the outline of
/// WT2006 8.26 and seed 000 Stage 2, what a submission must hold, how the review team's decision is recorded, and where a
/// report stands. The one place these rules live.
/// </summary>
public static class AgencyReportRules
{
    public const int SeniorOfficerMaxLength = 300;

    /// <summary>The template. A full management review needs every section; a short agency report the ones marked.</summary>
    public static readonly IReadOnlyList<AgencyReportSection> Template =
    [
        new("scope", "Terms of reference and how the review was done",
            "What the terms of reference ask of your agency, the period your review covers, and how you carried it out. "
            + "Say that you were not directly concerned with the child or family and do not line-manage anyone who was (WT2006 8.20).", true),
        new("sources", "Sources of information",
            "The records you read and the staff you interviewed, by role rather than name. Each interview record is shared with the "
            + "interviewee (WT2006 8.27).", false),
        new("involvement", "Your agency's involvement with the child and family",
            "A short factual account of your agency's contact with the child and family: the full chronology is submitted on the "
            + "chronology template, not here. Describe the family as your agency knew them.", true),
        new("analysis", "Analysis of involvement",
            "Look openly and critically at individual and organisational practice (WT2006 8.22). For the key decisions and actions, "
            + "say not only what happened but why. Was the child seen, and were their wishes and feelings sought? Was practice "
            + "sensitive to the family's racial, cultural, linguistic and religious identity? Were policies and procedures followed, "
            + "and were they good enough? What supervision and management oversight was there, and were senior managers involved "
            + "when they should have been? What were the workload and resources at the time?", true),
        new("effectivePractice", "Effective practice",
            "What your agency did well, and should keep doing.", false),
        new("lessons", "Lessons learned",
            "What the case shows could and should change in your agency's practice, and how the change will come about.", true),
        new("recommendations", "Recommendations and action plan",
            "Few in number, focused and specific, and capable of being implemented: for each, the action, who owns it and by when. "
            + "Start putting the learning into practice now; do not wait for the overview report (seed 003 §4).", true),
    ];

    public static AgencyReportSection? SectionFor(string key) => Template.FirstOrDefault(s => s.Key == key);

    /// <summary>The sections a report of this kind must complete before it is submitted.</summary>
    public static IReadOnlyList<AgencyReportSection> RequiredSections(AgencyReportsRequirement kind) =>
        kind == AgencyReportsRequirement.ShortAgencyReports ? Template.Where(s => s.InShortReport).ToList() : Template;

    /// <summary>Where a report stands: from its author, its versions and the review team's latest decision.</summary>
    public static AgencyReportStatus StatusOf(AgencyReport report)
    {
        if (report.AuthorId is null)
        {
            return AgencyReportStatus.AuthorToBeNamed;
        }
        var latest = report.Latest;
        var decision = report.LatestQualityReview;
        if (latest is null)
        {
            return AgencyReportStatus.BeingWritten;
        }
        if (latest.IsSubmitted)
        {
            return decision is { } d && d.VersionNumber == latest.Number
                ? d.Outcome == QualityAssuranceOutcome.Accepted ? AgencyReportStatus.QualityAssured : AgencyReportStatus.ChangesRequested
                : AgencyReportStatus.Submitted;
        }
        return decision is { Outcome: QualityAssuranceOutcome.ChangesRequested } ? AgencyReportStatus.ChangesRequested : AgencyReportStatus.BeingWritten;
    }

    /// <summary>Section texts as saved: only the template's sections, each within its length. Fields are "sections.KEY".</summary>
    public static IReadOnlyList<RuleProblem> CheckSections(IReadOnlyDictionary<string, string?> sections)
    {
        var problems = new List<RuleProblem>();
        foreach (var (key, text) in sections)
        {
            if (SectionFor(key) is not { } section)
            {
                problems.Add(new RuleProblem($"sections.{key}", $"'{key}' is not a section of the agency report template"));
            }
            else if (text?.Trim().Length > AgencyReportVersion.SectionMaxLength)
            {
                problems.Add(new RuleProblem($"sections.{key}", $"{section.Title} must be {AgencyReportVersion.SectionMaxLength:N0} characters or fewer"));
            }
        }
        return problems;
    }

    /// <summary>What a draft lacks before it can be submitted: every required section, and the senior officer who accepts its findings.</summary>
    public static IReadOnlyList<RuleProblem> MissingForSubmission(AgencyReportsRequirement kind, IReadOnlyDictionary<string, string> sections,
        string? seniorOfficer)
    {
        var problems = RequiredSections(kind)
            .Where(s => !sections.TryGetValue(s.Key, out var text) || string.IsNullOrWhiteSpace(text))
            .Select(s => new RuleProblem($"sections.{s.Key}", $"Complete the section '{s.Title}' before submitting the report"))
            .ToList();
        if (string.IsNullOrWhiteSpace(seniorOfficer))
        {
            problems.Add(new RuleProblem("seniorOfficer", "Enter the senior officer who commissioned the report and accepts its findings"));
        }
        else if (seniorOfficer.Trim().Length > SeniorOfficerMaxLength)
        {
            problems.Add(new RuleProblem("seniorOfficer", $"The senior officer must be {SeniorOfficerMaxLength:N0} characters or fewer"));
        }
        return problems;
    }

    /// <summary>A report sent back must say why: the author needs the comments to revise it.</summary>
    public static IReadOnlyList<RuleProblem> CheckQualityReview(QualityAssuranceOutcome? outcome, string? commentsForAuthor, string? panelNotes)
    {
        var problems = new List<RuleProblem>();
        if (outcome is null)
        {
            problems.Add(new("outcome", "Select whether the report is accepted or sent back for changes"));
        }
        if (outcome == QualityAssuranceOutcome.ChangesRequested && string.IsNullOrWhiteSpace(commentsForAuthor))
        {
            problems.Add(new("commentsForAuthor", "Enter the comments for the author: what must change before the report can be accepted"));
        }
        if (commentsForAuthor?.Trim().Length > AgencyReport.TextMaxLength)
        {
            problems.Add(new("commentsForAuthor", $"The comments must be {AgencyReport.TextMaxLength:N0} characters or fewer"));
        }
        if (panelNotes?.Trim().Length > AgencyReport.TextMaxLength)
        {
            problems.Add(new("panelNotes", $"The review team's notes must be {AgencyReport.TextMaxLength:N0} characters or fewer"));
        }
        return problems;
    }

    /// <summary>A feedback session has a date not in the future, who attended and what was said.</summary>
    public static IReadOnlyList<RuleProblem> CheckStaffFeedback(DateOnly? heldOn, string? attended, string? notes, DateOnly today)
    {
        var problems = new List<RuleProblem>();
        if (heldOn is null)
        {
            problems.Add(new("heldOn", "Enter the date the feedback was given"));
        }
        else if (heldOn > today)
        {
            problems.Add(new("heldOn", "The date the feedback was given must be today or in the past"));
        }
        if (string.IsNullOrWhiteSpace(attended))
        {
            problems.Add(new("attended", "Enter who attended, by role"));
        }
        else if (attended.Trim().Length > AgencyReport.TextMaxLength)
        {
            problems.Add(new("attended", $"Who attended must be {AgencyReport.TextMaxLength:N0} characters or fewer"));
        }
        if (string.IsNullOrWhiteSpace(notes))
        {
            problems.Add(new("notes", "Enter what was fed back to staff"));
        }
        else if (notes.Trim().Length > AgencyReport.TextMaxLength)
        {
            problems.Add(new("notes", $"The notes must be {AgencyReport.TextMaxLength:N0} characters or fewer"));
        }
        return problems;
    }

    /// <summary>What asking agencies for reports needs: at least one agency, a kind, and a due date not in the past.</summary>
    public static IReadOnlyList<RuleProblem> CheckRequest(IReadOnlyCollection<Guid> agencyIds, AgencyReportsRequirement? kind, DateOnly? dueOn, string? note,
        DateOnly today)
    {
        var problems = new List<RuleProblem>();
        if (agencyIds.Count == 0)
        {
            problems.Add(new("agencyIds", "Select at least one agency to ask for a report"));
        }
        if (kind is null or AgencyReportsRequirement.NotRequired)
        {
            problems.Add(new("kind", "Select whether the agencies write full management reviews or short agency reports"));
        }
        if (dueOn is null)
        {
            problems.Add(new("dueOn", "Enter the date the report is due"));
        }
        else if (dueOn < today)
        {
            problems.Add(new("dueOn", "The date the report is due must be today or in the future"));
        }
        if (note?.Trim().Length > AgencyReport.TextMaxLength)
        {
            problems.Add(new("note", $"The note must be {AgencyReport.TextMaxLength:N0} characters or fewer"));
        }
        return problems;
    }
}
