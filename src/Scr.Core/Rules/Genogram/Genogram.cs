using Scr.Core.Models;

namespace Scr.Core.Rules.Genogram;

// The genogram of a review (seed 001 ch. 5; the report outline's "genogram" item): the child's family, extended family
// and household, as data a form edits and a chart draws. Pure: no storage, no drawing.

/// <summary>How two adults are, or were, a couple.</summary>
public enum CoupleKind
{
    Married,
    Partners,
    Separated,
    ExPartners,
}

/// <summary>How an adult is a parent to a child.</summary>
public enum ParentKind
{
    Birth,
    Step,
    Adoptive,
    Foster,
}

/// <summary>
/// A person in the genogram. <paramref name="Key"/> is the form's own identifier (stable across edits); the role is what
/// the anonymised version shows ("Mother", "Mother's partner").
/// </summary>
public sealed record GenogramPerson(string Key, string Name, string? Role, Sex Sex, DateOnly? DateOfBirth, int? AgeYears, bool Deceased,
    bool IsSubject);

public sealed record GenogramCouple(string First, string Second, CoupleKind Kind);

public sealed record GenogramParent(string Parent, string Child, ParentKind Kind);

/// <summary>Who lives together: drawn as a boundary round its members.</summary>
public sealed record GenogramHousehold(string Name, IReadOnlyList<string> Members);

public sealed record GenogramFamily(IReadOnlyList<GenogramPerson> People, IReadOnlyList<GenogramCouple> Couples, IReadOnlyList<GenogramParent> Parents,
    IReadOnlyList<GenogramHousehold> Households);

/// <summary>Two children's tie through their parents: full siblings share both birth or adoptive parents, half siblings one.</summary>
public enum SiblingKind
{
    Full,
    Half,
    Step,
}

public sealed record GenogramSiblings(string First, string Second, SiblingKind Kind);

/// <summary>A person placed on the chart: generation (0 the eldest) and position in it, left to right.</summary>
public sealed record PlacedPerson(GenogramPerson Person, int Generation, int Column, string Label);

public sealed record GenogramLayout(IReadOnlyList<PlacedPerson> People, int Generations, int Columns);

public static class GenogramRules
{
    public const int MaxPeople = 60;

    /// <summary>What is wrong with the family as entered: unknown people, a person their own parent, cycles, no subject child.</summary>
    public static IReadOnlyList<RuleProblem> Check(GenogramFamily family)
    {
        var problems = new List<RuleProblem>();
        var keys = family.People.Select(p => p.Key).ToList();
        if (keys.Count > MaxPeople)
        {
            problems.Add(new RuleProblem("people", $"A genogram can hold up to {MaxPeople} people"));
        }
        foreach (var duplicate in keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new RuleProblem("people", $"Two people have the same identifier '{duplicate.Key}'"));
        }
        var known = keys.ToHashSet(StringComparer.Ordinal);
        var names = family.People.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        string Name(string key) => names.TryGetValue(key, out var name) ? name : key;
        foreach (var person in family.People)
        {
            if (string.IsNullOrWhiteSpace(person.Name))
            {
                problems.Add(new RuleProblem("people", "Enter a name for each person (the anonymised version shows roles or letters instead)"));
            }
            if (person.AgeYears is < 0 or > 130)
            {
                problems.Add(new RuleProblem("people", $"{person.Name}'s age must be between 0 and 130"));
            }
        }
        if (!family.People.Any(p => p.IsSubject))
        {
            problems.Add(new RuleProblem("people", "Mark the child the review is about"));
        }
        foreach (var couple in family.Couples)
        {
            if (!known.Contains(couple.First) || !known.Contains(couple.Second))
            {
                problems.Add(new RuleProblem("couples", "A couple names someone who is not in the genogram"));
            }
            else if (couple.First == couple.Second)
            {
                problems.Add(new RuleProblem("couples", $"{Name(couple.First)} cannot be their own partner"));
            }
        }
        foreach (var parent in family.Parents)
        {
            if (!known.Contains(parent.Parent) || !known.Contains(parent.Child))
            {
                problems.Add(new RuleProblem("parents", "A parent and child names someone who is not in the genogram"));
            }
            else if (parent.Parent == parent.Child)
            {
                problems.Add(new RuleProblem("parents", $"{Name(parent.Parent)} cannot be their own parent"));
            }
        }
        foreach (var birth in family.Parents.Where(p => p.Kind == ParentKind.Birth).GroupBy(p => p.Child).Where(g => g.Count() > 2))
        {
            problems.Add(new RuleProblem("parents", $"{Name(birth.Key)} has more than two birth parents"));
        }
        foreach (var household in family.Households)
        {
            if (string.IsNullOrWhiteSpace(household.Name))
            {
                problems.Add(new RuleProblem("households", "Name each household, for example ‘Mother's home’"));
            }
            if (household.Members.Any(m => !known.Contains(m)))
            {
                problems.Add(new RuleProblem("households", $"The household '{household.Name}' names someone who is not in the genogram"));
            }
        }
        if (problems.Count == 0 && HasCycle(family))
        {
            problems.Add(new RuleProblem("parents", "The parents and children go round in a circle: someone is their own ancestor"));
        }
        return problems;
    }

    private static bool HasCycle(GenogramFamily family)
    {
        var children = family.Parents.GroupBy(p => p.Parent).ToDictionary(g => g.Key, g => g.Select(p => p.Child).ToList());
        var state = new Dictionary<string, int>();
        bool Visit(string key)
        {
            if (state.TryGetValue(key, out var s))
            {
                return s == 1;
            }
            state[key] = 1;
            if (children.TryGetValue(key, out var list) && list.Any(Visit))
            {
                return true;
            }
            state[key] = 2;
            return false;
        }
        return family.People.Any(p => Visit(p.Key));
    }

    /// <summary>
    /// Siblings derived from the parents: full when they share two birth or adoptive parents, half when one, step when
    /// only a step-parent links them (a child of one partner and a child of the other). In a stable order.
    /// </summary>
    public static IReadOnlyList<GenogramSiblings> Siblings(GenogramFamily family)
    {
        var legal = family.Parents.Where(p => p.Kind is ParentKind.Birth or ParentKind.Adoptive)
            .GroupBy(p => p.Child).ToDictionary(g => g.Key, g => g.Select(p => p.Parent).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var any = family.Parents.GroupBy(p => p.Child).ToDictionary(g => g.Key, g => g.Select(p => p.Parent).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var order = family.People.Select((p, i) => (p.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var children = any.Keys.OrderBy(k => order.GetValueOrDefault(k, int.MaxValue)).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var result = new List<GenogramSiblings>();
        for (var i = 0; i < children.Count; i++)
        {
            for (var j = i + 1; j < children.Count; j++)
            {
                var a = children[i];
                var b = children[j];
                var shared = legal.GetValueOrDefault(a)?.Intersect(legal.GetValueOrDefault(b) ?? []).Count() ?? 0;
                if (shared >= 2)
                {
                    result.Add(new GenogramSiblings(a, b, SiblingKind.Full));
                }
                else if (shared == 1)
                {
                    result.Add(new GenogramSiblings(a, b, SiblingKind.Half));
                }
                else if (any[a].Overlaps(any[b]))
                {
                    result.Add(new GenogramSiblings(a, b, SiblingKind.Step));
                }
            }
        }
        return result;
    }

    /// <summary>
    /// The labels of the anonymised version: the person's role when one is given, otherwise a letter (A, B, … in the
    /// order people were entered); the subject child is "Subject child" unless given a role.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AnonymisedLabels(GenogramFamily family)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var letter = 0;
        foreach (var person in family.People)
        {
            labels[person.Key] = !string.IsNullOrWhiteSpace(person.Role) ? person.Role.Trim()
                : person.IsSubject ? "Subject child"
                : Letter(letter++);
        }
        return labels;
    }

    /// <summary>A household's name in the anonymised version: Household A, B, … in the order households were entered.</summary>
    public static string AnonymisedHousehold(int index) => $"Household {(char)('A' + (index % 26))}";

    private static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + (index / 26) - 1)}{(char)('A' + (index % 26))}";

    /// <summary>
    /// Places everyone: generation by descent (a child one below its lowest-placed parent; partners share the lower of
    /// their generations), then left to right by family — each couple side by side (someone with two partners between
    /// them), their children below them, grouped by the couple they were born to, eldest first. The same family entered the same way always draws the same way; ties are broken by the order of entry.
    /// </summary>
    public static GenogramLayout Layout(GenogramFamily family, bool anonymised)
    {
        var people = family.People.ToDictionary(p => p.Key, StringComparer.Ordinal);
        var entered = family.People.Select((p, i) => (p.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var parentsOf = family.Parents.Where(p => people.ContainsKey(p.Parent) && people.ContainsKey(p.Child))
            .GroupBy(p => p.Child).ToDictionary(g => g.Key, g => g.Select(p => p.Parent).Distinct().ToList(), StringComparer.Ordinal);
        var legalParentsOf = family.Parents.Where(p => p.Kind is ParentKind.Birth or ParentKind.Adoptive && people.ContainsKey(p.Parent) && people.ContainsKey(p.Child))
            .GroupBy(p => p.Child).ToDictionary(g => g.Key, g => g.Select(p => p.Parent).Distinct().ToList(), StringComparer.Ordinal);
        var couples = family.Couples.Where(c => people.ContainsKey(c.First) && people.ContainsKey(c.Second) && c.First != c.Second).ToList();

        // Generations: relax until nothing moves (bounded: a cycle is refused by Check, and the count caps the loops).
        var generation = family.People.ToDictionary(p => p.Key, _ => 0, StringComparer.Ordinal);
        for (var round = 0; round <= family.People.Count + 1; round++)
        {
            var moved = false;
            foreach (var (child, parents) in parentsOf)
            {
                var below = parents.Max(p => generation[p]) + 1;
                if (generation[child] < below)
                {
                    generation[child] = below;
                    moved = true;
                }
            }
            foreach (var couple in couples)
            {
                var level = Math.Max(generation[couple.First], generation[couple.Second]);
                if (generation[couple.First] != level || generation[couple.Second] != level)
                {
                    generation[couple.First] = generation[couple.Second] = level;
                    moved = true;
                }
            }
            if (!moved)
            {
                break;
            }
        }

        // Order within a generation: a depth-first walk from the eldest, placing partners beside each other and
        // children after their parents, grouped under the couple they were born to, eldest first.
        int Age(string key) => people[key].DateOfBirth is { } born ? born.DayNumber : people[key].AgeYears is { } age ? -age * 366 : int.MaxValue;
        var childrenOf = parentsOf.SelectMany(kv => kv.Value.Select(parent => (parent, child: kv.Key)))
            .GroupBy(x => x.parent).ToDictionary(g => g.Key, g => g.Select(x => x.child).Distinct()
                .OrderBy(Age).ThenBy(c => entered[c]).ToList(), StringComparer.Ordinal);
        var partnersOf = couples.SelectMany(c => new[] { (c.First, c.Second), (c.Second, c.First) })
            .GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).Distinct().OrderBy(k => entered[k]).ToList(), StringComparer.Ordinal);
        var sequence = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Place(string key)
        {
            if (!seen.Add(key))
            {
                return;
            }
            // A person with two partners sits between them (the earlier partner on the left).
            var partners = (partnersOf.GetValueOrDefault(key) ?? []).Where(p => generation[p] == generation[key] && !seen.Contains(p)).ToList();
            foreach (var partner in partners)
            {
                seen.Add(partner);
            }
            var group = partners.Count >= 2 ? [partners[0], key, .. partners.Skip(1)] : new List<string> { key }.Concat(partners).ToList();
            sequence.AddRange(group);
            // Children under the parents they have in this group: those of the left-hand couple first, eldest first.
            double Under(string child)
            {
                var positions = (legalParentsOf.GetValueOrDefault(child) ?? parentsOf[child]).Select(p => group.IndexOf(p)).Where(i => i >= 0).ToList();
                return positions.Count == 0 ? group.Count : positions.Average();
            }
            foreach (var child in group.SelectMany(p => childrenOf.GetValueOrDefault(p) ?? []).Distinct()
                .OrderBy(Under).ThenBy(Age).ThenBy(c => entered[c]))
            {
                Place(child);
            }
        }
        var roots = family.People.Where(p => !parentsOf.ContainsKey(p.Key))
            .OrderBy(p => generation[p.Key]).ThenBy(p => p.Sex == Sex.Female ? 1 : 0).ThenBy(p => Age(p.Key)).ThenBy(p => entered[p.Key]);
        foreach (var root in roots)
        {
            Place(root.Key);
        }
        foreach (var person in family.People)
        {
            Place(person.Key);
        }

        var labels = anonymised ? AnonymisedLabels(family) : family.People.ToDictionary(p => p.Key, p => p.Name.Trim(), StringComparer.Ordinal);
        var columns = new Dictionary<int, int>();
        var placed = new List<PlacedPerson>();
        foreach (var key in sequence)
        {
            var level = generation[key];
            var column = columns.GetValueOrDefault(level);
            columns[level] = column + 1;
            placed.Add(new PlacedPerson(people[key], level, column, labels[key]));
        }
        return new GenogramLayout(placed, placed.Count == 0 ? 0 : placed.Max(p => p.Generation) + 1, columns.Count == 0 ? 0 : columns.Values.Max());
    }
}
