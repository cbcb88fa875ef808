using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Rules;
using Scr.Core.Rules.Calendar;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Calendar;
using Scr.Web.Security;

namespace Scr.Web.Pages.Admin.BankHolidays;

/// <summary>
/// The bank holidays that working-day deadlines skip, and the import of GOV.UK's file, for a system administrator (the
/// folder's permission; the service checks again).
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public class IndexModel(CurrentUser me, BankHolidayService bankHolidays, TimeProvider clock) : PageModel
{
    /// <summary>
    /// Uploads up to 2 MB are read, so a file a little over the 1 MB the service accepts is refused with a message beside
    /// the field; a larger one makes the form unreadable and is refused as a bad request. (Only system administrators get
    /// this far: authorisation comes before the form is read.)
    /// </summary>
    public const int RequestLimit = 2 * BankHolidayFile.MaxBytes;

    /// <summary>How many of the coming bank holidays are listed.</summary>
    public const int NextCount = 10;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public DateOnly Today { get; private set; }
    public IReadOnlyList<CalendarYear> Years { get; private set; } = [];
    public IReadOnlyList<BankHoliday> Next { get; private set; } = [];

    public int? LastYear => Years.Count == 0 ? null : Years[^1].Year;

    /// <summary>True when next year's bank holidays are not known yet: time to import GOV.UK's latest file.</summary>
    public bool RunningOut => LastYear is null || LastYear < Today.Year + 1;

    public string YearsCovered => YearRanges.Describe(Years.Select(y => y.Year));

    public string? ImportedYears => Years.Any(y => y.ImportedAt is not null)
        ? string.Join("; ", Years.Where(y => y.ImportedAt is not null)
            .GroupBy(y => DateOnly.FromDateTime(y.ImportedAt!.Value.UtcDateTime))
            .OrderBy(g => g.Key)
            .Select(g => $"{YearRanges.Describe(g.Select(y => y.Year))} (imported {g.Key.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})"))
        : null;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Select a bank holidays file");
        }
        else if (Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "The selected file is empty");
        }
        else if (Upload.Length > BankHolidayFile.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be smaller than 1MB");
        }
        else
        {
            try
            {
                await using var stream = Upload.OpenReadStream();
                var result = await bankHolidays.ImportAsync(stream, await me.GetAsync(), me.Actor, HttpContext.RequestAborted);
                TempData["Banner"] = $"Bank holidays for {YearRanges.Describe(result.Years)} imported";
                TempData["BannerDetail"] = $"The file lists {Count(result.Dates, "bank holiday")}. Compared with before, "
                    + $"{Count(result.Added, "day")} {(result.Added == 1 ? "was" : "were")} added and {Count(result.Removed, "day")} removed.";
                return RedirectToPage();
            }
            catch (RuleViolationException e)
            {
                ModelState.AddModelError(nameof(Upload), ErrorMessage(e.Messages));
            }
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>
    /// One message for the field, in GOV.UK's words for an upload ("The selected file..."): the first problem, and how
    /// many more there are.
    /// </summary>
    internal static string ErrorMessage(IReadOnlyList<string> problems)
    {
        var first = problems[0].StartsWith("The file ", StringComparison.Ordinal) ? "The selected file " + problems[0]["The file ".Length..] : problems[0];
        return problems.Count == 1 ? first : $"{first} (and {Count(problems.Count - 1, "more problem")})";
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private async Task LoadAsync()
    {
        Today = UkTime.DateOf(clock.GetUtcNow());
        Years = await bankHolidays.YearsAsync(HttpContext.RequestAborted);
        var calendar = await bankHolidays.CalendarAsync(HttpContext.RequestAborted);
        Next = [.. calendar.Holidays.Where(h => h.Date >= Today).Take(NextCount)];
    }
}
