using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Calendar;
using Scr.Core.Services.Audit;

namespace Scr.Core.Services.Calendar;

/// <summary>What an import changed, compared with the calendar in effect before it.</summary>
/// <param name="Years">The years the file covered, each now exactly as the file gives it.</param>
/// <param name="Dates">The bank holidays the file lists for those years.</param>
/// <param name="Added">Days that were not bank holidays before and are now.</param>
/// <param name="Removed">Days that were bank holidays before and are not now.</param>
public sealed record ImportResult(IReadOnlyList<int> Years, int Dates, int Added, int Removed);

/// <summary>A year of the calendar in effect: how many bank holidays, and whether an administrator imported it.</summary>
/// <param name="ImportedAt">When it was imported; null for a year as shipped with scr.</param>
public sealed record CalendarYear(int Year, int BankHolidays, DateTimeOffset? ImportedAt);

/// <summary>
/// The bank holidays in effect: those shipped with scr (<see cref="WorkingCalendar.EnglandAndWales"/>), overridden year by
/// year by GOV.UK files a system administrator imported. A year present in the bank_holidays table replaces the shipped
/// year entirely. The calendar is cached per app instance for five minutes (see <see cref="BankHolidayCache"/>).
/// </summary>
public sealed class BankHolidayService(ScrDbContext db, AuditLog audit, TimeProvider clock, BankHolidayCache cache)
{
    /// <summary>
    /// Every year since 1978 has had at least eight bank holidays in England and Wales (substitute days keep the count). A
    /// year with fewer in a file is a partial year, which would wipe the rest of that year's bank holidays: refused.
    /// </summary>
    public const int MinimumPerYear = 8;

    /// <summary>The calendar in effect, for counting working days.</summary>
    public async Task<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken = default)
    {
        if (cache.Get(out var generation) is { } cached)
        {
            return cached;
        }
        var calendar = Merge(await db.BankHolidays.AsNoTracking().ToListAsync(cancellationToken));
        cache.Store(calendar, generation);
        return calendar;
    }

    /// <summary>Each year of the calendar in effect, in order, and where it comes from (read afresh, not cached).</summary>
    public async Task<IReadOnlyList<CalendarYear>> YearsAsync(CancellationToken cancellationToken = default)
    {
        var imported = await db.BankHolidays.AsNoTracking().ToListAsync(cancellationToken);
        var importedYears = imported.GroupBy(e => e.Date.Year).ToDictionary(g => g.Key, g => (Count: g.Count(), At: g.Max(e => e.ImportedAt)));
        return [.. WorkingCalendar.EnglandAndWales.Holidays
            .Where(h => !importedYears.ContainsKey(h.Date.Year))
            .GroupBy(h => h.Date.Year)
            .Select(g => new CalendarYear(g.Key, g.Count(), null))
            .Concat(importedYears.Select(y => new CalendarYear(y.Key, y.Value.Count, y.Value.At)))
            .OrderBy(y => y.Year)];
    }

    /// <summary>
    /// Imports a file in GOV.UK's format (https://www.gov.uk/bank-holidays.json): each year it lists replaces that year of
    /// the calendar entirely; other years are untouched. All or nothing: a file with any problem (including a year with
    /// fewer than <see cref="MinimumPerYear"/> bank holidays) changes nothing and is refused with a
    /// <see cref="RuleViolationException"/> saying what is wrong. System administrators only.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Stream file, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!principal.IsSystemAdministrator)
        {
            throw new ForbiddenException("Only a system administrator can import bank holidays.");
        }
        var holidays = await BankHolidayFile.ParseAsync(file, cancellationToken);
        var years = holidays.Select(h => h.Date.Year).Distinct().Order().ToList();
        var partial = holidays.GroupBy(h => h.Date.Year).Where(g => g.Count() < MinimumPerYear).OrderBy(g => g.Key)
            .Select(g => $"The file lists only {g.Count()} bank holiday{(g.Count() == 1 ? "" : "s")} for {g.Key}: a year in England and Wales "
                + $"has at least {MinimumPerYear}, and each year in the file replaces that whole year. Use GOV.UK’s complete file")
            .ToList();
        if (partial.Count > 0)
        {
            throw new RuleViolationException(partial);
        }
        var yearSet = years.ToHashSet();

        var stored = await db.BankHolidays.ToListAsync(cancellationToken);
        var before = Merge(stored).Holidays.Where(h => yearSet.Contains(h.Date.Year)).Select(h => h.Date).ToHashSet();
        var after = holidays.Select(h => h.Date).ToHashSet();
        var added = after.Except(before).Order().ToList();
        var removed = before.Except(after).Order().ToList();

        var now = clock.GetUtcNow();
        var titles = holidays.ToDictionary(h => h.Date, h => h.Title);
        foreach (var entry in stored.Where(e => yearSet.Contains(e.Date.Year)))
        {
            if (titles.Remove(entry.Date, out var title))
            {
                entry.Reimport(title, now);
            }
            else
            {
                db.BankHolidays.Remove(entry);
            }
        }
        foreach (var (date, title) in titles)
        {
            db.BankHolidays.Add(new BankHolidayEntry(date, title, now));
        }
        audit.Record(actor, AuditActions.BankHolidaysImported, null, "bank-holidays", YearRanges.Describe(years),
            $"years={YearRanges.Describe(years)}; dates={holidays.Count}; added={Dates(added)}; removed={Dates(removed)}");
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return new ImportResult(years, holidays.Count, added.Count, removed.Count);
    }

    /// <summary>The shipped calendar with each year that has imported entries replaced by them.</summary>
    private static WorkingCalendar Merge(IReadOnlyList<BankHolidayEntry> imported)
    {
        var importedYears = imported.Select(e => e.Date.Year).ToHashSet();
        return new WorkingCalendar(WorkingCalendar.EnglandAndWales.Holidays
            .Where(h => !importedYears.Contains(h.Date.Year))
            .Concat(imported.Select(e => new BankHoliday(e.Date, e.Title))));
    }

    private static string Dates(IReadOnlyList<DateOnly> dates) =>
        dates.Count == 0 ? "none" : string.Join(",", dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}
