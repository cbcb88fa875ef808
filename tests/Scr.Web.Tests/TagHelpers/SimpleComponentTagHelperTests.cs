using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

/// <summary>Back link, tag, inset text, warning text, details and panel against their fixtures.</summary>
public class SimpleComponentTagHelperTests
{
    private readonly TagHelperHost<TagHelperHost.NoModel> _host = TagHelperHost.Create();

    [Fact]
    public async Task BackLink_NoContent_RendersBackMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("back-link", "default");

        var html = await _host.RenderAsync("govuk-back-link", new BackLinkTagHelper { Href = "#" });

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task BackLink_CustomTextAndHref_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("back-link", "with custom text and link");

        var html = await _host.RenderAsync(
            "govuk-back-link", new BackLinkTagHelper { Href = fixture.Required("href") }, fixture.Required("text"));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Tag_NoColour_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("tag", "default");

        var html = await _host.RenderAsync("govuk-tag", new TagTagHelper(), fixture.Required("text"));

        html.ShouldMatchFixture(fixture);
    }

    [Theory]
    [InlineData("grey", "grey")]
    [InlineData("green", "green")]
    [InlineData("purple", "purple")]
    [InlineData("red", "red")]
    [InlineData("orange", "orange")]
    [InlineData("yellow", "yellow")]
    [InlineData("turquoise", "turquoise")]
    [InlineData("teal", "turquoise")]
    public async Task Tag_Colour_MatchesFixture(string colour, string fixtureName)
    {
        var fixture = GovUkFixtures.Get("tag", fixtureName);

        var html = await _host.RenderAsync("govuk-tag", new TagTagHelper { Colour = colour }, fixture.Required("text"));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Tag_UnknownColour_Throws()
    {
        await Should.ThrowAsync<InvalidOperationException>(
            () => _host.RenderAsync("govuk-tag", new TagTagHelper { Colour = "beige" }, "Draft"));
    }

    [Fact]
    public async Task InsetText_Content_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("inset-text", "default");

        var html = await _host.RenderAsync("govuk-inset-text", new InsetTextTagHelper(), fixture.Required("text"));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task WarningText_Content_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("warning-text", "default");

        var html = await _host.RenderAsync("govuk-warning-text", new WarningTextTagHelper(), fixture.Required("text"));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Details_SummaryAndContent_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("details", "default");

        var html = await _host.RenderAsync(
            "govuk-details", new DetailsTagHelper { Summary = fixture.Required("summaryText") }, fixture.Required("text"));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Details_OpenAndId_MatchesExpandedFixture()
    {
        var fixture = GovUkFixtures.Get("details", "expanded");

        var html = await _host.RenderAsync(
            "govuk-details",
            new DetailsTagHelper { Summary = fixture.Required("summaryText") },
            fixture.Required("text"),
            ("id", fixture.Required("id")),
            ("open", null));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Panel_TitleAndBody_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("panel", "default");

        var html = await _host.RenderAsync(
            "govuk-panel", new PanelTagHelper { Title = fixture.Required("titleHtml") }, fixture.Required("html"));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Panel_NoContent_LeavesOutBodyMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("panel", "title with no body text");

        var html = await _host.RenderAsync("govuk-panel", new PanelTagHelper { Title = fixture.Required("titleText") }, "\n  ");

        html.ShouldMatchFixture(fixture);
    }
}
