using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class FileUploadTagHelperTests
{
    private const string Id = "Input.File";

    private readonly TagHelperHost<TestPage> _host = new(new TestPage());

    [Fact]
    public async Task Process_BoundToProperty_MatchesDefaultFixture()
    {
        var fixture = GovUkFixtures.Get("file-upload", "default");

        var html = await _host.RenderAsync(
            "govuk-file-upload", new FileUploadTagHelper { For = _host.For(m => m.Input.File), Label = fixture.Required("label.text") });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_Hint_DescribesTheInputMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("file-upload", "with hint text");

        var html = await _host.RenderAsync("govuk-file-upload", new FileUploadTagHelper
        {
            Id = fixture.Required("id"),
            Name = fixture.Required("name"),
            Label = fixture.Required("label.text"),
            Hint = fixture.Required("hint.text"),
        });

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_ErrorInModelState_MatchesErrorAndHintFixture()
    {
        var fixture = GovUkFixtures.Get("file-upload", "with error message and hint");
        _host.ModelState.AddModelError(Id, fixture.Required("errorMessage.text"));

        var html = await _host.RenderAsync("govuk-file-upload", new FileUploadTagHelper
        {
            For = _host.For(m => m.Input.File),
            Label = fixture.Required("label.text"),
            Hint = fixture.Required("hint.text"),
        });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_LabelIsPageHeading_WrapsLabelInHeadingMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("file-upload", "with label as page heading");

        var html = await _host.RenderAsync("govuk-file-upload", new FileUploadTagHelper
        {
            For = _host.For(m => m.Input.File),
            Label = fixture.Required("label.text"),
            LabelIsPageHeading = true,
        });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Theory]
    [InlineData("attributes", "accept", "attributes.accept")]
    [InlineData("classes", "class", "classes")]
    public async Task Process_UnboundAttribute_CopiedOntoInputMatchingFixture(string fixtureName, string attribute, string option)
    {
        var fixture = GovUkFixtures.Get("file-upload", fixtureName);

        var html = await _host.RenderAsync(
            "govuk-file-upload",
            new FileUploadTagHelper { For = _host.For(m => m.Input.File), Label = fixture.Required("label.text") },
            content: null,
            (attribute, fixture.Required(option)));

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_IdAndName_DifferMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("file-upload", "id");

        var html = await _host.RenderAsync("govuk-file-upload", new FileUploadTagHelper
        {
            Id = fixture.Required("id"),
            Name = fixture.Required("name"),
            Label = fixture.Required("label.text"),
        });

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_AttemptedValue_NeverWritten()
    {
        var fixture = GovUkFixtures.Get("file-upload", "with value");
        _host.ModelState.SetModelValue(Id, fixture.Required("value"), fixture.Required("value"));

        var html = await _host.RenderAsync(
            "govuk-file-upload", new FileUploadTagHelper { For = _host.For(m => m.Input.File), Label = fixture.Required("label.text") });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }
}
