using System.Globalization;
using System.Text;

namespace Scr.Core.Rules.Documents;

/// <summary>The name a person's file had, made safe to store, show and offer back on download.</summary>
public static class DocumentNames
{
    public const int MaxLength = 120;
    public const string Fallback = "document";

    /// <summary>
    /// Keeps only the last part of a path (browsers and programs may send "C:\Users\…\report.pdf"), drops control and
    /// invisible formatting characters (such as the right-to-left override that can disguise "exe" as "pdf"), replaces
    /// characters file systems refuse, collapses spaces, trims dots and spaces from the ends and shortens a long name,
    /// keeping its extension. The result is never empty. It is never used as a path on disk.
    /// </summary>
    public static string Sanitise(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        try
        {
            name = name.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16 (a lone surrogate): the loop below drops the offending characters.
        }
        var builder = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(name, i);
                if (category is not (UnicodeCategory.Format or UnicodeCategory.PrivateUse))
                {
                    builder.Append(c).Append(name[i + 1]);
                }
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || char.IsControl(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
                continue;
            }
            builder.Append(c is '<' or '>' or ':' or '"' or '|' or '?' or '*' or ';' ? '_' : c);
        }
        name = builder.ToString().Trim(' ', '.');
        var extension = Extension(name);
        var stem = name[..^extension.Length].TrimEnd(' ', '.');
        if (stem.Length == 0)
        {
            stem = Fallback;
        }
        if (stem.Length + extension.Length > MaxLength)
        {
            var keep = Math.Max(1, MaxLength - extension.Length);
            if (char.IsHighSurrogate(stem[keep - 1]))
            {
                keep--;
            }
            stem = stem[..keep].TrimEnd(' ', '.');
        }
        return stem + extension;
    }

    /// <summary>The extension with its dot (".pdf"), or "" when there is none; short alphanumeric extensions only.</summary>
    public static string Extension(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || dot == name.Length - 1)
        {
            return "";
        }
        var extension = name[dot..];
        return extension.Length <= 10 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension : "";
    }
}
