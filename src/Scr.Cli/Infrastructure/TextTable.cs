using System.Text;

namespace Scr.Cli.Infrastructure;

/// <summary>
/// A plain text table: columns padded to their widest value (numbers to the right), two spaces apart, a rule under the
/// header. For output that scripts and logs read as well as people, and that costs nothing to start.
/// </summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _right;
    private readonly List<string[]> _rows = [];

    /// <param name="columns">The headers; one ending in ">" is right-aligned (the ">" is not shown).</param>
    public TextTable(params string[] columns)
    {
        _right = columns.Select(c => c.EndsWith('>')).ToArray();
        _headers = columns.Select(c => c.TrimEnd('>')).ToArray();
    }

    public TextTable Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public string Render(string indent = "  ")
    {
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cells)
        {
            var line = new StringBuilder(indent);
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = i < cells.Count ? cells[i] : "";
                line.Append(_right[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
                if (i < widths.Length - 1)
                {
                    line.Append("  ");
                }
            }
            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
        Line(_headers);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in _rows)
        {
            Line(row);
        }
        return text.ToString();
    }
}
