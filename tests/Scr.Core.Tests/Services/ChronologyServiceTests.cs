using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Chronology;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Chronology;
using Scr.Core.Services.ChronologyReview;
using Scr.Core.Services.Reviews;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

/// <summary>The chronologies of a case through their service: imports all or nothing and versioned, the merged view paged and filtered, agencies kept apart until shared.</summary>
public class ChronologyServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");

    private sealed record World(TestClock Clock, ServiceProvider Services, Organisation Csc, Organisation Health, User Officer, User CscLead,
        User HealthLead, Review Case) : IAsyncDisposable
    {
        public async Task<T> AsAsync<T>(User user, Func<ChronologyService, Principal, Task<T>> work)
        {
            using var scope = Services.CreateScope();
            var principal = await new TestData(scope.Db(), Clock).PrincipalAsync(user);
            return await work(scope.ServiceProvider.GetRequiredService<ChronologyService>(), principal);
        }

        public async Task<int> StoredEntriesAsync()
        {
            using var scope = Services.CreateScope();
            return await scope.Db().ChronologyEntries.CountAsync();
        }

        public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string action)
        {
            using var scope = Services.CreateScope();
            return await scope.Db().AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync();
        }

        public Task<AgencyChronologyVersion> ImportAsync(User user, Organisation agency, string csv) =>
            AsAsync(user, (s, p) => s.ImportAsync(Case.Id, agency.Id, new MemoryStream(Encoding.UTF8.GetBytes(csv)), ChronologyFileFormat.Csv, "chronology.csv",
                p, Tester));

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private static async Task<World> BuildAsync(TestDatabase database)
    {
        var clock = new TestClock(Start);
        var services = CoreHost.Build(database, clock);
        using var scope = services.CreateScope();
        var data = new TestData(scope.Db(), clock);
        var board = await data.CreateBoardAsync("northbridge");
        var csc = await data.CreateAgencyAsync("csc", AgencyType.ChildrensSocialCare, board);
        var health = await data.CreateAgencyAsync("health", AgencyType.HealthTrust, board);
        var chair = await data.CreateUserAsync("chair@nb.example", (Role.BoardChair, board));
        var officer = await data.CreateUserAsync("officer@nb.example", (Role.BusinessUnitOfficer, board));
        var cscLead = await data.CreateUserAsync("lead@csc.example", (Role.AgencyLead, csc));
        var healthLead = await data.CreateUserAsync("lead@health.example", (Role.AgencyLead, health));
        var review = await data.CreateReviewAsync(board, officer, csc, health);
        await scope.ServiceProvider.GetRequiredService<ReviewService>().MoveAsync(review.Id, "initiate", "Criteria met", review.Version,
            await data.PrincipalAsync(chair), Tester);
        return new World(clock, services, csc, health, officer, cscLead, healthLead, review);
    }

    /// <summary>A CSV file on the template, the agency column left empty (the importing agency's).</summary>
    private static string Csv(params (string Date, ContactType Type, ChildSeen Seen, string What)[] rows)
    {
        var text = new StringBuilder(string.Join(",", ChronologyWriter.Header)).Append("\r\n");
        foreach (var (date, type, seen, what) in rows)
        {
            var cells = new string[ChronologyTemplate.Columns.Count];
            cells[(int)ChronologyColumn.Date] = date;
            cells[(int)ChronologyColumn.PractitionerRole] = "social worker";
            cells[(int)ChronologyColumn.ContactType] = Labels.Of(type);
            cells[(int)ChronologyColumn.ChildSeen] = Labels.Of(seen);
            cells[(int)ChronologyColumn.Wishes] = "Not recorded";
            cells[(int)ChronologyColumn.WhatHappened] = what;
            text.Append(string.Join(",", cells.Select(c => c ?? ""))).Append("\r\n");
        }
        return text.ToString();
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Import_WithAnyBadRow_RefusedWholly_EveryProblemNamed_NothingStored(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);

        var refused = await Should.ThrowAsync<ChronologyImportException>(() => world.ImportAsync(world.CscLead, world.Csc, Csv(
            ("01/03/2024", ContactType.HomeVisit, ChildSeen.Yes, "Visit"),
            ("31/02/2024", ContactType.HomeVisit, ChildSeen.Yes, "Bad date"),
            ("02/03/2024", ContactType.Phone, ChildSeen.No, ""))));

        refused.Problems.Select(p => p.ToString()).ShouldContain(p => p.StartsWith("row 3, column 'Date': '31/02/2024'", StringComparison.Ordinal));
        refused.Problems.Select(p => p.ToString()).ShouldContain(p => p.StartsWith("row 4, column 'What happened'", StringComparison.Ordinal));
        (await world.StoredEntriesAsync()).ShouldBe(0);
        var view = await world.AsAsync(world.Officer, (s, p) => s.GetAsync(world.Case.Id, new ChronologyFilter(), p, Tester));
        view.Agencies.ShouldBeEmpty();
        (await world.AuditAsync(AuditActions.ChronologyImportRefused)).Count.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Reimport_MakesVersion2_KeepsVersion1_OnlyCurrentEntriesMerged(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);

        var first = await world.ImportAsync(world.CscLead, world.Csc, Csv(("01/03/2024", ContactType.HomeVisit, ChildSeen.Yes, "First visit"),
            ("05/03/2024", ContactType.Phone, ChildSeen.No, "Call")));
        var second = await world.ImportAsync(world.CscLead, world.Csc, Csv(("01/03/2024", ContactType.HomeVisit, ChildSeen.Yes, "First visit (corrected)"),
            ("05/03/2024", ContactType.Phone, ChildSeen.No, "Call"), ("09/03/2024", ContactType.OfficeVisit, ChildSeen.Yes, "Office")));

        first.Number.ShouldBe(1);
        second.Number.ShouldBe(2);
        (await world.StoredEntriesAsync()).ShouldBe(5);
        var view = await world.AsAsync(world.Officer, (s, p) => s.GetAsync(world.Case.Id, new ChronologyFilter(), p, Tester));
        view.Agencies.Single().Versions.Select(v => (v.Number, v.EntryCount)).OrderBy(v => v.Number).ShouldBe([(1, 2), (2, 3)]);
        view.Total.ShouldBe(3);
        view.Groups.SelectMany(g => g.Entries).Select(e => e.WhatHappened).ShouldBe(["First visit (corrected)", "Call", "Office"]);
        (await world.AuditAsync(AuditActions.ChronologyImported)).Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Merged_InTimeOrder_SameTimeGrouped_Filtered_Paged(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        await world.ImportAsync(world.CscLead, world.Csc, Csv(("10/03/2024", ContactType.StrategyDiscussion, ChildSeen.No, "Strategy (CSC)"),
            ("01/03/2024", ContactType.HomeVisit, ChildSeen.Yes, "CSC visit"), ("20/03/2024", ContactType.Phone, ChildSeen.NotRecorded, "CSC call")));
        await world.ImportAsync(world.HealthLead, world.Health, Csv(("05/03/2024", ContactType.HomeVisit, ChildSeen.Yes, "Health visit"),
            ("10/03/2024", ContactType.StrategyDiscussion, ChildSeen.Yes, "Strategy (health)")));

        var all = await world.AsAsync(world.Officer, (s, p) => s.GetAsync(world.Case.Id, new ChronologyFilter(), p, Tester));
        all.Groups.SelectMany(g => g.Entries).Select(e => e.WhatHappened)
            .ShouldBe(["CSC visit", "Health visit", "Strategy (CSC)", "Strategy (health)", "CSC call"]);
        all.Groups.Count(g => g.IsMultiAgency).ShouldBe(1);
        all.Analysis!.Discrepancies.ShouldContain(d => d.Date == new DateOnly(2024, 3, 10));

        var notSeen = await world.AsAsync(world.Officer, (s, p) => s.GetAsync(world.Case.Id, new ChronologyFilter(ChildSeen: ChildSeen.No), p, Tester));
        notSeen.Groups.SelectMany(g => g.Entries).Select(e => e.WhatHappened).ShouldBe(["Strategy (CSC)"]);
        var health = await world.AsAsync(world.Officer, (s, p) => s.GetAsync(world.Case.Id,
            new ChronologyFilter(AgencyId: world.Health.Id, From: new DateOnly(2024, 3, 6)), p, Tester));
        health.Groups.SelectMany(g => g.Entries).Select(e => e.WhatHappened).ShouldBe(["Strategy (health)"]);

        var page2 = await world.AsAsync(world.Officer, (s, p) => s.GetAsync(world.Case.Id, new ChronologyFilter(Page: 2, PageSize: 2), p, Tester));
        page2.Total.ShouldBe(5);
        page2.Pages.ShouldBe(3);
        page2.Groups.SelectMany(g => g.Entries).Select(e => e.WhatHappened).ShouldBe(["Strategy (CSC)", "Strategy (health)"]);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Agency_SeesOnlyItsOwn_UntilShared_EditsOnlyItsOwn_ReadsAudited(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        await world.ImportAsync(world.CscLead, world.Csc, Csv(("01/03/2024", ContactType.HomeVisit, ChildSeen.Yes, "CSC visit")));
        await world.ImportAsync(world.HealthLead, world.Health, Csv(("05/03/2024", ContactType.HomeVisit, ChildSeen.Yes, "Health visit")));

        var before = await world.AsAsync(world.HealthLead, (s, p) => s.GetAsync(world.Case.Id, new ChronologyFilter(), p, Tester));
        before.SeesAll.ShouldBeFalse();
        before.Groups.SelectMany(g => g.Entries).Select(e => e.WhatHappened).ShouldBe(["Health visit"]);
        before.MayShare.ShouldBeFalse();
        await Should.ThrowAsync<ForbiddenException>(() => world.ImportAsync(world.HealthLead, world.Csc,
            Csv(("01/03/2024", ContactType.HomeVisit, ChildSeen.Yes, "Not theirs"))));
        await Should.ThrowAsync<ForbiddenException>(() => world.AsAsync(world.HealthLead, async (s, p) =>
        {
            await s.ShareAsync(world.Case.Id, p, Tester);
            return 0;
        }));

        await world.AsAsync(world.Officer, async (s, p) =>
        {
            await s.ShareAsync(world.Case.Id, p, Tester);
            return 0;
        });
        var after = await world.AsAsync(world.HealthLead, (s, p) => s.GetAsync(world.Case.Id, new ChronologyFilter(), p, Tester));
        after.SeesAll.ShouldBeTrue();
        after.Groups.SelectMany(g => g.Entries).Select(e => e.WhatHappened).ShouldBe(["CSC visit", "Health visit"]);
        (await world.AuditAsync(AuditActions.ChronologyRead)).Count.ShouldBe(2);
        (await world.AuditAsync(AuditActions.ChronologyShared)).Count.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task TypedEntry_CheckedLikeARow_JoinsCurrentVersion_EpisodeFilters(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);

        var refused = await Should.ThrowAsync<RuleViolationException>(() => world.AsAsync(world.CscLead, (s, p) => s.AddEntryAsync(world.Case.Id, world.Csc.Id,
            new Dictionary<ChronologyColumn, string?> { [ChronologyColumn.Date] = "31/02/2024" }, p, Tester)));
        refused.Problems.ShouldContain(p => p.Field == "date");
        refused.Problems.ShouldContain(p => p.Field == "what_happened");

        await world.AsAsync(world.CscLead, (s, p) => s.AddEntryAsync(world.Case.Id, world.Csc.Id, new Dictionary<ChronologyColumn, string?>
        {
            [ChronologyColumn.Date] = "12/04/2024",
            [ChronologyColumn.PractitionerRole] = "duty social worker",
            [ChronologyColumn.ContactType] = "Home visit",
            [ChronologyColumn.ChildSeen] = "No",
            [ChronologyColumn.WhatHappened] = "No answer at the door",
        }, p, Tester));
        var episode = await world.AsAsync(world.Officer, (s, p) => s.MarkEpisodeAsync(world.Case.Id,
            new KeyPracticeEpisodeInput("April visits", "The child was not seen", new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30)), p, Tester));
        await Should.ThrowAsync<ForbiddenException>(() => world.AsAsync(world.CscLead, (s, p) => s.MarkEpisodeAsync(world.Case.Id,
            new KeyPracticeEpisodeInput("Mine", "Why", new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30)), p, Tester)));

        var inEpisode = await world.AsAsync(world.Officer, (s, p) => s.GetAsync(world.Case.Id, new ChronologyFilter(EpisodeId: episode.Id), p, Tester));
        inEpisode.Groups.SelectMany(g => g.Entries).Single().WhatHappened.ShouldBe("No answer at the door");
        inEpisode.Agencies.Single().Current!.Source.ShouldBe(ChronologyVersionSource.Typed);
        var outside = await world.AsAsync(world.Officer, (s, p) => s.GetAsync(world.Case.Id, new ChronologyFilter(To: new DateOnly(2024, 3, 31)), p, Tester));
        outside.Total.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Exports_Watermarked_Audited_OpenWithOpenXml(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await BuildAsync(database);
        await world.ImportAsync(world.CscLead, world.Csc, Csv(("01/03/2024", ContactType.HomeVisit, ChildSeen.Yes, "CSC visit")));

        var docx = await world.AsAsync(world.Officer, (s, p) => s.ExportAsync(world.Case.Id, new ChronologyFilter(), ChronologyExportFormat.Docx, p, Tester));
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx.Content), false))
        {
            var main = document.MainDocumentPart!;
            main.HeaderParts.Single().Header!.InnerText.ShouldContain("Confidential — exported by");
            main.Document!.Body!.InnerText.ShouldContain("CSC visit");
            main.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableHeader>().ShouldNotBeEmpty();
            main.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.PageSize>().Single().Orient!.Value
                .ShouldBe(DocumentFormat.OpenXml.Wordprocessing.PageOrientationValues.Landscape);
        }
        var xlsx = await world.AsAsync(world.Officer, (s, p) => s.ExportAsync(world.Case.Id, new ChronologyFilter(), ChronologyExportFormat.Xlsx, p, Tester));
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx.Content), false))
        {
            var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet!;
            sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.OddHeader>().Single().Text.ShouldContain("exported by");
        }
        var read = ChronologyReader.ReadAll(new MemoryStream(xlsx.Content), ChronologyFileFormat.Xlsx);
        read.Entries.Single().WhatHappened.ShouldBe("CSC visit");
        (await world.AuditAsync(AuditActions.ChronologyExported)).Count.ShouldBe(2);
    }
}
