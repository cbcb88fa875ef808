using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Documents;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

/// <summary>Adding and reading a case's documents, over a real database and a real folder: what is refused leaves nothing behind.</summary>
public sealed class DocumentServiceTests : IDisposable
{
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");
    private readonly string _folder = TestFolders.Documents();

    public void Dispose() => TestFolders.Delete(_folder);

    private sealed record World(Organisation Board, Organisation Agency, Organisation OtherAgency, User Officer, User AgencyLead, User OtherAgencyLead,
        User OtherBoardOfficer, Review Case);

    private static async Task<World> BuildAsync(IServiceScope scope)
    {
        var data = new TestData(scope.Db(), scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var board = await data.CreateBoardAsync("northbridge");
        var other = await data.CreateBoardAsync("eastmere");
        var agency = await data.CreateAgencyAsync("csc", AgencyType.ChildrensSocialCare, board);
        var otherAgency = await data.CreateAgencyAsync("health", AgencyType.HealthTrust, board);
        var officer = await data.CreateUserAsync("officer@nb.example", (Role.BusinessUnitOfficer, board));
        var lead = await data.CreateUserAsync("lead@csc.example", (Role.AgencyLead, agency));
        var otherLead = await data.CreateUserAsync("lead@health.example", (Role.AgencyLead, otherAgency));
        var otherOfficer = await data.CreateUserAsync("officer@em.example", (Role.BusinessUnitOfficer, other));
        var review = await data.CreateReviewAsync(board, officer, agency, otherAgency);
        return new World(board, agency, otherAgency, officer, lead, otherLead, otherOfficer, review);
    }

    private static Task<Principal> PrincipalAsync(IServiceScope scope, User user) =>
        new TestData(scope.Db(), scope.ServiceProvider.GetRequiredService<TimeProvider>()).PrincipalAsync(user);

    private static DocumentUpload Upload(string fileName, byte[] content, DocumentAudience audience = DocumentAudience.CaseTeam, Guid? agency = null,
        string title = "Agency report") =>
        new(title, fileName, new MemoryStream(content), audience, agency);

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task UploadAsync_Pdf_KeptUnderItsIdWithItsHashAndAudited(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock(), documentsFolder: _folder);
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var documents = scope.ServiceProvider.GetRequiredService<DocumentService>();
        var officer = await PrincipalAsync(scope, world.Officer);
        var pdf = TestFiles.Pdf();

        var added = await documents.UploadAsync(world.Case.Id, Upload(@"C:\fakepath\Police report.pdf", pdf, title: "  Police report  "), officer, Tester);
        var document = added.Document;
        added.ReadBy.ShouldBe("The board and the review team");

        var saved = await scope.Db().CaseDocuments.AsNoTracking().SingleAsync();
        saved.Id.ShouldBe(document.Id);
        saved.Title.ShouldBe("Police report");
        saved.FileName.ShouldBe("Police report.pdf");
        saved.Type.ShouldBe(DocumentType.Pdf);
        saved.Size.ShouldBe(pdf.Length);
        saved.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        saved.StorageKey.ShouldBe(FileSystemDocumentStore.KeyFor(document.Id));
        saved.UploadedById.ShouldBe(world.Officer.Id);
        TestFolders.FilesUnder(_folder).ShouldBe([Path.Combine(saved.StorageKey[..2], document.Id.ToString("N"))]);
        (await File.ReadAllBytesAsync(Path.Combine(_folder, saved.StorageKey))).ShouldBe(pdf);
        var audit = await scope.Db().AuditEntries.SingleAsync(e => e.Action == AuditActions.DocumentUploaded);
        audit.ItemId.ShouldBe(document.Id.ToString());
        audit.BoardId.ShouldBe(world.Board.Id);
        audit.Detail!.ShouldContain($"sha256={saved.Sha256}");
        audit.Detail!.ShouldNotContain("Police report");
    }

    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "renamed executable", "report.pdf", "“report.pdf” is not a PDF, Word, Excel, PNG or JPEG file" },
        { "HTML renamed", "report.pdf", "“report.pdf” is not a PDF, Word, Excel, PNG or JPEG file" },
        { "zip bomb", "report.docx", "“report.docx” is compressed too tightly (more than 100 to 1) to open safely" },
        { "oversized", "big.pdf", "“big.pdf” must be smaller than 1MB" },
    };

    private static byte[] Content(string what) => what switch
    {
        "renamed executable" => TestFiles.Executable(),
        "HTML renamed" => TestFiles.Html(),
        "zip bomb" => TestFiles.ZipBomb(),
        _ => TestFiles.Pdf().Concat(new byte[3 * 1024 * 1024]).ToArray(),
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task UploadAsync_RefusedFile_MessageOnTheFileAndNothingKept(string what, string fileName, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var services = CoreHost.Build(database, new TestClock(), documentsFolder: _folder);
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var documents = new DocumentService(scope.Db(), scope.ServiceProvider.GetRequiredService<AuditLog>(),
            scope.ServiceProvider.GetRequiredService<IDocumentStore>(), Options.Create(new DocumentSettings { Directory = _folder, MaxFileMegabytes = 1 }),
            new TestClock(), Microsoft.Extensions.Logging.Abstractions.NullLogger<DocumentService>.Instance);
        var officer = await PrincipalAsync(scope, world.Officer);

        var refused = await Should.ThrowAsync<RuleViolationException>(() => documents.UploadAsync(world.Case.Id, Upload(fileName, Content(what)), officer, Tester));

        refused.Problems.ShouldBe([new RuleProblem("file", message)], what);
        (await scope.Db().CaseDocuments.CountAsync()).ShouldBe(0);
        (await scope.Db().AuditEntries.CountAsync(e => e.Action == AuditActions.DocumentUploaded)).ShouldBe(0);
        TestFolders.FilesUnder(_folder).ShouldBeEmpty();
    }

    [Fact]
    public async Task UploadAsync_NothingChosenAndNoTitle_EveryProblemOnItsField()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var services = CoreHost.Build(database, new TestClock(), documentsFolder: _folder);
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var documents = scope.ServiceProvider.GetRequiredService<DocumentService>();
        var officer = await PrincipalAsync(scope, world.Officer);

        var refused = await Should.ThrowAsync<RuleViolationException>(() =>
            documents.UploadAsync(world.Case.Id, new DocumentUpload(" ", null, null, null, null), officer, Tester));

        refused.Problems.ShouldBe([
            new RuleProblem("title", "Enter a title for the document"),
            new RuleProblem("audience", "Select who can read the document"),
            new RuleProblem("file", "Select a file to upload"),
        ]);
        TestFolders.FilesUnder(_folder).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task UploadAsync_DatabaseSaveFails_TheKeptFileIsRemovedAndNothingIsAudited(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock(), documentsFolder: _folder);
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var documents = scope.ServiceProvider.GetRequiredService<DocumentService>();
        var officer = await PrincipalAsync(scope, world.Officer);
        // Whose account is gone by the time the row is saved: the row's reference to its uploader fails.
        var ghost = new Principal(Guid.NewGuid(), "ghost", officer.Grants);

        await Should.ThrowAsync<DbUpdateException>(() => documents.UploadAsync(world.Case.Id, Upload("report.pdf", TestFiles.Pdf()), ghost, Tester));

        TestFolders.FilesUnder(_folder).ShouldBeEmpty();
        // Nothing of the failed upload waits in the context for a later save.
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordNowAsync(Tester, AuditActions.ReviewRead, world.Board.Id);
        (await scope.Db().CaseDocuments.CountAsync()).ShouldBe(0);
        (await scope.Db().AuditEntries.CountAsync(e => e.Action == AuditActions.DocumentUploaded)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task OpenAsync_EachReadsOnlyWhatIsTheirs_AndEveryDownloadIsAudited(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock(), documentsFolder: _folder);
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var documents = scope.ServiceProvider.GetRequiredService<DocumentService>();
        var officer = await PrincipalAsync(scope, world.Officer);
        var lead = await PrincipalAsync(scope, world.AgencyLead);
        var otherLead = await PrincipalAsync(scope, world.OtherAgencyLead);
        var otherBoard = await PrincipalAsync(scope, world.OtherBoardOfficer);
        var png = TestFiles.Png();
        var forTeam = (await documents.UploadAsync(world.Case.Id, Upload("minutes.pdf", TestFiles.Pdf(), title: "Minutes"), officer, Tester)).Document;
        var ownAgency = (await documents.UploadAsync(world.Case.Id, Upload("genogram.png", png, DocumentAudience.Agency, world.Agency.Id, "Genogram"),
            lead, Tester)).Document;

        await using (var download = await documents.OpenAsync(world.Case.Id, ownAgency.Id, officer, Tester))
        {
            download.MediaType.ShouldBe("image/png");
            download.Document.FileName.ShouldBe("genogram.png");
            using var copy = new MemoryStream();
            await download.Content.CopyToAsync(copy);
            copy.ToArray().ShouldBe(png);
        }
        (await documents.OpenAsync(world.Case.Id, ownAgency.Id, lead, Tester)).Content.Dispose();
        await Should.ThrowAsync<NotFoundException>(() => documents.OpenAsync(world.Case.Id, ownAgency.Id, otherLead, Tester));
        await Should.ThrowAsync<NotFoundException>(() => documents.OpenAsync(world.Case.Id, forTeam.Id, lead, Tester));
        await Should.ThrowAsync<NotFoundException>(() => documents.OpenAsync(world.Case.Id, forTeam.Id, otherBoard, Tester));
        await Should.ThrowAsync<NotFoundException>(() => documents.OpenAsync(world.Case.Id, Guid.NewGuid(), officer, Tester));

        var downloads = await scope.Db().AuditEntries.Where(e => e.Action == AuditActions.DocumentDownloaded).OrderBy(e => e.Sequence).ToListAsync();
        downloads.Select(e => e.UserName).ShouldBe(["tester", "tester"]);
        downloads.ShouldAllBe(e => e.ItemId == ownAgency.Id.ToString() && e.BoardId == world.Board.Id);

        var leadsList = await documents.ListAsync(world.Case.Id, lead, Tester);
        leadsList.Documents.Select(d => d.Document.Title).ShouldBe(["Genogram"]);
        leadsList.Documents[0].ReadBy.ShouldBe("Agency csc, the board and the review team");
        leadsList.UploadTo.Select(a => a.AgencyId).ShouldBe([world.Agency.Id]);
        (await documents.ListAsync(world.Case.Id, otherLead, Tester)).Documents.ShouldBeEmpty();
        (await documents.ListAsync(world.Case.Id, officer, Tester)).Documents.Select(d => d.Document.Title).Order().ShouldBe(["Genogram", "Minutes"]);
        await Should.ThrowAsync<NotFoundException>(() => documents.ListAsync(world.Case.Id, otherBoard, Tester));
    }

    [Fact]
    public async Task UploadAsync_AgencyForAnotherAgencyOrForTheWholeTeam_Refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var services = CoreHost.Build(database, new TestClock(), documentsFolder: _folder);
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var documents = scope.ServiceProvider.GetRequiredService<DocumentService>();
        var lead = await PrincipalAsync(scope, world.AgencyLead);
        var otherBoard = await PrincipalAsync(scope, world.OtherBoardOfficer);

        await Should.ThrowAsync<ForbiddenException>(() =>
            documents.UploadAsync(world.Case.Id, Upload("report.pdf", TestFiles.Pdf(), DocumentAudience.Agency, world.OtherAgency.Id), lead, Tester));
        (await Should.ThrowAsync<RuleViolationException>(() =>
            documents.UploadAsync(world.Case.Id, Upload("report.pdf", TestFiles.Pdf(), DocumentAudience.CaseTeam), lead, Tester)))
            .Problems.Single().Field.ShouldBe("audience");
        await Should.ThrowAsync<NotFoundException>(() =>
            documents.UploadAsync(world.Case.Id, Upload("report.pdf", TestFiles.Pdf()), otherBoard, Tester));
        (await scope.Db().CaseDocuments.CountAsync()).ShouldBe(0);
        TestFolders.FilesUnder(_folder).ShouldBeEmpty();
    }
}

/// <summary>The file-system store on its own: staging, the size cap, atomic commit, keys that cannot leave the folder.</summary>
public sealed class FileSystemDocumentStoreTests : IDisposable
{
    private readonly string _folder = TestFolders.Documents();

    public void Dispose() => TestFolders.Delete(_folder);

    private FileSystemDocumentStore Store() => new(Options.Create(new DocumentSettings { Directory = _folder }));

    [Fact]
    public async Task StageAsync_ThenCommit_KeptWholeUnderTheKeyAndOnlyTheOwnerMayReadIt()
    {
        var store = Store();
        var content = TestFiles.Pdf();
        var key = FileSystemDocumentStore.KeyFor(Guid.NewGuid());

        await using (var staged = await store.StageAsync(new MemoryStream(content), 1024 * 1024))
        {
            staged.Length.ShouldBe(content.Length);
            staged.TooLarge.ShouldBeFalse();
            staged.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));
            TestFolders.FilesUnder(_folder).ShouldHaveSingleItem().ShouldStartWith(FileSystemDocumentStore.IncomingFolder);
            store.Exists(key).ShouldBeFalse();
            await staged.CommitAsync(key);
        }

        TestFolders.FilesUnder(_folder).ShouldBe([key.Replace('/', Path.DirectorySeparatorChar)]);
        await using (var read = store.OpenRead(key))
        {
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            copy.ToArray().ShouldBe(content);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(store.PathOf(key)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task StageAsync_Disposed_WithoutCommit_LeavesNothing()
    {
        var store = Store();

        await using (await store.StageAsync(new MemoryStream(TestFiles.Png()), 1024))
        {
        }

        TestFolders.FilesUnder(_folder).ShouldBeEmpty();
    }

    [Fact]
    public async Task StageAsync_LongerThanTheLimit_StopsReadingJustPastIt()
    {
        var store = Store();
        var endless = new EndlessStream();

        await using var staged = await store.StageAsync(endless, 100_000);

        staged.TooLarge.ShouldBeTrue();
        staged.Length.ShouldBe(100_001);
        endless.Consumed.ShouldBe(100_001);
    }

    [Fact]
    public async Task CommitAsync_KeyAlreadyKept_RefusedAndTheFirstKept()
    {
        var store = Store();
        var key = FileSystemDocumentStore.KeyFor(Guid.NewGuid());
        await using (var first = await store.StageAsync(new MemoryStream(TestFiles.Pdf()), 1024 * 1024))
        {
            await first.CommitAsync(key);
        }

        await using (var second = await store.StageAsync(new MemoryStream(TestFiles.Png()), 1024 * 1024))
        {
            await Should.ThrowAsync<IOException>(() => second.CommitAsync(key));
        }

        TestFolders.FilesUnder(_folder).ShouldHaveSingleItem();
        (await File.ReadAllBytesAsync(store.PathOf(key))).ShouldBe(TestFiles.Pdf());
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ab/../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("ab/cd0123456789abcdef0123456789abcd")]
    [InlineData("AB/AB0123456789ABCDEF0123456789ABCD")]
    public void PathOf_AnythingButAKeyItMade_Refused(string key) => Should.Throw<ArgumentException>(() => Store().PathOf(key));

    [Fact]
    public async Task Delete_RemovesTheFile_AndAMissingOneIsNoError()
    {
        var store = Store();
        var key = FileSystemDocumentStore.KeyFor(Guid.NewGuid());
        await using (var staged = await store.StageAsync(new MemoryStream(TestFiles.Jpeg()), 1024))
        {
            await staged.CommitAsync(key);
        }

        store.Delete(key);
        store.Delete(key);
        store.Delete(FileSystemDocumentStore.KeyFor(Guid.NewGuid()));

        store.Exists(key).ShouldBeFalse();
        Should.Throw<FileNotFoundException>(() => store.OpenRead(key).Dispose());
        Should.Throw<FileNotFoundException>(() => store.OpenRead(FileSystemDocumentStore.KeyFor(Guid.NewGuid())).Dispose());
    }

    /// <summary>An upload that never ends, counting what was read of it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Consumed { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Consumed; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'A', offset, count);
            Consumed += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
