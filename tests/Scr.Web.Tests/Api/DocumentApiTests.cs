using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Services.Audit;
using Scr.TestCommon;
using Scr.Web.Tests.Pages;

namespace Scr.Web.Tests.Api;

/// <summary>/api/v1/cases/{id}/documents: list, upload (multipart) and download, with the site's rules; documents up to 1MB.</summary>
public abstract class DocumentApiTests(WebWorldFixture fixture)
{
    private const string Officer = "officer@northbridge.example";
    private const string AgencyLead = "agency.lead@northbridge.example";
    private const string AgencyAuthor = "agency.author@northbridge.example";

    private WebWorld World => fixture.World;

    private Task<Guid> NewCaseAsync() =>
        World.NotifyStage1CaseAsync(Officer, "northbridge", "Fictional case for the documents API tests.", agencyKeys: ["northbridge-csc", "northbridge-health"]);

    private static MultipartFormDataContent Form(string? title, string? audience, Guid? agencyId, string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent();
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }
        if (audience is not null)
        {
            form.Add(new StringContent(audience), "audience");
        }
        if (agencyId is { } id)
        {
            form.Add(new StringContent(id.ToString()), "agencyId");
        }
        form.Add(new ByteArrayContent(content), "file", fileName);
        return form;
    }

    private IReadOnlyList<string> Files() => TestFolders.FilesUnder(World.Factory.DocumentsFolder);

    [Fact]
    public async Task Upload_ListAndDownload_AsTheSiteDoes()
    {
        var caseId = await NewCaseAsync();
        var socialCare = (await World.OrganisationAsync("northbridge-csc")).Id;
        var lead = await World.ApiClientAsync(AgencyLead);
        var docx = TestFiles.Docx();

        using var form = Form("Social care chronology", "Agency", socialCare, "chronology.docx", docx);
        var created = await lead.PostAsync($"/api/v1/cases/{caseId}/documents", form);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var detail = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = detail.GetProperty("id").GetGuid();
        created.Headers.Location!.OriginalString.ShouldBe($"/api/v1/cases/{caseId}/documents/{id}");
        detail.GetProperty("type").GetString().ShouldBe("Word");
        detail.GetProperty("mediaType").GetString().ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        detail.GetProperty("size").GetInt64().ShouldBe(docx.Length);
        detail.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(docx)));
        detail.GetProperty("audience").GetString().ShouldBe("Agency");
        detail.GetProperty("readBy").GetString().ShouldBe("Northbridge Children's Social Care, the board and the review team");
        detail.GetProperty("uploadedBy").GetString().ShouldBe("Sam Ridley");

        var list = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/documents");
        list.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ShouldBe([id]);
        list.GetProperty("uploadTo").EnumerateArray().Select(a => a.GetProperty("agencyId").GetGuid()).ShouldBe([socialCare]);
        list.GetProperty("maxBytes").GetInt64().ShouldBe(1024 * 1024);
        var author = await World.ApiClientAsync(AgencyAuthor);
        (await author.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/documents")).GetProperty("documents").GetArrayLength().ShouldBe(0);
        (await author.GetAsync($"/api/v1/cases/{caseId}/documents/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var officer = await World.ApiClientAsync(Officer);
        var download = await officer.GetAsync(detail.GetProperty("download").GetString());

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("chronology.docx");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(docx);
        (await World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.DocumentDownloaded && e.ItemId == id.ToString())))
            .ShouldBe(1);
    }

    [Fact]
    public async Task Upload_RefusedFiles_400NamingTheFileFieldAndNothingStored()
    {
        var caseId = await NewCaseAsync();
        var officer = await World.ApiClientAsync(Officer);
        var files = Files();

        foreach (var (name, content, message) in new[]
        {
            ("setup.pdf", TestFiles.Executable(), "“setup.pdf” is not a PDF, Word, Excel, PNG or JPEG file"),
            ("report.docx", TestFiles.ZipBomb(), "“report.docx” is compressed too tightly (more than 100 to 1) to open safely"),
            ("big.pdf", TestFiles.Pdf().Concat(new byte[1024 * 1024]).ToArray(), "“big.pdf” must be smaller than 1MB"),
        })
        {
            using var form = Form("Report", "CaseTeam", null, name, content);
            var response = await officer.PostAsync($"/api/v1/cases/{caseId}/documents", form);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, name);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("errors").GetProperty("file").EnumerateArray().Select(e => e.GetString()).ShouldBe([message]);
        }

        (await World.WithDbAsync(db => db.CaseDocuments.CountAsync(d => d.ReviewId == caseId))).ShouldBe(0);
        Files().ShouldBe(files);
    }

    [Fact]
    public async Task Upload_RequestLargerThanTheLimit_413BeforeItIsRead()
    {
        var caseId = await NewCaseAsync();
        var officer = await World.ApiClientAsync(Officer);
        var files = Files();
        using var form = Form("Scans", "CaseTeam", null, "scans.pdf", TestFiles.Pdf().Concat(new byte[3 * 1024 * 1024]).ToArray());

        var response = await officer.PostAsync($"/api/v1/cases/{caseId}/documents", form);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("file")[0].GetString().ShouldBe("The selected file must be smaller than 1MB");
        (await World.WithDbAsync(db => db.CaseDocuments.CountAsync(d => d.ReviewId == caseId))).ShouldBe(0);
        Files().ShouldBe(files);
    }

    [Fact]
    public async Task Upload_MissingFields_400ForEach()
    {
        var caseId = await NewCaseAsync();
        var officer = await World.ApiClientAsync(Officer);
        using var form = new MultipartFormDataContent { { new StringContent(""), "title" } };

        var response = await officer.PostAsync($"/api/v1/cases/{caseId}/documents", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["title", "audience", "file"], ignoreOrder: true);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheDocumentOperations()
    {
        var document = await World.Factory.CreateBrowser().GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var paths = document.GetProperty("paths");

        var upload = paths.GetProperty("/api/v1/cases/{id}/documents").GetProperty("post");
        upload.GetProperty("operationId").GetString().ShouldBe("UploadDocument");
        var schema = upload.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").ToString();
        schema.ShouldContain("\"title\"");
        schema.ShouldContain("#/components/schemas/IFormFile");
        document.GetProperty("components").GetProperty("schemas").GetProperty("IFormFile").GetProperty("format").GetString().ShouldBe("binary");
        upload.GetProperty("responses").TryGetProperty("413", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/cases/{id}/documents").GetProperty("get").GetProperty("operationId").GetString().ShouldBe("ListDocuments");
        var download = paths.GetProperty("/api/v1/cases/{id}/documents/{documentId}").GetProperty("get");
        download.GetProperty("operationId").GetString().ShouldBe("DownloadDocument");
        var media = download.GetProperty("responses").GetProperty("200").GetProperty("content");
        media.EnumerateObject().Select(m => m.Name).ShouldBe(["application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png", "image/jpeg"]);
        media.GetProperty("application/pdf").GetProperty("schema").GetProperty("$ref").GetString().ShouldBe("#/components/schemas/Stream");
        document.GetProperty("components").GetProperty("schemas").GetProperty("Stream").GetProperty("format").GetString().ShouldBe("binary");
    }
}

[Collection("web")]
public sealed class DocumentApiSqliteTests(DocumentsSqliteWorld fixture) : DocumentApiTests(fixture), IClassFixture<DocumentsSqliteWorld>;

[Collection("web")]
public sealed class DocumentApiPostgresTests(DocumentsPostgresWorld fixture) : DocumentApiTests(fixture), IClassFixture<DocumentsPostgresWorld>;
