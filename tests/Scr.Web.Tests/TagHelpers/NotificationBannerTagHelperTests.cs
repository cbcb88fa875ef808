using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class NotificationBannerTagHelperTests
{
    private readonly TagHelperHost<TagHelperHost.NoModel> _host = TagHelperHost.Create();

    [Fact]
    public async Task Process_TextContent_WrapsInHeadingMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("notification-banner", "default");

        var html = await _host.RenderAsync("govuk-notification-banner", new NotificationBannerTagHelper(), fixture.Required("text"));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_Success_HasAlertRoleMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("notification-banner", "with type as success");

        var html = await _host.RenderAsync(
            "govuk-notification-banner", new NotificationBannerTagHelper { Type = "success" }, fixture.Required("text"));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_Title_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("notification-banner", "custom title");

        var html = await _host.RenderAsync(
            "govuk-notification-banner",
            new NotificationBannerTagHelper { Title = fixture.Required("titleText") },
            fixture.Required("text"));

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_HtmlContent_UsedAsItIsMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("notification-banner", "with lots of content");

        var html = await _host.RenderAsync("govuk-notification-banner", new NotificationBannerTagHelper(), fixture.Required("html"));

        html.ShouldMatchFixture(fixture);
    }
}
