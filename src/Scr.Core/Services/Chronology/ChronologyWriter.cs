using CsvHelper;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Chronology;

namespace Scr.Core.Services.Chronology;

/// <summary>
/// Writes chronology entries in the template's columns, as they come: CSV, or an XLSX workbook with the template's lists
/// for the fixed columns. What it writes can be read back (<see cref="ChronologyReader"/>) to the same entries, so a
/// merged chronology is itself a chronology file. Call <see cref="Complete"/> at the end: until then the file is not whole.
/// </summary>
public abstract class ChronologyWriter : IDisposable
{
    /// <summary>Entries written so far.</summary>
    public int Count { get; protected set; }

    public static ChronologyWriter Create(Stream stream, ChronologyFileFormat format, bool leaveOpen = false) =>
        format == ChronologyFileFormat.Csv ? new CsvChronologyWriter(stream, leaveOpen) : new XlsxChronologyWriter(stream, leaveOpen, guidance: false);

    /// <summary>
    /// Writes an entry. <paramref name="sameTimeAsOtherAgencies"/> marks one of a group of entries of several agencies at the
    /// same time (shaded in a workbook).
    /// </summary>
    public abstract void Write(ChronologyEntry entry, bool sameTimeAsOtherAgencies = false);

    /// <summary>Finishes the file.</summary>
    public abstract void Complete();

    /// <summary>
    /// The empty template for agencies to fill in: in a workbook, a Chronology sheet with the header, lists to choose the
    /// fixed columns' values from and the date and time columns kept as typed, and a Guidance sheet; in CSV, the header.
    /// </summary>
    public static void WriteTemplate(Stream stream, ChronologyFileFormat format)
    {
        using ChronologyWriter writer = format == ChronologyFileFormat.Csv ? new CsvChronologyWriter(stream, leaveOpen: true) : new XlsxChronologyWriter(stream, leaveOpen: true, guidance: true);
        writer.Complete();
    }

    /// <summary>The template's labels, in order: the header row.</summary>
    public static string[] Header { get; } = ChronologyTemplate.Columns.Select(c => c.Label).ToArray();

    /// <summary>Yes or No, as the Approximate date column writes it.</summary>
    public static string YesNo(bool value) => value ? ChronologyTemplate.YesNo[0] : ChronologyTemplate.YesNo[1];

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>
/// CSV as Excel reads it: UTF-8 with a byte order mark, comma-separated, CRLF, quoted where needed. A value that starts with
/// a character that would make a spreadsheet run it as a formula (= + - @) is written after an apostrophe, which the
/// chronology reader takes off again.
/// </summary>
internal sealed class CsvChronologyWriter : ChronologyWriter
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    private readonly CsvWriter _csv;

    public CsvChronologyWriter(Stream stream, bool leaveOpen)
    {
        _csv = CsvWriter.Create(stream, Options, leaveOpen);
        _csv.WriteHeader(Header);
    }

    public override void Write(ChronologyEntry entry, bool sameTimeAsOtherAgencies = false)
    {
        // The common forms written into a span, not a new string for every entry.
        Span<char> text = stackalloc char[ChronologyDates.DayLength];
        if (entry.Precision == DatePrecision.Day)
        {
            ChronologyDates.WriteDay(entry.Date, text);
            _csv.WriteField(text);
        }
        else
        {
            _csv.WriteField(ChronologyDates.FormatDate(entry.When));
        }
        if (entry.Time is { } time && time.Second == 0)
        {
            ChronologyDates.WriteMinutes(time, text);
            _csv.WriteField(text[..ChronologyDates.MinutesLength]);
        }
        else
        {
            _csv.WriteField(entry.Time is { } t ? ChronologyDates.FormatTime(t) : null);
        }
        _csv.WriteField(YesNo(entry.Approximate));
        _csv.WriteField(entry.Agency);
        _csv.WriteField(entry.PractitionerRole);
        _csv.WriteField(Labels.Of(entry.ContactType));
        _csv.WriteField(entry.Present);
        _csv.WriteField(Labels.Of(entry.ChildSeen));
        _csv.WriteField(Labels.Of(entry.Wishes));
        _csv.WriteField(entry.WishesText);
        _csv.WriteField(entry.WhatHappened);
        _csv.WriteField(entry.DecisionOrAction);
        _csv.WriteField(entry.SourceDocument);
        _csv.EndRecord();
        Count++;
    }

    public override void Complete() => _csv.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _csv.Dispose();
        }
        base.Dispose(disposing);
    }
}
