using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace Scr.EndToEndTests;

/// <summary>
/// axe-core on the page as the browser shows it now, against WCAG 2.2 AA: the axe-core bundled with
/// Deque.AxeCore.Playwright, loaded once into each document and run there.
/// </summary>
/// <remarks>
/// Not <c>page.RunAxe()</c>: that finishes every run in a new browser context (to keep results safe from
/// cross-origin frames, which this site does not have), which made each check take 2–3 s instead of under half a
/// second here and more than doubled the run.
/// </remarks>
public static partial class Axe
{
    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>
    /// Contexts with JavaScript turned off, and where to check their pages: axe is a script, and a page of such a
    /// context never runs it (the call waits for ever), so its document is checked in a scripting page instead.
    /// </summary>
    private static readonly ConditionalWeakTable<IBrowserContext, Func<Task<IPage>>> Scriptless = new();

    /// <summary>Marks a context whose JavaScript is off; <paramref name="checker"/> opens a page of the same site with it on.</summary>
    public static void RegisterScriptless(IBrowserContext context, Func<Task<IPage>> checker) => Scriptless.AddOrUpdate(context, checker);

    /// <summary>An evaluation in the page has no time limit of its own; a run that takes longer has hung.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static readonly object Options = new
    {
        runOnly = new { type = "tag", values = new[] { "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa" } },
        // Details only of what fails: the passes make every run slower for nothing.
        resultTypes = new[] { "violations" },
    };

    /// <summary>Fails with each violation's rule, impact, help and the selectors of the failing elements.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        AxeResult result;
        if (Scriptless.TryGetValue(page.Context, out var checker))
        {
            result = await RunOnCopyAsync(page, checker);
        }
        else
        {
            result = await RunAsync(page).WaitAsync(Limit);
        }
        if (result.Violations.Length == 0)
        {
            return;
        }
        var report = new StringBuilder($"axe found {result.Violations.Length} WCAG 2.2 AA violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            report.AppendLine().Append($"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine().Append($"    {node.Target}: {node.Html}");
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    report.AppendLine().Append("      ").Append(check.Message);
                }
            }
        }
        Assert.Fail(report.ToString());
    }

    private static async Task<AxeResult> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            await page.EvaluateAsync(Script.Value);
        }
        var json = await page.EvaluateAsync<string>("async options => JSON.stringify(await window.axe.run(document, options))", Options);
        return new AxeResult(JObject.Parse(json));
    }

    /// <summary>
    /// The page's document as the browser built it without JavaScript, its scripts removed, written into a page of
    /// the same origin (so the site's stylesheet and CSP apply as before) where axe can run.
    /// </summary>
    private static async Task<AxeResult> RunOnCopyAsync(IPage page, Func<Task<IPage>> checker)
    {
        var html = ScriptElement().Replace(await page.ContentAsync(), "");
        var copy = await checker();
        try
        {
            await copy.GotoAsync(new Uri(page.Url).GetLeftPart(UriPartial.Authority) + "/accessibility");
            await copy.SetContentAsync(html);
            return await RunAsync(copy).WaitAsync(Limit);
        }
        finally
        {
            await copy.Context.CloseAsync();
        }
    }

    [GeneratedRegex("<script\\b[^>]*>.*?</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();
}
