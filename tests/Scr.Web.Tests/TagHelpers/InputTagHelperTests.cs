using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class InputTagHelperTests
{
    private const string Id = "Input.Text";

    private readonly TagHelperHost<TestPage> _host = new(new TestPage());

    [Fact]
    public async Task Process_BoundToProperty_MatchesDefaultFixture()
    {
        var fixture = GovUkFixtures.Get("input", "default");

        var html = await _host.RenderAsync(
            "govuk-input", new InputTagHelper { For = _host.For(m => m.Input.Text), Label = fixture.Required("label.text") });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_IdAndNameAttributes_OverrideDerivedOnesMatchingFixtureWithHint()
    {
        var fixture = GovUkFixtures.Get("input", "with hint text");

        var html = await _host.RenderAsync("govuk-input", new InputTagHelper
        {
            Id = fixture.Required("id"),
            Name = fixture.Required("name"),
            Label = fixture.Required("label.text"),
            Hint = fixture.Required("hint.text"),
        });

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_ErrorInModelState_MatchesErrorFixture()
    {
        var fixture = GovUkFixtures.Get("input", "with error message");
        _host.ModelState.AddModelError(fixture.Required("name"), fixture.Required("errorMessage.text"));

        var html = await _host.RenderAsync("govuk-input", new InputTagHelper
        {
            Id = fixture.Required("id"),
            Name = fixture.Required("name"),
            Label = fixture.Required("label.text"),
        });

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_BoundPropertyWithErrorAndHint_DescribedByBothMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("input", "with error and hint");
        _host.ModelState.AddModelError(Id, fixture.Required("errorMessage.text"));

        var html = await _host.RenderAsync("govuk-input", new InputTagHelper
        {
            For = _host.For(m => m.Input.Text),
            Label = fixture.Required("label.text"),
            Hint = fixture.Required("hint.text"),
        });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Theory]
    [InlineData("10", "with width-10 class")]
    [InlineData("20", "with width-20 class")]
    [InlineData("2", "with width-2 class")]
    public async Task Process_Width_AddsWidthClassMatchingFixture(string width, string fixtureName)
    {
        var fixture = GovUkFixtures.Get("input", fixtureName);

        var html = await _host.RenderAsync("govuk-input", new InputTagHelper
        {
            For = _host.For(m => m.Input.Text),
            Label = fixture.Required("label.text"),
            Hint = fixture.Option("hint.text"),
            Width = width,
        });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_FractionWidth_AddsWidthOverride()
    {
        var html = await _host.RenderAsync(
            "govuk-input", new InputTagHelper { For = _host.For(m => m.Input.Text), Label = "Name", Width = "one-half" });

        HtmlComparison.Canonical(html).ShouldContain("class=\"govuk-!-width-one-half govuk-input\"");
    }

    [Fact]
    public async Task Process_LabelIsPageHeading_WrapsLabelInHeadingMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("input", "with label as page heading");

        var html = await _host.RenderAsync("govuk-input", new InputTagHelper
        {
            For = _host.For(m => m.Input.Text),
            Label = fixture.Required("label.text"),
            LabelIsPageHeading = true,
        });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_ModelValue_WrittenAsValueMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("input", "value");
        _host.ViewData.Model!.Input.Text = fixture.Required("value");

        var html = await _host.RenderAsync(
            "govuk-input", new InputTagHelper { For = _host.For(m => m.Input.Text), Label = fixture.Required("label.text") });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_Type_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("input", "custom type");

        var html = await _host.RenderAsync("govuk-input", new InputTagHelper
        {
            For = _host.For(m => m.Input.Text),
            Label = fixture.Required("label.text"),
            Type = fixture.Required("type"),
        });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Theory]
    [InlineData("with autocomplete attribute", "autocomplete", "autocomplete")]
    [InlineData("with spellcheck disabled", "spellcheck", "spellcheck")]
    [InlineData("inputmode", "inputmode", "inputmode")]
    [InlineData("with pattern attribute", "pattern", "pattern")]
    public async Task Process_UnboundAttribute_CopiedOntoInputMatchingFixture(string fixtureName, string attribute, string option)
    {
        var fixture = GovUkFixtures.Get("input", fixtureName);

        var html = await _host.RenderAsync(
            "govuk-input",
            new InputTagHelper
            {
                For = _host.For(m => m.Input.Text),
                Label = fixture.Required("label.text"),
                Type = fixture.Option("type"),
            },
            content: null,
            (attribute, fixture.Required(option)));

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_AttemptedValueInModelState_ShownInsteadOfModelValue()
    {
        _host.ViewData.Model!.Input.Text = "saved";
        _host.ModelState.SetModelValue(Id, "typed", "typed");

        var html = await _host.RenderAsync("govuk-input", new InputTagHelper { For = _host.For(m => m.Input.Text), Label = "Text" });

        html.ShouldContain("value=\"typed\"");
        html.ShouldNotContain("saved");
    }

    [Fact]
    public async Task Process_Password_NeverWritesValue()
    {
        _host.ViewData.Model!.Input.Password = "from-model";
        _host.ModelState.SetModelValue("Input.Password", "posted-secret", "posted-secret");

        var html = await _host.RenderAsync(
            "govuk-input", new InputTagHelper { For = _host.For(m => m.Input.Password), Label = "Password", Type = "password" });

        html.ShouldNotContain("value=");
        html.ShouldNotContain("secret");
        html.ShouldNotContain("from-model");
    }

    [Fact]
    public async Task Process_ValueNeedingEncoding_IsEncoded()
    {
        _host.ViewData.Model!.Input.Text = "\"><script>alert(1)</script>";

        var html = await _host.RenderAsync("govuk-input", new InputTagHelper { For = _host.For(m => m.Input.Text), Label = "Text" });

        html.ShouldNotContain("<script>");
    }
}
