using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class SelectTagHelperTests
{
    private const string Id = "Input.Choice";

    private readonly TagHelperHost<TestPage> _host = new(new TestPage());

    [Fact]
    public async Task Process_SelectedAndDisabledItems_MatchesDefaultFixture()
    {
        var fixture = GovUkFixtures.Get("select", "default");

        var html = await _host.RenderAsync(
            "govuk-select",
            new SelectTagHelper { For = _host.For(m => m.Input.Choice), Label = fixture.Required("label.text"), Items = Items(fixture) });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_HintAndError_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("select", "with hint text and error message");
        _host.ModelState.AddModelError(Id, fixture.Required("errorMessage.text"));

        var html = await _host.RenderAsync("govuk-select", new SelectTagHelper
        {
            For = _host.For(m => m.Input.Choice),
            Label = fixture.Required("label.text"),
            Hint = fixture.Required("hint.text"),
            Items = Items(fixture),
        });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_LabelIsPageHeading_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("select", "with label as page heading");

        var html = await _host.RenderAsync("govuk-select", new SelectTagHelper
        {
            For = _host.For(m => m.Input.Choice),
            Label = fixture.Required("label.text"),
            LabelIsPageHeading = true,
            Items = Items(fixture),
        });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    [Fact]
    public async Task Process_ModelValue_SelectsMatchingOptionMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("select", "with selected value");
        _host.ViewData.Model!.Input.Choice = fixture.Required("value");

        var html = await _host.RenderAsync(
            "govuk-select",
            new SelectTagHelper { For = _host.For(m => m.Input.Choice), Label = fixture.Required("label.text"), Items = Items(fixture) });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture, Id));
    }

    private static List<SelectListItem> Items(GovUkFixture fixture)
    {
        var items = new List<SelectListItem>();
        for (var i = 0; fixture.Option($"items.{i}.text") is { } text; i++)
        {
            items.Add(new SelectListItem(text, fixture.Required($"items.{i}.value"))
            {
                Selected = fixture.Option($"items.{i}.selected") == "true",
                Disabled = fixture.Option($"items.{i}.disabled") == "true",
            });
        }

        return items;
    }
}
