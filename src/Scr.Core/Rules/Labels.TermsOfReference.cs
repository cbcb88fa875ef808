using Scr.Core.Models;

namespace Scr.Core.Rules;

/// <summary>The words for the values of terms of reference.</summary>
public static partial class Labels
{
    public static string Of(AgencyReportsRequirement value) => value switch
    {
        AgencyReportsRequirement.ManagementReviews => "Yes: individual management reviews (IMRs) from each agency",
        AgencyReportsRequirement.ShortAgencyReports => "Short agency reports instead of full management reviews",
        _ => "No agency reports",
    };

    public static string? HintFor(AgencyReportsRequirement value) => value switch
    {
        AgencyReportsRequirement.ManagementReviews => "Each by an author not involved in the case nor managing those who were (WT2006 8.20)",
        AgencyReportsRequirement.ShortAgencyReports => "Often enough: ask what they will add to the review (seed 000, stage 2)",
        _ => null,
    };

    public static string Of(ChronologyRequirement value) => value switch
    {
        ChronologyRequirement.IntegratedMultiAgency => "An integrated multi-agency chronology",
        ChronologyRequirement.AgencyChronologiesOnly => "Agency chronologies only, not merged",
        ChronologyRequirement.KeyEvents => "A chronology of key events",
        _ => "No chronology",
    };

    public static string? HintFor(ChronologyRequirement value) => value switch
    {
        ChronologyRequirement.IntegratedMultiAgency => "Every agency's contacts merged in one, on the standard template: whether the child was seen, the child's wishes and feelings",
        ChronologyRequirement.KeyEvents => "Often more useful than a full chronology (seed 000, stage 2)",
        _ => null,
    };

    /// <summary>Where a version of the terms of reference stands.</summary>
    public static string TermsStatus(TermsOfReferenceVersion version) => version.IsSignedOff ? "Signed off" : "Draft";
}
