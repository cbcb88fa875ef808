using System.IO.Compression;
using System.Reflection;

namespace Scr.Core.Rules;

/// <summary>
/// Password policy (NCSC/NIST style): at least 12 characters, no composition rules, and not a common or breached
/// password. The list ships with the project (see Data/common-passwords.LICENSE.txt for its source).
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public static IEnumerable<string> Problems(string password, string? email, string? displayName)
    {
        if (password.Length < MinimumLength)
        {
            yield return $"Password must be {MinimumLength} characters or more";
            yield break;
        }
        if (password.Length > MaximumLength)
        {
            yield return $"Password must be {MaximumLength} characters or fewer";
            yield break;
        }
        if (IsCommon(password))
        {
            yield return "Password is too common or has appeared in a data breach: choose a different password";
            yield break;
        }
        if (password.Distinct().Count() < 4)
        {
            yield return "Password must not be the same few characters repeated";
            yield break;
        }
        var lower = password.ToLowerInvariant();
        var local = email?.Split('@')[0].ToLowerInvariant();
        if (!string.IsNullOrEmpty(local) && local.Length >= 4 && lower.Contains(local))
        {
            yield return "Password must not contain your email address";
        }
        else if (!string.IsNullOrWhiteSpace(displayName)
            && displayName.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(part => part.Length >= 4 && lower.Contains(part)))
        {
            yield return "Password must not contain your name";
        }
    }

    /// <summary>
    /// A password is common if it is on the list, or is a listed password padded with digits or symbols, or a listed
    /// password written more than once ("passwordpassword").
    /// </summary>
    public static bool IsCommon(string password)
    {
        var list = CommonPasswords.Value;
        var lower = password.ToLowerInvariant();
        if (list.Contains(lower))
        {
            return true;
        }
        var core = lower.Trim().TrimEnd("0123456789!?.@#$%^&*_-+= ".ToCharArray()).TrimStart("0123456789!?.@#$%^&*_-+= ".ToCharArray());
        if (core.Length == 0 || (core.Length >= 4 && list.Contains(core)))
        {
            return true;
        }
        for (var size = 1; size <= lower.Length / 2; size++)
        {
            if (lower.Length % size == 0)
            {
                var unit = lower[..size];
                if (string.Concat(Enumerable.Repeat(unit, lower.Length / size)) == lower && (size < 4 || list.Contains(unit)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("common-passwords.txt.gz")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }
        return set;
    }
}
