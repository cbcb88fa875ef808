using Scr.Core.Models;

namespace Scr.Core.Rules;

/// <summary>The words for agency reports.</summary>
public static partial class Labels
{
    /// <summary>The kind of report an agency is asked for, as a noun: "Individual management review".</summary>
    public static string ReportKind(AgencyReportsRequirement value) => value switch
    {
        AgencyReportsRequirement.ManagementReviews => "Individual management review",
        AgencyReportsRequirement.ShortAgencyReports => "Short agency report",
        _ => "No report",
    };

    public static string Of(AgencyReportStatus value) => value switch
    {
        AgencyReportStatus.AuthorToBeNamed => "Author to be named",
        AgencyReportStatus.BeingWritten => "Being written",
        AgencyReportStatus.Submitted => "Submitted for quality assurance",
        AgencyReportStatus.ChangesRequested => "Changes requested",
        AgencyReportStatus.QualityAssured => "Quality-assured",
        _ => value.ToString(),
    };

    public static string Of(QualityAssuranceOutcome value) => value switch
    {
        QualityAssuranceOutcome.Accepted => "Accepted",
        QualityAssuranceOutcome.ChangesRequested => "Sent back for changes",
        _ => value.ToString(),
    };
}
