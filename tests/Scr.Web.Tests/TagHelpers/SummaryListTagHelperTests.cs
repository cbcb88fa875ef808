using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class SummaryListTagHelperTests
{
    private readonly TagHelperHost<TagHelperHost.NoModel> _host = TagHelperHost.Create();

    [Fact]
    public async Task Process_RowsWithoutActions_MatchesDefaultFixture()
    {
        var fixture = GovUkFixtures.Get("summary-list", "default");

        var html = await _host.RenderAsync(List(fixture, rowCount: 3, actions: _ => []));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_SeveralActionsPerRow_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("summary-list", "with actions");

        var html = await _host.RenderAsync(List(fixture, rowCount: 3, actions: row => Actions(fixture, row)));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_SomeRowsWithoutActions_MarkedNoActionsMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("summary-list", "with some actions");

        var html = await _host.RenderAsync(List(fixture, rowCount: 3, actions: row => Actions(fixture, row)));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_ActionAttributes_RenderSingleActionMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("summary-list", "single action with anchor");
        var row = new SummaryListRowTagHelper
        {
            Key = fixture.Required("rows.0.key.text"),
            ActionHref = fixture.Required("rows.0.actions.items.0.href"),
            ActionText = fixture.Required("rows.0.actions.items.0.text"),
        };

        var html = await _host.RenderAsync(TagHelperHost.Element(
            "govuk-summary-list",
            new SummaryListTagHelper(),
            TagHelperHost.Element("govuk-summary-list-row", row, fixture.Required("rows.0.value.text"))));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_ActionHiddenText_DefaultsToChange()
    {
        var row = new SummaryListRowTagHelper { Key = "Date of incident", ActionHref = "/change", ActionHiddenText = "date of incident" };

        var html = await _host.RenderAsync(TagHelperHost.Element(
            "govuk-summary-list", new SummaryListTagHelper(), TagHelperHost.Element("govuk-summary-list-row", row, "3 March 2025")));

        Dom.Parse(html).QuerySelector(".govuk-summary-list__actions a")!.TextContent.ShouldBe("Change date of incident");
    }

    private static TagHelperElement List(GovUkFixture fixture, int rowCount, Func<int, object[]> actions)
    {
        var rows = Enumerable.Range(0, rowCount).Select(i => (object)TagHelperHost.Element(
            "govuk-summary-list-row",
            new SummaryListRowTagHelper { Key = fixture.Required($"rows.{i}.key.text") },
            [fixture.Option($"rows.{i}.value.text") ?? fixture.Required($"rows.{i}.value.html"), .. actions(i)]));
        return TagHelperHost.Element("govuk-summary-list", new SummaryListTagHelper(), [.. rows]);
    }

    private static object[] Actions(GovUkFixture fixture, int row)
    {
        var actions = new List<object>();
        for (var i = 0; fixture.Option($"rows.{row}.actions.items.{i}.href") is { } href; i++)
        {
            actions.Add(TagHelperHost.Element(
                "govuk-summary-list-action",
                new SummaryListActionTagHelper { Href = href, HiddenText = fixture.Option($"rows.{row}.actions.items.{i}.visuallyHiddenText") },
                fixture.Required($"rows.{row}.actions.items.{i}.text")));
        }

        return [.. actions];
    }
}
