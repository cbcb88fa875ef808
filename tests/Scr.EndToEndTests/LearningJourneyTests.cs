using Microsoft.Playwright;
using Scr.Core.Exchange;

namespace Scr.EndToEndTests;

/// <summary>
/// The national learning side (issue 7) played through the site: a Panel analyst imports a collection of reviews as an
/// exchange file, codes a report; a second Panel member codes it blind and differs; the difference is settled; the
/// analysis is filtered by region and downloaded as CSV; then, signed out, anyone searches the published reports and
/// reads one.
/// </summary>
public sealed class LearningJourneyTests(HostFixture host) : BrowserTest(host), IClassFixture<HostFixture>
{
    private const string Analyst = "analyst@panel.example";
    private const string PanelMember = "panel@panel.example";

    /// <summary>A fictional collection for the demo's two boards, as a board or a historic archive would send it.</summary>
    private static string CollectionFile()
    {
        string[] boards = ["northbridge", "eastmere"];
        var reviews = DemoExchange.Reviews(8, seed: 11).Select((r, i) => r with { Board = boards[i % 2], Reference = $"E2E-{i:D2}" });
        var path = Path.Combine(Path.GetTempPath(), $"collection-{Guid.NewGuid():N}.json");
        using var file = File.Create(path);
        ExchangeWriter.Write(file, boards.Select(b => new ExchangeBoard(b)), reviews);
        return path;
    }

    [Fact]
    public async Task Learning_ImportCodeTwiceSettleAnalyseByRegion_ThenSignedOutSearchAndRead()
    {
        // 1. The analyst imports the collection.
        var analyst = await NewPageAsync();
        await SignInAsync(analyst, Analyst);
        await VisitAsync(analyst, "/analysis/coding");
        await analyst.GetByTestId("import-link").ClickAsync();
        await analyst.ArriveAsync("**/analysis/import");
        await analyst.AssertAccessibleAsync();
        var path = CollectionFile();
        try
        {
            await analyst.GetByLabel("Upload the exchange file").SetInputFilesAsync(path);
            await analyst.GetByTestId("import").ClickAsync();
            await analyst.ArriveAsync("**/analysis/coding");
        }
        finally
        {
            File.Delete(path);
        }
        await Expect(analyst.GetByTestId("banner")).ToContainTextAsync("8 added");
        await analyst.AssertAccessibleAsync();

        // 2. The analyst codes a report: the genogram is in it.
        var row = analyst.GetByTestId("review-E2E-00");
        await row.GetByTestId("open").ClickAsync();
        await analyst.ArriveAsync("**/analysis/coding/*");
        var coding = analyst.Url;
        await analyst.AssertAccessibleAsync();
        await analyst.Locator("select[name='outline.genogram']").SelectOptionAsync("yes");
        await analyst.GetByTestId("submit").ClickAsync();
        await Expect(analyst.GetByTestId("waiting")).ToBeVisibleAsync();

        // 3. A second Panel member codes it blind, and finds no genogram.
        var panel = await NewPageAsync();
        await SignInAsync(panel, PanelMember);
        await panel.GotoAsync(coding);
        await Expect(panel.GetByTestId("codings")).ToHaveCountAsync(0);
        await panel.AssertAccessibleAsync();
        await panel.Locator("select[name='outline.genogram']").SelectOptionAsync("no");
        await panel.GetByTestId("submit").ClickAsync();
        await Expect(panel.Locator("[data-testid=difference][data-key='outline.genogram']")).ToBeVisibleAsync();
        await panel.AssertAccessibleAsync();

        // 4. The difference is settled, with the reason.
        await panel.GetByTestId("settle-link").ClickAsync();
        await panel.ArriveAsync("**/settle");
        await panel.AssertAccessibleAsync();
        await panel.Locator("select[name='outline.genogram']").SelectOptionAsync("partly");
        await panel.Locator("textarea[name='outline.genogram.reason']").FillAsync("Fictional: only the mother's side of the family is drawn.");
        await panel.GetByTestId("settle").ClickAsync();
        await Expect(panel.GetByTestId("settled")).ToBeVisibleAsync();
        await panel.AssertAccessibleAsync();

        // 5. The analysis, for the North East only, and as CSV.
        await VisitAsync(analyst, "/analysis");
        await analyst.GetByRole(AriaRole.Combobox, new() { Name = "Region", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "North East" });
        await analyst.GetByTestId("filter").ClickAsync();
        await analyst.ArriveAsync("**Region=NorthEast**");
        var regions = analyst.GetByTestId("table-region");
        await Expect(regions.GetByTestId("row-yorkshire-humber").GetByTestId("count")).ToHaveTextAsync("0");
        (int.Parse(await regions.GetByTestId("row-north-east").GetByTestId("count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBeGreaterThanOrEqualTo(4, "the collection's four Northbridge reviews at least");
        await analyst.AssertAccessibleAsync();
        var download = await analyst.RunAndWaitForDownloadAsync(() => analyst.GetByTestId("csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        csv.ShouldContain("outline-compliance");
        csv.ShouldContain("north-east");

        // 6. Signed out: search the published reports and read one.
        await SignOutAsync(analyst);
        await VisitAsync(analyst, "/learning");
        await analyst.GetByTestId("q").FillAsync("neglect");
        await analyst.GetByTestId("go").ClickAsync();
        await analyst.ArriveAsync("**/learning?**q=neglect**");
        var hit = analyst.GetByTestId("hits").Locator("li").Filter(new() { HasText = "Child F: neglect over many years" });
        await Expect(hit.Locator("mark").First).ToBeVisibleAsync();
        await analyst.AssertAccessibleAsync();
        await hit.GetByTestId("title").ClickAsync();
        await analyst.ArriveAsync("**/learning/*");
        await Expect(analyst.GetByTestId("title")).ToHaveTextAsync("Child F: neglect over many years");
        await Expect(analyst.GetByTestId("text")).ToContainTextAsync("chronic neglect needs a chronology shared across agencies");
        await Expect(analyst.GetByTestId("coded-data")).ToHaveCountAsync(0);
        await analyst.AssertAccessibleAsync();
    }
}
