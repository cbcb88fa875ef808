using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Scr.EndToEndTests;

/// <summary>
/// Waits until a page has arrived at an address and its document has been read to the footer. Playwright .NET's own
/// WaitForURLAsync checks the page's load state and then subscribes to its events, and can miss an event that comes in
/// between (microsoft/playwright-dotnet#3364): CI once timed out on a dashboard already drawn. Here the driver, which
/// sees every event, does the waiting.
/// </summary>
public static class Arrival
{
    private static readonly LocatorAssertionsToBeAttachedOptions Attached = new() { Timeout = 15_000 };

    /// <summary>A Playwright URL glob: <c>**</c> any characters, <c>*</c> any but <c>/</c>; a path starts at the site.</summary>
    public static Task ArriveAsync(this IPage page, string glob) => page.ArriveAsync(GlobPattern(page, glob));

    public static async Task ArriveAsync(this IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 15_000 });
        await Footer(page);
    }

    /// <summary>Waits until the page has left an address (ends with <paramref name="suffix"/>) for another.</summary>
    public static async Task LeaveAsync(this IPage page, string suffix)
    {
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex(Regex.Escape(suffix) + "$"), new() { Timeout = 15_000 });
        await Footer(page);
    }

    private static Task Footer(IPage page) => Assertions.Expect(page.Locator(".govuk-footer")).ToBeAttachedAsync(Attached);

    private static Regex GlobPattern(IPage page, string glob)
    {
        if (glob.StartsWith('/'))
        {
            glob = new Uri(page.Url).GetLeftPart(UriPartial.Authority) + glob;
        }
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] != '*')
            {
                pattern.Append(Regex.Escape(glob[i].ToString()));
            }
            else if (i + 1 < glob.Length && glob[i + 1] == '*')
            {
                pattern.Append(".*");
                i++;
            }
            else
            {
                pattern.Append("[^/]*");
            }
        }
        return new Regex(pattern.Append('$').ToString());
    }
}
