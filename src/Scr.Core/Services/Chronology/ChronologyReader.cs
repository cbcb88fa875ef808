using Scr.Core.Models;
using Scr.Core.Rules.Chronology;

namespace Scr.Core.Services.Chronology;

/// <summary>The kinds of file a chronology can be read from and written to.</summary>
public enum ChronologyFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// How far reading has gone: rows read (the header included), bytes of the file read, and the file's size (0 when not
/// known). <paramref name="Checked"/>: the whole file was read without a problem and what follows is saving it.
/// </summary>
public readonly record struct ChronologyReadProgress(long Rows, long Bytes, long TotalBytes, bool Checked = false);

public sealed record ChronologyReadOptions
{
    public static readonly ChronologyReadOptions Default = new();

    /// <summary>The agency whose chronology the file is, when known: rows may then leave the agency empty, and may not name another.</summary>
    public string? Agency { get; init; }

    /// <summary>Problems kept to report; past this they are only counted.</summary>
    public int MaxProblems { get; init; } = 10_000;

    /// <summary>Told how far reading has gone, every <see cref="ProgressEveryRows"/> rows and at the end.</summary>
    public IProgress<ChronologyReadProgress>? Progress { get; init; }

    public int ProgressEveryRows { get; init; } = 2_000;

    /// <summary>
    /// One string per distinct value of a column that repeats (an agency's name, a role, a contact type), for whoever holds
    /// the entries (a whole file in memory): it saves memory then, but costs time on every cell, which a merge that writes
    /// each entry as it goes does not get back (it took a fifth of the merge's time).
    /// </summary>
    public bool ShareRepeatedValues { get; init; } = true;
}

/// <summary>Every entry of a file, or (when <see cref="Ok"/> is false) the problems that stop it being used.</summary>
public sealed record ChronologyReadResult(IReadOnlyList<ChronologyEntry> Entries, IReadOnlyList<ChronologyProblem> Problems, int ProblemCount)
{
    public bool Ok => ProblemCount == 0;
}

/// <summary>
/// Reads an agency chronology in the template's columns from CSV or XLSX, row by row: the file is never held whole, nor
/// made into a document tree (an XLSX workbook's table of shared strings excepted, which the format needs). The header is
/// the first row that is not blank; its columns may come in any order, and must include the template's required ones.
/// Every row is checked (<see cref="ChronologyEntryBuilder"/>) and every problem kept with its row and column; blank rows
/// are skipped. Reading is all or nothing for whoever uses it: a file with any problem (<see cref="ProblemCount"/>) is
/// not to be used, but is read to its end so that every problem can be put right at once.
/// </summary>
public abstract class ChronologyReader : IDisposable
{
    private readonly List<ChronologyProblem> _problems = [];
    private readonly List<ChronologyProblem> _rowProblems = [];
    private int[] _columnOf = [];
    private ChronologyCell[] _cells = new ChronologyCell[ChronologyTemplate.Columns.Count];
    private ChronologyEntryBuilder? _builder;
    private long _lastReported = -1;

    protected ChronologyReader(ChronologyReadOptions? options)
    {
        Options = options ?? ChronologyReadOptions.Default;
    }

    public ChronologyReadOptions Options { get; }

    /// <summary>The problems found so far (up to <see cref="ChronologyReadOptions.MaxProblems"/>), in the order of the file.</summary>
    public IReadOnlyList<ChronologyProblem> Problems => _problems;

    /// <summary>How many problems were found, including any past those kept.</summary>
    public int ProblemCount { get; private set; }

    /// <summary>The last row read (the header is row 1; blank rows count, as a spreadsheet numbers them).</summary>
    public int Row { get; protected set; }

    /// <summary>Bytes of the file read so far, and its size (0 when not known).</summary>
    protected abstract long BytesRead { get; }

    protected abstract long TotalBytes { get; }

    /// <summary>The file format of a path, by its extension (.csv, .xlsx), or null.</summary>
    public static ChronologyFileFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => ChronologyFileFormat.Csv,
        ".xlsx" => ChronologyFileFormat.Xlsx,
        _ => null,
    };

    /// <summary>Opens a file, of the format its extension says.</summary>
    public static ChronologyReader Open(string path, ChronologyReadOptions? options = null)
    {
        var format = FormatOf(path) ?? throw new ArgumentException($"{Path.GetFileName(path)} is neither a .csv nor a .xlsx file.", nameof(path));
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            return Open(stream, format, options, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a stream (which it disposes unless <paramref name="leaveOpen"/>).</summary>
    public static ChronologyReader Open(Stream stream, ChronologyFileFormat format, ChronologyReadOptions? options = null, bool leaveOpen = false) =>
        format == ChronologyFileFormat.Csv ? new CsvChronologyReader(stream, options, leaveOpen) : new XlsxChronologyReader(stream, options, leaveOpen);

    /// <summary>Reads every entry of a file, all or nothing: no entries when there is any problem.</summary>
    public static ChronologyReadResult ReadAll(string path, ChronologyReadOptions? options = null)
    {
        using var reader = Open(path, options);
        return reader.ReadAll();
    }

    /// <inheritdoc cref="ReadAll(string, ChronologyReadOptions?)"/>
    public static ChronologyReadResult ReadAll(Stream stream, ChronologyFileFormat format, ChronologyReadOptions? options = null)
    {
        using var reader = Open(stream, format, options, leaveOpen: true);
        return reader.ReadAll();
    }

    /// <summary>Reads the rest of the file.</summary>
    public ChronologyReadResult ReadAll()
    {
        var entries = new List<ChronologyEntry>();
        foreach (var entry in Entries())
        {
            if (ProblemCount == 0)
            {
                entries.Add(entry);
            }
        }
        return ProblemCount == 0 ? new ChronologyReadResult(entries, [], 0) : new ChronologyReadResult([], _problems.ToList(), ProblemCount);
    }

    /// <summary>
    /// The entries of the rows without problems, one by one, as the file is read; rows with problems are recorded in
    /// <see cref="Problems"/> and skipped. Can be enumerated once.
    /// </summary>
    public IEnumerable<ChronologyEntry> Entries()
    {
        if (!ReadHeader())
        {
            Report(force: true);
            yield break;
        }
        while (Next() is { } entry)
        {
            yield return entry;
        }
        Report(force: true);
    }

    /// <summary>The entry of the next row without problems, recording the problems of the rows before it; null at the end.</summary>
    private ChronologyEntry? Next()
    {
        var problems = _rowProblems;
        while (NextRow())
        {
            var fields = FieldCount;
            var blank = true;
            Array.Clear(_cells);
            for (var i = 0; i < fields; i++)
            {
                var column = i < _columnOf.Length ? _columnOf[i] : Unnamed;
                if (column >= 0)
                {
                    var cell = Cell(i);
                    _cells[column] = cell;
                    blank &= cell.IsEmpty;
                }
                else if (!Cell(i).IsEmpty)
                {
                    problems.Add(new ChronologyProblem(Row, null, i >= _columnOf.Length
                        ? $"the row has a value in column {i + 1}, past the last column of the header ({_columnOf.Length})"
                        : $"the row has a value in column {i + 1}, which has no name in the header"));
                }
            }
            if (blank)
            {
                // A blank row is skipped; one with values only outside the header's columns has just those problems.
                foreach (var problem in problems)
                {
                    AddProblem(problem);
                }
                problems.Clear();
                continue;
            }
            var entry = _builder!.Build(Row, _cells, problems);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    AddProblem(problem);
                }
                problems.Clear();
            }
            else if (entry is not null)
            {
                if (Row - _lastReported >= Options.ProgressEveryRows)
                {
                    Report(force: false);
                }
                return entry;
            }
        }
        return null;
    }

    /// <summary>Records a problem (those past <see cref="ChronologyReadOptions.MaxProblems"/> are counted only).</summary>
    protected void AddProblem(ChronologyProblem problem)
    {
        ProblemCount++;
        if (_problems.Count < Options.MaxProblems)
        {
            _problems.Add(problem);
        }
    }

    /// <summary>Moves to the next row of the file, setting <see cref="Row"/>; false at the end.</summary>
    protected abstract bool NextRow();

    /// <summary>The number of cells the current row has.</summary>
    protected abstract int FieldCount { get; }

    /// <summary>Cell <paramref name="index"/> (from 0) of the current row.</summary>
    protected abstract ChronologyCell Cell(int index);

    private const int Unnamed = -2;

    private bool ReadHeader()
    {
        if (ProblemCount > 0)
        {
            // The file could not be opened.
            return false;
        }
        var found = false;
        while (NextRow())
        {
            for (var i = 0; i < FieldCount && !found; i++)
            {
                found = !Cell(i).IsEmpty;
            }
            if (found)
            {
                break;
            }
        }
        if (!found)
        {
            AddProblem(new ChronologyProblem(Math.Max(Row, 1), null,
                $"the file is empty: the first row must be the header, with the columns {string.Join(", ", ChronologyTemplate.Columns.Select(c => c.Label))}"));
            return false;
        }

        var headerRow = Row;
        _columnOf = new int[FieldCount];
        var names = new string?[ChronologyTemplate.Columns.Count];
        for (var i = 0; i < FieldCount; i++)
        {
            var name = Cell(i).Shown.Trim();
            if (name.Length == 0)
            {
                _columnOf[i] = Unnamed;
                continue;
            }
            if (ChronologyTemplate.ColumnNamed(name) is not { } column)
            {
                _columnOf[i] = -1;
                AddProblem(new ChronologyProblem(headerRow, name,
                    $"there is no such column in the chronology template: the columns are {string.Join(", ", ChronologyTemplate.Columns.Select(c => c.Label))}"));
                continue;
            }
            if (names[(int)column] is { } first)
            {
                _columnOf[i] = -1;
                AddProblem(new ChronologyProblem(headerRow, name, $"the column appears twice (also as '{first}')"));
                continue;
            }
            names[(int)column] = name;
            _columnOf[i] = (int)column;
        }
        foreach (var column in ChronologyTemplate.Columns)
        {
            if (column.Required && names[(int)column.Column] is null && !(column.Column == ChronologyColumn.Agency && Options.Agency is not null))
            {
                AddProblem(new ChronologyProblem(headerRow, null, $"the header has no '{column.Label}' column"));
            }
        }
        if (ProblemCount > 0)
        {
            return false;
        }
        _builder = new ChronologyEntryBuilder(names, Options.Agency);
        return true;
    }

    private void Report(bool force)
    {
        if (Options.Progress is not { } progress || (!force && Row == _lastReported))
        {
            return;
        }
        _lastReported = Row;
        // At the end the whole file has been read, whatever the reader's position says.
        progress.Report(new ChronologyReadProgress(Row, force && TotalBytes > 0 ? TotalBytes : BytesRead, TotalBytes));
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
