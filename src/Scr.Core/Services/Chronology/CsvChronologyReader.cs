using CsvHelper;
using Scr.Core.Rules.Chronology;

namespace Scr.Core.Services.Chronology;

/// <summary>
/// A chronology in CSV: comma-separated, UTF-8 (with or without a byte order mark), values in double quotes when they hold
/// commas, quotes or line breaks (RFC 4180), as Excel's "CSV UTF-8" writes it. Rows are numbered as a spreadsheet shows
/// the file: one per record, blank lines included. A value the writer protected from being run as a formula ('=SUM…) is
/// read back without the apostrophe.
/// </summary>
internal sealed class CsvChronologyReader : ChronologyReader
{
    private readonly CsvReader _csv;
    private readonly long _length;

    public CsvChronologyReader(Stream stream, ChronologyReadOptions? options, bool leaveOpen)
        : base(options)
    {
        _length = stream.CanSeek ? stream.Length : 0;
        var csvOptions = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            TrimWhitespace = true,
            SkipEmptyLines = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            PoolStrings = Options.ShareRepeatedValues,
            OnMalformedRecord = record =>
            {
                // A skipped record still takes its row.
                Row++;
                AddProblem(new ChronologyProblem(Row, null,
                    "a quotation mark is out of place: put the whole value in double quotes, and double any quotation mark inside it"));
            },
        };
        _csv = CsvReader.Create(stream, csvOptions, leaveOpen);
    }

    protected override long BytesRead => Math.Min(_csv.ByteOffset, _length > 0 ? _length : long.MaxValue);

    protected override long TotalBytes => _length;

    protected override int FieldCount => _csv.FieldCount;

    protected override bool NextRow()
    {
        if (!_csv.Read())
        {
            return false;
        }
        Row++;
        return true;
    }

    protected override ChronologyCell Cell(int index)
    {
        var text = _csv.GetString(index);
        if (text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = text[1..];
        }
        return new ChronologyCell(text);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _csv.Dispose();
        }
        base.Dispose(disposing);
    }
}
