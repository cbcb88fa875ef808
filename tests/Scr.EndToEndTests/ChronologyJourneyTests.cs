using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Chronology;
using Scr.TestCommon;

namespace Scr.EndToEndTests;

/// <summary>
/// The integrated chronology (issue 6), on the demo's review under way, played through the site: social care uploads its
/// chronology as CSV and health as an Excel workbook (between them, four months with no contact and a strategy discussion
/// they record differently); the business unit types education's entries; the lead reviewer filters to the child not
/// seen, finds the gap and the discrepancy, marks a key practice episode, draws the family's genogram and exports the
/// chronology, which opens in LibreOffice with the entries in it.
/// </summary>
public sealed class ChronologyJourneyTests(HostFixture host) : BrowserTest(host), IClassFixture<HostFixture>
{
    private const string Officer = "officer@northbridge.example";
    private const string SocialCareLead = "agency.lead@northbridge.example";
    private const string HealthAuthor = "agency.author@northbridge.example";
    private const string Reviewer = "reviewer@northbridge.example";

    private const string SocialCare = "Northbridge Children's Social Care";
    private const string Health = "Northbridge and Fellside Health Trust";
    private const string Education = "Northbridge Schools and Learning";

    private const string Strategy = "Fictional: strategy discussion after Maisie went missing from school";

    /// <summary>
    /// The first month of the agencies' entries: a year before the incident, well inside the period under review of the
    /// demo's terms of reference (the 18 months to the incident, 120 days before the day the demo is seeded).
    /// </summary>
    private DateOnly Start => new DateOnly(Today.Year, Today.Month, 1).AddDays(-120).AddMonths(-12);

    /// <summary>
    /// An agency's entries: a contact a month for six months (home visits seeing the child, calls between them), none for
    /// the next four, then the strategy discussion on the 4th of the eleventh month.
    /// </summary>
    private IReadOnlyList<ChronologyEntry> Entries(string agency, string role, ChildSeen onCalls, ChildSeen atStrategy, int day)
    {
        var entries = new List<ChronologyEntry>();
        for (var month = 0; month < 6; month++)
        {
            var visit = month % 2 == 1;
            entries.Add(new ChronologyEntry
            {
                Date = Start.AddMonths(month).AddDays(day - 1),
                Agency = agency,
                PractitionerRole = role,
                ContactType = visit ? ContactType.HomeVisit : ContactType.Phone,
                ChildSeen = visit ? ChildSeen.Yes : onCalls,
                WhatHappened = $"Fictional: {agency}, contact {month + 1}.",
                SourceDocument = "case notes",
            });
        }
        entries.Add(new ChronologyEntry
        {
            Date = StrategyDay,
            Time = new TimeOnly(10, 0),
            Agency = agency,
            PractitionerRole = role,
            ContactType = ContactType.StrategyDiscussion,
            ChildSeen = atStrategy,
            WhatHappened = Strategy,
            Present = $"{SocialCare}; {Health}; police",
            SourceDocument = "minutes",
        });
        return entries;
    }

    private DateOnly StrategyDay => Start.AddMonths(10).AddDays(3);

    private static byte[] File(ChronologyFileFormat format, IEnumerable<ChronologyEntry> entries)
    {
        using var stream = new MemoryStream();
        using (var writer = ChronologyWriter.Create(stream, format, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                writer.Write(entry);
            }
            writer.Complete();
        }
        return stream.ToArray();
    }

    private async Task UploadAsync(IPage page, string chronology, string name, string mimeType, byte[] content)
    {
        await VisitAsync(page, chronology);
        await page.GetByTestId("import").ClickAsync();
        await page.ArriveAsync("**/chronology/import");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Upload the chronology file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = mimeType, Buffer = content });
        await page.GetByTestId("import").ClickAsync();
        await page.ArriveAsync("**" + chronology);
        await Expect(page.GetByTestId("banner")).ToContainTextAsync("imported");
    }

    [Fact]
    public async Task TwoAgenciesUpload_ATypes_TheReviewerFindsTheGapAndTheDiscrepancy_MarksAnEpisode_DrawsTheGenogram_Exports()
    {
        var chronology = $"/cases/{await Host.CaseIdAsync("Young person died by suicide")}/chronology";

        // 1. Social care uploads CSV; health an Excel workbook. Each sees only its own entries: nothing is shared yet.
        var lead = await NewPageAsync();
        await SignInAsync(lead, SocialCareLead, checkSignInPages: false);
        await UploadAsync(lead, chronology, "social-care.csv", "text/csv", File(ChronologyFileFormat.Csv, Entries(SocialCare, "social worker", ChildSeen.No, ChildSeen.No, 10)));
        await Expect(lead.GetByTestId("entry-count")).ToHaveTextAsync("7 entries");
        await Expect(lead.GetByTestId("own-only")).ToBeVisibleAsync();

        var author = await NewPageAsync();
        await SignInAsync(author, HealthAuthor, checkSignInPages: false);
        await UploadAsync(author, chronology, "health.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            File(ChronologyFileFormat.Xlsx, Entries(Health, "health visitor", ChildSeen.NotRecorded, ChildSeen.Yes, 20)));
        await Expect(author.GetByTestId("entry-count")).ToHaveTextAsync("7 entries");
        await author.AssertAccessibleAsync();

        // 2. The business unit types education's entries, one refused first for its date.
        var officer = await NewPageAsync();
        await SignInAsync(officer, Officer, checkSignInPages: false);
        await VisitAsync(officer, chronology);
        var dayFormat = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var (date, what) in new[] { ($"31/02/{Start.Year}", "Fictional: never saved."),
                     (Start.AddMonths(1).AddDays(14).ToString("dd/MM/yyyy", dayFormat), "Fictional: teacher spoke to Maisie about her absence."),
                     (StrategyDay.AddDays(8).ToString("dd/MM/yyyy", dayFormat), "Fictional: Maisie back at school; seen by the head of year.") })
        {
            await VisitAsync(officer, chronology + "/entries/add");
            await officer.GetByLabel(Education).CheckAsync();
            await officer.GetByLabel("Date", new() { Exact = true }).FillAsync(date);
            await officer.GetByLabel("Practitioner role").FillAsync("head of year");
            await officer.GetByLabel("Contact type").SelectOptionAsync("Meeting");
            await officer.Locator("input[name='Input.ChildSeen'][value='Yes']").CheckAsync();
            await officer.GetByLabel("What happened").FillAsync(what);
            await officer.GetByTestId("add").ClickAsync();
            if (date.StartsWith("31/02/", StringComparison.Ordinal))
            {
                await Expect(officer.Locator(".govuk-error-summary")).ToContainTextAsync(date);
                await officer.AssertAccessibleAsync();
                continue;
            }
            await officer.ArriveAsync("**" + chronology);
            await Expect(officer.GetByTestId("banner")).ToContainTextAsync("The entry has been added.");
        }
        await Expect(officer.GetByTestId("entry-count")).ToHaveTextAsync("16 entries");

        // 3. The lead reviewer filters to the child not seen.
        var reviewer = await NewPageAsync();
        await SignInAsync(reviewer, Reviewer, checkSignInPages: false);
        await VisitAsync(reviewer, chronology);
        await reviewer.AssertAccessibleAsync();
        await reviewer.Locator("select[name=seen]").SelectOptionAsync("No");
        await reviewer.GetByTestId("filter").ClickAsync();
        await reviewer.ArriveAsync("**seen=No**");
        var seen = await reviewer.GetByTestId("entry").Locator("td:nth-child(5)").AllInnerTextsAsync();
        seen.Count.ShouldBe(4, "social care's three calls and its strategy discussion");
        seen.ShouldAllBe(text => text.StartsWith("No"));
        await reviewer.AssertAccessibleAsync();

        // 4. The planted gap (no agency for four months after health's sixth contact) and the planted discrepancy.
        await VisitAsync(reviewer, chronology);
        await Expect(reviewer.GetByTestId("gap").Filter(new()
        {
            HasText = $"No contact from any agency from {Labels.Date(Start.AddMonths(5).AddDays(19))} to {Labels.Date(StrategyDay)}",
        })).ToHaveCountAsync(1);
        var discrepancy = reviewer.GetByTestId("discrepancy").Filter(new() { HasText = "not seen" });
        await Expect(discrepancy).ToHaveCountAsync(1);
        await Expect(discrepancy).ToContainTextAsync(SocialCare);
        await Expect(discrepancy).ToContainTextAsync(Health);

        // 5. A key practice episode round the strategy discussion; the filter by it shows its entries.
        await reviewer.Locator("input[name='Mark.Title']").FillAsync("Missing from school");
        await reviewer.Locator("textarea[name='Mark.WhyItMatters']").FillAsync("The agencies disagree whether she was seen, and no one heard her.");
        await reviewer.Locator("input[name='Mark.From']").FillAsync(StrategyDay.AddDays(-3).ToString("dd/MM/yyyy", dayFormat));
        await reviewer.Locator("input[name='Mark.To']").FillAsync(StrategyDay.AddDays(20).ToString("dd/MM/yyyy", dayFormat));
        await reviewer.GetByTestId("mark").ClickAsync();
        await Expect(reviewer.GetByTestId("banner")).ToContainTextAsync("The key practice episode is marked.");
        await reviewer.GetByTestId("episode").Filter(new() { HasText = "Missing from school" }).GetByRole(AriaRole.Link).ClickAsync();
        await reviewer.ArriveAsync("**episode=**");
        await Expect(reviewer.GetByTestId("entry-count")).ToHaveTextAsync("3 entries");
        await reviewer.AssertAccessibleAsync();

        // 6. The genogram: the reviewer adds the mother's sister as the grandmother's daughter, sees her drawn, and the
        //    anonymised version has roles instead of names.
        await VisitAsync(reviewer, chronology[..^"/chronology".Length]);
        await reviewer.GetByTestId("genogram-link").ClickAsync();
        await reviewer.ArriveAsync("**/genogram");
        await Expect(reviewer.GetByTestId("genogram").Locator("svg[role=img]")).ToBeVisibleAsync();
        await reviewer.AssertAccessibleAsync();
        await reviewer.GetByTestId("add-person").ClickAsync();
        await reviewer.ArriveAsync("**/genogram/people/add");
        await reviewer.GetByLabel("Name", new() { Exact = true }).FillAsync("Carol Walsh");
        await reviewer.GetByLabel("Role in the anonymised version (optional)").FillAsync("Maternal aunt");
        await reviewer.Locator("input[name='Input.Sex'][value='Female']").CheckAsync();
        await reviewer.GetByLabel("Age in years, if the date of birth is not known (optional)").FillAsync("300");
        await reviewer.Locator("input[name='Input.Deceased'][value='false']").CheckAsync();
        await reviewer.Locator("input[name='Input.IsSubject'][value='false']").CheckAsync();
        await reviewer.GetByTestId("save-person").ClickAsync();
        await Expect(reviewer.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await reviewer.AssertAccessibleAsync();
        await reviewer.GetByLabel("Age in years, if the date of birth is not known (optional)").FillAsync("35");
        await reviewer.GetByTestId("save-person").ClickAsync();
        await reviewer.ArriveAsync("**/genogram");
        await reviewer.GetByTestId("add-parent").ClickAsync();
        await reviewer.ArriveAsync("**/genogram/parents/add");
        await reviewer.GetByLabel("Parent or carer").SelectOptionAsync(new SelectOptionValue { Label = "Irene Walsh" });
        await reviewer.GetByLabel("Child", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Carol Walsh" });
        await reviewer.Locator("input[name='Input.Kind'][value='Birth']").CheckAsync();
        await reviewer.GetByTestId("save-parent").ClickAsync();
        await reviewer.ArriveAsync("**/genogram");
        await Expect(reviewer.GetByTestId("genogram").Locator("svg")).ToContainTextAsync("Carol Walsh");
        await Expect(reviewer.GetByTestId("relationships")).ToContainTextAsync("Carol Walsh");
        await reviewer.AssertAccessibleAsync();
        await reviewer.GetByTestId("show-anonymised").ClickAsync();
        await reviewer.ArriveAsync("**anonymised=true");
        var anonymised = reviewer.GetByTestId("genogram").Locator("svg");
        await Expect(anonymised).ToContainTextAsync("Maternal aunt");
        (await anonymised.InnerHTMLAsync()).ShouldNotContain("Walsh");
        await reviewer.AssertAccessibleAsync();

        // 7. The exports open in Word and in LibreOffice with the entries.
        await VisitAsync(reviewer, chronology);
        var docxDownload = await reviewer.RunAndWaitForDownloadAsync(() => reviewer.GetByTestId("export-docx").ClickAsync());
        var docx = await System.IO.File.ReadAllBytesAsync(await docxDownload.PathAsync());
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            word.MainDocumentPart!.Document!.Body!.InnerText.ShouldContain("Fictional: teacher spoke to Maisie about her absence.");
            word.MainDocumentPart.HeaderParts.Single().Header!.InnerText.ShouldContain("Confidential — exported by Dr Alan Fenwick");
        }
        var xlsxDownload = await reviewer.RunAndWaitForDownloadAsync(() => reviewer.GetByTestId("export-xlsx").ClickAsync());
        var xlsx = await System.IO.File.ReadAllBytesAsync(await xlsxDownload.PathAsync());
        if (LibreOffice.Binary is not null)
        {
            var text = Encoding.UTF8.GetString(await LibreOffice.ConvertAsync(docx, "docx", "txt:Text"));
            text.ShouldContain(Strategy);
            (await LibreOffice.ConvertAsync(docx, "docx", "pdf")).Take(5).ShouldBe("%PDF-"u8.ToArray());
            if (LibreOffice.HasCalc)
            {
                var sheet = Encoding.UTF8.GetString(await LibreOffice.ConvertAsync(xlsx, "xlsx", "csv:Text - txt - csv (StarCalc):44,34,76"));
                sheet.ShouldContain("Fictional: Maisie back at school; seen by the head of year.");
                (await LibreOffice.ConvertAsync(xlsx, "xlsx", "pdf")).Take(5).ShouldBe("%PDF-"u8.ToArray());
            }
        }
    }
}
