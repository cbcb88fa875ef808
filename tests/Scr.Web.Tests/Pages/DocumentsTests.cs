using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Services.Audit;
using Scr.TestCommon;
using Scr.Web.Tests.Api;

namespace Scr.Web.Tests.Pages;

/// <summary>
/// /cases/{id}/documents and the download: adding documents without JavaScript, the refusals (a renamed program, an
/// oversized file, a zip bomb) with the message beside the field and nothing kept, and who reads which document.
/// The site here accepts documents up to 1MB, so the oversized ones stay small.
/// </summary>
public abstract class DocumentsTests(WebWorldFixture fixture)
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string> { ["Documents:MaxFileMegabytes"] = "1" };

    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string AgencyLead = "agency.lead@northbridge.example";
    private const string AgencyAuthor = "agency.author@northbridge.example";
    private const string OtherBoardOfficer = "officer@eastmere.example";
    private const string Panel = "panel@panel.example";

    private WebWorld World => fixture.World;

    /// <summary>A fresh case naming social care and health, so each test counts only its own documents.</summary>
    private Task<Guid> NewCaseAsync() =>
        World.NotifyStage1CaseAsync(Officer, "northbridge", "Fictional case for the documents tests.", agencyKeys: ["northbridge-csc", "northbridge-health"]);

    private static string Text(AngleSharp.Dom.IElement? element) =>
        string.Join(' ', (element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private Task<int> RowsAsync(Guid caseId) => World.WithDbAsync(db => db.CaseDocuments.CountAsync(d => d.ReviewId == caseId));

    private IReadOnlyList<string> Files() => TestFolders.FilesUnder(World.Factory.DocumentsFolder);

    /// <summary>
    /// What a browser sends from the page's form: the token, the title, who may read it and the file (with the content type
    /// the browser guessed from its name, which the site ignores). No file chosen: an empty part with no name.
    /// </summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid caseId, string title, string? audience, string fileName, byte[]? content,
        bool token = true)
    {
        var page = $"/cases/{caseId}/documents";
        var document = await client.GetDocumentAsync(page);
        using var form = new MultipartFormDataContent();
        if (token)
        {
            form.Add(new StringContent(Browser.AntiforgeryToken(document)), "__RequestVerificationToken");
        }
        form.Add(new StringContent(title), "Input.Title");
        if (audience is not null)
        {
            form.Add(new StringContent(audience), "Input.Audience");
        }
        var file = new ByteArrayContent(content ?? []);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/octet-stream");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"Upload\"", FileName = $"\"{(content is null ? "" : fileName)}\"" };
        form.Add(file);
        return await client.PostAsync(page, form);
    }

    private async Task<string> AgencyValueAsync(string key) => (await World.OrganisationAsync(key)).Id.ToString();

    [Fact]
    public async Task Get_Officer_ListsNoneYetAndOffersTheUploadForm()
    {
        var caseId = await NewCaseAsync();
        var officer = await World.SignInAsync(Officer);

        var casePage = await officer.GetDocumentAsync($"/cases/{caseId}");
        casePage.QuerySelector("[data-testid=documents-link]")!.GetAttribute("href").ShouldBe($"/cases/{caseId}/documents");
        var page = await officer.GetDocumentAsync($"/cases/{caseId}/documents");

        page.Title!.ShouldStartWith("Documents");
        page.QuerySelector("[data-testid=no-documents]").ShouldNotBeNull();
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        form.QuerySelector("input[type=file][name=Upload]")!.GetAttribute("accept").ShouldBe(".pdf,.docx,.xlsx,.png,.jpg,.jpeg");
        form.QuerySelectorAll("input[type=radio][name='Input.Audience']").Select(r => r.GetAttribute("value"))
            .ShouldBe(["case-team", await AgencyValueAsync("northbridge-csc"), await AgencyValueAsync("northbridge-health")], ignoreOrder: true);
        Text(form).ShouldContain("Northbridge Children's Social Care, the board and the review team");
        Text(page.QuerySelector("#Upload-hint")).ShouldBe("PDF, Word, Excel, PNG or JPEG, smaller than 1MB");
    }

    [Fact]
    public async Task Upload_Pdf_ListedAndDownloadedAsAnAttachment_EachStepAudited()
    {
        var caseId = await NewCaseAsync();
        var officer = await World.SignInAsync(Officer);
        var pdf = TestFiles.Pdf();

        var response = await UploadAsync(officer, caseId, "Police chronology", "case-team", "Police chronology (v2).pdf", pdf);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Location().ShouldBe($"/cases/{caseId}/documents");
        var page = await officer.GetDocumentAsync($"/cases/{caseId}/documents");
        Text(page.QuerySelector("[data-testid=added]")).ShouldContain("‘Police chronology’ has been added");
        var row = page.QuerySelector("[data-testid=documents] tbody tr")!;
        Text(row).ShouldContain("Police chronology Police chronology (v2).pdf PDF");
        Text(row).ShouldContain("The board and the review team");
        Text(row).ShouldContain("by Priya Calder");
        var link = row.QuerySelector("a[data-testid=download]")!.GetAttribute("href")!;
        var saved = await World.WithDbAsync(db => db.CaseDocuments.AsNoTracking().SingleAsync(d => d.ReviewId == caseId));
        link.ShouldBe($"/cases/{caseId}/documents/{saved.Id}");
        Files().ShouldContain(saved.StorageKey.Replace('/', Path.DirectorySeparatorChar));

        var download = await officer.GetAsync(link);

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("Police chronology (v2).pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        download.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        var audit = await World.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.ItemId == saved.Id.ToString()).OrderBy(e => e.Sequence).Select(e => new { e.Action, e.UserName }).ToListAsync());
        audit.Select(e => e.Action).ShouldBe([AuditActions.DocumentUploaded, AuditActions.DocumentDownloaded]);
        audit.ShouldAllBe(e => e.UserName == Officer);
    }

    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "renamed executable", "report.pdf", "“report.pdf” is not a PDF, Word, Excel, PNG or JPEG file" },
        { "HTML renamed", "minutes.pdf", "“minutes.pdf” is not a PDF, Word, Excel, PNG or JPEG file" },
        { "zip bomb", "agency report.docx", "“agency report.docx” is compressed too tightly (more than 100 to 1) to open safely" },
        { "a little too large", "scan.pdf", "“scan.pdf” must be smaller than 1MB" },
        { "macro-enabled", "budget.docx", "“budget.docx” contains macros: save it as a Word document (.docx) or Excel workbook (.xlsx) without macros and upload that" },
    };

    private static byte[] Content(string what) => what switch
    {
        "renamed executable" => TestFiles.Executable(),
        "HTML renamed" => TestFiles.Html(),
        "zip bomb" => TestFiles.ZipBomb(),
        "macro-enabled" => TestFiles.OfficePackage("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"),
        _ => TestFiles.Pdf().Concat(new byte[1024 * 1024]).ToArray(),
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Upload_RefusedFile_MessageBesideTheFieldTitleKeptAndNothingStored(string what, string fileName, string message)
    {
        var caseId = await NewCaseAsync();
        var officer = await World.SignInAsync(Officer);
        var files = Files();

        var response = await UploadAsync(officer, caseId, "Agency report", "case-team", fileName, Content(what));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, what);
        var page = Browser.Parse(await response.Content.ReadAsStringAsync());
        page.Title!.ShouldStartWith("Error: Documents");
        var summaryLink = page.QuerySelector(".govuk-error-summary a")!;
        summaryLink.GetAttribute("href").ShouldBe("#Upload");
        Text(summaryLink).ShouldBe(message);
        Text(page.QuerySelector("#Upload-error")).ShouldBe("Error: " + message);
        page.QuerySelector(".govuk-form-group--error #Upload").ShouldNotBeNull();
        ((IHtmlInputElement)page.QuerySelector("[id='Input.Title']")!).Value.ShouldBe("Agency report");
        (await RowsAsync(caseId)).ShouldBe(0);
        Files().ShouldBe(files);
        (await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.DocumentUploaded && e.Detail!.Contains(caseId.ToString()))))
            .ShouldBe(0);
    }

    [Fact]
    public async Task Upload_FarLargerThanTheLimit_RefusedWithoutReadingIt_MessageBesideTheField()
    {
        var caseId = await NewCaseAsync();
        var officer = await World.SignInAsync(Officer);
        var files = Files();

        var response = await UploadAsync(officer, caseId, "Scans", "case-team", "scans.pdf", TestFiles.Pdf().Concat(new byte[3 * 1024 * 1024]).ToArray());

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Location().ShouldBe($"/cases/{caseId}/documents");
        var page = await officer.GetDocumentAsync(response.Location()!);
        page.Title!.ShouldStartWith("Error: Documents");
        page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href").ShouldBe("#Upload");
        Text(page.QuerySelector("#Upload-error")).ShouldBe("Error: The selected file must be smaller than 1MB");
        (await RowsAsync(caseId)).ShouldBe(0);
        Files().ShouldBe(files);
        // Shown once: the page read again has no error.
        (await officer.GetDocumentAsync(response.Location()!)).QuerySelector(".govuk-error-summary").ShouldBeNull();
    }

    [Fact]
    public async Task Upload_NothingFilledIn_AsksForEachField()
    {
        var caseId = await NewCaseAsync();
        var officer = await World.SignInAsync(Officer);

        var response = await UploadAsync(officer, caseId, "", null, "report.pdf", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = Browser.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelectorAll(".govuk-error-summary a").Select(a => (a.GetAttribute("href"), Text(a))).ShouldBe([
            ("#Input.Title", "Enter a title for the document"),
            ("#Input.Audience", "Select who can read the document"),
            ("#Upload", "Select a file to upload"),
        ]);
        (await RowsAsync(caseId)).ShouldBe(0);
    }

    [Fact]
    public async Task Upload_WithoutTheAntiforgeryToken_RefusedAndNothingStored()
    {
        var caseId = await NewCaseAsync();
        var officer = await World.SignInAsync(Officer);
        var files = Files();

        var response = await UploadAsync(officer, caseId, "Report", "case-team", "report.pdf", TestFiles.Pdf(), token: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RowsAsync(caseId)).ShouldBe(0);
        Files().ShouldBe(files);
    }

    [Fact]
    public async Task Agency_AddsAndReadsOnlyItsOwn_OtherAgenciesAndBoardsDoNotFindIt()
    {
        var caseId = await NewCaseAsync();
        var lead = await World.SignInAsync(AgencyLead);
        var socialCare = await AgencyValueAsync("northbridge-csc");
        var health = await AgencyValueAsync("northbridge-health");
        var officer = await World.SignInAsync(Officer);
        (await UploadAsync(officer, caseId, "Terms of reference draft", "case-team", "terms.pdf", TestFiles.Pdf())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await UploadAsync(officer, caseId, "Health questions", health, "questions.png", TestFiles.Png()))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The agency's form offers only its own agency, as a fact rather than a choice.
        var form = await lead.GetDocumentAsync($"/cases/{caseId}/documents");
        form.QuerySelectorAll("input[type=radio]").ShouldBeEmpty();
        form.QuerySelector("input[type=hidden][name='Input.Audience']")!.GetAttribute("value").ShouldBe(socialCare);
        Text(form.QuerySelector("[data-testid=no-documents]")).ShouldBe("No documents have been added for your agency yet.");
        var added = await UploadAsync(lead, caseId, "Social care chronology", socialCare, "chronology.jpg", TestFiles.Jpeg());
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());

        var titles = (await lead.GetDocumentAsync($"/cases/{caseId}/documents")).QuerySelectorAll("a[data-testid=download]").Select(Text).ToList();
        titles.ShouldBe(["Social care chronology"]);
        var documents = await World.WithDbAsync(db => db.CaseDocuments.AsNoTracking().Where(d => d.ReviewId == caseId).ToDictionaryAsync(d => d.Title, d => d.Id));
        var own = $"/cases/{caseId}/documents/{documents["Social care chronology"]}";
        var healths = $"/cases/{caseId}/documents/{documents["Health questions"]}";
        var team = $"/cases/{caseId}/documents/{documents["Terms of reference draft"]}";

        (await lead.GetAsync(own)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lead.GetAsync(healths)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lead.GetAsync(team)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var author = await World.SignInAsync(AgencyAuthor);
        (await author.GetAsync(own)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await author.GetAsync(healths)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await author.GetDocumentAsync($"/cases/{caseId}/documents")).QuerySelectorAll("a[data-testid=download]").Select(Text).ShouldBe(["Health questions"]);
        var chair = await World.SignInAsync(Chair);
        (await chair.GetAsync(own)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await chair.GetAsync(team)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await chair.GetDocumentAsync($"/cases/{caseId}/documents")).QuerySelectorAll("a[data-testid=download]").Length.ShouldBe(3);
        foreach (var outsider in new[] { OtherBoardOfficer, Panel })
        {
            var client = await World.SignInAsync(outsider);
            (await client.GetAsync(own)).StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
            (await client.GetAsync($"/cases/{caseId}/documents")).StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
        }
        // Refused downloads leave no download entry; the two allowed ones of this document each leave one.
        (await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.DocumentDownloaded && e.ItemId == documents["Social care chronology"].ToString())))
            .ShouldBe(2);
    }

    [Fact]
    public async Task Agency_PostingForAnotherAgency_ForbiddenAndNothingStored()
    {
        var caseId = await NewCaseAsync();
        var lead = await World.SignInAsync(AgencyLead);
        var files = Files();

        var response = await UploadAsync(lead, caseId, "Not ours", await AgencyValueAsync("northbridge-health"), "report.pdf", TestFiles.Pdf());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await RowsAsync(caseId)).ShouldBe(0);
        Files().ShouldBe(files);
    }
}

[Collection("web")]
public sealed class DocumentsSqliteTests(DocumentsSqliteWorld fixture) : DocumentsTests(fixture), IClassFixture<DocumentsSqliteWorld>;

[Collection("web")]
public sealed class DocumentsPostgresTests(DocumentsPostgresWorld fixture) : DocumentsTests(fixture), IClassFixture<DocumentsPostgresWorld>;

/// <summary>A demo world whose largest document is 1MB.</summary>
public sealed class DocumentsSqliteWorld() : WebWorldFixture(DatabaseKind.Sqlite, DocumentsTests.Settings);

public sealed class DocumentsPostgresWorld() : WebWorldFixture(DatabaseKind.Postgres, DocumentsTests.Settings);
