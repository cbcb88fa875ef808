using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class RadiosTagHelperTests
{
    private const string Id = "Input.Choice";

    private readonly TagHelperHost<TestPage> _host = new(new TestPage());

    [Fact]
    public async Task Process_SelectListItems_MatchesDefaultFixture()
    {
        var fixture = GovUkFixtures.Get("radios", "default");

        var html = await Render(fixture, SelectListItems(fixture));

        html.ShouldMatchFixture(fixture, Renames.Field(fixture.Required("name"), Id));
    }

    [Fact]
    public async Task Process_Hint_DescribesFieldsetMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("radios", "with hint");

        var html = await Render(fixture, RadioItems(fixture));

        html.ShouldMatchFixture(fixture, Renames.Field(fixture.Required("name"), Id));
    }

    [Fact]
    public async Task Process_InlineWithModelValue_ChecksMatchingItemMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("radios", "inline");
        _host.ViewData.Model!.Input.Choice = "no";

        var html = await Render(fixture, RadioItems(fixture), inline: true);

        html.ShouldMatchFixture(fixture, Renames.Field(fixture.Required("idPrefix"), Id));
    }

    [Fact]
    public async Task Process_ItemHints_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("radios", "with hints on items");
        var renames = Renames.Field(fixture.Required("idPrefix"), Id);
        renames["gateway"] = Id;
        renames["gateway-item-hint"] = Id + "-item-hint";
        renames["verify"] = Id + "-2";
        renames["verify-item-hint"] = Id + "-2-item-hint";

        var html = await Render(fixture, RadioItems(fixture), legendIsPageHeading: true);

        html.ShouldMatchFixture(fixture, renames);
    }

    [Fact]
    public async Task Process_ErrorAndPostedValue_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("radios", "with fieldset and error message");
        _host.ModelState.SetModelValue(Id, "no", "no");
        _host.ModelState.AddModelError(Id, fixture.Required("errorMessage.text"));

        var html = await Render(fixture, RadioItems(fixture));

        html.ShouldMatchFixture(fixture, Renames.Field(fixture.Required("idPrefix"), Id));
    }

    [Fact]
    public async Task Process_HintAndError_DescribedByBothMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("radios", "with hint and error message");
        _host.ModelState.AddModelError(Id, fixture.Required("errorMessage.text"));

        var html = await Render(fixture, RadioItems(fixture));

        html.ShouldMatchFixture(fixture, Renames.Field(fixture.Required("name"), Id));
    }

    [Fact]
    public async Task Process_Divider_MatchesFixture()
    {
        var fixture = GovUkFixtures.Get("radios", "with a divider");

        var html = await Render(fixture, RadioItems(fixture));

        html.ShouldMatchFixture(fixture, Renames.Field(fixture.Required("idPrefix"), Id, fixture.Required("name")));
    }

    [Fact]
    public async Task Process_NoLegend_LeavesOutFieldsetMatchingFixture()
    {
        var fixture = GovUkFixtures.Get("radios", "prechecked using value");
        _host.ViewData.Model!.Input.Choice = fixture.Required("value");

        var html = await _host.RenderAsync(
            "govuk-radios", new RadiosTagHelper { For = _host.For(m => m.Input.Choice), Items = RadioItems(fixture) });

        html.ShouldMatchFixture(fixture, Renames.Field(fixture.Required("name"), Id));
    }

    [Fact]
    public async Task Process_BooleanModel_ChecksTrueOrFalseItem()
    {
        _host.ViewData.Model!.Input.Flag = false;

        var html = await _host.RenderAsync("govuk-radios", new RadiosTagHelper
        {
            For = _host.For(m => m.Input.Flag),
            Legend = "Was the child known to services?",
            Items = new[] { new RadioItem("true", "Yes"), new RadioItem("false", "No") },
        });

        Dom.CheckedValues(html).ShouldBe(["false"]);
    }

    private Task<string> Render(GovUkFixture fixture, IEnumerable<object> items, bool inline = false, bool legendIsPageHeading = false)
    {
        return _host.RenderAsync("govuk-radios", new RadiosTagHelper
        {
            For = _host.For(m => m.Input.Choice),
            Legend = fixture.Required("fieldset.legend.text"),
            LegendIsPageHeading = legendIsPageHeading,
            Hint = fixture.Option("hint.text"),
            Items = items,
            Inline = inline,
        });
    }

    internal static List<RadioItem> RadioItems(GovUkFixture fixture)
    {
        var items = new List<RadioItem>();
        for (var i = 0; fixture.Option($"items.{i}.text") is not null || fixture.Option($"items.{i}.divider") is not null; i++)
        {
            items.Add(fixture.Option($"items.{i}.divider") is { } divider
                ? RadioItem.Divider(divider)
                : new RadioItem(fixture.Required($"items.{i}.value"), fixture.Required($"items.{i}.text"), fixture.Option($"items.{i}.hint.text"))
                {
                    Checked = fixture.Option($"items.{i}.checked") == "true",
                    Exclusive = fixture.Option($"items.{i}.behaviour") == "exclusive",
                });
        }

        return items;
    }

    private static List<SelectListItem> SelectListItems(GovUkFixture fixture)
    {
        return RadioItems(fixture).Select(item => new SelectListItem(item.Text, item.Value)).ToList();
    }
}
