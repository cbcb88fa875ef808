using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services.Exchange;
using Scr.Web.Charts;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Analysis;

/// <summary>
/// The cross-case analysis of the learning record (shared/analysis-tables.md; decision 0012): every table, counted afresh
/// from the reviews held, for a period, a board or a region; and the same tables as CSV.
/// </summary>
public class IndexModel(CurrentUser me, ExchangeService exchange) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Board { get; set; }

    [BindProperty(SupportsGet = true)]
    public Region? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInputModel From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInputModel To { get; set; } = new();

    public ExchangeAnalysisResult Result { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> BoardItems { get; private set; } = [];

    public IEnumerable<SelectListItem> RegionItems =>
        new[] { new SelectListItem("All regions", "") }.Concat(Enum.GetValues<Region>().Select(r => new SelectListItem(Labels.Of(r), r.ToString(), r == Region)));

    /// <summary>The CSV of the tables under this page's filters.</summary>
    public string CsvHref => Download("Csv");

    /// <summary>The workbook of the tables under this page's filters.</summary>
    public string XlsxHref => Download("Xlsx");

    private string Download(string handler) =>
        $"?handler={handler}&Board={Uri.EscapeDataString(Board ?? "")}&Region={Region}&From.Day={From.Day}&From.Month={From.Month}&From.Year={From.Year}"
        + $"&To.Day={To.Day}&To.Month={To.Month}&To.Year={To.Year}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await AnalyseAsync(cancellationToken);
        BoardItems = new[] { new SelectListItem("All boards", "") }
            .Concat(Result.Boards.OrderBy(b => b.Name ?? b.Id, StringComparer.OrdinalIgnoreCase)
                .Select(b => new SelectListItem(b.Name ?? b.Id, b.Id, b.Id == Board))).ToList();
    }

    /// <summary>The same tables as CSV, a section per table, as <c>scr analyse --format csv</c> writes them.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var result = await AnalyseAsync(cancellationToken);
        return File(Encoding.UTF8.GetBytes(AnalysisFormats.Csv(result.Tables)), "text/csv; charset=utf-8", "analysis.csv");
    }

    /// <summary>The same tables as a workbook: a contents sheet, then a sheet per table.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var limits = Limits();
        var result = await AnalyseAsync(limits, cancellationToken);
        return File(AnalysisWorkbook.Xlsx(result.Tables, limits), AnalysisWorkbook.ContentType, "analysis.xlsx");
    }

    /// <summary>The bar chart of a table, its ids unique on the page.</summary>
    public static string Chart(IAnalysisTable table) => AnalysisChart.Render(table, $"chart-{table.Id}");

    private Task<ExchangeAnalysisResult> AnalyseAsync(CancellationToken cancellationToken) => AnalyseAsync(Limits(), cancellationToken);

    private async Task<ExchangeAnalysisResult> AnalyseAsync(AnalysisLimits limits, CancellationToken cancellationToken) =>
        await exchange.AnalyseAsync(limits, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);

    /// <summary>The filters as limits of the analysis; a date that is not valid is reported beside its field and not applied.</summary>
    private AnalysisLimits Limits()
    {
        var (from, to) = DateInputValidation.ValidatePeriod(ModelState, From, To);
        return new AnalysisLimits(from, to, string.IsNullOrWhiteSpace(Board) ? null : Board, Region);
    }

    /// <summary>A percentage as the tables show it, or nothing when its base is 0.</summary>
    public static string Percent(int? percent) => percent is { } value ? $"{value}%" : "";
}
