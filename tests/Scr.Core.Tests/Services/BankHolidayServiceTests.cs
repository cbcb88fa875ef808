using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Calendar;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Calendar;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

public class BankHolidayServiceTests
{
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");
    private static readonly Principal Administrator = new(Guid.NewGuid(), "Admin", [new Grant(Role.SystemAdministrator, null, null, [])]);
    private static readonly Principal Officer = new(Guid.NewGuid(), "Officer", [new Grant(Role.BusinessUnitOfficer, Guid.NewGuid(), OrganisationKind.Board, [])]);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A file in GOV.UK's format listing these days (yyyy-MM-dd, title) for England and Wales, and one Scottish day.</summary>
    public static MemoryStream GovUkFile(params (string Date, string Title)[] days)
    {
        var events = string.Join(",", days.Select(d => $"{{\"title\":\"{d.Title}\",\"date\":\"{d.Date}\",\"notes\":\"\",\"bunting\":true}}"));
        return new MemoryStream(Encoding.UTF8.GetBytes(
            $"{{\"england-and-wales\":{{\"division\":\"england-and-wales\",\"events\":[{events}]}},"
            + "\"scotland\":{\"division\":\"scotland\",\"events\":[{\"title\":\"St Andrew’s Day\",\"date\":\"2027-11-30\",\"notes\":\"\",\"bunting\":true}]}}"));
    }

    /// <summary>2027 as shipped, without the summer bank holiday and with a made-up one-off on Monday 7 June.</summary>
    private static MemoryStream Changed2027() => GovUkFile(
        ("2027-01-01", "New Year’s Day"), ("2027-03-26", "Good Friday"), ("2027-03-29", "Easter Monday"),
        ("2027-05-03", "Early May bank holiday"), ("2027-05-31", "Spring bank holiday"), ("2027-06-07", "Test one-off bank holiday"),
        ("2027-12-27", "Christmas Day"), ("2027-12-28", "Boxing Day"));

    private static void Check(ImportResult result, int[] years, int dates, int added, int removed)
    {
        result.Years.ShouldBe(years);
        (result.Dates, result.Added, result.Removed).ShouldBe((dates, added, removed));
    }

    private static async Task<T> InScopeAsync<T>(ServiceProvider services, Func<BankHolidayService, Task<T>> work)
    {
        using var scope = services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<BankHolidayService>());
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task CalendarAsync_NothingImported_TheShippedCalendar(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());

        var calendar = await InScopeAsync(services, s => s.CalendarAsync());

        calendar.Holidays.ShouldBe(WorkingCalendar.EnglandAndWales.Holidays);
        var years = await InScopeAsync(services, s => s.YearsAsync());
        years.Select(y => y.Year).ShouldBe(Enumerable.Range(1995, 36));
        years.ShouldAllBe(y => y.ImportedAt == null && y.BankHolidays >= 8);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task ImportAsync_GovUkFile_ReplacesTheYearItListsAndIsAudited(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var clock = new TestClock();
        await using var services = CoreHost.Build(database, clock);

        var result = await InScopeAsync(services, s => s.ImportAsync(Changed2027(), Administrator, Tester));

        Check(result, [2027], dates: 8, added: 1, removed: 1);
        var calendar = await InScopeAsync(services, s => s.CalendarAsync());
        calendar.IsWorkingDay(D("2027-06-07")).ShouldBeFalse();
        calendar.IsWorkingDay(D("2027-08-30")).ShouldBeTrue();
        calendar.IsWorkingDay(D("2027-11-30")).ShouldBeTrue(); // Scotland's day is not read
        calendar.Holidays.Where(h => h.Date.Year == 2026).ShouldBe(WorkingCalendar.EnglandAndWales.Holidays.Where(h => h.Date.Year == 2026));
        calendar.Coverage.ShouldBe((D("1995-01-01"), D("2030-12-31")));

        var years = await InScopeAsync(services, s => s.YearsAsync());
        years.Single(y => y.Year == 2027).ShouldBe(new CalendarYear(2027, 8, clock.GetUtcNow()));
        years.Where(y => y.Year != 2027).ShouldAllBe(y => y.ImportedAt == null);

        await using var db = database.CreateContext();
        (await db.BankHolidays.CountAsync()).ShouldBe(8);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.BankHolidaysImported);
        entry.UserName.ShouldBe("tester");
        entry.ItemId.ShouldBe("2027");
        entry.Detail.ShouldBe("years=2027; dates=8; added=2027-06-07; removed=2027-08-30");
        using var scope = services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task ImportAsync_SameYearAgain_ReplacesThatYearEntirely(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        await InScopeAsync(services, s => s.ImportAsync(Changed2027(), Administrator, Tester));

        // 2027 as shipped, with Christmas Day renamed: the one-off goes, the summer bank holiday comes back.
        var again = await InScopeAsync(services, s => s.ImportAsync(GovUkFile(
            ("2027-01-01", "New Year’s Day"), ("2027-03-26", "Good Friday"), ("2027-03-29", "Easter Monday"),
            ("2027-05-03", "Early May bank holiday"), ("2027-05-31", "Spring bank holiday"), ("2027-08-30", "Summer bank holiday"),
            ("2027-12-27", "Christmas Day (renamed)"), ("2027-12-28", "Boxing Day")), Administrator, Tester));

        Check(again, [2027], dates: 8, added: 1, removed: 1);
        var calendar = await InScopeAsync(services, s => s.CalendarAsync());
        calendar.IsWorkingDay(D("2027-06-07")).ShouldBeTrue();
        calendar.IsWorkingDay(D("2027-08-30")).ShouldBeFalse();
        calendar.Holidays.ShouldContain(new BankHoliday(D("2027-12-27"), "Christmas Day (renamed)"));
        await using var db = database.CreateContext();
        (await db.BankHolidays.CountAsync()).ShouldBe(8);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task ImportAsync_YearsBeyondTheShippedData_ExtendCoverage(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());

        var result = await InScopeAsync(services, s => s.ImportAsync(GovUkFile(
            ("2031-01-01", "New Year’s Day"), ("2031-04-11", "Good Friday"), ("2031-04-14", "Easter Monday"),
            ("2031-05-05", "Early May bank holiday"), ("2031-05-26", "Spring bank holiday"), ("2031-08-25", "Summer bank holiday"),
            ("2031-12-25", "Christmas Day"), ("2031-12-26", "Boxing Day")), Administrator, Tester));

        Check(result, [2031], dates: 8, added: 8, removed: 0);
        var calendar = await InScopeAsync(services, s => s.CalendarAsync());
        calendar.Coverage.ShouldBe((D("1995-01-01"), D("2031-12-31")));
        calendar.AddWorkingDays(D("2031-04-10"), 1).ShouldBe(D("2031-04-15"));
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task ImportAsync_PartialYear_RefusedNamingTheYear(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());

        var refused = await Should.ThrowAsync<RuleViolationException>(() => InScopeAsync(services, s => s.ImportAsync(
            GovUkFile(("2027-06-07", "Test one-off bank holiday")), Administrator, Tester)));

        refused.Messages.ShouldHaveSingleItem().ShouldStartWith("The file lists only 1 bank holiday for 2027: a year in England and Wales has at least 8");
        (await InScopeAsync(services, s => s.CalendarAsync())).Holidays.ShouldBe(WorkingCalendar.EnglandAndWales.Holidays);
        await using var db = database.CreateContext();
        (await db.BankHolidays.CountAsync()).ShouldBe(0);
        (await db.AuditEntries.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task ImportAsync_NotAnAdministrator_ForbiddenAndNothingStored(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());

        await Should.ThrowAsync<ForbiddenException>(() => InScopeAsync(services, s => s.ImportAsync(Changed2027(), Officer, Tester)));

        await using var db = database.CreateContext();
        (await db.BankHolidays.CountAsync()).ShouldBe(0);
        (await db.AuditEntries.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task ImportAsync_FileWithOneBadEvent_NothingChanged(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        await InScopeAsync(services, s => s.ImportAsync(Changed2027(), Administrator, Tester));

        var refused = await Should.ThrowAsync<RuleViolationException>(() => InScopeAsync(services, s => s.ImportAsync(
            GovUkFile(("2027-01-01", "New Year’s Day"), ("2028-01-03", "New Year’s Day"), ("2028-02-30", "Not a day")), Administrator, Tester)));

        refused.Messages.ShouldHaveSingleItem().ShouldContain("‘2028-02-30’");
        var calendar = await InScopeAsync(services, s => s.CalendarAsync());
        calendar.IsWorkingDay(D("2027-06-07")).ShouldBeFalse();
        calendar.Holidays.Where(h => h.Date.Year == 2028).ShouldBe(WorkingCalendar.EnglandAndWales.Holidays.Where(h => h.Date.Year == 2028));
        await using var db = database.CreateContext();
        (await db.BankHolidays.CountAsync()).ShouldBe(8);
        (await db.AuditEntries.CountAsync(e => e.Action == AuditActions.BankHolidaysImported)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task CalendarAsync_AnotherInstanceImports_SeenWhenTheCacheExpires(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var clock = new TestClock();
        await using var first = CoreHost.Build(database, clock);
        await using var second = CoreHost.Build(database, clock);
        (await InScopeAsync(first, s => s.CalendarAsync())).IsWorkingDay(D("2027-06-07")).ShouldBeTrue();

        await InScopeAsync(second, s => s.ImportAsync(Changed2027(), Administrator, Tester));

        // The importing instance sees the change at once; the other keeps its copy for up to five minutes.
        (await InScopeAsync(second, s => s.CalendarAsync())).IsWorkingDay(D("2027-06-07")).ShouldBeFalse();
        clock.Advance(BankHolidayCache.Lifetime - TimeSpan.FromSeconds(1));
        (await InScopeAsync(first, s => s.CalendarAsync())).IsWorkingDay(D("2027-06-07")).ShouldBeTrue();
        clock.Advance(TimeSpan.FromSeconds(1));
        (await InScopeAsync(first, s => s.CalendarAsync())).IsWorkingDay(D("2027-06-07")).ShouldBeFalse();
    }
}
