using System.Xml.Linq;
using Scr.TestCommon;
using Scr.Web.Charts;

namespace Scr.Web.Tests.Charts;

public class GenogramChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static XElement Draw(bool anonymised = false) =>
        XElement.Parse(GenogramChart.Render(GenogramSamples.Family(), anonymised, Today, "Genogram of case TEST-1"));

    private static XElement Person(XElement svg, string key) => svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-person") == key);

    [Fact]
    public void Symbols_SquareMale_CircleFemale_DiamondNotKnown()
    {
        var svg = Draw();

        Person(svg, "ben").Elements(Svg + "rect").ShouldHaveSingleItem();
        Person(svg, "m").Elements(Svg + "circle").ShouldHaveSingleItem();
        Person(svg, "cal").Elements(Svg + "polygon").ShouldHaveSingleItem();
    }

    [Fact]
    public void SubjectChild_DoubleOutlineAndBold_Deceased_Crossed()
    {
        var svg = Draw();

        var ava = Person(svg, "ava");
        ava.Elements(Svg + "circle").Count().ShouldBe(2);
        ava.Elements(Svg + "text").First().Attribute("font-weight")!.Value.ShouldBe("bold");
        var cal = Person(svg, "cal");
        cal.Attribute("data-deceased")!.Value.ShouldBe("true");
        cal.Elements(Svg + "line").Count().ShouldBe(2);
        cal.Elements(Svg + "text").Select(t => t.Value).ShouldContain("1 year, died");
        Person(svg, "ben").Elements(Svg + "line").ShouldBeEmpty();
    }

    [Fact]
    public void Couples_PartnersDashed_ExPartnersTwoStrokes_HouseholdsBounded()
    {
        var svg = Draw();
        var couples = svg.Descendants(Svg + "g").Where(g => g.Attribute("data-couple") is not null).ToDictionary(g => g.Attribute("data-couple")!.Value);

        couples["Partners"].Elements(Svg + "line").Any(l => l.Attribute("stroke-dasharray") is not null).ShouldBeTrue();
        couples["ExPartners"].Elements(Svg + "line").Count().ShouldBe(5, "the line in three parts and two strokes across");
        var households = svg.Descendants(Svg + "g").Where(g => g.Attribute("data-household") is not null).ToList();
        households.Count.ShouldBe(2);
        households.ShouldAllBe(h => h.Element(Svg + "rect")!.Attribute("stroke-dasharray") != null);
        households[0].Element(Svg + "text")!.Value.ShouldBe("Mother's home");
        svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-parent") == "Step").ShouldNotBeNull();
    }

    [Fact]
    public void Accessible_TitleAndDescriptionInWords()
    {
        var svg = Draw();

        svg.Attribute("role")!.Value.ShouldBe("img");
        svg.Element(Svg + "title")!.Value.ShouldBe("Genogram of case TEST-1");
        var description = svg.Element(Svg + "desc")!.Value;
        description.ShouldContain("Ava Rook: female, 3 years, born 1 May 2023, the child the review is about.");
        description.ShouldContain("Mia Fenn and Jon Rook are ex-partners.");
        description.ShouldContain("Mia Fenn is a step-parent of Dan Tarn.");
        description.ShouldContain("Ava Rook and Dan Tarn are step-siblings.");
        description.ShouldContain("Mother's home: Mia Fenn, Lee Tarn, Ava Rook, Ben Rook, Cal Tarn.");
    }

    [Fact]
    public void Anonymised_NoNamesNoDatesOfBirth_NoHouseholdNames()
    {
        var text = GenogramChart.Render(GenogramSamples.Family(), anonymised: true, Today, "Genogram");

        foreach (var name in new[] { "Mia", "Jon", "Rook", "Tarn", "Fenn", "Mother's home", "Father's flat", "2023" })
        {
            text.ShouldNotContain(name);
        }
        text.ShouldContain("Subject child");
        text.ShouldContain("Mother's partner");
        text.ShouldContain("Household A");
    }

    [Fact]
    public void Deterministic_TheSameDrawingEachTime() =>
        GenogramChart.Render(GenogramSamples.Family(), false, Today, "G").ShouldBe(GenogramChart.Render(GenogramSamples.Family(), false, Today, "G"));
}
