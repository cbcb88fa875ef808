using System.Collections.Concurrent;
using System.Text.Json;

namespace Scr.Web.Tests.TagHelpers;

/// <summary>One of govuk-frontend's official examples: its name, its Nunjucks options and its HTML.</summary>
internal sealed record GovUkFixture(string Component, string Name, JsonElement Options, string Html)
{
    /// <summary>A string option by dotted path (<c>label.text</c>, <c>items.1.text</c>), or null.</summary>
    public string? Option(string path)
    {
        var element = Options;
        foreach (var segment in path.Split('.'))
        {
            if (element.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index))
            {
                if (index >= element.GetArrayLength())
                {
                    return null;
                }

                element = element[index];
            }
            else if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
            {
                return null;
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
            _ => null,
        };
    }

    /// <summary>A string option that the test relies on.</summary>
    public string Required(string path) =>
        Option(path) ?? throw new InvalidOperationException($"Fixture '{Component}/{Name}' has no option '{path}'.");

    public override string ToString() => $"{Component}: {Name}";
}

/// <summary>
/// Reads <c>src/Scr.Web/node_modules/govuk-frontend/dist/govuk/components/&lt;name&gt;/fixtures.json</c>,
/// the HTML govuk-frontend's own tests render for each example. node_modules comes from <c>npm ci</c>,
/// which <c>dotnet build</c> of Scr.Web runs.
/// </summary>
internal static class GovUkFixtures
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, GovUkFixture>> Components = new();

    /// <summary>The repository root: the nearest folder above the test binaries holding Scr.slnx.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static GovUkFixture Get(string component, string name)
    {
        var fixtures = Components.GetOrAdd(component, Load);
        return fixtures.TryGetValue(name, out var fixture)
            ? fixture
            : throw new InvalidOperationException($"govuk-frontend has no '{name}' fixture for {component}.");
    }

    private static IReadOnlyDictionary<string, GovUkFixture> Load(string component)
    {
        var path = Path.Combine(
            RepoRoot, "src", "Scr.Web", "node_modules", "govuk-frontend", "dist", "govuk", "components", component, "fixtures.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path} is missing: run 'npm ci' in src/Scr.Web (building Scr.Web does it).", path);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("fixtures").EnumerateArray()
            .Select(fixture => new GovUkFixture(
                component,
                fixture.GetProperty("name").GetString()!,
                fixture.GetProperty("options").Clone(),
                fixture.GetProperty("html").GetString()!))
            .ToDictionary(fixture => fixture.Name);
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Scr.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Scr.slnx above {AppContext.BaseDirectory}.");
    }
}
