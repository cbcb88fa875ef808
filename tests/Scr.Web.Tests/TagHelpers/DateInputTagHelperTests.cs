using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class DateInputTagHelperTests
{
    private const string Id = "Input.DateOfBirth";

    private readonly TagHelperHost<TestPage> _host = new(new TestPage());

    [Fact]
    public async Task Process_LegendAndHint_MatchesDefaultFixture()
    {
        var fixture = GovUkFixtures.Get("date-input", "default");

        var html = await Render(fixture);

        html.ShouldMatchFixture(fixture, DateRenames(fixture));
    }

    [Fact]
    public async Task Process_ModelValues_WrittenIntoFieldsMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("date-input", "with values");
        _host.ViewData.Model!.Input.DateOfBirth = DateInputModel.From(new DateOnly(1980, 3, 31));

        var html = await Render(fixture);

        html.ShouldMatchFixture(fixture, DateRenames(fixture));
    }

    [Fact]
    public async Task Process_ErrorOnWholeDate_MarksAllFieldsMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("date-input", "with error message and hint");
        _host.ModelState.AddModelError(Id, fixture.Required("errorMessage.text"));

        var html = await Render(fixture);

        html.ShouldMatchFixture(fixture, DateRenames(fixture));
    }

    [Theory]
    [InlineData("Day", "with error on day input")]
    [InlineData("Month", "with error on month input")]
    [InlineData("Year", "with error on year input")]
    public async Task Process_ErrorOnOnePart_MarksThatFieldOnlyMatchingFixture(string part, string fixtureName)
    {
        var fixture = GovUkFixtures.Get("date-input", fixtureName);
        _host.ModelState.AddModelError($"{Id}.{part}", fixture.Required("errorMessage.text"));

        var html = await Render(fixture);

        html.ShouldMatchFixture(fixture, DateRenames(fixture));
    }

    [Fact]
    public async Task Process_AttemptedValues_ShownAgain()
    {
        _host.ModelState.SetModelValue(Id + ".Day", "3x", "3x");
        _host.ModelState.SetModelValue(Id + ".Month", "", "");
        _host.ModelState.SetModelValue(Id + ".Year", "2025", "2025");

        var html = await _host.RenderAsync(
            "govuk-date-input", new DateInputTagHelper { For = _host.For(m => m.Input.DateOfBirth), Legend = "When?" });

        Dom.Value(html, Id + ".Day").ShouldBe("3x");
        Dom.Value(html, Id + ".Month").ShouldBeNull();
        Dom.Value(html, Id + ".Year").ShouldBe("2025");
    }

    [Fact]
    public async Task Process_LegendIsPageHeading_WrapsLegendInHeading()
    {
        var html = await _host.RenderAsync(
            "govuk-date-input",
            new DateInputTagHelper { For = _host.For(m => m.Input.DateOfBirth), Legend = "When?", LegendIsPageHeading = true });

        HtmlComparison.Canonical(html).ShouldContain(
            "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\">\n      <h1 class=\"govuk-fieldset__heading\">\n        \"When?\"");
    }

    private Task<string> Render(GovUkFixture fixture)
    {
        return _host.RenderAsync("govuk-date-input", new DateInputTagHelper
        {
            For = _host.For(m => m.Input.DateOfBirth),
            Legend = fixture.Required("fieldset.legend.text"),
            Hint = fixture.Option("hint.text"),
        });
    }

    private static Dictionary<string, string> DateRenames(GovUkFixture fixture)
    {
        var fixtureId = fixture.Required("id");
        var renames = Renames.Field(fixtureId, Id);
        foreach (var part in new[] { "Day", "Month", "Year" })
        {
            renames[$"{fixtureId}-{part.ToLowerInvariant()}"] = $"{Id}.{part}";
            renames[part.ToLowerInvariant()] = $"{Id}.{part}";
        }

        return renames;
    }
}
