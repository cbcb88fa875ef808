using Scr.Core.Rules;

namespace Scr.Core.Models;

/// <summary>The reports the involved agencies write for the review (WT2006 8.18–8.27), one an agency.</summary>
public partial class Review
{
    private readonly List<AgencyReport> _agencyReports = [];

    public IReadOnlyList<AgencyReport> AgencyReports => _agencyReports;

    /// <summary>Agency reports are asked for once the chair has decided to hold a review, while it is open.</summary>
    public bool TakesAgencyReports => IsOpen && Stage != ReviewStage.Identification;

    public AgencyReport FindAgencyReport(Guid reportId) => _agencyReports.FirstOrDefault(r => r.Id == reportId)
        ?? throw new Services.NotFoundException("The agency report");

    /// <summary>
    /// Asks involved agencies for their reports. Refused for an agency not involved in the case, or already asked. The
    /// caller has checked the request (<see cref="AgencyReportRules.CheckRequest"/>).
    /// </summary>
    public IReadOnlyList<AgencyReport> RequestAgencyReports(IReadOnlyCollection<Guid> agencyIds, AgencyReportsRequirement kind, DateOnly dueOn, string? note,
        Guid by, DateTimeOffset now)
    {
        RequireAgencyReports();
        var problems = new List<RuleProblem>();
        foreach (var agencyId in agencyIds)
        {
            var agency = _agencies.FirstOrDefault(a => a.AgencyId == agencyId);
            if (agency is null)
            {
                problems.Add(new("agencyIds", "Select agencies involved in the case"));
            }
            else if (_agencyReports.Any(r => r.AgencyId == agencyId))
            {
                problems.Add(new("agencyIds", $"{agency.Agency?.Name ?? "The agency"} has already been asked for a report"));
            }
        }
        RuleViolationException.ThrowIfAny(problems.DistinctBy(p => p.Message).ToList());
        var made = agencyIds.Select(id => new AgencyReport(id, _agencies.First(a => a.AgencyId == id).Agency?.Name ?? "", kind, dueOn,
            AgencyReport.Blank(note), by, now)).ToList();
        _agencyReports.AddRange(made);
        return made;
    }

    /// <summary>
    /// Names the author of an agency's report. The caller has recorded what the author declared (<see cref="Declare"/>); a
    /// declared involvement or line-management refuses them (<see cref="ReviewPanelRules.AuthorConflicts"/>).
    /// </summary>
    public AgencyReport NameAgencyReportAuthor(Guid reportId, Guid authorId, string authorName, string? post, Guid by, DateTimeOffset now)
    {
        RequireAgencyReports();
        var report = FindAgencyReport(reportId);
        var conflicts = ReviewPanelRules.AuthorConflicts(DeclarationsOf(authorId));
        if (conflicts.Count > 0)
        {
            throw new RuleViolationException([new RuleProblem("userId", ReviewPanelRules.AuthorBlocked(authorName, conflicts))]);
        }
        report.NameAuthor(authorId, authorName, post, by, now);
        return report;
    }

    public AgencyReportVersion SaveAgencyReportDraft(Guid reportId, IReadOnlyDictionary<string, string> sections, Guid by, DateTimeOffset now)
    {
        RequireAgencyReports();
        return FindAgencyReport(reportId).SaveDraft(sections, by, now);
    }

    public AgencyReportVersion SubmitAgencyReport(Guid reportId, string seniorOfficer, Guid by, DateTimeOffset now)
    {
        RequireAgencyReports();
        return FindAgencyReport(reportId).Submit(seniorOfficer, by, now);
    }

    public AgencyReportQualityReview QualityAssureAgencyReport(Guid reportId, QualityAssuranceOutcome outcome, string? commentsForAuthor, string? panelNotes,
        Guid by, DateTimeOffset now)
    {
        RequireAgencyReports();
        return FindAgencyReport(reportId).RecordQualityReview(outcome, commentsForAuthor, panelNotes, by, now);
    }

    /// <summary>Feedback to staff may be recorded after the review closes: debriefing can follow the overview (WT2006 8.23).</summary>
    public AgencyReportStaffFeedback RecordAgencyReportStaffFeedback(Guid reportId, DateOnly heldOn, string attended, string notes, Guid by,
        DateTimeOffset now) =>
        FindAgencyReport(reportId).RecordStaffFeedback(heldOn, attended, notes, by, now);

    private void RequireAgencyReports()
    {
        if (!IsOpen)
        {
            throw new RuleViolationException("The review is closed: its agency reports can no longer change.");
        }
        if (Stage == ReviewStage.Identification)
        {
            throw new RuleViolationException("Agency reports are asked for once the chair has decided to hold a review.");
        }
    }
}
