using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class TaskListTagHelperTests
{
    private readonly TagHelperHost<TagHelperHost.NoModel> _host = TagHelperHost.Create();

    [Theory]
    [InlineData("default")]
    [InlineData("with hint text and additional states")]
    public async Task Process_Items_MatchesFixture(string fixtureName)
    {
        var fixture = GovUkFixtures.Get("task-list", fixtureName);
        var items = new List<object>();
        for (var i = 0; fixture.Option($"items.{i}.title.text") is { } title; i++)
        {
            var tagClass = fixture.Option($"items.{i}.status.tag.classes");
            items.Add(TagHelperHost.Element("govuk-task-list-item", new TaskListItemTagHelper
            {
                Title = title,
                Href = fixture.Option($"items.{i}.href"),
                Hint = fixture.Option($"items.{i}.hint.text"),
                Status = fixture.Option($"items.{i}.status.text") ?? fixture.Required($"items.{i}.status.tag.text"),
                StatusColour = tagClass?.Replace("govuk-tag--", string.Empty, StringComparison.Ordinal),
            }));
        }

        var html = await _host.RenderAsync(TagHelperHost.Element("govuk-task-list", new TaskListTagHelper(), [.. items]));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_StatusInProgressWithoutColour_ShownAsBlueTag()
    {
        var html = await _host.RenderAsync(TagHelperHost.Element(
            "govuk-task-list",
            new TaskListTagHelper(),
            TagHelperHost.Element("govuk-task-list-item", new TaskListItemTagHelper { Title = "Terms of reference", Href = "/tor", Status = "In progress" })));

        Dom.Parse(html).QuerySelector(".govuk-task-list__status strong.govuk-tag")!.TextContent.Trim().ShouldBe("In progress");
    }
}
