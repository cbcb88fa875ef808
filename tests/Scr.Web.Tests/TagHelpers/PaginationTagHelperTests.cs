using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class PaginationTagHelperTests
{
    private readonly TagHelperHost<TagHelperHost.NoModel> _host = TagHelperHost.Create();

    [Theory]
    [InlineData("default", 2, 3)]
    [InlineData("with many pages", 10, 40)]
    [InlineData("first page", 1, 3)]
    [InlineData("last page", 3, 3)]
    public async Task Process_PageOfTotal_MatchesFixture(string fixtureName, int page, int totalPages)
    {
        var fixture = GovUkFixtures.Get("pagination", fixtureName);

        var html = await _host.RenderAsync(
            "govuk-pagination", new PaginationTagHelper { Page = page, TotalPages = totalPages, HrefFormat = "/page/{0}" });

        html.ShouldMatchFixture(fixture, new Dictionary<string, string>
        {
            ["/previous"] = $"/page/{page - 1}",
            ["/next"] = $"/page/{page + 1}",
        });
    }

    [Fact]
    public async Task Process_OnePage_RendersNothing()
    {
        var html = await _host.RenderAsync("govuk-pagination", new PaginationTagHelper { Page = 1, TotalPages = 1 });

        html.ShouldBeEmpty();
    }

    [Fact]
    public async Task Process_DefaultHrefFormat_UsesPageQuery()
    {
        var html = await _host.RenderAsync("govuk-pagination", new PaginationTagHelper { Page = 1, TotalPages = 2 });

        Dom.Parse(html).QuerySelector("a[rel=next]")!.GetAttribute("href").ShouldBe("?page=2");
    }
}
