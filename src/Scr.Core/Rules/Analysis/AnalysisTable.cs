using System.Text.Json.Serialization;

namespace Scr.Core.Rules.Analysis;

/// <summary>
/// One row of an analysis table: a key from the table's fixed list, how many records it counts and that count as a
/// whole-number percentage of the row's base (null when the base is 0). See /work/shared/analysis-tables.md.
/// </summary>
public sealed record AnalysisRow(string Key, int Count, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Percent)
{
    /// <summary>A row whose percent is of <paramref name="percentBase"/>.</summary>
    public static AnalysisRow Of(string key, int count, int percentBase) => new(key, count, Percentage.Of(count, percentBase));
}

/// <summary>
/// A table of the cross-case analysis and the National Panel's figures: computed from the records, never stored. Every
/// key of the table appears, even with count 0, in the order the table defines.
/// </summary>
public sealed record AnalysisTable(string Id, int Base, IReadOnlyList<AnalysisRow> Rows) : IAnalysisTable
{
    /// <summary>A table whose every row's percent is of the table's base.</summary>
    public static AnalysisTable Of(string id, int tableBase, params (string Key, int Count)[] rows) =>
        new(id, tableBase, rows.Select(r => AnalysisRow.Of(r.Key, r.Count, tableBase)).ToList());

    /// <summary>The row with this key.</summary>
    public AnalysisRow this[string key] =>
        Rows.FirstOrDefault(r => r.Key == key) ?? throw new KeyNotFoundException($"Table {Id} has no row {key}.");
}

/// <summary>How the analysis writes a proportion.</summary>
public static class Percentage
{
    /// <summary>100 × count / base, rounded to the nearest whole number with halves up; null when the base is 0.</summary>
    public static int? Of(int count, int percentBase)
    {
        if (percentBase <= 0)
        {
            return null;
        }
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        // Whole-number arithmetic, so 12.5 is exactly a half: floor((200 × count + base) / (2 × base)).
        return (int)((200L * count + percentBase) / (2L * percentBase));
    }
}
