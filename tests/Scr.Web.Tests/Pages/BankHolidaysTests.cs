using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Services.Audit;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>/admin/bank-holidays: what is in effect, and importing GOV.UK's file; each test in a fresh demo world.</summary>
public class BankHolidaysTests : IAsyncLifetime
{
    private const string Page = "/admin/bank-holidays";
    private const string Admin = "admin@scr.example";

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    /// <summary>GOV.UK's format: 2027 without the summer bank holiday and with a made-up one-off on 7 June, and Scotland.</summary>
    private static readonly byte[] Changed2027 = Encoding.UTF8.GetBytes("""
        {"england-and-wales":{"division":"england-and-wales","events":[
          {"title":"New Year’s Day","date":"2027-01-01","notes":"","bunting":true},
          {"title":"Good Friday","date":"2027-03-26","notes":"","bunting":false},
          {"title":"Easter Monday","date":"2027-03-29","notes":"","bunting":true},
          {"title":"Early May bank holiday","date":"2027-05-03","notes":"","bunting":true},
          {"title":"Spring bank holiday","date":"2027-05-31","notes":"","bunting":true},
          {"title":"Test one-off bank holiday","date":"2027-06-07","notes":"","bunting":true},
          {"title":"Christmas Day","date":"2027-12-27","notes":"Substitute day","bunting":true},
          {"title":"Boxing Day","date":"2027-12-28","notes":"Substitute day","bunting":true}]},
         "scotland":{"division":"scotland","events":[{"title":"St Andrew’s Day","date":"2027-11-30","notes":"","bunting":true}]}}
        """);

    private static string Text(AngleSharp.Dom.IElement? element) => string.Join(' ', (element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static Dictionary<string, string> Coverage(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=coverage] .govuk-summary-list__row")
            .ToDictionary(row => Text(row.QuerySelector("dt")), row => Text(row.QuerySelector("dd")));

    [Fact]
    public async Task Get_Administrator_ShowsYearsCoveredAndTheNextBankHolidays()
    {
        var admin = await _world.SignInAsync(Admin);

        var page = await admin.GetDocumentAsync(Page);

        Coverage(page).ShouldBe(new Dictionary<string, string>
        {
            ["Years covered"] = "1995 to 2030",
            ["Imported by an administrator"] = "None: the years shipped with scr are used",
        });
        var rows = page.QuerySelectorAll("[data-testid=next-bank-holidays] tbody tr").Select(Text).ToList();
        rows.Count.ShouldBe(10);
        rows[0].ShouldBe("25 December 2026 Friday Christmas Day");
        rows[1].ShouldBe("28 December 2026 Monday Boxing Day");
        rows[2].ShouldBe("1 January 2027 Friday New Year’s Day");
        page.QuerySelector("[data-testid=running-out]").ShouldBeNull();
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        form.QuerySelector("input[type=file][name=Upload]")!.GetAttribute("accept").ShouldBe(".json,application/json");
        form.QuerySelector("input[name=__RequestVerificationToken]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Get_NextYearNotCovered_WarnsToImport()
    {
        _world.Factory.Clock.Set(new DateTimeOffset(2030, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var admin = await _world.SignInAsync(Admin);

        var page = await admin.GetDocumentAsync(Page);

        Text(page.QuerySelector("[data-testid=running-out]")).ShouldContain("known only up to the end of 2030");
    }

    [Fact]
    public async Task Upload_GovUkFile_ImportedAndTheBannerGivesTheCounts()
    {
        var admin = await _world.SignInAsync(Admin);

        var response = await admin.UploadAsync(Page, "Upload", "bank-holidays.json", Changed2027);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Location().ShouldBe(Page);
        var page = await admin.GetDocumentAsync(Page);
        var banner = Text(page.QuerySelector("[data-testid=imported]"));
        banner.ShouldContain("Bank holidays for 2027 imported");
        banner.ShouldContain("The file lists 8 bank holidays. Compared with before, 1 day was added and 1 day removed.");
        Coverage(page)["Imported by an administrator"].ShouldBe("2027 (imported 23 November 2026)");
        Text(page.QuerySelector("[data-testid=next-bank-holidays]")).ShouldContain("7 June 2027 Monday Test one-off bank holiday");
        Text(page.QuerySelector("[data-testid=next-bank-holidays]")).ShouldNotContain("30 August 2027");
        (await _world.WithDbAsync(db => db.BankHolidays.CountAsync())).ShouldBe(8);
        var audit = await _world.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.BankHolidaysImported));
        audit.UserName.ShouldBe(Admin);
    }

    [Theory]
    [InlineData("<html><body>Bank holidays</body></html>", "The selected file is not valid JSON (line 1): use the bank holidays file from GOV.UK (bank-holidays.json)")]
    [InlineData("{\"scotland\":{\"events\":[]}}", "The selected file has no ‘england-and-wales’ division: use the bank holidays file from GOV.UK (bank-holidays.json)")]
    [InlineData("{\"england-and-wales\":{\"events\":[{\"title\":\"A\",\"date\":\"2027-02-30\"},{\"title\":\"B\"}]}}", "Event 1 (‘A’) has ‘2027-02-30’ as its date, which is not a valid date: write dates as YYYY-MM-DD, like 2026-12-25 (and 1 more problem)")]
    [InlineData("{\"england-and-wales\":{\"events\":[{\"title\":\"A\",\"date\":\"2027-06-07\"}]}}", "The selected file lists only 1 bank holiday for 2027: a year in England and Wales has at least 8, and each year in the file replaces that whole year. Use GOV.UK’s complete file")]
    public async Task Upload_BadFile_ErrorBesideTheFieldAndNothingImported(string content, string expected)
    {
        var admin = await _world.SignInAsync(Admin);

        var response = await admin.UploadAsync(Page, "Upload", "bank-holidays.json", Encoding.UTF8.GetBytes(content));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = Browser.Parse(await response.Content.ReadAsStringAsync());
        page.Title!.ShouldStartWith("Error: Bank holidays");
        var summaryLink = page.QuerySelector(".govuk-error-summary a")!;
        summaryLink.GetAttribute("href").ShouldBe("#Upload");
        summaryLink.TextContent.ShouldStartWith(expected[..Math.Min(40, expected.Length)]);
        page.QuerySelector(".govuk-form-group--error #Upload").ShouldNotBeNull();
        page.QuerySelector("#Upload")!.GetAttribute("aria-describedby").ShouldBe("Upload-hint Upload-error");
        Text(page.QuerySelector("#Upload-error")).ShouldBe("Error: " + expected);
        (await _world.WithDbAsync(db => db.BankHolidays.CountAsync())).ShouldBe(0);
        (await _world.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.BankHolidaysImported))).ShouldBe(0);
    }

    [Fact]
    public async Task Upload_NoFileChosen_AsksToSelectOne()
    {
        var admin = await _world.SignInAsync(Admin);

        var response = await admin.UploadAsync(Page, "Upload", "bank-holidays.json", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = Browser.Parse(await response.Content.ReadAsStringAsync());
        Text(page.QuerySelector(".govuk-error-summary")).ShouldContain("Select a bank holidays file");
        Text(page.QuerySelector("#Upload-error")).ShouldBe("Error: Select a bank holidays file");
    }

    [Fact]
    public async Task Upload_LargerThanOneMegabyte_RefusedBesideTheField()
    {
        var admin = await _world.SignInAsync(Admin);
        var large = Changed2027.Concat(Enumerable.Repeat((byte)' ', 1024 * 1024)).ToArray();

        var response = await admin.UploadAsync(Page, "Upload", "bank-holidays.json", large);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Text(Browser.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#Upload-error"))
            .ShouldBe("Error: The selected file must be smaller than 1MB");
    }

    [Fact]
    public async Task Upload_LargerThanTheFormLimit_BadRequestAndNothingImported()
    {
        var admin = await _world.SignInAsync(Admin);
        var huge = Changed2027.Concat(Enumerable.Repeat((byte)' ', 3 * 1024 * 1024)).ToArray();

        var response = await admin.UploadAsync(Page, "Upload", "bank-holidays.json", huge);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _world.WithDbAsync(db => db.BankHolidays.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Post_NotAnAdministrator_ForbiddenAndNothingImported()
    {
        var officer = await _world.SignInAsync("officer@northbridge.example");
        // The officer's own token, from a form the officer may open.
        var token = Browser.AntiforgeryToken(await officer.GetDocumentAsync("/account/password"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Changed2027), "Upload", "bank-holidays.json" },
        };

        var response = await officer.PostAsync(Page, form);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _world.WithDbAsync(db => db.BankHolidays.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_RefusedAndNothingImported()
    {
        var admin = await _world.SignInAsync(Admin);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Changed2027), "Upload", "bank-holidays.json" } };

        var response = await admin.PostAsync(Page, form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _world.WithDbAsync(db => db.BankHolidays.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Dashboard_Administrator_LinksToBankHolidays()
    {
        var admin = await _world.SignInAsync(Admin);

        var dashboard = await admin.GetDocumentAsync("/");

        dashboard.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain(Page);
    }
}
