using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class ButtonTagHelperTests
{
    private readonly TagHelperHost<TagHelperHost.NoModel> _host = TagHelperHost.Create();

    [Fact]
    public async Task Process_Default_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("button", "default");

        var html = await _host.RenderAsync("govuk-button", new ButtonTagHelper(), fixture.Required("text"));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_Href_RendersLinkButtonMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("button", "link");

        var html = await _host.RenderAsync(
            "govuk-button", new ButtonTagHelper { Href = fixture.Required("href") }, fixture.Required("text"));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_SecondaryWithName_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("button", "secondary");

        var html = await _host.RenderAsync(
            "govuk-button", new ButtonTagHelper { Secondary = true }, fixture.Required("text"), ("name", fixture.Required("name")));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_WarningWithName_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("button", "warning");

        var html = await _host.RenderAsync(
            "govuk-button", new ButtonTagHelper { Warning = true }, fixture.Required("text"), ("name", fixture.Required("name")));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_Disabled_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("button", "disabled");

        var html = await _host.RenderAsync("govuk-button", new ButtonTagHelper { Disabled = true }, fixture.Required("text"));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_PreventDoubleClick_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("button", "prevent double click");

        var html = await _host.RenderAsync(
            "govuk-button", new ButtonTagHelper { PreventDoubleClick = true }, fixture.Required("text"));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_Start_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("button", "start");

        var html = await _host.RenderAsync("govuk-button", new ButtonTagHelper { Start = true }, fixture.Required("text"));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_OtherAttributes_CopiedOntoButtonMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("button", "attributes");

        var html = await _host.RenderAsync(
            "govuk-button",
            new ButtonTagHelper(),
            fixture.Required("text"),
            ("aria-controls", fixture.Required("attributes.aria-controls")),
            ("data-tracking-dimension", fixture.Required("attributes.data-tracking-dimension")));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_Value_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("button", "value");

        var html = await _host.RenderAsync(
            "govuk-button", new ButtonTagHelper(), fixture.Required("text"), ("value", fixture.Required("value")));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_TypeAndTestId_WrittenOnButton()
    {
        var html = await _host.RenderAsync(
            "govuk-button", new ButtonTagHelper { Type = "button" }, "Add another", ("data-testid", "add-another"), ("formaction", "/x"));

        html.ShouldContain("type=\"button\"");
        html.ShouldContain("data-testid=\"add-another\"");
        html.ShouldContain("formaction=\"/x\"");
    }
}
