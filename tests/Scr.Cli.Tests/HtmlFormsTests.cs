using Scr.Cli.Infrastructure;

namespace Scr.Cli.Tests;

public class HtmlFormsTests
{
    [Fact]
    public void FindAntiforgeryToken_RazorPagesForm_ReadsHiddenInput()
    {
        const string html = """
            <form method="post" novalidate>
              <input class="govuk-input" id="Input_Email" name="Input.Email" type="email" value="">
              <input name="__RequestVerificationToken" type="hidden" value="CfDJ8Abc-_123" /></form>
            """;

        HtmlForms.FindAntiforgeryToken(html).ShouldBe("CfDJ8Abc-_123");
    }

    [Fact]
    public void FindAntiforgeryToken_AttributesInAnyOrderAndQuoting_ReadsValue()
    {
        HtmlForms.FindAntiforgeryToken("<form><INPUT value='tok&#x2B;1' TYPE=hidden name=__RequestVerificationToken></form>").ShouldBe("tok+1");
    }

    [Fact]
    public void FindAntiforgeryToken_SeveralForms_TakesTheOneWithTheField()
    {
        const string html = """
            <header><form action="/sign-out" method="post"><input name="__RequestVerificationToken" type="hidden" value="header-token"></form></header>
            <main><form method="post">
              <input name="Input.Code" autocomplete="one-time-code">
              <input name="__RequestVerificationToken" type="hidden" value="code-token">
            </form></main>
            """;

        HtmlForms.FindAntiforgeryToken(html, "Input.Code").ShouldBe("code-token");
        HtmlForms.FindAntiforgeryToken(html).ShouldBe("header-token");
    }

    [Fact]
    public void FindAntiforgeryToken_FieldInNoForm_FallsBackToFirstToken() =>
        HtmlForms.FindAntiforgeryToken("<form><input name=\"__RequestVerificationToken\" value=\"only\"></form>", "Input.Email").ShouldBe("only");

    [Theory]
    [InlineData("")]
    [InlineData("<html><body><p>Sign in</p></body></html>")]
    [InlineData("<form><input name=\"__RequestVerificationTokenX\" value=\"nope\"></form>")]
    [InlineData("<p>name=\"__RequestVerificationToken\" value=\"not an input\"</p>")]
    public void FindAntiforgeryToken_NoToken_IsNull(string html) => HtmlForms.FindAntiforgeryToken(html).ShouldBeNull();

    [Fact]
    public void FindAntiforgeryToken_NoFormTags_ReadsInputsAnyway() =>
        HtmlForms.FindAntiforgeryToken("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"bare\">").ShouldBe("bare");
}
