using System.Text;
using Scr.Core.Models;

namespace Scr.Cli.Infrastructure;

/// <summary>Roles as they are typed on the command line: kebab-case of the enum (BoardChair is board-chair).</summary>
internal static class RoleNames
{
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<Role>().Select(Name).ToList();

    public static string Name(Role role)
    {
        var text = role.ToString();
        var name = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && i > 0)
            {
                name.Append('-');
            }
            name.Append(char.ToLowerInvariant(text[i]));
        }
        return name.ToString();
    }

    public static bool TryParse(string? text, out Role role)
    {
        var wanted = (text ?? "").Trim();
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(Name(candidate), wanted, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }
}
