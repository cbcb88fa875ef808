using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Scr.TestCommon;

namespace Scr.EndToEndTests;

/// <summary>The service works without JavaScript (GOV.UK progressive enhancement): sign in and notify a case.</summary>
public sealed class NoJavaScriptTests(HostFixture host) : BrowserTest(host), IClassFixture<HostFixture>
{
    [Fact]
    public async Task SignInAndNotify_JavaScriptDisabled_CaseIsNotified()
    {
        var page = await NewPageAsync(javaScriptEnabled: false);
        await SignInAsync(page, "officer@northbridge.example");
        (await page.Locator("body").GetAttributeAsync("class"))!.ShouldNotContain("js-enabled");

        await page.GetByTestId("notify").ClickAsync();
        await page.ArriveAsync("**/cases/notify/details?board=*");
        await page.AssertAccessibleAsync();

        // The error summary still appears and links to the fields; only the focus move needs JavaScript.
        await page.GetByTestId("notify-submit").ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await page.AssertAccessibleAsync();

        await NotifyForm.FillAsync(page, "Noah Scriptless", Today);
        await page.GetByTestId("notify-submit").ClickAsync();
        await page.ArriveAsync(NotifyForm.CasePage());
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("has been notified to Northbridge Safeguarding Children Board");
        await Expect(page.GetByText("Noah Scriptless")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await SignOutAsync(page);
    }

    [Fact]
    public async Task Documents_JavaScriptDisabled_AddedAndRefusalsShownBesideTheField()
    {
        var page = await NewPageAsync(javaScriptEnabled: false);
        await SignInAsync(page, "officer@northbridge.example");
        await page.GotoAsync("/cases");
        await page.GetByTestId("case-table").Locator("tbody a").First.ClickAsync();
        await page.ArriveAsync(NotifyForm.CasePage());
        await page.GetByTestId("documents-link").ClickAsync();
        await page.ArriveAsync("**/documents");

        async Task AddAsync(string title, string name, byte[] content)
        {
            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByLabel("The board and the review team", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = content });
            await page.GetByTestId("add-document").ClickAsync();
        }

        await AddAsync("Core group minutes", "minutes.pdf", TestFiles.Pdf());
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("‘Core group minutes’ has been added");
        await Expect(page.GetByTestId("documents")).ToContainTextAsync("Core group minutes");

        // A program renamed .pdf: refused by its content, the message beside the field.
        await AddAsync("Not a report", "report.pdf", TestFiles.Executable());
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Expect(page.Locator("#Upload-error")).ToContainTextAsync("“report.pdf” is not a PDF, Word, Excel, PNG or JPEG file");
        await page.AssertAccessibleAsync();

        // Far over the 20MB limit: Kestrel and the browser still show the page with the message, not a raw 413. (From a
        // file on disk: Playwright would take long to hand the browser 24MB from memory.)
        var scans = Path.Combine(Path.GetTempPath(), "scr-tests", $"{Guid.NewGuid():N}", "scans.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(scans)!);
        await File.WriteAllBytesAsync(scans, TestFiles.Pdf().Concat(new byte[24 * 1024 * 1024]).ToArray());
        try
        {
            await page.GetByLabel("Title").FillAsync("Scans");
            await page.GetByLabel("The board and the review team", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Upload a file").SetInputFilesAsync(scans);
            await page.GetByTestId("add-document").ClickAsync();
            await Expect(page.Locator("#Upload-error")).ToContainTextAsync("The selected file must be smaller than 20MB");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(scans)!, recursive: true);
        }
        await Expect(page.GetByTestId("documents").Locator("tbody tr")).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync();
    }
}
