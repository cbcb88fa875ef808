namespace Scr.Core.Models;

// The values of the exchange format (shared/exchange-format.md); NotKnown is counted, never dropped.

public enum IncidentType
{
    Death,
    SeriousInjury,
    Suicide,
    SexualAbuse,
    Other,
    NotKnown,
}

public enum Sex
{
    Male,
    Female,
    NotKnown,
}

public enum Ethnicity
{
    WhiteBritish,
    WhiteOther,
    Mixed,
    Black,
    Asian,
    Other,
    NotKnown,
}

public enum YesNoNotKnown
{
    Yes,
    No,
    NotKnown,
}

public enum ChildProtectionPlanStatus
{
    Yes,
    No,
    Previously,
    NotKnown,
}

public enum LegalStatus
{
    None,
    InterimCareOrder,
    CareOrder,
    S20Accommodation,
    Adopted,
    Other,
    NotKnown,
}

public enum GuidanceEdition
{
    Wt1999,
    Wt2006,
    Wt2010,
    Wt2013,
    Wt2015,
    Wt2018,
    Wt2023,
    Wales2012,
    NotKnown,
}
