using System.Net;
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
}
