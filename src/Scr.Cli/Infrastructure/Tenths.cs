namespace Scr.Cli.Infrastructure;

/// <summary>
/// Progress for a log, where a bar cannot be drawn: says when a line is due, once for each tenth of the input done (and
/// again from the start after <see cref="Restart"/>).
/// </summary>
internal sealed class Tenths
{
    private int _shown = -1;

    /// <summary>Whether this much done reaches a tenth not yet shown; if so, the percentage to show (0, 10, … 100).</summary>
    public bool Reached(long done, long total, out int percent)
    {
        var tenth = total > 0 ? (int)(done * 10 / total) : 0;
        percent = tenth * 10;
        if (tenth <= _shown)
        {
            return false;
        }
        _shown = tenth;
        return true;
    }

    public void Restart() => _shown = -1;
}
