using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class ErrorSummaryTagHelperTests
{
    private readonly TagHelperHost<TestPage> _host = new(new TestPage());

    [Fact]
    public async Task Process_NoErrors_RendersNothing()
    {
        _host.ModelState.SetModelValue("Input.Text", "fine", "fine");

        var html = await _host.RenderAsync("govuk-error-summary", new ErrorSummaryTagHelper());

        html.ShouldBeEmpty();
    }

    [Fact]
    public async Task Process_FieldErrors_LinkToFieldsMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("error-summary", "default");
        _host.ModelState.AddModelError("Input.Text", fixture.Required("errorList.0.text"));
        _host.ModelState.AddModelError("Input.Choice", fixture.Required("errorList.1.text"));

        var html = await _host.RenderAsync("govuk-error-summary", new ErrorSummaryTagHelper());

        html.ShouldMatchFixture(fixture, new Dictionary<string, string>
        {
            ["example-error-1"] = "Input.Text",
            ["example-error-2"] = "Input.Choice",
        });
    }

    [Fact]
    public async Task Process_ModelLevelError_ListedWithoutLinkMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("error-summary", "without links");
        _host.ModelState.AddModelError(string.Empty, fixture.Required("errorList.0.text"));

        var html = await _host.RenderAsync("govuk-error-summary", new ErrorSummaryTagHelper());

        html.ShouldMatchFixture(fixture);
    }

    [Fact]
    public async Task Process_ModelLevelAndFieldErrors_MatchesMixedFixture()
    {
        var fixture = GovUkFixtures.Get("error-summary", "mixed with and without links");
        _host.ModelState.AddModelError(string.Empty, fixture.Required("errorList.0.text"));
        _host.ModelState.AddModelError("Input.Flag", fixture.Required("errorList.1.text"));

        var html = await _host.RenderAsync("govuk-error-summary", new ErrorSummaryTagHelper());

        html.ShouldMatchFixture(fixture, new Dictionary<string, string> { ["example-error-1"] = "Input.Flag" });
    }

    [Fact]
    public async Task Process_ErrorsAddedInAnyOrder_ListedInPropertyDeclarationOrder()
    {
        _host.ModelState.AddModelError("Input.DateOfBirth", "Enter a date");
        _host.ModelState.AddModelError("Input.Choices", "Select an agency");
        _host.ModelState.AddModelError("Input.Text", "Enter a name");
        _host.ModelState.AddModelError("Unknown", "Something else");
        _host.ModelState.AddModelError(string.Empty, "You cannot change a closed review");
        _host.ModelState.AddModelError("Input.Choice", "Select an option");

        var html = await _host.RenderAsync("govuk-error-summary", new ErrorSummaryTagHelper());

        Dom.Parse(html).QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ShouldBe(
            ["You cannot change a closed review", "Enter a name", "Select an option", "Select an agency", "Enter a date", "Something else"]);
    }

    [Fact]
    public async Task Process_DateInputError_LinksToDayField()
    {
        _host.ModelState.AddModelError("Input.DateOfBirth", "Enter your date of birth");

        var html = await _host.RenderAsync("govuk-error-summary", new ErrorSummaryTagHelper());

        Dom.Parse(html).QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href").ShouldBe("#Input.DateOfBirth.Day");
    }

    [Fact]
    public async Task Process_DateInputPartError_LinksToThatPart()
    {
        _host.ModelState.AddModelError("Input.DateOfBirth.Month", "Date of birth must include a month");

        var html = await _host.RenderAsync("govuk-error-summary", new ErrorSummaryTagHelper());

        Dom.Parse(html).QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href").ShouldBe("#Input.DateOfBirth.Month");
    }

    [Fact]
    public async Task Process_SeveralErrorsOnOneField_ListsTheFirstOnly()
    {
        _host.ModelState.AddModelError("Input.Text", "Enter a name");
        _host.ModelState.AddModelError("Input.Text", "Name must be 100 characters or fewer");

        var html = await _host.RenderAsync("govuk-error-summary", new ErrorSummaryTagHelper());

        Dom.Parse(html).QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim())
            .ShouldBe(["Enter a name"]);
    }

    [Fact]
    public async Task Process_SeveralErrorsAboutTheWholeForm_ListsEachOnce()
    {
        _host.ModelState.AddModelError(string.Empty, "Complete the section 'Analysis' before submitting the report");
        _host.ModelState.AddModelError(string.Empty, "Complete the section 'Lessons learned' before submitting the report");
        _host.ModelState.AddModelError(string.Empty, "Complete the section 'Analysis' before submitting the report");
        _host.ModelState.AddModelError("Input.Text", "Enter a name");

        var html = await _host.RenderAsync("govuk-error-summary", new ErrorSummaryTagHelper());

        Dom.Parse(html).QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ShouldBe(
            ["Complete the section 'Analysis' before submitting the report", "Complete the section 'Lessons learned' before submitting the report", "Enter a name"]);
    }

    [Fact]
    public async Task Process_ErrorsAndLinksMatchFieldIds_ForEachFormTagHelper()
    {
        _host.ModelState.AddModelError("Input.Text", "Enter a name");
        _host.ModelState.AddModelError("Input.Choice", "Select an option");
        _host.ModelState.AddModelError("Input.DateOfBirth", "Enter a date");
        var items = new[] { new RadioItem("a", "A"), new RadioItem("b", "B") };

        var summary = await _host.RenderAsync("govuk-error-summary", new ErrorSummaryTagHelper());
        var fields = string.Concat(
            await _host.RenderAsync("govuk-input", new InputTagHelper { For = _host.For(m => m.Input.Text), Label = "Name" }),
            await _host.RenderAsync("govuk-radios", new RadiosTagHelper { For = _host.For(m => m.Input.Choice), Legend = "Choice", Items = items }),
            await _host.RenderAsync("govuk-date-input", new DateInputTagHelper { For = _host.For(m => m.Input.DateOfBirth), Legend = "Date" }));

        var page = Dom.Parse(summary + fields);
        foreach (var link in page.QuerySelectorAll(".govuk-error-summary__list a"))
        {
            var id = link.GetAttribute("href")![1..];
            page.GetElementById(id).ShouldNotBeNull($"no field has the id {id}");
            page.GetElementById(id)!.LocalName.ShouldBe("input");
        }
    }
}
