using Scr.Core.Models;

namespace Scr.Core.Rules;

/// <summary>The words for the values of chronology entries: also the values the chronology template's columns take.</summary>
public static partial class Labels
{
    public static string Of(ContactType value) => value switch
    {
        ContactType.HomeVisit => "Home visit",
        ContactType.OfficeVisit => "Office visit",
        ContactType.Phone => "Phone",
        ContactType.LetterOrEmail => "Letter or email",
        ContactType.Meeting => "Meeting",
        ContactType.StrategyDiscussion => "Strategy discussion",
        ContactType.CaseConference => "Case conference",
        ContactType.Supervision => "Supervision",
        ContactType.Referral => "Referral",
        ContactType.Assessment => "Assessment",
        ContactType.Court => "Court",
        _ => "Other",
    };

    public static string Of(ChildSeen value) => value switch
    {
        ChildSeen.Yes => "Yes",
        ChildSeen.No => "No",
        _ => "Not recorded",
    };

    public static string Of(WishesAndFeelings value) => value == WishesAndFeelings.Recorded ? "Recorded" : "Not recorded";

    public static string Of(DatePrecision value) => value switch
    {
        DatePrecision.Month => "Month only",
        DatePrecision.Year => "Year only",
        _ => "Day",
    };
}
