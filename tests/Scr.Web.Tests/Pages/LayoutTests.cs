using System.Text.RegularExpressions;
using Scr.Web.Tests.TagHelpers;

namespace Scr.Web.Tests.Pages;

/// <summary>The GOV.UK page template in _Layout.cshtml, and the static front-end files, over HTTP on the real site.</summary>
[Collection("web")]
public class LayoutTests(SqliteWorld fixture) : IClassFixture<SqliteWorld>
{
    private WebWorld World => fixture.World;

    [Fact]
    public async Task Get_SignIn_RendersGovUkTemplateWithoutGovUkBranding()
    {
        var page = Dom.Parse(await GetStringAsync("/sign-in"));

        page.Title.ShouldBe("Sign in – Serious case reviews");
        page.DocumentElement.ClassList.ShouldContain("govuk-template");
        page.Body!.ClassList.ShouldContain("govuk-template__body");
        page.QuerySelector("a.govuk-skip-link")!.GetAttribute("href").ShouldBe("#main-content");
        page.QuerySelector(".govuk-width-container > main.govuk-main-wrapper#main-content").ShouldNotBeNull();
        var homeLink = page.QuerySelector("header .govuk-generic-header a.govuk-generic-header__homepage-link")!;
        homeLink.GetAttribute("href").ShouldBe("/");
        homeLink.TextContent.Trim().ShouldBe("Serious case reviews");
        page.QuerySelector(".govuk-phase-banner .govuk-tag")!.TextContent.Trim().ShouldBe("Beta");
        page.QuerySelector(".govuk-phase-banner__text")!.TextContent.Trim()
            .ShouldBe("This is a new service. Report a problem to your board's business unit.");
        page.QuerySelectorAll(".govuk-footer__inline-list a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")))
            .ShouldBe([("Learning repository", "/learning"), ("Accessibility", "/accessibility"), ("Privacy", "/privacy"), ("Cookies", "/cookies")]);

        page.QuerySelector(".govuk-header, .govuk-header__logotype, .govuk-footer__crown, .govuk-footer__licence-logo, .govuk-footer__copyright-logo")
            .ShouldBeNull();
        page.DocumentElement.OuterHtml.ShouldNotContain("GOV.UK");
    }

    [Fact]
    public async Task Get_Page_LoadsStylesheetAndModuleScriptsAndNoOtherInlineScript()
    {
        var page = Dom.Parse(await GetStringAsync("/account/password/forgot"));

        page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!.ShouldStartWith("/css/app.css");
        var scripts = page.QuerySelectorAll("script").ToList();
        scripts.Count(s => s.GetAttribute("src") is null).ShouldBe(1);
        scripts[0].TextContent.ShouldBe(
            "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');");
        scripts.Where(s => s.GetAttribute("src") is not null).Select(s => (s.GetAttribute("type"), s.GetAttribute("src")!.Split('?')[0]))
            .ShouldBe([("module", "/js/govuk-frontend.min.js"), ("module", "/js/init.js"), ("module", "/js/drafts.js")]);
    }

    [Fact]
    public async Task Get_Page_SignedOut_ShowsNoAccountArea()
    {
        var page = Dom.Parse(await GetStringAsync("/sign-in"));

        page.QuerySelector("[data-testid=sign-out]").ShouldBeNull();
        page.QuerySelector(".govuk-service-navigation").ShouldBeNull();
    }

    [Fact]
    public async Task Get_Page_SignedIn_ShowsNameAndSignOutFormWithAntiforgeryToken()
    {
        var client = await World.SignInAsync("officer@northbridge.example");

        var page = Dom.Parse(await client.GetStringAsync("/"));

        page.QuerySelector("[data-testid=signed-in-user]")!.TextContent.ShouldContain("Priya Calder");
        Dom.Parse(await client.GetStringAsync("/cases?stage=Scoping")).Title.ShouldBe("Cases – Serious case reviews");
        // "Messages (n)" counts the demo world's unread messages to the officer.
        page.QuerySelectorAll(".govuk-service-navigation__link").Select(a => Regex.Replace(a.TextContent.Trim(), @" \(\d+\)$", ""))
            .ShouldBe(["Dashboard", "Cases", "Messages", "Audit log", "Accounts", "Reviewers", "API tokens"]);
        var form = page.QuerySelector("form[action='/sign-out']")!;
        form.GetAttribute("method").ShouldBe("post");
        form.QuerySelector("button[data-testid=sign-out]")!.TextContent.Trim().ShouldBe("Sign out");
        form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value").ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("/error", "Sorry, there is a problem with the service")]
    [InlineData("/status/404", "Page not found")]
    [InlineData("/status/403", "You do not have permission to do this")]
    [InlineData("/accessibility", "Accessibility statement for Serious case reviews")]
    [InlineData("/privacy", "Privacy")]
    [InlineData("/cookies", "Cookies")]
    public async Task Get_SitePage_RendersHeadingInLayout(string path, string heading)
    {
        var page = Dom.Parse(await GetStringAsync(path));

        page.QuerySelector("main h1")!.TextContent.Trim().ShouldBe(heading);
        page.Title!.ShouldEndWith("– Serious case reviews");
    }

    [Fact]
    public async Task Get_Error_ShowsTryAgainAndReferenceOnly()
    {
        var page = Dom.Parse(await GetStringAsync("/error"));

        var text = page.QuerySelector("main")!.TextContent;
        text.ShouldContain("Try again later.");
        page.QuerySelector("[data-testid=error-reference]")!.TextContent.Trim().ShouldMatch(@"^Reference: \S+$");
        text.ShouldNotContain("Exception");
    }

    [Theory]
    [InlineData("/css/app.css", "text/css")]
    [InlineData("/js/govuk-frontend.min.js", "text/javascript")]
    [InlineData("/js/init.js", "text/javascript")]
    [InlineData("/js/drafts.js", "text/javascript")]
    [InlineData("/assets/manifest.json", "application/json")]
    public async Task Get_FrontEndFile_Served(string path, string contentType)
    {
        using var response = await World.Factory.CreateBrowser().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
    }

    [Fact]
    public async Task Get_Stylesheet_HasNoGdsTransportFont()
    {
        var css = await GetStringAsync("/css/app.css");

        css.ShouldContain(".govuk-generic-header");
        css.ShouldNotContain("GDS Transport");
        css.ShouldNotContain("@font-face");
        css.ShouldContain("font-family:arial,sans-serif");
    }

    private Task<string> GetStringAsync(string path) =>
        World.Factory.CreateBrowser().GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
}
