using System.Globalization;
using Scr.Core.Models;

namespace Scr.Core.Rules.Chronology;

/// <summary>
/// A problem with a chronology file: its row (the header is row 1, as a spreadsheet numbers them; 0 for the file as a
/// whole), the column as the file's header names it (null when the problem is about the whole row), and what is wrong.
/// </summary>
public sealed record ChronologyProblem(int Row, string? Column, string Message)
{
    /// <summary>row 14, column 'Date': '31/02/2003' is not a date</summary>
    public override string ToString() =>
        Row <= 0 ? Message : Column is null ? $"row {Row}: {Message}" : $"row {Row}, column '{Column}': {Message}";
}

/// <summary>How a spreadsheet shows a number: as a date (to the day, month or year), a date and time, a time, or a plain number.</summary>
public enum CellNumberFormat : byte
{
    None,
    Plain,
    Date,
    DateTime,
    Month,
    Year,
    Time,
}

/// <summary>One cell of a row: its text, or (from a spreadsheet) a number and how the spreadsheet shows it.</summary>
public readonly record struct ChronologyCell(string? Text, double Number = double.NaN, CellNumberFormat Format = CellNumberFormat.None)
{
    public bool IsNumber => Format != CellNumberFormat.None;

    public bool IsEmpty => !IsNumber && string.IsNullOrWhiteSpace(Text);

    /// <summary>The cell as text, as a message quotes it.</summary>
    public string Shown => IsNumber ? Number.ToString(CultureInfo.InvariantCulture) : Text ?? "";

    public static implicit operator ChronologyCell(string? text) => new(text);
}

/// <summary>
/// Turns the cells of one row of the template into an entry, or names every problem in it. Shared by every way entries
/// come in (CSV, XLSX, and later a form), so they are all checked alike: the date by <see cref="ChronologyDates"/>, the
/// fixed columns by <see cref="ChronologyTemplate"/>, the required columns filled, values not too long, and the child's
/// wishes and feelings either recorded with what the child said or showed, or not recorded and left empty.
/// </summary>
public sealed class ChronologyEntryBuilder
{
    private readonly string[] _names;
    private readonly string? _agency;

    /// <param name="columnNames">The name of each template column as the file's header writes it (indexed by <see cref="ChronologyColumn"/>);
    /// null for the template's labels.</param>
    /// <param name="agency">The agency whose chronology this is, when known (an agency importing its own): rows may leave the
    /// agency empty, and a row naming another agency is refused.</param>
    public ChronologyEntryBuilder(IReadOnlyList<string?>? columnNames = null, string? agency = null)
    {
        _names = ChronologyTemplate.Columns.Select(c => columnNames is not null && (int)c.Column < columnNames.Count && columnNames[(int)c.Column] is { } name
            ? name : c.Label).ToArray();
        _agency = string.IsNullOrWhiteSpace(agency) ? null : agency.Trim();
    }

    /// <summary>The name of a column in messages: as the file's header writes it.</summary>
    public string NameOf(ChronologyColumn column) => _names[(int)column];

    /// <summary>True when every cell is empty: a blank row, skipped.</summary>
    public static bool IsBlank(ReadOnlySpan<ChronologyCell> cells)
    {
        foreach (var cell in cells)
        {
            if (!cell.IsEmpty)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The entry of row <paramref name="row"/> from its cells (indexed by <see cref="ChronologyColumn"/>; a column the file
    /// does not have is an empty cell), or null with its problems added to <paramref name="problems"/>.
    /// </summary>
    public ChronologyEntry? Build(int row, ReadOnlySpan<ChronologyCell> cells, List<ChronologyProblem> problems)
    {
        var before = problems.Count;
        var dateCell = Cell(cells, ChronologyColumn.Date);
        var when = ReadDate(dateCell);
        if (!when.Ok)
        {
            problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.Date), when.Problem!));
        }
        var date = when.Date;

        var timeCell = Cell(cells, ChronologyColumn.Time);
        if (!timeCell.IsEmpty)
        {
            var (time, problem) = ReadTime(timeCell);
            if (problem is not null)
            {
                problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.Time), problem));
            }
            else if (when.Ok && date.Precision != DatePrecision.Day)
            {
                problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.Time),
                    $"a time needs a date with the day, and '{dateCell.Shown.Trim()}' has none"));
            }
            else if (when.Ok && date.Time is { } inDate && inDate != time)
            {
                problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.Time),
                    $"'{timeCell.Shown.Trim()}' is not the time in column '{NameOf(ChronologyColumn.Date)}' ({ChronologyDates.FormatTime(inDate)})"));
            }
            else
            {
                date = date with { Time = time };
            }
        }

        var approximateText = Text(cells, ChronologyColumn.Approximate);
        if (!ChronologyTemplate.TryYesNo(approximateText, out var approximate))
        {
            problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.Approximate), $"'{approximateText}' is not one of: Yes, No"));
        }
        date = date with { Approximate = date.Approximate || approximate };

        var agency = Text(cells, ChronologyColumn.Agency);
        if (agency is null)
        {
            agency = _agency;
            if (agency is null)
            {
                problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.Agency), "enter the agency's name"));
            }
        }
        else if (_agency is not null && !string.Equals(ChronologyTemplate.Normalise(agency), ChronologyTemplate.Normalise(_agency), StringComparison.Ordinal))
        {
            problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.Agency),
                $"'{agency}' is not {_agency}: a chronology holds one agency's entries (leave the column empty, or enter {_agency})"));
        }
        else if (_agency is not null)
        {
            agency = _agency;
        }

        var role = Text(cells, ChronologyColumn.PractitionerRole);
        if (role is null)
        {
            problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.PractitionerRole), "enter the practitioner's role (not their name)"));
        }

        var contactText = Text(cells, ChronologyColumn.ContactType);
        var contactType = ContactType.Other;
        if (contactText is null)
        {
            problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.ContactType), $"enter one of: {Values(ChronologyColumn.ContactType)}"));
        }
        else if (!ChronologyTemplate.TryContactType(contactText, out contactType))
        {
            problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.ContactType), $"'{contactText}' is not one of: {Values(ChronologyColumn.ContactType)}"));
        }

        var seenText = Text(cells, ChronologyColumn.ChildSeen);
        if (!ChronologyTemplate.TryChildSeen(seenText, out var seen))
        {
            problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.ChildSeen), $"'{seenText}' is not one of: {Values(ChronologyColumn.ChildSeen)}"));
        }

        var wishesText = Text(cells, ChronologyColumn.WishesText);
        var wishesValue = Text(cells, ChronologyColumn.Wishes);
        var wishes = WishesAndFeelings.NotRecorded;
        if (!ChronologyTemplate.TryWishes(wishesValue, out var wishesRead))
        {
            problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.Wishes), $"'{wishesValue}' is not one of: {Values(ChronologyColumn.Wishes)}"));
        }
        else if (wishesRead == WishesAndFeelings.Recorded && wishesText is null)
        {
            problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.Wishes),
                $"'{wishesValue}' needs what the child said or showed, in column '{NameOf(ChronologyColumn.WishesText)}'"));
        }
        else if (wishesRead == WishesAndFeelings.NotRecorded && wishesText is not null)
        {
            problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.Wishes),
                $"'{wishesValue}', but column '{NameOf(ChronologyColumn.WishesText)}' says what the child said or showed: choose Recorded, or empty that column"));
        }
        else
        {
            wishes = wishesText is null ? WishesAndFeelings.NotRecorded : WishesAndFeelings.Recorded;
        }

        var whatHappened = Text(cells, ChronologyColumn.WhatHappened);
        if (whatHappened is null)
        {
            problems.Add(new ChronologyProblem(row, NameOf(ChronologyColumn.WhatHappened), "enter what happened"));
        }

        var entry = new ChronologyEntry
        {
            Agency = agency ?? "",
            PractitionerRole = role ?? "",
            ContactType = contactType,
            Present = Text(cells, ChronologyColumn.Present),
            ChildSeen = seen,
            Wishes = wishes,
            WishesText = wishesText,
            WhatHappened = whatHappened ?? "",
            DecisionOrAction = Text(cells, ChronologyColumn.DecisionOrAction),
            SourceDocument = Text(cells, ChronologyColumn.SourceDocument),
            Row = row,
        };
        entry.SetWhen(date);

        foreach (var column in ChronologyTemplate.Columns)
        {
            if (Text(cells, column.Column) is { } text)
            {
                if (text.Length > column.MaxLength)
                {
                    problems.Add(new ChronologyProblem(row, NameOf(column.Column), $"is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long: the most is {column.MaxLength.ToString("N0", CultureInfo.InvariantCulture)}"));
                }
                if (text.Contains('\uFFFD'))
                {
                    problems.Add(new ChronologyProblem(row, NameOf(column.Column),
                        "has characters that could not be read: save the file as UTF-8 (in Excel, \"CSV UTF-8 (Comma delimited)\")"));
                }
            }
        }
        return problems.Count == before ? entry : null;
    }

    private static ChronologyCell Cell(ReadOnlySpan<ChronologyCell> cells, ChronologyColumn column) =>
        (int)column < cells.Length ? cells[(int)column] : default;

    /// <summary>The trimmed text of a cell, or null when it is empty.</summary>
    private static string? Text(ReadOnlySpan<ChronologyCell> cells, ChronologyColumn column)
    {
        var cell = Cell(cells, column);
        if (cell.IsNumber)
        {
            return cell.Shown;
        }
        var text = cell.Text;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            text = text.Trim();
            return text.Length == 0 ? null : text;
        }
        return text;
    }

    private static ChronologyDateResult ReadDate(ChronologyCell cell)
    {
        if (!cell.IsNumber)
        {
            return ChronologyDates.Parse(cell.Text);
        }
        return cell.Format switch
        {
            CellNumberFormat.Date => ChronologyDates.FromSpreadsheet(cell.Number, DatePrecision.Day, false, cell.Shown),
            CellNumberFormat.DateTime => ChronologyDates.FromSpreadsheet(cell.Number, DatePrecision.Day, true, cell.Shown),
            CellNumberFormat.Month => ChronologyDates.FromSpreadsheet(cell.Number, DatePrecision.Month, false, cell.Shown),
            CellNumberFormat.Year => ChronologyDates.FromSpreadsheet(cell.Number, DatePrecision.Year, false, cell.Shown),
            // A year typed as a number (2003) in a cell not formatted as a date.
            CellNumberFormat.Plain when cell.Number == Math.Floor(cell.Number) && cell.Number is >= ChronologyDates.MinYear and <= ChronologyDates.MaxYear =>
                new ChronologyDateResult(new ChronologyDate(new DateOnly((int)cell.Number, 1, 1), DatePrecision.Year, null, true), null),
            _ => new ChronologyDateResult(default, $"'{cell.Shown}' is not a date"),
        };
    }

    private static (TimeOnly? Time, string? Problem) ReadTime(ChronologyCell cell)
    {
        if (!cell.IsNumber)
        {
            return ChronologyDates.ParseTime(cell.Text);
        }
        return cell.Format is CellNumberFormat.Time or CellNumberFormat.DateTime || (cell.Format == CellNumberFormat.Plain && cell.Number is >= 0 and < 1)
            ? (ChronologyDates.TimeFromSpreadsheet(cell.Number), null)
            : (null, $"'{cell.Shown}' is not a time of day: write it as 14:30");
    }

    private static string Values(ChronologyColumn column) => string.Join(", ", ChronologyTemplate.Of(column).Values!);
}
