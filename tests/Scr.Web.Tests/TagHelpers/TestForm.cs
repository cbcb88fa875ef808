using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

/// <summary>A page model shaped like ours: the form's fields under <c>Input</c>.</summary>
public sealed class TestPage
{
    public TestInput Input { get; set; } = new();
}

public sealed class TestInput
{
    public string? Text { get; set; }

    public string? Password { get; set; }

    public string? Choice { get; set; }

    public bool? Flag { get; set; }

    public List<string> Choices { get; set; } = [];

    public DateInputModel DateOfBirth { get; set; } = new();

    public Microsoft.AspNetCore.Http.IFormFile? File { get; set; }
}

/// <summary>Maps a fixture's ids to ours: the id itself and the ids GOV.UK derives from it.</summary>
internal static class Renames
{
    /// <summary>The fixture's id (or its name when it has no id) and its name, both to our id.</summary>
    public static Dictionary<string, string> Field(GovUkFixture fixture, string ourId)
    {
        var name = fixture.Required("name");
        return Field(fixture.Option("id") ?? name, ourId, name);
    }

    public static Dictionary<string, string> Field(string fixtureId, string ourId, string? fixtureName = null)
    {
        var renames = new Dictionary<string, string>
        {
            [fixtureId] = ourId,
            [fixtureId + "-hint"] = ourId + "-hint",
            [fixtureId + "-error"] = ourId + "-error",
        };
        for (var i = 2; i <= 9; i++)
        {
            renames[$"{fixtureId}-{i}"] = $"{ourId}-{i}";
            renames[$"{fixtureId}-{i}-item-hint"] = $"{ourId}-{i}-item-hint";
        }

        renames[fixtureId + "-item-hint"] = ourId + "-item-hint";
        if (fixtureName is not null)
        {
            renames[fixtureName] = ourId;
        }

        return renames;
    }
}
