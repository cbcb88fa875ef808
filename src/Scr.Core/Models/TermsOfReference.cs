using Scr.Core.Rules;

namespace Scr.Core.Models;

// The review's terms of reference (seed 000 Stage 2, "Proportionality, scoping and commissioning"; domain stage 2): what
// the review asks and why, the period, who takes part, how, and when. Versions are kept: the draft is saved as often as
// needed; once the chair signs a version off it is frozen, and a later change starts a new draft.

/// <summary>Whether the review asks the agencies for reports of their own (seed 000 Stage 2: neither is now required).</summary>
public enum AgencyReportsRequirement
{
    /// <summary>Full individual management reviews (IMRs), as WT2006 8.30 describes them.</summary>
    ManagementReviews,

    /// <summary>Short agency reports, in place of full management reviews.</summary>
    ShortAgencyReports,

    NotRequired,
}

/// <summary>Which chronology the review needs (seed 000 Stage 2; 001 chapter 5).</summary>
public enum ChronologyRequirement
{
    /// <summary>Each agency's chronology merged into one integrated multi-agency chronology.</summary>
    IntegratedMultiAgency,

    /// <summary>Each agency's own chronology, not merged.</summary>
    AgencyChronologiesOnly,

    /// <summary>A shorter chronology of the key events only.</summary>
    KeyEvents,

    None,
}

/// <summary>A board or agency named in the terms, with its name as it was when the version was saved.</summary>
public sealed record NamedOrganisation(Guid Id, string Name);

/// <summary>What a version of the terms of reference says, checked by <see cref="TermsOfReferenceRules.Check"/>.</summary>
public sealed record TermsOfReferenceContent(
    IReadOnlyList<string> KeyLinesOfEnquiry,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo,
    NamedOrganisation? LeadBoard,
    IReadOnlyList<NamedOrganisation> OtherBoards,
    string? BoardsNote,
    IReadOnlyList<NamedOrganisation> Agencies,
    string? OtherAgencies,
    string? FamilyContribution,
    string? ParallelProcesses,
    string? Timetable,
    string? Publication,
    Methodology? Methodology,
    string? MethodologyNote,
    AgencyReportsRequirement? AgencyReports,
    ChronologyRequirement? Chronology)
{
    public static TermsOfReferenceContent Empty { get; } =
        new([], null, null, null, [], null, [], null, null, null, null, null, null, null, null, null);
}

/// <summary>
/// One version of a review's terms of reference: its number, what it says, who saved it and when, and, once the chair
/// signed it off, who and when. A signed-off version is frozen: changing it throws.
/// </summary>
public class TermsOfReferenceVersion : IPartOfReview
{
    public const int TextMaxLength = 8000;
    public const int LineMaxLength = 1000;
    public const int MaxLines = 20;

    private TermsOfReferenceVersion()
    {
        KeyLinesOfEnquiry = [];
        OtherBoards = [];
        Agencies = [];
    }

    internal TermsOfReferenceVersion(int number, TermsOfReferenceContent content, Guid by, DateTimeOffset now)
        : this()
    {
        Id = Guid.NewGuid();
        Number = number;
        CreatedAt = now;
        CreatedById = by;
        Apply(content, by, now);
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }

    /// <summary>1 for the first version of the case's terms, then 2, 3…</summary>
    public int Number { get; private set; }

    public IReadOnlyList<string> KeyLinesOfEnquiry { get; private set; }
    public DateOnly? PeriodFrom { get; private set; }
    public DateOnly? PeriodTo { get; private set; }

    /// <summary>The board that leads: where the child lived (WT2006 8.7).</summary>
    public Guid? LeadBoardId { get; private set; }
    public string? LeadBoardName { get; private set; }

    /// <summary>Other boards with an interest, partners in planning and running the review (WT2006 8.7).</summary>
    public IReadOnlyList<NamedOrganisation> OtherBoards { get; private set; }

    /// <summary>How the other boards take part.</summary>
    public string? BoardsNote { get; private set; }
    public IReadOnlyList<NamedOrganisation> Agencies { get; private set; }

    /// <summary>Agencies and organisations the service does not list (a private nursery, an agency in another area).</summary>
    public string? OtherAgencies { get; private set; }
    public string? FamilyContribution { get; private set; }
    public string? ParallelProcesses { get; private set; }
    public string? Timetable { get; private set; }
    public string? Publication { get; private set; }
    public Methodology? Methodology { get; private set; }
    public string? MethodologyNote { get; private set; }
    public AgencyReportsRequirement? AgencyReports { get; private set; }
    public ChronologyRequirement? Chronology { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset SavedAt { get; private set; }
    public Guid SavedById { get; private set; }
    public DateTimeOffset? SignedOffAt { get; private set; }
    public Guid? SignedOffById { get; private set; }

    /// <summary>The chair's note on signing off.</summary>
    public string? SignOffNote { get; private set; }

    public bool IsSignedOff => SignedOffAt is not null;

    public NamedOrganisation? LeadBoard => LeadBoardId is { } id ? new NamedOrganisation(id, LeadBoardName ?? "") : null;

    public TermsOfReferenceContent Content => new(KeyLinesOfEnquiry, PeriodFrom, PeriodTo, LeadBoard, OtherBoards, BoardsNote, Agencies, OtherAgencies,
        FamilyContribution, ParallelProcesses, Timetable, Publication, Methodology, MethodologyNote, AgencyReports, Chronology);

    /// <summary>Replaces what the draft says. Refused once the chair has signed it off.</summary>
    internal void Update(TermsOfReferenceContent content, Guid by, DateTimeOffset now)
    {
        if (IsSignedOff)
        {
            throw new RuleViolationException("This version has been signed off and cannot change: a change starts a new draft.");
        }
        Apply(content, by, now);
    }

    internal void SignOff(Guid by, string? note, DateTimeOffset now)
    {
        if (IsSignedOff)
        {
            throw new RuleViolationException("This version has already been signed off.");
        }
        SignedOffAt = now;
        SignedOffById = by;
        SignOffNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    private void Apply(TermsOfReferenceContent content, Guid by, DateTimeOffset now)
    {
        KeyLinesOfEnquiry = content.KeyLinesOfEnquiry.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        PeriodFrom = content.PeriodFrom;
        PeriodTo = content.PeriodTo;
        LeadBoardId = content.LeadBoard?.Id;
        LeadBoardName = content.LeadBoard?.Name;
        OtherBoards = content.OtherBoards.ToList();
        BoardsNote = Blank(content.BoardsNote);
        Agencies = content.Agencies.ToList();
        OtherAgencies = Blank(content.OtherAgencies);
        FamilyContribution = Blank(content.FamilyContribution);
        ParallelProcesses = Blank(content.ParallelProcesses);
        Timetable = Blank(content.Timetable);
        Publication = Blank(content.Publication);
        Methodology = content.Methodology;
        MethodologyNote = Blank(content.MethodologyNote);
        AgencyReports = content.AgencyReports;
        Chronology = content.Chronology;
        SavedAt = now;
        SavedById = by;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
