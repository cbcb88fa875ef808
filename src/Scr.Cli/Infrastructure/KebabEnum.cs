using System.CommandLine;
using System.Text.RegularExpressions;

namespace Scr.Cli.Infrastructure;

/// <summary>Enum options written in kebab-case on the command line (north-east, childrens-social-care).</summary>
internal static partial class KebabEnum
{
    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex WordBoundary();

    public static string Name<T>(T value)
        where T : struct, Enum => Kebab(value.ToString());

    // By the type, not generic over it: every command builds its options at each start, and code generic over an enum is
    // compiled for each one then, ahead-of-time compiled code notwithstanding.
    public static IReadOnlyList<string> Names<T>()
        where T : struct, Enum => NamesOf(typeof(T));

    private static string[] NamesOf(Type type)
    {
        var names = Enum.GetNames(type);
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Kebab(names[i]);
        }
        return names;
    }

    private static string Kebab(string name) => WordBoundary().Replace(name, "-").ToLowerInvariant();

    public static Option<T> Option<T>(string name, string description)
        where T : struct, Enum
    {
        var option = new Option<T>(name)
        {
            Description = $"{description}: {string.Join(", ", Names<T>())}",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                foreach (var value in Enum.GetValues<T>())
                {
                    if (Name(value) == text.Trim().ToLowerInvariant())
                    {
                        return value;
                    }
                }
                result.AddError($"'{text}' is not one of: {string.Join(", ", Names<T>())}.");
                return default;
            },
        };
        option.CompletionSources.Add([.. Names<T>()]);
        return option;
    }
}
