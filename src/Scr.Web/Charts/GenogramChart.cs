using System.Globalization;
using System.Xml.Linq;
using Scr.Core.Models;
using Scr.Core.Rules.Genogram;

namespace Scr.Web.Charts;

/// <summary>
/// A genogram as server-rendered SVG with the standard symbols: a square for a male, a circle for a female, a diamond
/// when not known; a cross through the symbol of someone who has died; a double outline for the child the review is
/// about; couples joined by a line (dashed for partners, one stroke across for separated, two for ex-partners), children
/// hanging from their parents' line (dashed for adoption, dotted for fostering, a dashed line straight from a
/// step-parent), and a dashed boundary round each household. Black on white, no colour needed; deterministic, so the
/// same family always gives the same drawing, and readable in print. <c>role="img"</c> with a title and a description
/// that says the same in words. In the anonymised version names give way to roles or letters and dates of birth to ages.
/// </summary>
public static class GenogramChart
{
    private const double ColumnWidth = 170;
    private const double RowHeight = 170;

    // Below a symbol: its name and up to two lines of detail; lines leaving a person downwards start under them.
    private const double LabelDepth = 62;
    private const double Margin = 40;
    private const double Size = 40;
    private const string Ink = "#0b0c0c";
    private const string Font = "arial, sans-serif";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Render(GenogramFamily family, bool anonymised, DateOnly today, string title, string idPrefix = "genogram")
    {
        var layout = GenogramRules.Layout(family, anonymised);
        var at = layout.People.ToDictionary(p => p.Person.Key, StringComparer.Ordinal);
        double X(string key) => Margin + (at[key].Column * ColumnWidth) + (ColumnWidth / 2);
        double Y(string key) => Margin + 30 + (at[key].Generation * RowHeight) + (Size / 2);
        var width = Margin * 2 + Math.Max(1, layout.Columns) * ColumnWidth;
        var height = Margin * 2 + 30 + Math.Max(1, layout.Generations) * RowHeight;

        var svg = new XElement(Svg + "svg",
            new XAttribute("xmlns", Svg.NamespaceName),
            new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
            new XAttribute("width", N(width)),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{idPrefix}-title {idPrefix}-desc"),
            new XAttribute("class", "app-genogram"),
            new XAttribute("font-family", Font),
            new XElement(Svg + "title", new XAttribute("id", $"{idPrefix}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{idPrefix}-desc"), Description(family, layout, anonymised, today)),
            new XElement(Svg + "rect", new XAttribute("width", N(width)), new XAttribute("height", N(height)), new XAttribute("fill", "#ffffff")));

        // Households first, so lines and symbols are drawn over their boundaries.
        var households = family.Households.Where(h => h.Members.Any(at.ContainsKey)).ToList();
        // A household's boundary: a box round each unbroken run of its members in a generation, the boxes of one
        // household joined, so someone drawn between them who lives elsewhere stays outside.
        for (var i = 0; i < households.Count; i++)
        {
            var name = anonymised ? GenogramRules.AnonymisedHousehold(i) : households[i].Name.Trim();
            var group = new XElement(Svg + "g", new XAttribute("data-household", (i + 1).ToString(CultureInfo.InvariantCulture)));
            var inset = 8 + (i * 3);
            var boxes = new List<(double Left, double Top, double Bottom)>();
            foreach (var row in households[i].Members.Where(at.ContainsKey).Distinct().Select(k => at[k]).GroupBy(p => p.Generation).OrderBy(g => g.Key))
            {
                var columns = row.Select(p => p.Column).Order().ToList();
                var runStart = 0;
                for (var c = 1; c <= columns.Count; c++)
                {
                    if (c < columns.Count && columns[c] == columns[c - 1] + 1)
                    {
                        continue;
                    }
                    var left = Margin + (columns[runStart] * ColumnWidth) + inset;
                    var right = Margin + ((columns[c - 1] + 1) * ColumnWidth) - inset;
                    var top = Margin + 30 + (row.Key * RowHeight) - 22 - (i * 3);
                    var bottom = Margin + 30 + (row.Key * RowHeight) + Size + LabelDepth + 4 + (i * 3);
                    group.Add(new XElement(Svg + "rect", new XAttribute("x", N(left)), new XAttribute("y", N(top)), new XAttribute("width", N(right - left)),
                        new XAttribute("height", N(bottom - top)), new XAttribute("rx", "12"), new XAttribute("fill", "none"), new XAttribute("stroke", Ink),
                        new XAttribute("stroke-width", "1.5"), new XAttribute("stroke-dasharray", "8 5")));
                    boxes.Add((left, top, bottom));
                    runStart = c;
                }
            }
            for (var b = 1; b < boxes.Count; b++)
            {
                var x = Math.Max(boxes[b - 1].Left, boxes[b].Left) + 14;
                var join = Line(x, boxes[b - 1].Bottom, x, boxes[b].Top, "8 5");
                join.SetAttributeValue("stroke-width", "1.5");
                group.Add(join);
            }
            group.Add(new XElement(Svg + "text", new XAttribute("x", N(boxes[0].Left + 8)), new XAttribute("y", N(boxes[0].Top + 15)),
                new XAttribute("font-size", "12"), new XAttribute("fill", Ink), name));
            svg.Add(group);
        }

        // Couples.
        foreach (var couple in family.Couples.Where(c => at.ContainsKey(c.First) && at.ContainsKey(c.Second)))
        {
            var (a, b) = X(couple.First) <= X(couple.Second) ? (couple.First, couple.Second) : (couple.Second, couple.First);
            var y = Math.Max(Y(a), Y(b));
            var x1 = X(a) + (Size / 2);
            var x2 = X(b) - (Size / 2);
            var line = new XElement(Svg + "g", new XAttribute("data-couple", couple.Kind.ToString()),
                Line(x1, Y(a), x1 + 6, y), Line(x1 + 6, y, x2 - 6, y, couple.Kind == CoupleKind.Partners ? "6 4" : null), Line(x2 - 6, y, x2, Y(b)));
            var middle = (x1 + x2) / 2;
            if (couple.Kind is CoupleKind.Separated or CoupleKind.ExPartners)
            {
                line.Add(Line(middle - 8, y + 8, middle - 2, y - 8));
            }
            if (couple.Kind == CoupleKind.ExPartners)
            {
                line.Add(Line(middle + 2, y + 8, middle + 8, y - 8));
            }
            svg.Add(line);
        }

        // Children hang from the line between their birth or adoptive parents, or below a single parent; a step-parent
        // or foster carer is joined straight to the child.
        var legal = family.Parents.Where(p => p.Kind is ParentKind.Birth or ParentKind.Adoptive && at.ContainsKey(p.Parent) && at.ContainsKey(p.Child)).ToList();
        var families = legal.GroupBy(p => p.Child)
            .Select(g => (Child: g.Key, Parents: g.Select(p => p.Parent).Distinct().OrderBy(k => at[k].Column).ToList(), Adopted: g.Any(p => p.Kind == ParentKind.Adoptive)))
            .GroupBy(f => string.Join('|', f.Parents))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < families.Count; i++)
        {
            var parents = families[i].First().Parents;
            var parentY = parents.Max(Y);
            var from = parents.Count == 1 ? X(parents[0]) : parents.Average(X);
            var fromY = parents.Count == 1 ? parentY + (Size / 2) + LabelDepth : parentY;
            var children = families[i].OrderBy(f => at[f.Child].Column).ToList();
            var barY = children.Min(c => Y(c.Child)) - (Size / 2) - 24 - ((i % 3) * 6);
            var group = new XElement(Svg + "g", new XAttribute("data-children-of", families[i].Key));
            group.Add(Line(from, fromY, from, barY));
            var xs = children.Select(c => X(c.Child)).Append(from).ToList();
            group.Add(Line(xs.Min(), barY, xs.Max(), barY));
            foreach (var child in children)
            {
                group.Add(Line(X(child.Child), barY, X(child.Child), Y(child.Child) - (Size / 2), child.Adopted ? "6 4" : null));
            }
            svg.Add(group);
        }
        foreach (var other in family.Parents.Where(p => p.Kind is ParentKind.Step or ParentKind.Foster && at.ContainsKey(p.Parent) && at.ContainsKey(p.Child)))
        {
            svg.Add(new XElement(Svg + "g", new XAttribute("data-parent", other.Kind.ToString()),
                Line(X(other.Parent), Y(other.Parent) + (Size / 2) + LabelDepth, X(other.Child), Y(other.Child) - (Size / 2), other.Kind == ParentKind.Step ? "6 4" : "2 4")));
        }

        // People over the lines.
        foreach (var placed in layout.People)
        {
            svg.Add(Person(placed, X(placed.Person.Key), Y(placed.Person.Key), anonymised, today));
        }
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Line(double x1, double y1, double x2, double y2, string? dash = null)
    {
        var line = new XElement(Svg + "line", new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)), new XAttribute("y2", N(y2)),
            new XAttribute("stroke", Ink), new XAttribute("stroke-width", "2"));
        if (dash is not null)
        {
            line.Add(new XAttribute("stroke-dasharray", dash));
        }
        return line;
    }

    private static XElement Shape(Sex sex, double x, double y, double half) => sex switch
    {
        Sex.Male => new XElement(Svg + "rect", new XAttribute("x", N(x - half)), new XAttribute("y", N(y - half)), new XAttribute("width", N(half * 2)),
            new XAttribute("height", N(half * 2))),
        Sex.Female => new XElement(Svg + "circle", new XAttribute("cx", N(x)), new XAttribute("cy", N(y)), new XAttribute("r", N(half))),
        _ => new XElement(Svg + "polygon", new XAttribute("points", $"{N(x)},{N(y - half)} {N(x + half)},{N(y)} {N(x)},{N(y + half)} {N(x - half)},{N(y)}")),
    };

    private static XElement Person(PlacedPerson placed, double x, double y, bool anonymised, DateOnly today)
    {
        var person = placed.Person;
        var group = new XElement(Svg + "g", new XAttribute("data-person", person.Key), new XAttribute("data-sex", person.Sex.ToString()));
        if (person.IsSubject)
        {
            group.Add(new XAttribute("data-subject", "true"));
        }
        if (person.Deceased)
        {
            group.Add(new XAttribute("data-deceased", "true"));
        }
        var outer = Shape(person.Sex, x, y, Size / 2);
        outer.Add(new XAttribute("fill", "#ffffff"), new XAttribute("stroke", Ink), new XAttribute("stroke-width", person.IsSubject ? "3" : "2"));
        group.Add(outer);
        if (person.IsSubject)
        {
            var inner = Shape(person.Sex, x, y, (Size / 2) - 6);
            inner.Add(new XAttribute("fill", "none"), new XAttribute("stroke", Ink), new XAttribute("stroke-width", "2"));
            group.Add(inner);
        }
        if (person.Deceased)
        {
            var d = (Size / 2) - 4;
            group.Add(Line(x - d, y - d, x + d, y + d), Line(x - d, y + d, x + d, y - d));
        }
        group.Add(Text(x, y + (Size / 2) + 18, placed.Label, 14, bold: person.IsSubject));
        var line = y + (Size / 2) + 34;
        foreach (var detail in DetailLines(person, anonymised, today))
        {
            group.Add(Text(x, line, detail, 12, bold: false));
            line += 15;
        }
        return group;
    }

    private static XElement Text(double x, double y, string text, int size, bool bold)
    {
        var element = new XElement(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("text-anchor", "middle"),
            new XAttribute("font-size", size.ToString(CultureInfo.InvariantCulture)), new XAttribute("fill", Ink), text);
        if (bold)
        {
            element.Add(new XAttribute("font-weight", "bold"));
        }
        return element;
    }

    /// <summary>The lines under the name: the age, "died" for someone who has died, and the date of birth unless anonymised.</summary>
    public static IReadOnlyList<string> DetailLines(GenogramPerson person, bool anonymised, DateOnly today)
    {
        var age = person.DateOfBirth is { } born ? AgeOn(born, today) : person.AgeYears;
        var first = string.Join(", ", new[] { age is { } years ? (years == 1 ? "1 year" : $"{years} years") : null, person.Deceased ? "died" : null }
            .OfType<string>());
        var lines = new List<string>();
        if (first.Length > 0)
        {
            lines.Add(first);
        }
        if (!anonymised && person.DateOfBirth is { } dob)
        {
            lines.Add("born " + dob.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        }
        return lines;
    }

    /// <summary>The same as one phrase, for the description.</summary>
    public static string? Detail(GenogramPerson person, bool anonymised, DateOnly today) =>
        DetailLines(person, anonymised, today) is { Count: > 0 } lines ? string.Join(", ", lines) : null;

    private static int AgeOn(DateOnly born, DateOnly today)
    {
        var age = today.Year - born.Year;
        return born.AddYears(age) > today ? age - 1 : age;
    }

    /// <summary>The drawing in words, for those who cannot see it: each person, each couple, who is whose child, each household.</summary>
    public static string Description(GenogramFamily family, GenogramLayout layout, bool anonymised, DateOnly today)
    {
        var label = layout.People.ToDictionary(p => p.Person.Key, p => p.Label, StringComparer.Ordinal);
        string L(string key) => label.TryGetValue(key, out var value) ? value : key;
        var sentences = new List<string>();
        foreach (var placed in layout.People)
        {
            var person = placed.Person;
            var sex = person.Sex switch { Sex.Male => "male", Sex.Female => "female", _ => "sex not known" };
            var detail = Detail(person, anonymised, today);
            sentences.Add($"{placed.Label}: {sex}{(detail is null ? "" : ", " + detail)}{(person.IsSubject ? ", the child the review is about" : "")}.");
        }
        foreach (var couple in family.Couples.Where(c => label.ContainsKey(c.First) && label.ContainsKey(c.Second)))
        {
            var kind = couple.Kind switch
            {
                CoupleKind.Married => "are married",
                CoupleKind.Partners => "are partners",
                CoupleKind.Separated => "are separated",
                _ => "are ex-partners",
            };
            sentences.Add($"{L(couple.First)} and {L(couple.Second)} {kind}.");
        }
        foreach (var parent in family.Parents.Where(p => label.ContainsKey(p.Parent) && label.ContainsKey(p.Child)))
        {
            var kind = parent.Kind switch
            {
                ParentKind.Birth => "a parent",
                ParentKind.Step => "a step-parent",
                ParentKind.Adoptive => "an adoptive parent",
                _ => "a foster carer",
            };
            sentences.Add($"{L(parent.Parent)} is {kind} of {L(parent.Child)}.");
        }
        foreach (var siblings in GenogramRules.Siblings(family).Where(s => s.Kind != SiblingKind.Full))
        {
            sentences.Add($"{L(siblings.First)} and {L(siblings.Second)} are {(siblings.Kind == SiblingKind.Half ? "half" : "step")}-siblings.");
        }
        var households = family.Households.ToList();
        for (var i = 0; i < households.Count; i++)
        {
            var name = anonymised ? GenogramRules.AnonymisedHousehold(i) : households[i].Name.Trim();
            sentences.Add($"{name}: {string.Join(", ", households[i].Members.Where(label.ContainsKey).Select(L))}.");
        }
        return string.Join(" ", sentences);
    }
}
