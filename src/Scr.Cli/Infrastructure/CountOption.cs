using System.CommandLine;
using System.Globalization;

namespace Scr.Cli.Infrastructure;

/// <summary>A whole-number option with a range, refusing anything else with a plain message (a parse error, so exit code 2).</summary>
internal static class CountOption
{
    public static Option<int> Create(string name, string description, int minimum, int maximum, int? defaultValue = null)
    {
        var option = new Option<int>(name)
        {
            Description = $"{description} ({minimum:N0} to {maximum:N0})",
            HelpName = "n",
            Required = defaultValue is null,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
                if (text is null && defaultValue is { } fallback)
                {
                    return fallback;
                }
                if (int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
                {
                    return value;
                }
                result.AddError($"{name} must be a whole number from {minimum:N0} to {maximum:N0}, not '{text}'");
                return 0;
            },
        };
        if (defaultValue is { } initial)
        {
            option.DefaultValueFactory = _ => initial;
        }
        return option;
    }
}
