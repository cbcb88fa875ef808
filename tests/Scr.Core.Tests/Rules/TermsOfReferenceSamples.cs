using Scr.Core.Models;

namespace Scr.Core.Tests.Rules;

/// <summary>Terms of reference for tests: complete ones the chair can sign off, and a way to sign them off on a case.</summary>
internal static class TermsOfReferenceSamples
{
    public static readonly NamedOrganisation Board = new(Guid.NewGuid(), "Northbridge Safeguarding Children Board");

    public static TermsOfReferenceContent Complete(DateOnly? incident = null, params string[] lines) => new(
        lines.Length == 0 ? ["Why was the referral from school not acted on?", "What contact did agencies have with the family?"] : lines,
        (incident ?? new DateOnly(2026, 11, 1)).AddMonths(-12), incident ?? new DateOnly(2026, 11, 1), Board, [], null,
        [new NamedOrganisation(Guid.NewGuid(), "Children's social care")], null,
        "The lead reviewer meets the parents.", null, "Complete in 4 months.", "An anonymised report is published.",
        Methodology.LearningTogether, null, AgencyReportsRequirement.ShortAgencyReports, ChronologyRequirement.IntegratedMultiAgency);

    /// <summary>Saves complete terms on the case and has the chair sign them off: what commissioning the review needs.</summary>
    public static TermsOfReferenceVersion SignOff(Review review, Guid by, DateTimeOffset now)
    {
        review.SaveTermsDraft(Complete(review.IncidentDate), by, now);
        return review.SignOffTerms(by, null, now);
    }
}
