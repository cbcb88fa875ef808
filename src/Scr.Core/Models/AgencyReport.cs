using Scr.Core.Rules;

namespace Scr.Core.Models;

// An agency's report to the review (WT2006 8.18–8.27; seed 000 Stage 2; seed 003 §4–6): each involved agency looks
// openly and critically at its own practice. The business unit asks for it; the agency names an author who was not
// involved and does not line-manage anyone who was (8.20); the author drafts it on the template, submits it with the
// acceptance of the senior officer who commissioned it (8.22); the review team quality-assures it, sending it back with
// comments until it is good enough; the author then feeds back to the staff involved (8.23). Every submitted version
// is kept as it was sent.

/// <summary>Where an agency's report stands, derived from what has been recorded.</summary>
public enum AgencyReportStatus
{
    /// <summary>Asked for; the agency has not yet named its author.</summary>
    AuthorToBeNamed,

    /// <summary>The author is writing the first version.</summary>
    BeingWritten,

    /// <summary>Submitted; the review team has not yet quality-assured this version.</summary>
    Submitted,

    /// <summary>The review team sent it back with comments; the author is revising it.</summary>
    ChangesRequested,

    /// <summary>The review team accepted it as good enough for the overview.</summary>
    QualityAssured,
}

/// <summary>The review team's decision on a submitted version.</summary>
public enum QualityAssuranceOutcome
{
    Accepted,
    ChangesRequested,
}

/// <summary>The report one involved agency writes for the review.</summary>
public class AgencyReport : IPartOfReview
{
    public const int TextMaxLength = 4000;
    public const int NameMaxLength = 200;

    private readonly List<AgencyReportVersion> _versions = [];
    private readonly List<AgencyReportQualityReview> _qualityReviews = [];
    private readonly List<AgencyReportStaffFeedback> _staffFeedback = [];

    private AgencyReport()
    {
        AgencyName = "";
    }

    internal AgencyReport(Guid agencyId, string agencyName, AgencyReportsRequirement kind, DateOnly? dueOn, string? note, Guid by, DateTimeOffset now)
        : this()
    {
        Id = Guid.NewGuid();
        AgencyId = agencyId;
        AgencyName = agencyName;
        Kind = kind;
        DueOn = dueOn;
        RequestNote = note;
        RequestedAt = now;
        RequestedById = by;
        Touch(now);
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public Guid AgencyId { get; private set; }

    /// <summary>The agency's name when the report was asked for.</summary>
    public string AgencyName { get; private set; }

    /// <summary>A full management review or a short agency report (the terms of reference say which).</summary>
    public AgencyReportsRequirement Kind { get; private set; }

    public DateOnly? DueOn { get; private set; }

    /// <summary>What the business unit asked, beyond the terms of reference.</summary>
    public string? RequestNote { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }
    public Guid RequestedById { get; private set; }

    public Guid? AuthorId { get; private set; }
    public string? AuthorName { get; private set; }

    /// <summary>The author's post in the agency ("Named nurse for safeguarding").</summary>
    public string? AuthorPost { get; private set; }

    public DateTimeOffset? AuthorNamedAt { get; private set; }
    public Guid? AuthorNamedById { get; private set; }

    /// <summary>When anything about the report last changed; a change here changes the case's version.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Counts the report's changes, so an edit made from an older reading is refused (clocks can stand still).</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<AgencyReportVersion> Versions => _versions;
    public IReadOnlyList<AgencyReportQualityReview> QualityReviews => _qualityReviews;
    public IReadOnlyList<AgencyReportStaffFeedback> StaffFeedback => _staffFeedback;

    /// <summary>Versions first to latest.</summary>
    public IReadOnlyList<AgencyReportVersion> VersionsInOrder => _versions.OrderBy(v => v.Number).ToList();

    public AgencyReportVersion? Latest => _versions.MaxBy(v => v.Number);

    /// <summary>The version being written: the latest, while it has not been submitted.</summary>
    public AgencyReportVersion? Draft => Latest is { IsSubmitted: false } draft ? draft : null;

    public AgencyReportVersion? LatestSubmitted => _versions.Where(v => v.IsSubmitted).MaxBy(v => v.Number);

    /// <summary>The review team's decisions, oldest first: one a submitted version, so by the version's number (times can be equal).</summary>
    public IReadOnlyList<AgencyReportQualityReview> QualityReviewsInOrder => _qualityReviews.OrderBy(q => q.VersionNumber).ToList();

    public AgencyReportQualityReview? LatestQualityReview => _qualityReviews.MaxBy(q => q.VersionNumber);

    public AgencyReportStatus Status => AgencyReportRules.StatusOf(this);

    public bool IsQualityAssured => Status == AgencyReportStatus.QualityAssured;

    internal void NameAuthor(Guid authorId, string authorName, string? post, Guid by, DateTimeOffset now)
    {
        if (IsQualityAssured)
        {
            throw new RuleViolationException("The report has been quality-assured: its author cannot change.");
        }
        AuthorId = authorId;
        AuthorName = authorName;
        AuthorPost = Blank(post);
        AuthorNamedAt = now;
        AuthorNamedById = by;
        Touch(now);
    }

    /// <summary>Saves the draft: updates the version being written, or starts the next from the latest submitted.</summary>
    internal AgencyReportVersion SaveDraft(IReadOnlyDictionary<string, string> sections, Guid by, DateTimeOffset now)
    {
        RequireOpenForWriting();
        var draft = Draft;
        if (draft is null)
        {
            draft = new AgencyReportVersion(Id, _versions.Select(v => v.Number).DefaultIfEmpty(0).Max() + 1, now, by);
            _versions.Add(draft);
        }
        draft.Update(sections, by, now);
        Touch(now);
        return draft;
    }

    /// <summary>Submits the draft, which freezes it. The caller has checked what a submission must hold.</summary>
    internal AgencyReportVersion Submit(string seniorOfficer, Guid by, DateTimeOffset now)
    {
        RequireOpenForWriting();
        var draft = Draft ?? throw new RuleViolationException("There is no draft to submit: save the report first.");
        RuleViolationException.ThrowIfAny(AgencyReportRules.MissingForSubmission(Kind, draft.Sections, seniorOfficer));
        draft.Submit(seniorOfficer.Trim(), by, now);
        Touch(now);
        return draft;
    }

    internal AgencyReportQualityReview RecordQualityReview(QualityAssuranceOutcome outcome, string? commentsForAuthor, string? panelNotes, Guid by,
        DateTimeOffset now)
    {
        if (Status != AgencyReportStatus.Submitted)
        {
            throw new RuleViolationException(IsQualityAssured
                ? "The report has already been quality-assured."
                : "There is no submitted version waiting for quality assurance.");
        }
        RuleViolationException.ThrowIfAny(AgencyReportRules.CheckQualityReview(outcome, commentsForAuthor, panelNotes));
        var review = new AgencyReportQualityReview(Id, LatestSubmitted!.Number, outcome, Blank(commentsForAuthor), Blank(panelNotes), by, now);
        _qualityReviews.Add(review);
        Touch(now);
        return review;
    }

    internal AgencyReportStaffFeedback RecordStaffFeedback(DateOnly heldOn, string attended, string notes, Guid by, DateTimeOffset now)
    {
        if (LatestSubmitted is null)
        {
            throw new RuleViolationException("Staff are given feedback on the report once it has been submitted.");
        }
        var feedback = new AgencyReportStaffFeedback(Id, heldOn, attended.Trim(), notes.Trim(), by, now);
        _staffFeedback.Add(feedback);
        Touch(now);
        return feedback;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
    }

    private void RequireOpenForWriting()
    {
        if (AuthorId is null)
        {
            throw new RuleViolationException("The agency has not yet named the report's author.");
        }
        switch (Status)
        {
            case AgencyReportStatus.Submitted:
                throw new RuleViolationException("The report is with the review team for quality assurance: it cannot change until they reply.");
            case AgencyReportStatus.QualityAssured:
                throw new RuleViolationException("The report has been quality-assured and cannot change.");
        }
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One version of an agency's report: its sections on the template, and once submitted, who sent it and who accepted its findings.</summary>
public class AgencyReportVersion
{
    public const int SectionMaxLength = 60000;

    private AgencyReportVersion()
    {
        Sections = new Dictionary<string, string>();
    }

    internal AgencyReportVersion(Guid reportId, int number, DateTimeOffset now, Guid by)
        : this()
    {
        Id = Guid.NewGuid();
        ReportId = reportId;
        Number = number;
        CreatedAt = now;
        CreatedById = by;
    }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public int Number { get; private set; }

    /// <summary>The text of each section of the template that has any, by the section's key.</summary>
    public IReadOnlyDictionary<string, string> Sections { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset SavedAt { get; private set; }
    public Guid SavedById { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public Guid? SubmittedById { get; private set; }

    /// <summary>The senior officer who commissioned the report and accepts its findings (WT2006 8.22), as the author named them.</summary>
    public string? SeniorOfficer { get; private set; }

    public bool IsSubmitted => SubmittedAt is not null;

    public string? TextOf(string key) => Sections.TryGetValue(key, out var text) ? text : null;

    internal void Update(IReadOnlyDictionary<string, string> sections, Guid by, DateTimeOffset now)
    {
        Sections = sections.Where(s => !string.IsNullOrWhiteSpace(s.Value)).ToDictionary(s => s.Key, s => s.Value.Trim());
        SavedAt = now;
        SavedById = by;
    }

    internal void Submit(string seniorOfficer, Guid by, DateTimeOffset now)
    {
        SubmittedAt = now;
        SubmittedById = by;
        SeniorOfficer = seniorOfficer;
    }
}

/// <summary>
/// The review team's quality assurance of one submitted version: accepted, or sent back. The comments for the author are
/// shared with the agency; the team's own notes are not.
/// </summary>
public class AgencyReportQualityReview
{
    private AgencyReportQualityReview()
    {
    }

    internal AgencyReportQualityReview(Guid reportId, int versionNumber, QualityAssuranceOutcome outcome, string? commentsForAuthor, string? panelNotes,
        Guid by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ReportId = reportId;
        VersionNumber = versionNumber;
        Outcome = outcome;
        CommentsForAuthor = commentsForAuthor;
        PanelNotes = panelNotes;
        DecidedById = by;
        DecidedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public int VersionNumber { get; private set; }
    public QualityAssuranceOutcome Outcome { get; private set; }

    /// <summary>What the panel shares back with the agency's author.</summary>
    public string? CommentsForAuthor { get; private set; }

    /// <summary>The review team's own notes on the report: never shown to the agency.</summary>
    public string? PanelNotes { get; private set; }

    public Guid DecidedById { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
}

/// <summary>Feedback and debriefing for the staff involved, once the report is done (WT2006 8.23; seed 003 §6.4).</summary>
public class AgencyReportStaffFeedback
{
    private AgencyReportStaffFeedback()
    {
        Attended = "";
        Notes = "";
    }

    internal AgencyReportStaffFeedback(Guid reportId, DateOnly heldOn, string attended, string notes, Guid by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ReportId = reportId;
        HeldOn = heldOn;
        Attended = attended;
        Notes = notes;
        RecordedById = by;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public DateOnly HeldOn { get; private set; }

    /// <summary>Who attended, by role rather than name (seed 003 §9.1: staff identities stay with the panel).</summary>
    public string Attended { get; private set; }

    public string Notes { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
