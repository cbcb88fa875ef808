using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Exchange;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>The cross-case analysis page over the learning record, in a fresh demo world with fictional reviews imported.</summary>
public class AnalysisPageTests : IAsyncLifetime
{
    private const string PanelEmail = "panel@panel.example";

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = _world.Factory.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    private Task<Principal> PanelAsync() => WithServicesAsync(async s =>
        (await s.GetRequiredService<Principals>().LoadAsync((await s.GetRequiredService<UserManager<User>>().FindByEmailAsync(PanelEmail))!.Id))!);

    /// <summary>The demo collection's reviews given to the demo world's two boards in turn.</summary>
    private async Task ImportAsync(int count)
    {
        string[] boards = ["northbridge", "eastmere"];
        var reviews = DemoExchange.Reviews(count).Select((r, i) => r with { Board = boards[i % 2], Reference = $"REF-{i:D4}" }).ToList();
        var file = new MemoryStream();
        ExchangeWriter.Write(file, boards.Select(b => new ExchangeBoard(b)), reviews);
        file.Position = 0;
        var panel = await PanelAsync();
        await WithServicesAsync(s => s.GetRequiredService<ExchangeService>().ImportAsync(file, panel, new Actor(panel.UserId, PanelEmail, null)));
    }

    private Task<AnalysisReport> ServiceTablesAsync(AnalysisLimits limits) => WithServicesAsync(async s =>
    {
        var panel = await PanelAsync();
        return (await s.GetRequiredService<ExchangeService>().AnalyseAsync(limits, panel, new Actor(panel.UserId, PanelEmail, null))).Tables;
    });

    [Fact]
    public async Task Analysis_FilteredByBoardAndPeriod_ShowsTheServicesTablesAndTheSameAsCsv()
    {
        await ImportAsync(80);
        var panel = await _world.SignInAsync(PanelEmail);
        var limits = new AnalysisLimits(new DateOnly(2003, 1, 1), null, "eastmere");

        var page = await panel.GetDocumentAsync("/analysis?Board=eastmere&From.Day=1&From.Month=1&From.Year=2003");
        var csv = await panel.GetAsync("/analysis?handler=Csv&Board=eastmere&From.Day=1&From.Month=1&From.Year=2003", TestContext.Current.CancellationToken);

        var tables = await ServiceTablesAsync(limits);
        var harm = tables.Table(AnalysisTables.Harm);
        harm.Base.ShouldBeGreaterThan(0);
        foreach (var row in harm.Rows)
        {
            page.QuerySelector($"[data-testid=table-{AnalysisTables.Harm}] [data-testid=row-{row.Key}] [data-testid=count]")!.TextContent.Trim()
                .ShouldBe(row.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Key);
        }
        page.QuerySelectorAll("table.govuk-table").Length.ShouldBe(tables.Tables.Count);
        page.QuerySelector("select#Board option[selected]")!.GetAttribute("value").ShouldBe("eastmere");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe(AnalysisFormats.Csv(tables));
        (await ServiceTablesAsync(new AnalysisLimits())).Table(AnalysisTables.Harm).Base.ShouldBeGreaterThan(harm.Base);
    }

    [Theory]
    [InlineData("/analysis")]
    [InlineData("/panel")]
    [InlineData("/analysis/export")]
    public async Task FilterPage_OpenedWithoutFilters_NoProblemShown(string path)
    {
        var panel = await _world.SignInAsync(PanelEmail);

        var page = await panel.GetDocumentAsync(path);

        page.QuerySelector(".govuk-error-summary").ShouldBeNull("dates left out are no dates, not missing ones: " + page.QuerySelector(".govuk-error-summary")?.TextContent);
    }

    [Fact]
    public async Task Analysis_EndBeforeStart_ErrorBesideTheEndDate()
    {
        var panel = await _world.SignInAsync(PanelEmail);

        var page = await panel.GetDocumentAsync("/analysis?From.Day=1&From.Month=1&From.Year=2010&To.Day=1&To.Month=1&To.Year=2005");

        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("The end date must be the same as or after the start date");
    }

    [Fact]
    public async Task Api_RegionByItsExchangeKey_ExactlyTheJsonOfTheTables()
    {
        await ImportAsync(60);
        var api = await _world.ApiClientAsync(PanelEmail);
        var region = (await _world.OrganisationAsync("northbridge")).Region!.Value;

        var json = await api.GetStringAsync($"/api/v1/analysis?region={ExchangeNames.Region.Name(region)}&from=2003-01-01", TestContext.Current.CancellationToken);
        var refused = await api.GetAsync("/api/v1/analysis?region=atlantis", TestContext.Current.CancellationToken);

        var tables = await ServiceTablesAsync(new AnalysisLimits(new DateOnly(2003, 1, 1), null, null, region));
        tables.Table(AnalysisTables.Harm).Base.ShouldBeGreaterThan(0);
        json.ShouldBe(System.Text.Encoding.UTF8.GetString(AnalysisFormats.Json(tables)));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private const string Filters = "Board=eastmere&From.Day=1&From.Month=1&From.Year=2003";

    [Fact]
    public async Task Analysis_EveryTable_ABarChartAboveIt()
    {
        await ImportAsync(40);
        var panel = await _world.SignInAsync(PanelEmail);

        var page = await panel.GetDocumentAsync($"/analysis?{Filters}");

        var tables = await ServiceTablesAsync(new AnalysisLimits(new DateOnly(2003, 1, 1), null, "eastmere"));
        page.QuerySelectorAll("svg.app-analysis-chart").Length.ShouldBe(tables.Tables.Count);
        foreach (var table in tables.Tables)
        {
            var chart = page.QuerySelector($"[data-testid=chart-{table.Id}] svg")!;
            chart.GetAttribute("role").ShouldBe("img");
            page.GetElementById(chart.GetAttribute("aria-labelledby")!)!.TextContent.ShouldContain("the table below gives the figures");
            // The chart comes before its table.
            var next = chart.ParentElement!.NextElementSibling!;
            next.GetAttribute("data-testid").ShouldBe($"table-{table.Id}");
        }
        var harm = tables.Table(AnalysisTables.Harm);
        page.QuerySelectorAll($"[data-testid=chart-{AnalysisTables.Harm}] g[data-row]").Select(g => g.GetAttribute("data-row"))
            .ShouldBe(harm.Rows.Select(r => r.Key));
        page.QuerySelector("[data-testid=xlsx]")!.GetAttribute("href")
            .ShouldBe("?handler=Xlsx&Board=eastmere&Region=&From.Day=1&From.Month=1&From.Year=2003&To.Day=&To.Month=&To.Year=");
    }

    [Fact]
    public async Task Xlsx_FilteredByBoardAndPeriod_ASheetPerTableWithThePagesFigures()
    {
        await ImportAsync(80);
        var panel = await _world.SignInAsync(PanelEmail);

        var page = await panel.GetDocumentAsync($"/analysis?{Filters}");
        var response = await panel.GetAsync($"/analysis?handler=Xlsx&{Filters}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(AnalysisWorkbook.ContentType);
        var tables = await ServiceTablesAsync(new AnalysisLimits(new DateOnly(2003, 1, 1), null, "eastmere"));
        var sheets = Workbook(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        sheets.Keys.ShouldBe([AnalysisWorkbook.ContentsSheet, .. tables.Tables.Select(t => t.Id)]);
        sheets[AnalysisWorkbook.ContentsSheet][1][0].ShouldContain("from 1 January 2003; board eastmere");
        foreach (var table in tables.Tables)
        {
            var sheet = sheets[table.Id];
            sheet[0][0].ShouldBe(AnalysisTables.Title(table.Id));
            sheet[1][1].ShouldBe(table.Base.ToString(CultureInfo.InvariantCulture), table.Id);
            // The title, the base and the header, then the rows as the page's table shows them.
            sheet.Skip(3).ToList().ShouldBe(PageRows(page, table.Id), table.Id);
        }
        tables.Table(AnalysisTables.Harm).Base.ShouldBeGreaterThan(0);
        (await ServiceTablesAsync(new AnalysisLimits())).Table(AnalysisTables.Harm).Base.ShouldBeGreaterThan(tables.Table(AnalysisTables.Harm).Base);
    }

    [Fact]
    public async Task Xlsx_CountsAndPercentages_NumbersNotText()
    {
        await ImportAsync(20);
        var panel = await _world.SignInAsync(PanelEmail);

        var bytes = await panel.GetByteArrayAsync("/analysis?handler=Xlsx", TestContext.Current.CancellationToken);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sex = document.WorkbookPart!.Workbook.Descendants<Sheet>().Single(s => s.Name == AnalysisTables.ChildrenSex);
        var cells = ((WorksheetPart)document.WorkbookPart.GetPartById(sex.Id!)).Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        cells["B5"].DataType!.Value.ShouldBe(CellValues.Number);
        cells["C5"].DataType!.Value.ShouldBe(CellValues.Number);
        var table = (await ServiceTablesAsync(new AnalysisLimits())).Table(AnalysisTables.ChildrenSex);
        decimal.Parse(cells["C5"].CellValue!.Text, CultureInfo.InvariantCulture).ShouldBe(table.Rows[0].Percent!.Value / 100m);
    }

    [Fact]
    public async Task Xlsx_OpensInLibreOffice_WithTheContents()
    {
        Assert.SkipWhen(LibreOffice.Binary is null, LibreOffice.SkipReason);
        Assert.SkipUnless(LibreOffice.HasCalc, LibreOffice.CalcSkipReason);
        await ImportAsync(20);
        var panel = await _world.SignInAsync(PanelEmail);

        var xlsx = await panel.GetByteArrayAsync("/analysis?handler=Xlsx", TestContext.Current.CancellationToken);

        var contents = Encoding.UTF8.GetString(await LibreOffice.ConvertAsync(xlsx, "xlsx", "csv:Text - txt - csv (StarCalc):44,34,76"));
        var harm = (await ServiceTablesAsync(new AnalysisLimits())).Table(AnalysisTables.Harm);
        contents.ShouldContain($"{AnalysisTables.Harm},{AnalysisTables.Title(AnalysisTables.Harm)},{harm.Base},children");
        (await LibreOffice.ConvertAsync(xlsx, "xlsx", "pdf")).Take(5).ShouldBe("%PDF-"u8.ToArray());
    }

    /// <summary>A row of the page's table as the workbook should hold it: the key, then each number (a percentage as a fraction).</summary>
    private static List<List<string>> PageRows(IDocument page, string id) =>
        page.QuerySelectorAll($"[data-testid=table-{id}] tbody tr").Select(tr =>
            new[] { tr.QuerySelector("th")!.TextContent.Trim() }.Concat(tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim())
                .Select(text => text.EndsWith('%') ? (int.Parse(text[..^1], CultureInfo.InvariantCulture) / 100m).ToString(CultureInfo.InvariantCulture) : text)).ToList()).ToList();

    /// <summary>Each sheet's rows, in order, as the texts of their cells (an empty cell as "").</summary>
    private static Dictionary<string, List<List<string>>> Workbook(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Descendants<Sheet>().ToDictionary(s => s.Name!.Value!, s =>
            ((WorksheetPart)workbook.GetPartById(s.Id!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList());
    }
}
