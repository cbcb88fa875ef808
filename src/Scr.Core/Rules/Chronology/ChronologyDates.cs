using System.Globalization;
using Scr.Core.Models;

namespace Scr.Core.Rules.Chronology;

/// <summary>
/// When a chronology entry happened: the day (for a date known only to the month or year, the first day of that
/// period), how precisely it is known, the time of day if known, and whether the date is approximate.
/// </summary>
public readonly record struct ChronologyDate(DateOnly Date, DatePrecision Precision, TimeOnly? Time, bool Approximate)
{
    /// <summary>The last day the date may stand for: the day itself, or the last day of its month or year.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Month => Date.AddMonths(1).AddDays(-1),
        DatePrecision.Year => Date.AddYears(1).AddDays(-1),
        _ => Date,
    };

    /// <summary>A date known to the day, exactly, with an optional time.</summary>
    public static ChronologyDate On(DateOnly date, TimeOnly? time = null) => new(date, DatePrecision.Day, time, false);

    public override string ToString() => ChronologyDates.Display(this);
}

/// <summary>The outcome of reading a date: the date, or why the text is not one (a message to put after "column 'Date': ").</summary>
public readonly record struct ChronologyDateResult(ChronologyDate Date, string? Problem)
{
    public bool Ok => Problem is null;
}

/// <summary>
/// The one place that reads and writes the dates of chronologies. Accepted, with the day first as in the UK:
/// <list type="bullet">
/// <item>31/01/2003, 31-01-2003 and 31.01.2003 (one or two digits for the day and month, four for the year);</item>
/// <item>31 Jan 2003, 31 January 2003, 31st January, 2003, 31-Jan-2003, January 31 2003, perhaps after the day of the week
/// ("Friday 31 January 2003", which must be right);</item>
/// <item>2003-01-31 (ISO 8601);</item>
/// <item>any of those with a time: 14:30, 14.30, 14:30:15, 2:30pm, 2pm, 1430hrs (after a space, a comma, "at" or ISO's T);</item>
/// <item>a month (03/2003, 2003-03, Mar 2003, March 2003) or a year (2003) alone: approximate, standing for the start of
/// the month or year;</item>
/// <item>any of them marked approximate: "c. 03/2003", "c.2003", "ca. 2003", "circa 2003", "approx 31/01/2003",
/// "about May 2003", "~2003", "2003 (approx)", "2003?".</item>
/// </list>
/// Two-digit years are refused (a chronology can span decades, so the century cannot be guessed), and so are years
/// before <see cref="MinYear"/> or after <see cref="MaxYear"/>, days that do not exist (31/02/2003) and a day of the week
/// that does not match the date.
/// </summary>
public static class ChronologyDates
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    private static readonly DateOnly SpreadsheetEpoch = new(1899, 12, 30);

    private static readonly string[] ShortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>Words before a date that make it approximate, longest first.</summary>
    private static readonly string[] ApproximatePrefixes = ["approximately", "approx.", "approx", "circa", "about", "around", "ca.", "ca", "c.", "c", "~"];

    /// <summary>Words after a date that make it approximate, longest first.</summary>
    private static readonly string[] ApproximateSuffixes = ["(approximately)", "(approximate)", "(approx.)", "(approx)", "approx.", "approx", "(c.)", "?"];

    /// <summary>Reads a date (with an optional time) written in one of the accepted forms.</summary>
    public static ChronologyDateResult Parse(string? text)
    {
        var trimmed = (text ?? "").AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return Fail("enter the date");
        }
        if (TryCommonForm(trimmed, out var common))
        {
            return new ChronologyDateResult(common, null);
        }
        var approximate = false;
        var rest = StripApproximate(trimmed, ref approximate);
        var parsed = ParseDate(rest, approximate, out var hint);
        if (parsed is { } date)
        {
            return new ChronologyDateResult(date, null);
        }
        return Fail($"'{Quote(trimmed)}' is not a date{(hint is null ? "" : ": " + hint)}");
    }

    /// <summary>Reads a time of day on its own (the Time column): 14:30, 14.30, 14:30:15, 2:30pm, 2pm or 1430hrs.</summary>
    public static (TimeOnly? Time, string? Problem) ParseTime(string? text)
    {
        var trimmed = (text ?? "").AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return (null, null);
        }
        if (trimmed.Length == 5 && trimmed[2] == ':' && Digits(trimmed[..2], out var h) && Digits(trimmed[3..], out var m) && h < 24 && m < 60)
        {
            return (new TimeOnly(h, m), null);
        }
        Span<Token> tokens = stackalloc Token[MaxTokens];
        var count = Tokenize(trimmed, tokens);
        if (count > 0 && TryTime(trimmed, tokens[..count], 0, out var time, out var end) && end == count)
        {
            return (time, null);
        }
        return (null, $"'{Quote(trimmed)}' is not a time of day: write it as 14:30");
    }

    /// <summary>
    /// A date from a spreadsheet's number for it (days since 1900: a workbook counting from 1904 adds 1,462 first), as precise
    /// as the cell's number format shows it; a fraction of a day is the time when <paramref name="withTime"/>.
    /// </summary>
    public static ChronologyDateResult FromSpreadsheet(double serial, DatePrecision precision, bool withTime, string shown)
    {
        if (double.IsNaN(serial) || serial < 1 || serial > 2958465)
        {
            return Fail($"'{shown}' is not a date");
        }
        // Whole days since 30/12/1899 (serial 60 is the 29/02/1900 that 1900-based spreadsheets count but that never was, so
        // the serials before it are a day later than that), and the fraction of a day rounded to the second.
        var days = (long)Math.Floor(serial);
        var seconds = (long)Math.Round((serial - days) * 86400, MidpointRounding.AwayFromZero);
        if (seconds >= 86400)
        {
            days++;
            seconds -= 86400;
        }
        if (days < 61)
        {
            days++;
        }
        var day = SpreadsheetEpoch.AddDays((int)days);
        if (day.Year is < MinYear or > MaxYear)
        {
            return Fail($"'{shown}' is not a date: the year must be from {MinYear} to {MaxYear}");
        }
        TimeOnly? time = withTime && precision == DatePrecision.Day && seconds != 0 ? new TimeOnly(seconds * TimeSpan.TicksPerSecond) : null;
        var start = precision switch
        {
            DatePrecision.Month => new DateOnly(day.Year, day.Month, 1),
            DatePrecision.Year => new DateOnly(day.Year, 1, 1),
            _ => day,
        };
        return new ChronologyDateResult(new ChronologyDate(start, precision, time, precision != DatePrecision.Day), null);
    }

    /// <summary>A time from a spreadsheet's fraction of a day (the whole days, if any, are ignored).</summary>
    public static TimeOnly? TimeFromSpreadsheet(double serial)
    {
        if (double.IsNaN(serial) || serial < 0 || serial > 2958466)
        {
            return null;
        }
        var seconds = (long)Math.Round((serial - Math.Floor(serial)) * 86400, MidpointRounding.AwayFromZero) % 86400;
        return new TimeOnly(seconds * TimeSpan.TicksPerSecond);
    }

    /// <summary>The date as the template writes it: 31/01/2003, Mar 2003 or 2003 (without the time or the approximate flag).</summary>
    public static string FormatDate(ChronologyDate date) => date.Precision switch
    {
        DatePrecision.Month => $"{ShortMonths[date.Date.Month - 1]} {date.Date.Year:D4}",
        DatePrecision.Year => date.Date.Year.ToString("D4", CultureInfo.InvariantCulture),
        _ => string.Create(DayLength, date.Date, static (into, day) => WriteDay(day, into)),
    };

    /// <summary>A time as the template writes it: 14:30, or 14:30:15 when it has seconds.</summary>
    public static string FormatTime(TimeOnly time) => time.Second == 0
        ? string.Create(MinutesLength, time, static (into, t) => WriteMinutes(t, into))
        : time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Characters of a day as the template writes it (<see cref="WriteDay"/>).</summary>
    public const int DayLength = 10;

    /// <summary>Characters of a time without seconds as the template writes it (<see cref="WriteMinutes"/>).</summary>
    public const int MinutesLength = 5;

    /// <summary>
    /// A day as dates are written back, day first (31/01/2003), into the first <see cref="DayLength"/> characters: digit by
    /// digit, without a string, for a merge that writes a hundred thousand (a format string is parsed again at every call).
    /// </summary>
    public static void WriteDay(DateOnly day, Span<char> into)
    {
        Digits(into[..2], day.Day);
        into[2] = '/';
        Digits(into[3..5], day.Month);
        into[5] = '/';
        Digits(into[6..DayLength], day.Year);
    }

    /// <summary>A time as 14:30 (seconds left out) into the first <see cref="MinutesLength"/> characters, as <see cref="WriteDay"/>.</summary>
    public static void WriteMinutes(TimeOnly time, Span<char> into)
    {
        Digits(into[..2], time.Hour);
        into[2] = ':';
        Digits(into[3..MinutesLength], time.Minute);
    }

    /// <summary>Writes <paramref name="value"/> in the whole of <paramref name="into"/>, with leading zeros.</summary>
    private static void Digits(Span<char> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    /// <summary>The date for people to read: 31/01/2003 14:30, c. 31/01/2003, c. Mar 2003.</summary>
    public static string Display(ChronologyDate date) =>
        (date.Approximate ? "c. " : "") + FormatDate(date) + (date.Time is { } time ? " " + FormatTime(time) : "");

    private static ChronologyDateResult Fail(string problem) => new(default, problem);

    /// <summary>
    /// The forms most files use throughout, read directly: 31/01/2003 or 2003-01-31, alone or with a 24-hour time
    /// (" 14:30"). Anything else, or a date that is not right, goes the long way, which says what is wrong.
    /// </summary>
    private static bool TryCommonForm(ReadOnlySpan<char> text, out ChronologyDate date)
    {
        date = default;
        if (text.Length != 10 && !(text.Length == 16 && text[10] is ' ' or 'T' && text[13] == ':'))
        {
            return false;
        }
        int day, month, year;
        if (text[2] is '/' or '-' or '.' && text[5] == text[2])
        {
            if (!Digits(text[..2], out day) || !Digits(text[3..5], out month) || !Digits(text[6..10], out year))
            {
                return false;
            }
        }
        else if (text[4] == '-' && text[7] == '-')
        {
            if (!Digits(text[..4], out year) || !Digits(text[5..7], out month) || !Digits(text[8..10], out day))
            {
                return false;
            }
        }
        else
        {
            return false;
        }
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        TimeOnly? time = null;
        if (text.Length == 16)
        {
            if (!Digits(text[11..13], out var hour) || !Digits(text[14..16], out var minute) || hour > 23 || minute > 59)
            {
                return false;
            }
            time = new TimeOnly(hour, minute);
        }
        date = new ChronologyDate(new DateOnly(year, month, day), DatePrecision.Day, time, false);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>The text as it goes into a message: long values cut short.</summary>
    private static string Quote(ReadOnlySpan<char> text) => text.Length <= 60 ? text.ToString() : string.Concat(text[..57], "...");

    private static ReadOnlySpan<char> StripApproximate(ReadOnlySpan<char> text, ref bool approximate)
    {
        foreach (var prefix in ApproximatePrefixes)
        {
            if (text.Length > prefix.Length && text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var next = text[prefix.Length];
                if (prefix[^1] is '.' or '~' || char.IsWhiteSpace(next) || char.IsAsciiDigit(next))
                {
                    approximate = true;
                    text = text[prefix.Length..].TrimStart();
                    break;
                }
            }
        }
        foreach (var suffix in ApproximateSuffixes)
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                var before = text[^(suffix.Length + 1)];
                if (suffix[0] is '(' or '?' || char.IsWhiteSpace(before))
                {
                    approximate = true;
                    text = text[..^suffix.Length].TrimEnd().TrimEnd(',');
                    break;
                }
            }
        }
        return text;
    }

    private const int MaxTokens = 24;

    private enum Kind : byte
    {
        Number,
        Word,
        Separator,
    }

    private readonly record struct Token(Kind Kind, int Start, int Length, int Value);

    /// <summary>Splits the text into numbers, words and single separators (a run of spaces is one). Returns -1 for anything else.</summary>
    private static int Tokenize(ReadOnlySpan<char> text, Span<Token> tokens)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (count == tokens.Length)
            {
                return -1;
            }
            var c = text[i];
            var start = i;
            if (char.IsAsciiDigit(c))
            {
                var value = 0;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    value = i - start < 8 ? value * 10 + (text[i] - '0') : int.MaxValue;
                    i++;
                }
                tokens[count++] = new Token(Kind.Number, start, i - start, value);
            }
            else if (char.IsAsciiLetter(c))
            {
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    i++;
                }
                tokens[count++] = new Token(Kind.Word, start, i - start, 0);
            }
            else if (char.IsWhiteSpace(c))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
                tokens[count++] = new Token(Kind.Separator, start, i - start, ' ');
            }
            else if (c is '/' or '-' or '.' or ':' or ',')
            {
                i++;
                tokens[count++] = new Token(Kind.Separator, start, 1, c);
            }
            else
            {
                return -1;
            }
        }
        return count;
    }

    private static ChronologyDate? ParseDate(ReadOnlySpan<char> text, bool approximate, out string? hint)
    {
        hint = null;
        Span<Token> all = stackalloc Token[MaxTokens];
        var count = Tokenize(text, all);
        if (count <= 0)
        {
            return null;
        }
        var tokens = all[..count];
        var at = 0;

        // A day of the week first: "Friday 31 January 2003", "Fri, 31 Jan 2003".
        DayOfWeek? weekday = null;
        if (tokens[0].Kind == Kind.Word && DayOfWeekNamed(Word(text, tokens[0])) is { } named)
        {
            weekday = named;
            at = SkipSeparators(tokens, 1, " ,.");
        }

        if (!TryDatePart(text, tokens, ref at, out var year, out var month, out var day, out hint))
        {
            return null;
        }
        if (year < 100)
        {
            hint = "write the year in full, with four digits";
            return null;
        }
        if (year is < MinYear or > MaxYear)
        {
            hint = $"the year must be from {MinYear} to {MaxYear}";
            return null;
        }
        if (month != 0 ? month > 12 : day != 0)
        {
            hint = month > 12 && day is >= 1 and <= 12 ? $"there is no month {month}: write the day first, as in 31/01/2003" : null;
            return null;
        }
        if (day != 0 && day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        var precision = day != 0 ? DatePrecision.Day : month != 0 ? DatePrecision.Month : DatePrecision.Year;
        var date = new DateOnly(year, Math.Max(month, 1), Math.Max(day, 1));
        if (weekday is { } expected && (precision != DatePrecision.Day || date.DayOfWeek != expected))
        {
            hint = precision == DatePrecision.Day
                ? $"{date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} was a {date.DayOfWeek}"
                : null;
            return null;
        }

        TimeOnly? time = null;
        if (at < tokens.Length)
        {
            // The time: after a space or a comma, "at", or ISO's T ("2003-01-31T14:30").
            at = SkipSeparators(tokens, at, " ,");
            if (at < tokens.Length && tokens[at].Kind == Kind.Word && Word(text, tokens[at]) is var w
                && (w.Equals("at", StringComparison.OrdinalIgnoreCase) || w.Equals("t", StringComparison.OrdinalIgnoreCase)))
            {
                at = SkipSeparators(tokens, at + 1, " ");
            }
            if (precision != DatePrecision.Day)
            {
                hint = "a time needs a date with the day";
                return null;
            }
            if (!TryTime(text, tokens, at, out var parsed, out var end) || end != tokens.Length)
            {
                hint = "the time is not a time of day: write it as 14:30";
                return null;
            }
            time = parsed;
        }
        return new ChronologyDate(date, precision, time, approximate || precision != DatePrecision.Day);
    }

    /// <summary>The date forms; a month or year alone leaves the day (and month) 0.</summary>
    private static bool TryDatePart(ReadOnlySpan<char> text, ReadOnlySpan<Token> t, ref int at, out int year, out int month, out int day, out string? hint)
    {
        year = month = day = 0;
        hint = null;
        var n = t.Length - at;
        if (n <= 0)
        {
            return false;
        }
        var a = t[at];

        if (a.Kind == Kind.Number)
        {
            // 31/01/2003, 31-01-2003, 31.01.2003
            if (a.Length <= 2 && n >= 5 && IsSeparator(t[at + 1], "/-.") && Is(t[at + 2], Kind.Number, 1, 2)
                && t[at + 3].Kind == Kind.Separator && t[at + 3].Value == t[at + 1].Value && Is(t[at + 4], Kind.Number, 2, 4) && t[at + 4].Length != 3)
            {
                (day, month, year) = (a.Value, t[at + 2].Value, t[at + 4].Value);
                at += 5;
                return true;
            }
            // 2003-01-31, 2003/01/31
            if (a.Length == 4 && n >= 5 && IsSeparator(t[at + 1], "-/") && Is(t[at + 2], Kind.Number, 1, 2)
                && t[at + 3].Kind == Kind.Separator && t[at + 3].Value == t[at + 1].Value && Is(t[at + 4], Kind.Number, 1, 2))
            {
                (year, month, day) = (a.Value, t[at + 2].Value, t[at + 4].Value);
                at += 5;
                return true;
            }
            // 31 Jan 2003, 31st January, 2003, 31-Jan-2003, 31 Jan. 2003
            if (a.Length <= 2)
            {
                var i = at + 1;
                if (i < t.Length && t[i].Kind == Kind.Word && IsOrdinal(a.Value, Word(text, t[i])))
                {
                    i++;
                }
                i = SkipSeparators(t, i, " -");
                if (i < t.Length && t[i].Kind == Kind.Word && MonthNamed(Word(text, t[i])) is { } named)
                {
                    i = SkipSeparators(t, i + 1, " -.,");
                    if (i < t.Length && Is(t[i], Kind.Number, 2, 4) && t[i].Length != 3)
                    {
                        (day, month, year) = (a.Value, named, t[i].Value);
                        at = i + 1;
                        return true;
                    }
                    return false;
                }
            }
            // 03/2003, 3-2003 (a month)
            if (a.Length <= 2 && n >= 3 && IsSeparator(t[at + 1], "/-.") && Is(t[at + 2], Kind.Number, 4, 4))
            {
                (month, year) = (a.Value, t[at + 2].Value);
                at += 3;
                return true;
            }
            // 2003-03 (a month)
            if (a.Length == 4 && n >= 3 && IsSeparator(t[at + 1], "-/") && Is(t[at + 2], Kind.Number, 1, 2))
            {
                (year, month) = (a.Value, t[at + 2].Value);
                at += 3;
                return true;
            }
            // 2003 (a year)
            if (a.Length == 4 && n == 1)
            {
                year = a.Value;
                at += 1;
                return true;
            }
            if (a.Length <= 2 && n >= 5 && IsSeparator(t[at + 1], "/-.") && Is(t[at + 2], Kind.Number, 1, 2) && IsSeparator(t[at + 3], "/-."))
            {
                hint = "write it as 31/01/2003";
            }
            return false;
        }

        if (a.Kind == Kind.Word && MonthNamed(Word(text, a)) is { } month1)
        {
            var i = SkipSeparators(t, at + 1, " -.");
            // January 31, 2003 / Jan 31st 2003
            if (i < t.Length && Is(t[i], Kind.Number, 1, 2))
            {
                var dayAt = i;
                i++;
                if (i < t.Length && t[i].Kind == Kind.Word && IsOrdinal(t[dayAt].Value, Word(text, t[i])))
                {
                    i++;
                }
                i = SkipSeparators(t, i, " ,");
                if (i < t.Length && Is(t[i], Kind.Number, 4, 4))
                {
                    (day, month, year) = (t[dayAt].Value, month1, t[i].Value);
                    at = i + 1;
                    return true;
                }
                return false;
            }
            // Jan 2003, March 2003 (a month)
            i = SkipSeparators(t, i, ",");
            if (i < t.Length && Is(t[i], Kind.Number, 2, 4) && t[i].Length != 3)
            {
                (month, year) = (month1, t[i].Value);
                at = i + 1;
                return true;
            }
        }
        return false;
    }

    /// <summary>A time from position <paramref name="at"/>: 14:30, 14.30, 14:30:15, 2:30pm, 2:30 p.m., 2pm, 1430hrs.</summary>
    private static bool TryTime(ReadOnlySpan<char> text, ReadOnlySpan<Token> t, int at, out TimeOnly time, out int end)
    {
        time = default;
        end = at;
        if (at >= t.Length || t[at].Kind != Kind.Number)
        {
            return false;
        }
        int hour, minute = 0, second = 0;
        var i = at + 1;
        var n = t[at];
        if (n.Length == 4 && i < t.Length && t[i].Kind == Kind.Word && Word(text, t[i]) is var hrs
            && (hrs.Equals("hrs", StringComparison.OrdinalIgnoreCase) || hrs.Equals("hr", StringComparison.OrdinalIgnoreCase)
                || hrs.Equals("h", StringComparison.OrdinalIgnoreCase) || hrs.Equals("hours", StringComparison.OrdinalIgnoreCase)))
        {
            // 1430hrs, as police and health records often write it.
            hour = n.Value / 100;
            minute = n.Value % 100;
            i++;
        }
        else if (n.Length <= 2)
        {
            hour = n.Value;
            if (i + 1 < t.Length && IsSeparator(t[i], ":.") && Is(t[i + 1], Kind.Number, 2, 2))
            {
                minute = t[i + 1].Value;
                i += 2;
                if (i + 1 < t.Length && IsSeparator(t[i], ":") && Is(t[i + 1], Kind.Number, 2, 2))
                {
                    second = t[i + 1].Value;
                    i += 2;
                }
            }
            var meridiem = Meridiem(text, t, ref i);
            if (meridiem is not null)
            {
                if (hour is < 1 or > 12)
                {
                    return false;
                }
                hour = hour % 12 + (meridiem.Value ? 12 : 0);
            }
            else if (i == at + 1)
            {
                // A bare number is not a time.
                return false;
            }
            else if (i < t.Length && t[i].Kind == Kind.Word && Word(text, t[i]) is var h
                && (h.Equals("hrs", StringComparison.OrdinalIgnoreCase) || h.Equals("h", StringComparison.OrdinalIgnoreCase)))
            {
                i++;
            }
        }
        else
        {
            return false;
        }
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return false;
        }
        time = new TimeOnly(hour, minute, second);
        end = i;
        return true;
    }

    /// <summary>am or pm (also a.m., p.m., after an optional space): true for pm, false for am, null when there is neither.</summary>
    private static bool? Meridiem(ReadOnlySpan<char> text, ReadOnlySpan<Token> t, ref int i)
    {
        var j = i < t.Length && t[i] is { Kind: Kind.Separator, Value: ' ' } ? i + 1 : i;
        if (j >= t.Length || t[j].Kind != Kind.Word)
        {
            return null;
        }
        var word = Word(text, t[j]);
        bool? pm = null;
        if (word.Equals("am", StringComparison.OrdinalIgnoreCase) || word.Equals("pm", StringComparison.OrdinalIgnoreCase))
        {
            pm = char.ToLowerInvariant(word[0]) == 'p';
            j++;
        }
        else if ((word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("p", StringComparison.OrdinalIgnoreCase))
            && j + 2 < t.Length && IsSeparator(t[j + 1], ".") && t[j + 2].Kind == Kind.Word && Word(text, t[j + 2]).Equals("m", StringComparison.OrdinalIgnoreCase))
        {
            pm = char.ToLowerInvariant(word[0]) == 'p';
            j += 3;
            if (j < t.Length && IsSeparator(t[j], "."))
            {
                j++;
            }
        }
        if (pm is not null)
        {
            i = j;
        }
        return pm;
    }

    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> text, Token token) => text.Slice(token.Start, token.Length);

    private static bool Is(Token token, Kind kind, int minLength, int maxLength) =>
        token.Kind == kind && token.Length >= minLength && token.Length <= maxLength;

    private static bool IsSeparator(Token token, string which) => token.Kind == Kind.Separator && which.Contains((char)token.Value);

    private static int SkipSeparators(ReadOnlySpan<Token> t, int i, string which)
    {
        while (i < t.Length && IsSeparator(t[i], which))
        {
            i++;
        }
        return i;
    }

    private static bool IsOrdinal(int day, ReadOnlySpan<char> word)
    {
        var suffix = (day % 100) is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return word.Equals(suffix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>1 to 12 for a month's name or its abbreviation (Jan, Sept), else null.</summary>
    private static int? MonthNamed(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return null;
        }
        for (var m = 0; m < MonthNames.Length; m++)
        {
            var name = MonthNames[m];
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase) || word.Equals(name.AsSpan(0, 3), StringComparison.OrdinalIgnoreCase)
                || (m == 8 && word.Equals("sept", StringComparison.OrdinalIgnoreCase)))
            {
                return m + 1;
            }
        }
        return null;
    }

    private static DayOfWeek? DayOfWeekNamed(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return null;
        }
        for (var d = 0; d < DayNames.Length; d++)
        {
            var name = DayNames[d];
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase) || word.Equals(name.AsSpan(0, 3), StringComparison.OrdinalIgnoreCase)
                || (word.Length == 4 && name.StartsWith(word, StringComparison.OrdinalIgnoreCase) && d is 2 or 4)
                || (word.Length == 5 && d == 4 && name.StartsWith(word, StringComparison.OrdinalIgnoreCase)))
            {
                return (DayOfWeek)d;
            }
        }
        return null;
    }
}
