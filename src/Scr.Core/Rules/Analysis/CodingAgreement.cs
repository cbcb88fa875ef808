namespace Scr.Core.Rules.Analysis;

/// <summary>
/// How far two coders agree on one item over the codings they both made.
/// </summary>
/// <param name="Item">The item (<see cref="CodedReview.ItemOf"/>): the same question asked of every report, child or recommendation.</param>
/// <param name="Pairs">How many times both coders answered it.</param>
/// <param name="Agreed">How many of those times they gave the same answer.</param>
/// <param name="PercentAgreement">100 × agreed / pairs; null when there are no pairs.</param>
/// <param name="Kappa">
/// Cohen's kappa, (po − pe) / (1 − pe); null, "not defined", when there are no pairs or pe = 1 (both coders used one and the
/// same category throughout, so chance alone would agree every time and kappa's denominator is 0).
/// </param>
public sealed record ItemAgreement(string Item, int Pairs, int Agreed, double? PercentAgreement, double? Kappa);

/// <summary>Percent agreement and Cohen's kappa between two coders (issue 7 item 2).</summary>
public static class CodingAgreement
{
    /// <summary>The agreement on one item over the (first coder's, second coder's) answers.</summary>
    public static ItemAgreement Of(string item, IReadOnlyCollection<(string First, string Second)> pairs)
    {
        var n = pairs.Count;
        if (n == 0)
        {
            return new ItemAgreement(item, 0, 0, null, null);
        }
        var agreed = pairs.Count(p => p.First == p.Second);
        var po = (double)agreed / n;
        // Chance agreement: for each category, the product of the share of answers each coder gave it.
        var first = pairs.GroupBy(p => p.First, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var second = pairs.GroupBy(p => p.Second, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var pe = first.Sum(f => (double)f.Value * second.GetValueOrDefault(f.Key)) / ((double)n * n);
        // pe is 1 exactly when both used a single, same category; compared with a margin for rounding.
        double? kappa = pe >= 1 - 1e-12 ? null : (po - pe) / (1 - pe);
        return new ItemAgreement(item, n, agreed, 100.0 * agreed / n, kappa);
    }

    /// <summary>
    /// The agreement on every item over reviews each coded by both coders: the values of each review's two codings keyed as
    /// <see cref="CodedReview"/> keys them, grouped by item (so every child's sex counts under one item). A key one coding
    /// lacks is counted as not known. Items are in the order they first appear.
    /// </summary>
    public static IReadOnlyList<ItemAgreement> PerItem(IEnumerable<(IReadOnlyDictionary<string, string> First, IReadOnlyDictionary<string, string> Second)> codings)
    {
        var pairs = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (first, second) in codings)
        {
            foreach (var key in first.Keys.Concat(second.Keys).Distinct(StringComparer.Ordinal))
            {
                var item = CodedReview.ItemOf(key);
                if (!pairs.TryGetValue(item, out var list))
                {
                    pairs[item] = list = [];
                    order.Add(item);
                }
                list.Add((first.GetValueOrDefault(key, CodedReview.NotKnown), second.GetValueOrDefault(key, CodedReview.NotKnown)));
            }
        }
        return order.Select(item => Of(item, pairs[item])).ToList();
    }

    /// <summary>The keys on which two codings differ (a key one lacks is not known), in the first's order then the second's.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> second) =>
        first.Keys.Concat(second.Keys).Distinct(StringComparer.Ordinal)
            .Where(k => first.GetValueOrDefault(k, CodedReview.NotKnown) != second.GetValueOrDefault(k, CodedReview.NotKnown))
            .ToList();
}
