using System.Globalization;

namespace Scr.Core.Rules.Calendar;

/// <summary>Years in words, runs joined: "1995 to 2030", "2018 to 2020 and 2022".</summary>
public static class YearRanges
{
    public static string Describe(IEnumerable<int> years)
    {
        var ordered = years.Distinct().Order().ToList();
        var runs = new List<string>();
        for (var start = 0; start < ordered.Count;)
        {
            var end = start;
            while (end + 1 < ordered.Count && ordered[end + 1] == ordered[end] + 1)
            {
                end++;
            }
            runs.Add(start == end
                ? ordered[start].ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{ordered[start]} to {ordered[end]}"));
            start = end + 1;
        }
        return runs.Count switch
        {
            0 => "none",
            1 => runs[0],
            _ => string.Join(", ", runs[..^1]) + " and " + runs[^1],
        };
    }
}
