using System.Text.RegularExpressions;
using Scr.Core.Models;

namespace Scr.Core.Rules;

/// <summary>Terms of reference as a form or the API sends them, before they are checked.</summary>
public sealed record TermsOfReferenceInput(
    IReadOnlyList<string>? KeyLinesOfEnquiry,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo,
    Guid? LeadBoardId,
    IReadOnlyList<Guid>? OtherBoardIds,
    string? BoardsNote,
    IReadOnlyList<Guid>? AgencyIds,
    string? OtherAgencies,
    string? FamilyContribution,
    string? ParallelProcesses,
    string? Timetable,
    string? Publication,
    Methodology? Methodology,
    string? MethodologyNote,
    AgencyReportsRequirement? AgencyReports,
    ChronologyRequirement? Chronology);

/// <summary>The boards and agencies terms of reference may name, by id, with their names.</summary>
public sealed record TermsOfReferenceOptions(IReadOnlyDictionary<Guid, string> Boards, IReadOnlyDictionary<Guid, string> Agencies);

/// <summary>The facts about the case that the warnings weigh.</summary>
public sealed record TermsOfReferenceFacts(Guid BoardId, DateOnly IncidentDate);

/// <summary>Something the terms may get wrong that does not stop them being saved or signed off: shown, not refused.</summary>
public sealed record TermsWarning(string Key, string Field, string Title, string Explanation);

/// <summary>
/// What terms of reference must and should say (seed 000 Stage 2; WT2006 8.7): the checks of a saved draft, what the
/// chair's sign-off needs, and the warnings, among them the rule that key lines of enquiry ask why, not only what. Pure;
/// the one place these rules live.
/// </summary>
public static partial class TermsOfReferenceRules
{
    /// <summary>
    /// The words that make a line of enquiry ask for explanation rather than description (seed 000 Stage 2: "why this
    /// happened?" rather than "what happened?"; 002 ¶27: reports that say why). Whole words or phrases, any case.
    /// </summary>
    public static IReadOnlyList<string> ExplanatoryPhrases { get; } =
    [
        "why", "how far", "to what extent", "to what degree", "how well", "how effectively", "how and why", "in what ways", "what helped",
        "what hindered", "what got in the way", "what prevented", "what enabled", "what influenced", "what factors", "which factors",
        "contributory factors", "contributed to", "underlying", "reason", "reasons", "explain", "explains", "explained", "explanation",
        "account for", "how come",
    ];

    [GeneratedRegex(@"^\s*(?:\(?\d{1,2}[.)]|[-*•–])\s+")]
    private static partial Regex ListMarker();

    private static readonly Regex Explanatory = new(
        @"\b(?:" + string.Join("|", ExplanatoryPhrases.Select(p => Regex.Escape(p).Replace("\\ ", "\\s+", StringComparison.Ordinal))) + @")\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Whether a line of enquiry asks for explanation (why, how far, to what extent…) rather than only what happened.</summary>
    public static bool AsksWhy(string line) => Explanatory.IsMatch(line);

    /// <summary>
    /// True when there are lines of enquiry and none of them asks why: they would describe what happened and explain
    /// nothing. A warning, not a refusal: the board may have its reasons.
    /// </summary>
    public static bool AllAskWhat(IReadOnlyCollection<string> lines) => lines.Count > 0 && !lines.Any(AsksWhy);

    /// <summary>The lines of a text box, one line of enquiry each: blank lines and list markers ("1.", "-") dropped.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => ListMarker().Replace(l.Trim(), "").Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>
    /// Checks a draft: a draft may be incomplete, but what it says must make sense (the period runs forwards and not into
    /// the future, named boards and agencies exist, texts fit). The content to save when there is nothing to refuse.
    /// </summary>
    public static (TermsOfReferenceContent? Content, IReadOnlyList<RuleProblem> Problems) Check(TermsOfReferenceInput input, TermsOfReferenceOptions options,
        DateOnly today)
    {
        var problems = new List<RuleProblem>();
        var lines = (input.KeyLinesOfEnquiry ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > TermsOfReferenceVersion.MaxLines)
        {
            problems.Add(new("keyLinesOfEnquiry",
                $"Keep to {TermsOfReferenceVersion.MaxLines} key lines of enquiry or fewer: terms of reference are clear and concise"));
        }
        if (lines.Any(l => l.Length > TermsOfReferenceVersion.LineMaxLength))
        {
            problems.Add(new("keyLinesOfEnquiry", "Each key line of enquiry must be 1,000 characters or fewer"));
        }
        if (input.PeriodFrom is { } from && input.PeriodTo is { } to && to < from)
        {
            problems.Add(new("periodTo", "The end of the period under review must be on or after its start"));
        }
        if (input.PeriodTo > today)
        {
            problems.Add(new("periodTo", "The end of the period under review must be today or in the past"));
        }
        if (input.PeriodFrom > today)
        {
            problems.Add(new("periodFrom", "The start of the period under review must be today or in the past"));
        }
        NamedOrganisation? lead = null;
        if (input.LeadBoardId is { } leadId)
        {
            if (options.Boards.TryGetValue(leadId, out var name))
            {
                lead = new NamedOrganisation(leadId, name);
            }
            else
            {
                problems.Add(new("leadBoardId", "Select a board from the list"));
            }
        }
        var otherIds = (input.OtherBoardIds ?? []).Distinct().ToList();
        if (otherIds.Any(id => !options.Boards.ContainsKey(id)))
        {
            problems.Add(new("otherBoardIds", "Select other boards from the list"));
        }
        if (lead is not null && otherIds.Contains(lead.Id))
        {
            problems.Add(new("otherBoardIds", "The lead board is not also one of the other boards involved"));
        }
        var agencyIds = (input.AgencyIds ?? []).Distinct().ToList();
        if (agencyIds.Any(id => !options.Agencies.ContainsKey(id)))
        {
            problems.Add(new("agencyIds", "Select agencies from the list; name any other in ‘other agencies and organisations’"));
        }
        Text(problems, "boardsNote", input.BoardsNote, "How the other boards take part");
        Text(problems, "otherAgencies", input.OtherAgencies, "The other agencies and organisations");
        Text(problems, "familyContribution", input.FamilyContribution, "How the family will contribute");
        Text(problems, "parallelProcesses", input.ParallelProcesses, "The parallel processes");
        Text(problems, "timetable", input.Timetable, "The timetable");
        Text(problems, "publication", input.Publication, "The publication expectations");
        Text(problems, "methodologyNote", input.MethodologyNote, "How the methodology will be used");
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var content = new TermsOfReferenceContent(lines, input.PeriodFrom, input.PeriodTo, lead,
            otherIds.Select(id => new NamedOrganisation(id, options.Boards[id])).OrderBy(b => b.Name, StringComparer.Ordinal).ToList(),
            input.BoardsNote, agencyIds.Select(id => new NamedOrganisation(id, options.Agencies[id])).OrderBy(a => a.Name, StringComparer.Ordinal).ToList(),
            input.OtherAgencies, input.FamilyContribution, input.ParallelProcesses, input.Timetable, input.Publication, input.Methodology,
            input.MethodologyNote, input.AgencyReports, input.Chronology);
        return (content, []);
    }

    /// <summary>What terms of reference must say before the chair signs them off; empty when they may be.</summary>
    public static IReadOnlyList<RuleProblem> MissingForSignOff(TermsOfReferenceContent content)
    {
        var missing = new List<RuleProblem>();
        if (content.KeyLinesOfEnquiry.Count == 0)
        {
            missing.Add(new("keyLinesOfEnquiry", "Enter at least one key line of enquiry"));
        }
        if (content.PeriodFrom is null)
        {
            missing.Add(new("periodFrom", "Enter the start of the period under review"));
        }
        if (content.PeriodTo is null)
        {
            missing.Add(new("periodTo", "Enter the end of the period under review"));
        }
        if (content.LeadBoard is null)
        {
            missing.Add(new("leadBoardId", "Select the board that leads the review"));
        }
        if (content.Agencies.Count == 0 && string.IsNullOrWhiteSpace(content.OtherAgencies))
        {
            missing.Add(new("agencyIds", "Select the agencies the review includes"));
        }
        if (string.IsNullOrWhiteSpace(content.FamilyContribution))
        {
            missing.Add(new("familyContribution", "Say how the family will be involved"));
        }
        if (string.IsNullOrWhiteSpace(content.Timetable))
        {
            missing.Add(new("timetable", "Enter the timetable"));
        }
        if (string.IsNullOrWhiteSpace(content.Publication))
        {
            missing.Add(new("publication", "Say what is expected of publication"));
        }
        if (content.Methodology is null)
        {
            missing.Add(new("methodology", "Select the methodology"));
        }
        else if (content.Methodology is Methodology.Hybrid or Methodology.Other && string.IsNullOrWhiteSpace(content.MethodologyNote))
        {
            missing.Add(new("methodologyNote", content.Methodology == Methodology.Hybrid
                ? "Say which parts of which methodologies the hybrid uses"
                : "Describe the methodology"));
        }
        if (content.AgencyReports is null)
        {
            missing.Add(new("agencyReports", "Say whether agency reports are required"));
        }
        if (content.Chronology is null)
        {
            missing.Add(new("chronology", "Say which chronology is required"));
        }
        return missing;
    }

    /// <summary>What the terms may get wrong without being refused: shown beside them until they are put right.</summary>
    public static IReadOnlyList<TermsWarning> Warnings(TermsOfReferenceContent content, TermsOfReferenceFacts facts)
    {
        var warnings = new List<TermsWarning>();
        if (AllAskWhat(content.KeyLinesOfEnquiry))
        {
            warnings.Add(new("what-questions", "keyLinesOfEnquiry", "Every key line of enquiry asks what happened",
                "Terms of reference should ask why it happened: why professionals acted as they did, how far and to what extent "
                + "agencies worked together (seed 000, stage 2). Ask at least one ‘why’ question."));
        }
        if (content.PeriodFrom is { } from && content.PeriodTo is { } to && (facts.IncidentDate < from || facts.IncidentDate > to))
        {
            warnings.Add(new("period-excludes-incident", "periodFrom", "The period under review does not include the incident",
                $"The incident was on {Labels.Date(facts.IncidentDate)}. Most reviews look at the period leading up to it."));
        }
        if (content.LeadBoard is { } lead && lead.Id != facts.BoardId)
        {
            warnings.Add(new("lead-board-elsewhere", "leadBoardId", "Another board leads the review",
                $"The board where the child normally lived leads (Working Together 2006, 8.7). If that is {lead.Name}, agree with it who holds "
                + "the review, and record this board among those involved."));
        }
        return warnings;
    }

    private static void Text(List<RuleProblem> problems, string field, string? value, string description)
    {
        if (value is not null && value.Trim().Length > TermsOfReferenceVersion.TextMaxLength)
        {
            problems.Add(new(field, $"{description} must be 8,000 characters or fewer"));
        }
    }
}
