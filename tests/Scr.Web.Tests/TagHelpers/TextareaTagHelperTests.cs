using System.Globalization;
using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class TextareaTagHelperTests
{
    private const string Id = "Input.Text";

    private readonly TagHelperHost<TestPage> _host = new(new TestPage());

    [Fact]
    public async Task Process_BoundToProperty_MatchesDefaultFixture()
    {
        var fixture = GovUkFixtures.Get("textarea", "default");

        var html = await _host.RenderAsync(
            "govuk-textarea", new TextareaTagHelper { For = _host.For(m => m.Input.Text), Label = fixture.Required("label.text") });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_Hint_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("textarea", "with hint");

        var html = await _host.RenderAsync("govuk-textarea", new TextareaTagHelper
        {
            For = _host.For(m => m.Input.Text),
            Label = fixture.Required("label.text"),
            Hint = fixture.Required("hint.text"),
        });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_ErrorInModelState_MatchesErrorFixture()
    {
        var fixture = GovUkFixtures.Get("textarea", "with error message");
        _host.ModelState.AddModelError(Id, fixture.Required("errorMessage.text"));

        var html = await _host.RenderAsync(
            "govuk-textarea", new TextareaTagHelper { For = _host.For(m => m.Input.Text), Label = fixture.Required("label.text") });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_ModelValue_WrittenAsContentMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("textarea", "with default value");
        _host.ViewData.Model!.Input.Text = fixture.Required("value");

        var html = await _host.RenderAsync(
            "govuk-textarea", new TextareaTagHelper { For = _host.For(m => m.Input.Text), Label = fixture.Required("label.text") });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_Rows_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("textarea", "with custom rows");

        var html = await _host.RenderAsync("govuk-textarea", new TextareaTagHelper
        {
            For = _host.For(m => m.Input.Text),
            Label = fixture.Required("label.text"),
            Rows = int.Parse(fixture.Required("rows"), CultureInfo.InvariantCulture),
        });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_LabelIsPageHeading_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("textarea", "with label as page heading");

        var html = await _host.RenderAsync("govuk-textarea", new TextareaTagHelper
        {
            For = _host.For(m => m.Input.Text),
            Label = fixture.Required("label.text"),
            LabelIsPageHeading = true,
        });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_ValueStartingWithNewline_KeepsIt()
    {
        _host.ViewData.Model!.Input.Text = "\nsecond line";

        var html = await _host.RenderAsync("govuk-textarea", new TextareaTagHelper { For = _host.For(m => m.Input.Text), Label = "Text" });

        Dom.Parse(html).QuerySelector("textarea")!.TextContent.ShouldBe("\nsecond line");
    }
}
