using Scr.Core.Models;

namespace Scr.Core.Rules;

/// <summary>The words for interviews, staff support meetings and family involvement.</summary>
public static partial class Labels
{
    public static string Of(InterviewStatus value) => value switch
    {
        InterviewStatus.Draft => "Draft",
        InterviewStatus.SharedForAgreement => "With the interviewee to check",
        InterviewStatus.ChangesRequested => "Changes requested",
        _ => "Agreed",
    };

    public static string Of(SupportMeetingKind value) => value switch
    {
        SupportMeetingKind.Start => "At the start of the review",
        SupportMeetingKind.During => "During the review",
        _ => "At the end of the review",
    };

    public static string Of(FamilyConsent value) => value switch
    {
        FamilyConsent.Given => "Consent given",
        FamilyConsent.Refused => "Consent refused",
        _ => "Not asked yet",
    };

    public static string Of(FamilyContactMethod value) => value switch
    {
        FamilyContactMethod.Visit => "Home visit",
        FamilyContactMethod.Phone => "Phone call",
        FamilyContactMethod.Letter => "Letter",
        FamilyContactMethod.Email => "Email",
        _ => "Meeting",
    };

    /// <summary>Where a family member's involvement stands, in a few words.</summary>
    public static string InvolvementOf(FamilyMember member) => member switch
    {
        { NotInvolved: true } => "Not involved",
        { Consent: FamilyConsent.Given } => "Taking part",
        { Consent: FamilyConsent.Refused } => "Declined to take part",
        { Invited: true } => "Invited",
        _ => "Not invited yet",
    };
}
