using Scr.Core.Rules.Genogram;
using Scr.TestCommon;

namespace Scr.Core.Tests.Rules.Genogram;

public class GenogramRulesTests
{
    [Fact]
    public void Check_AGoodFamily_HasNoProblems() => GenogramRules.Check(GenogramSamples.Family()).ShouldBeEmpty();

    [Fact]
    public void Check_NamesEachProblem()
    {
        var family = GenogramSamples.Family() with
        {
            People = [.. GenogramSamples.Family().People.Select(p => p with { IsSubject = false })],
            Couples = [new("m", "nobody", CoupleKind.Married)],
            Parents = [new("ava", "ava", ParentKind.Birth), new("m", "ben", ParentKind.Birth), new("f1", "ben", ParentKind.Birth), new("g", "ben", ParentKind.Birth)],
            Households = [new("", ["m"])],
        };

        GenogramRules.Check(family).Select(p => p.Message).ShouldBe(
        [
            "Mark the child the review is about",
            "A couple names someone who is not in the genogram",
            "Ava Rook cannot be their own parent",
            "Ben Rook has more than two birth parents",
            "Name each household, for example ‘Mother's home’",
        ]);
    }

    [Fact]
    public void Check_SomeoneTheirOwnAncestor_Refused()
    {
        var family = GenogramSamples.Family() with { Parents = [.. GenogramSamples.Family().Parents, new("ava", "g", ParentKind.Birth)] };

        GenogramRules.Check(family).ShouldHaveSingleItem().Message.ShouldContain("own ancestor");
    }

    [Fact]
    public void Siblings_FullHalfAndStep_FromTheParents()
    {
        var siblings = GenogramRules.Siblings(GenogramSamples.Family()).ToDictionary(s => (s.First, s.Second), s => s.Kind);

        siblings[("ava", "ben")].ShouldBe(SiblingKind.Full);
        siblings[("ava", "cal")].ShouldBe(SiblingKind.Half);
        siblings[("ben", "cal")].ShouldBe(SiblingKind.Half);
        // Dan shares a birth parent (Lee) with Cal, and only a step-parent (the mother) with Ava.
        siblings[("cal", "dan")].ShouldBe(SiblingKind.Half);
        siblings[("ava", "dan")].ShouldBe(SiblingKind.Step);
        siblings.ContainsKey(("ava", "m")).ShouldBeFalse();
    }

    [Fact]
    public void Layout_GenerationsByDescent_PartnersBesideEachOther_ChildrenEldestFirst()
    {
        var layout = GenogramRules.Layout(GenogramSamples.Family(), anonymised: false);
        var at = layout.People.ToDictionary(p => p.Person.Key);

        at["g"].Generation.ShouldBe(0);
        // The mother and both her partners sit one generation below her mother, whatever generation they started in.
        new[] { "m", "f1", "p" }.ShouldAllBe(k => at[k].Generation == 1);
        new[] { "ava", "ben", "cal", "dan" }.ShouldAllBe(k => at[k].Generation == 2);
        Math.Abs(at["m"].Column - at["f1"].Column).ShouldBe(1);
        Math.Abs(at["m"].Column - at["p"].Column).ShouldBe(1);
        // The mother sits between her ex-partner and her partner; children under the couple they were born to, eldest
        // first: Ben (2020) and Ava (2023), then Cal (2025), then Lee's son Dan.
        layout.People.Where(p => p.Generation == 1).OrderBy(p => p.Column).Select(p => p.Person.Key).ShouldBe(["f1", "m", "p"]);
        layout.People.Where(p => p.Generation == 2).OrderBy(p => p.Column).Select(p => p.Person.Key).ShouldBe(["ben", "ava", "cal", "dan"]);
        layout.Generations.ShouldBe(3);
        layout.Columns.ShouldBe(4);
        at["ava"].Label.ShouldBe("Ava Rook");
    }

    [Fact]
    public void Layout_SameFamily_SameLayout() =>
        Places(GenogramRules.Layout(GenogramSamples.Family(), false)).ShouldBe(Places(GenogramRules.Layout(GenogramSamples.Family(), false)));

    private static List<(string, int, int, string)> Places(GenogramLayout layout) =>
        layout.People.Select(p => (p.Person.Key, p.Generation, p.Column, p.Label)).ToList();

    [Fact]
    public void AnonymisedLabels_RolesThenLetters_TheSubjectChildNamedSo()
    {
        var labels = GenogramRules.AnonymisedLabels(GenogramSamples.Family());

        labels["m"].ShouldBe("Mother");
        labels["ava"].ShouldBe("Subject child");
        labels["ben"].ShouldBe("A");
        labels["cal"].ShouldBe("B");
        labels["dan"].ShouldBe("C");
        labels.Values.ShouldNotContain(v => v.Contains("Rook") || v.Contains("Tarn") || v.Contains("Fenn"));
    }
}
