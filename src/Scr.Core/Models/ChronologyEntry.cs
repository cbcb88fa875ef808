using Scr.Core.Rules.Chronology;

namespace Scr.Core.Models;

// The agency chronology (seed 001 ch.5; seed 000 stage 3; WT2006 8.14): every contact an agency had with the child and
// family, on one template for every agency, so that the chronologies can be merged into one and analysed. The values a
// spreadsheet uses for these enums are in Rules/Chronology/ChronologyTemplate.cs.

/// <summary>What kind of contact or event an entry records: the template's fixed list.</summary>
public enum ContactType
{
    HomeVisit,
    OfficeVisit,
    Phone,
    LetterOrEmail,
    Meeting,
    StrategyDiscussion,
    CaseConference,

    /// <summary>Supervision of the practitioner: inside the agency, not contact with the family.</summary>
    Supervision,
    Referral,
    Assessment,
    Court,
    Other,
}

/// <summary>Whether the child was seen at the contact (WT2006: each occasion the child was seen is to be noted).</summary>
public enum ChildSeen
{
    /// <summary>The agency's record does not say: what 001 ch.5 found in almost every chronology.</summary>
    NotRecorded,
    Yes,
    No,
}

/// <summary>Whether the child's wishes and feelings were sought or expressed and recorded at the contact.</summary>
public enum WishesAndFeelings
{
    NotRecorded,
    Recorded,
}

/// <summary>How much of an entry's date is known.</summary>
public enum DatePrecision
{
    /// <summary>The day (perhaps with a time).</summary>
    Day,

    /// <summary>Only the month and year ("March 2003"): the date stands for the 1st of the month.</summary>
    Month,

    /// <summary>Only the year ("2003"): the date stands for 1 January.</summary>
    Year,
}

/// <summary>
/// One entry of an agency's chronology: when (with an "approximate" flag, and a precision for dates known only to the
/// month or year), which agency, the practitioner's role (never a name), the kind of contact, who was present, whether the
/// child was seen and their wishes and feelings recorded, what happened, the decision or action, and the agency's source
/// document. A plain class, so that the database can store it as it is; it has no identity of its own yet.
/// </summary>
public sealed class ChronologyEntry
{
    /// <summary>The day of the entry; for a date known only to the month or year, the first day of that period.</summary>
    public DateOnly Date { get; set; }

    /// <summary>The time of day, when known (only with a date known to the day).</summary>
    public TimeOnly? Time { get; set; }

    public DatePrecision Precision { get; set; }

    /// <summary>True when the date is uncertain ("c. 03/2003"); always true for a date known only to the month or year.</summary>
    public bool Approximate { get; set; }

    /// <summary>The agency whose chronology the entry comes from, as the agency names itself.</summary>
    public string Agency { get; set; } = "";

    /// <summary>The practitioner's role ("health visitor"), never their name.</summary>
    public string PractitionerRole { get; set; } = "";

    public ContactType ContactType { get; set; }

    /// <summary>Who was present (family members, the child, other agencies named as they name themselves), or null.</summary>
    public string? Present { get; set; }

    public ChildSeen ChildSeen { get; set; }

    public WishesAndFeelings Wishes { get; set; }

    /// <summary>What the child said or showed of their wishes and feelings, when <see cref="Wishes"/> is recorded.</summary>
    public string? WishesText { get; set; }

    public string WhatHappened { get; set; } = "";

    public string? DecisionOrAction { get; set; }

    /// <summary>The agency's own record the entry is taken from ("case notes, 14/03/2003").</summary>
    public string? SourceDocument { get; set; }

    /// <summary>
    /// The entry's row in the file it was read from (the header is row 1), or its position among the agency's entries when
    /// typed in: entries of one agency at the same time keep this order.
    /// </summary>
    public int Row { get; set; }

    /// <summary>
    /// The date as one value. Read-only (so that the database maps the four properties it is made of, not this); set it
    /// with <see cref="SetWhen"/>.
    /// </summary>
    public ChronologyDate When => new(Date, Precision, Time, Approximate);

    public void SetWhen(ChronologyDate when)
    {
        Date = when.Date;
        Precision = when.Precision;
        Time = when.Time;
        Approximate = when.Approximate;
    }

    /// <summary>Takes what another entry of the same agency says, keeping this one's agency and place (<see cref="Row"/>).</summary>
    public void Rewrite(ChronologyEntry other)
    {
        SetWhen(other.When);
        PractitionerRole = other.PractitionerRole;
        ContactType = other.ContactType;
        Present = other.Present;
        ChildSeen = other.ChildSeen;
        Wishes = other.Wishes;
        WishesText = other.WishesText;
        WhatHappened = other.WhatHappened;
        DecisionOrAction = other.DecisionOrAction;
        SourceDocument = other.SourceDocument;
    }
}

/// <summary>
/// A key practice episode the reviewer marks in the integrated chronology: the entries from <see cref="From"/> to
/// <see cref="To"/> (both days included), a title, and why the episode matters. Later stages of the review use episodes
/// for their findings. The rules (what makes one valid, which entries it holds) are in <see cref="KeyPracticeEpisodes"/>.
/// </summary>
public sealed class KeyPracticeEpisode
{
    public string Title { get; set; } = "";

    public string WhyItMatters { get; set; } = "";

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }
}
