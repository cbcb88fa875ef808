using System.Globalization;
using System.Xml.Linq;
using Scr.Core.Rules.Analysis;
using Scr.Web.Charts;

namespace Scr.Web.Tests.Charts;

public class AnalysisChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly AnalysisTable Sex = AnalysisTable.Of(AnalysisTables.ChildrenSex, 40, ("male", 24), ("female", 12), ("not-known", 4));

    private static readonly AnalysisGrid Plans = new(AnalysisTables.ActionPlan, 10, ["yes", "no", "partly", "not-known"],
    [
        new AnalysisGridRow("costed", [6, 3, 1, 0]),
        new AnalysisGridRow("leadOfficerNamed", [0, 0, 0, 10]),
    ]);

    private static XElement Draw(IAnalysisTable table) => XElement.Parse(AnalysisChart.Render(table, "chart-test"));

    private static XElement Row(XElement svg, string key) => svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-row") == key);

    private static double Number(XElement element, string attribute) => double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Render_Table_ABarPerRowLabelledWithItsCountAndPercent()
    {
        var svg = Draw(Sex);

        svg.Descendants(Svg + "g").Where(g => g.Attribute("data-row") is not null).Select(g => g.Attribute("data-row")!.Value)
            .ShouldBe(Sex.Rows.Select(r => r.Key));
        foreach (var row in Sex.Rows)
        {
            var texts = Row(svg, row.Key).Elements(Svg + "text").Select(t => t.Value).ToList();
            texts.ShouldContain(row.Key);
            texts.ShouldContain($"{row.Count} ({row.Percent}%)");
        }
    }

    [Fact]
    public void Render_Table_BarLengthsInProportionToTheCounts()
    {
        var svg = Draw(Sex);

        var widths = Sex.Rows.ToDictionary(r => r.Key, r => Number(Row(svg, r.Key).Element(Svg + "rect")!, "width"));

        (widths["male"] / widths["female"]).ShouldBe(24.0 / 12, 0.01);
        (widths["female"] / widths["not-known"]).ShouldBe(12.0 / 4, 0.01);
        // Every bar starts at the same place.
        Sex.Rows.Select(r => Number(Row(svg, r.Key).Element(Svg + "rect")!, "x")).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public void Render_RowOfZero_NoBarButItsCount()
    {
        var svg = Draw(AnalysisTable.Of(AnalysisTables.ChildrenDisability, 5, ("yes", 5), ("no", 0), ("not-known", 0)));

        Row(svg, "no").Elements(Svg + "rect").ShouldBeEmpty();
        Row(svg, "no").Elements(Svg + "text").Select(t => t.Value).ShouldContain("0 (0%)");
    }

    [Fact]
    public void Render_Accessible_ImageNamedByATitleThatPointsToTheTable()
    {
        var svg = Draw(Sex);

        svg.Attribute("role")!.Value.ShouldBe("img");
        var title = svg.Element(Svg + "title")!;
        svg.Attribute("aria-labelledby")!.Value.ShouldBe(title.Attribute("id")!.Value);
        title.Value.ShouldContain(AnalysisTables.Title(AnalysisTables.ChildrenSex));
        title.Value.ShouldContain("40 children");
        title.Value.ShouldContain("the table below gives the figures");
    }

    [Fact]
    public void Render_KeysWithMarkup_Escaped()
    {
        var table = AnalysisTable.Of(AnalysisTables.IncidentYear, 3, ("<script>&\"", 3));

        var text = AnalysisChart.Render(table, "chart-test");

        text.ShouldNotContain("<script>");
        text.ShouldContain("&lt;script&gt;&amp;");
        Draw(table).Descendants(Svg + "text").Select(t => t.Value).ShouldContain("<script>&\"");
    }

    [Fact]
    public void Render_BaseZero_NoBarsButSaysSo()
    {
        var svg = Draw(AnalysisTable.Of(AnalysisTables.Harm, 0, ("death", 0), ("other", 0)));

        svg.Descendants(Svg + "rect").Where(r => r.Attribute("x") is not null).ShouldBeEmpty();
        svg.Descendants(Svg + "text").Select(t => t.Value).ShouldBe(["No reviews to count"]);
    }

    [Fact]
    public void Render_SameTableTwice_ByteIdentical()
    {
        AnalysisChart.Render(Plans, "chart-a").ShouldBe(AnalysisChart.Render(Plans with { Rows = [.. Plans.Rows] }, "chart-a"));
        AnalysisChart.Render(Sex, "chart-a").ShouldBe(AnalysisChart.Render(AnalysisTable.Of(AnalysisTables.ChildrenSex, 40, ("male", 24), ("female", 12), ("not-known", 4)), "chart-a"));
    }

    [Fact]
    public void Render_Grid_StackedBarWhosePartsAddUpToTheWholeRow()
    {
        var svg = Draw(Plans);

        var parts = Row(svg, "costed").Elements(Svg + "rect").ToList();
        parts.Select(p => p.Attribute("data-column")!.Value).ShouldBe(["yes", "no", "partly"]);
        (Number(parts[0], "width") / Number(parts[1], "width")).ShouldBe(6.0 / 3, 0.01);
        var full = Row(svg, "leadOfficerNamed").Elements(Svg + "rect").ShouldHaveSingleItem();
        parts.Sum(p => Number(p, "width")).ShouldBe(Number(full, "width"), 0.2);
        // Each part follows the one before.
        (Number(parts[0], "x") + Number(parts[0], "width")).ShouldBe(Number(parts[1], "x"), 0.1);
        Row(svg, "costed").Elements(Svg + "text").Select(t => t.Value).ShouldContain("6 yes, 3 no, 1 partly, 0 not-known");
    }

    [Fact]
    public void Render_Grid_LegendNamesEveryAnswerWithAFillOfItsOwn()
    {
        var svg = Draw(Plans);

        var legend = svg.Descendants(Svg + "g").Single(g => g.Attribute("data-legend") is not null);
        var answers = legend.Elements(Svg + "g").ToList();
        answers.Select(a => a.Element(Svg + "text")!.Value).ShouldBe(Plans.Columns);
        var fills = answers.Select(a => a.Element(Svg + "rect")!.Attribute("fill")!.Value).ToList();
        fills.Distinct().Count().ShouldBe(Plans.Columns.Count);
        // Every fill but the first is a pattern that the chart defines; the same fill marks the answer's parts of the bars.
        var patterns = svg.Descendants(Svg + "pattern").Select(p => $"url(#{p.Attribute("id")!.Value})").ToList();
        fills.Skip(1).ShouldBe(patterns);
        Row(svg, "costed").Elements(Svg + "rect").Select(r => r.Attribute("fill")!.Value).ShouldBe(fills.Take(3));
    }

    [Fact]
    public void Render_TwoCharts_IdsOfTheirOwn()
    {
        var first = Draw(Plans);

        var second = XElement.Parse(AnalysisChart.Render(Plans, "chart-other"));

        var ids = first.Descendants().Concat(second.Descendants()).Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        ids.Distinct().Count().ShouldBe(ids.Count);
    }
}
