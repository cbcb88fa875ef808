using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class CheckboxesTagHelperTests
{
    private const string Id = "Input.Choices";

    private readonly TagHelperHost<TestPage> _host = new(new TestPage());

    [Theory]
    [InlineData("default")]
    [InlineData("with hint")]
    [InlineData("with divider and None")]
    public async Task Process_Items_MatchesFixture(string fixtureName)
    {
        var fixture = GovUkFixtures.Get("checkboxes", fixtureName);

        var html = await Render(fixture);

        html.ShouldMatchFixture(fixture, Renames.Field(fixture.Required("name"), Id));
    }

    [Fact]
    public async Task Process_ErrorWithItemHints_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("checkboxes", "with error message");
        _host.ModelState.AddModelError(Id, fixture.Required("errorMessage.text"));

        var html = await Render(fixture);

        html.ShouldMatchFixture(fixture, Renames.Field(fixture.Required("name"), Id));
    }

    [Fact]
    public async Task Process_LegendIsPageHeading_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("checkboxes", "with legend as a page heading");

        var html = await Render(fixture, legendIsPageHeading: true);

        html.ShouldMatchFixture(fixture, Renames.Field(fixture.Required("name"), Id));
    }

    [Fact]
    public async Task Process_ModelCollection_TicksItsValues()
    {
        _host.ViewData.Model!.Input.Choices = ["irish", "other"];
        var fixture = GovUkFixtures.Get("checkboxes", "default");

        var html = await Render(fixture);

        Dom.CheckedValues(html).ShouldBe(["irish", "other"]);
    }

    [Fact]
    public async Task Process_PostedValues_TickedInsteadOfModel()
    {
        _host.ViewData.Model!.Input.Choices = ["irish"];
        _host.ModelState.SetModelValue(Id, new[] { "british" }, "british");
        var fixture = GovUkFixtures.Get("checkboxes", "default");

        var html = await Render(fixture);

        Dom.CheckedValues(html).ShouldBe(["british"]);
    }

    private Task<string> Render(GovUkFixture fixture, bool legendIsPageHeading = false)
    {
        return _host.RenderAsync("govuk-checkboxes", new CheckboxesTagHelper
        {
            For = _host.For(m => m.Input.Choices),
            Legend = fixture.Required("fieldset.legend.text"),
            LegendIsPageHeading = legendIsPageHeading,
            Hint = fixture.Option("hint.text"),
            Items = RadiosTagHelperTests.RadioItems(fixture),
        });
    }
}
