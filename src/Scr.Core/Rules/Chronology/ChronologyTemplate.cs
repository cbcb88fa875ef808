using System.Text;
using Scr.Core.Models;

namespace Scr.Core.Rules.Chronology;

/// <summary>The columns of the agency chronology template, in the template's order.</summary>
public enum ChronologyColumn
{
    Date,
    Time,
    Approximate,
    Agency,
    PractitionerRole,
    ContactType,
    Present,
    ChildSeen,
    Wishes,
    WishesText,
    WhatHappened,
    DecisionOrAction,
    SourceDocument,
}

/// <summary>
/// A column of the template: the label a spreadsheet's header row uses, a short key that is accepted as well
/// (practitioner_role), whether every entry must fill it, the longest value, the values allowed (null for free text), the
/// guidance given to agencies, and the column's width in a spreadsheet (in characters).
/// </summary>
public sealed record ChronologyColumnDefinition(ChronologyColumn Column, string Label, string Key, bool Required, int MaxLength,
    IReadOnlyList<string>? Values, string Guidance, double Width);

/// <summary>
/// The one standard for every agency's chronology (issue 6; seed 000 stage 3; seed 001 ch.5): the columns, their labels in
/// a spreadsheet, the values allowed in the fixed ones, and how the words people type are read into values. A header
/// matches a column by its label or key, ignoring case, spaces, underscores, hyphens and the kind of apostrophe; a value
/// matches in the same way, and a few common other words are accepted (telephone for Phone, strategy meeting for Strategy
/// discussion, ICPC for Case conference).
/// </summary>
public static class ChronologyTemplate
{
    public const string SheetName = "Chronology";
    public const string GuidanceSheetName = "Guidance";

    public static readonly IReadOnlyList<string> YesNo = ["Yes", "No"];

    public static readonly IReadOnlyList<ChronologyColumnDefinition> Columns =
    [
        new(ChronologyColumn.Date, "Date", "date", true, 60, null,
            "Day first: 31/01/2003, 31 Jan 2003 or 2003-01-31, perhaps with the time (31/01/2003 14:30). A month (03/2003, Mar 2003) or a "
            + "year (2003) alone, or a date marked \"c.\" or \"approx\", is approximate.", 14),
        new(ChronologyColumn.Time, "Time", "time", false, 20, null, "The time of day, 24-hour (14:30), if known; otherwise leave it empty.", 8),
        new(ChronologyColumn.Approximate, "Approximate date", "approximate", false, 20, YesNo,
            "Yes when the date is not certain. Dates given only as a month or a year are approximate whatever this says.", 12),
        new(ChronologyColumn.Agency, "Agency", "agency", true, 200, null,
            "Your agency's name, the same on every row (and as other agencies name you under \"Who was present\").", 24),
        new(ChronologyColumn.PractitionerRole, "Practitioner role", "practitioner_role", true, 200, null,
            "The practitioner's role (health visitor, duty social worker, PC), never their name.", 22),
        new(ChronologyColumn.ContactType, "Contact type", "contact_type", true, 40, ContactTypeLabels(),
            "One of the list.", 18),
        new(ChronologyColumn.Present, "Who was present", "present", false, 1000, null,
            "Everyone present, separated by semicolons: family members by their relationship to the child (mother, child), other "
            + "agencies by their own names (Police; Health visiting).", 30),
        new(ChronologyColumn.ChildSeen, "Child seen", "child_seen", false, 20, [Labels.Of(ChildSeen.Yes), Labels.Of(ChildSeen.No), Labels.Of(ChildSeen.NotRecorded)],
            "Was the child seen? Yes, No, or Not recorded when the record does not say (empty means Not recorded).", 12),
        new(ChronologyColumn.Wishes, "Child's wishes and feelings", "wishes", false, 20, [Labels.Of(WishesAndFeelings.Recorded), Labels.Of(WishesAndFeelings.NotRecorded)],
            "Were the child's wishes and feelings sought or expressed, and recorded? Recorded (then say what in the next column) or Not recorded.", 16),
        new(ChronologyColumn.WishesText, "What the child said or showed", "wishes_text", false, 4000, null,
            "The child's wishes and feelings as recorded, in the child's words where the record has them.", 36),
        new(ChronologyColumn.WhatHappened, "What happened", "what_happened", true, 8000, null, "What happened, factually.", 50),
        new(ChronologyColumn.DecisionOrAction, "Decision or action", "decision_or_action", false, 4000, null, "What was decided or done as a result.", 36),
        new(ChronologyColumn.SourceDocument, "Source document", "source_document", false, 500, null,
            "The record the entry comes from (case notes, 14/03/2003; GP record).", 24),
    ];

    // The tables of names hold each value as its number: code generic over an enum (Dictionary<string, ContactType>, and
    // Enum.GetValues<T> and LINQ over one) is not compiled ahead of time, and compiling it cost every merge a tenth of its start.
    private static readonly Dictionary<string, int> HeaderNames = BuildHeaderNames();

    private static readonly Dictionary<string, int> ContactTypeNames = BuildNames(typeof(ContactType), v => Labels.Of((ContactType)v), new()
    {
        ["telephone"] = (int)ContactType.Phone,
        ["phone call"] = (int)ContactType.Phone,
        ["telephone call"] = (int)ContactType.Phone,
        ["letter"] = (int)ContactType.LetterOrEmail,
        ["email"] = (int)ContactType.LetterOrEmail,
        ["e mail"] = (int)ContactType.LetterOrEmail,
        ["letter or e mail"] = (int)ContactType.LetterOrEmail,
        ["strategy meeting"] = (int)ContactType.StrategyDiscussion,
        ["child protection conference"] = (int)ContactType.CaseConference,
        ["child protection case conference"] = (int)ContactType.CaseConference,
        ["icpc"] = (int)ContactType.CaseConference,
        ["rcpc"] = (int)ContactType.CaseConference,
        ["court hearing"] = (int)ContactType.Court,
        ["clinic"] = (int)ContactType.OfficeVisit,
        ["clinic visit"] = (int)ContactType.OfficeVisit,
    });

    private static readonly Dictionary<string, int> ChildSeenNames = BuildNames(typeof(ChildSeen), v => Labels.Of((ChildSeen)v), new()
    {
        ["y"] = (int)ChildSeen.Yes,
        ["seen"] = (int)ChildSeen.Yes,
        ["n"] = (int)ChildSeen.No,
        ["not seen"] = (int)ChildSeen.No,
        ["not known"] = (int)ChildSeen.NotRecorded,
    });

    private static readonly Dictionary<string, int> WishesNames = BuildNames(typeof(WishesAndFeelings), v => Labels.Of((WishesAndFeelings)v), new()
    {
        ["yes"] = (int)WishesAndFeelings.Recorded,
        ["y"] = (int)WishesAndFeelings.Recorded,
        ["no"] = (int)WishesAndFeelings.NotRecorded,
        ["n"] = (int)WishesAndFeelings.NotRecorded,
    });

    public static ChronologyColumnDefinition Of(ChronologyColumn column) => Columns[(int)column];

    /// <summary>The template's column that a header names, or null.</summary>
    public static ChronologyColumn? ColumnNamed(string? header) =>
        HeaderNames.TryGetValue(Normalise(header), out var column) ? (ChronologyColumn)column : null;

    public static bool TryContactType(string text, out ContactType value)
    {
        var found = Find(ContactTypeNames, ContactTypeExact, text, out var number);
        value = (ContactType)number;
        return found;
    }

    /// <summary>Reads Yes, No or Not recorded; empty is Not recorded.</summary>
    public static bool TryChildSeen(string? text, out ChildSeen value)
    {
        value = ChildSeen.NotRecorded;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var found = Find(ChildSeenNames, ChildSeenExact, text, out var number);
        value = (ChildSeen)number;
        return found;
    }

    /// <summary>Reads Recorded or Not recorded (or yes/no); null when empty (then the text column decides).</summary>
    public static bool TryWishes(string? text, out WishesAndFeelings? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (Find(WishesNames, WishesExact, text, out var found))
        {
            value = (WishesAndFeelings)found;
            return true;
        }
        return false;
    }

    /// <summary>Reads Yes or No (also y/n, true/false); empty is No.</summary>
    public static bool TryYesNo(string? text, out bool value)
    {
        value = false;
        if (string.IsNullOrEmpty(text) || text.Equals("No", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (text.Equals("Yes", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }
        switch (Normalise(text))
        {
            case "" or "no" or "n" or "false":
                return true;
            case "yes" or "y" or "true" or "approximate":
                value = true;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Lower case, apostrophes and quotation marks made plain, "/" read as "or", and runs of spaces, underscores and hyphens
    /// made one space: how headers and values are compared.
    /// </summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length + 4);
        var space = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '_' or '-')
            {
                if (!space)
                {
                    builder.Append(' ');
                    space = true;
                }
            }
            else if (c == '/')
            {
                if (!space)
                {
                    builder.Append(' ');
                }
                builder.Append("or ");
                space = true;
            }
            else
            {
                builder.Append(c is '\u2019' or '\u2018' or '`' ? '\'' : char.ToLowerInvariant(c));
                space = false;
            }
        }
        return builder.ToString().TrimEnd();
    }

    private static readonly Dictionary<string, int> ContactTypeExact = new(ContactTypeNames, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, int> ChildSeenExact = new(ChildSeenNames, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, int> WishesExact = new(WishesNames, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A value as typed (the template's own words, in any case: most values) or, failing that, normalised. The first needs
    /// no new string, which counts over a hundred thousand rows.
    /// </summary>
    private static bool Find(Dictionary<string, int> normalised, Dictionary<string, int> exact, string text, out int value) =>
            exact.TryGetValue(text, out value!) || normalised.TryGetValue(Normalise(text), out value!);

    private static Dictionary<string, int> BuildHeaderNames()
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            names[Normalise(column.Label)] = (int)column.Column;
            names[Normalise(column.Key)] = (int)column.Column;
        }
        names["approximate"] = (int)ChronologyColumn.Approximate;
        names["approx"] = (int)ChronologyColumn.Approximate;
        names["present"] = (int)ChronologyColumn.Present;
        names["role"] = (int)ChronologyColumn.PractitionerRole;
        names["type of contact"] = (int)ChronologyColumn.ContactType;
        names["was the child seen"] = (int)ChronologyColumn.ChildSeen;
        names["wishes and feelings"] = (int)ChronologyColumn.Wishes;
        names["decision"] = (int)ChronologyColumn.DecisionOrAction;
        names["action"] = (int)ChronologyColumn.DecisionOrAction;
        names["source"] = (int)ChronologyColumn.SourceDocument;
        return names;
    }

    private static Dictionary<string, int> BuildNames(Type type, Func<int, string> label, Dictionary<string, int> others)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in (int[])Enum.GetValuesAsUnderlyingType(type))
        {
            names[Normalise(label(value))] = value;
            names[Normalise(Enum.GetName(type, value))] = value;
        }
        foreach (var (name, value) in others)
        {
            names[Normalise(name)] = value;
        }
        return names;
    }

    private static List<string> ContactTypeLabels()
    {
        var labels = new List<string>();
        foreach (ContactType value in Enum.GetValues(typeof(ContactType)))
        {
            labels.Add(Labels.Of(value));
        }
        return labels;
    }
}
