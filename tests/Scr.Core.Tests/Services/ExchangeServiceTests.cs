using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Exchange;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

public class ExchangeServiceTests
{
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");
    private static readonly Principal PanelMember = new(Guid.NewGuid(), "Panel", [new Grant(Role.PanelMember, Guid.NewGuid(), OrganisationKind.NationalPanel, [])]);

    /// <summary>A one-review file of board "anytown", with whatever fields are written into the review.</summary>
    private static string OneReview(string fields = "") =>
        $$"""{"format":"scr-exchange/1","reviews":[{"reference":"ANY-2002-003","board":"anytown"{{fields}}}]}""";

    private static MemoryStream Text(string json) => new(Encoding.UTF8.GetBytes(json));

    private static MemoryStream File(IEnumerable<ExchangeBoard> boards, IEnumerable<ExchangeReview> reviews)
    {
        var stream = new MemoryStream();
        ExchangeWriter.Write(stream, boards, reviews);
        stream.Position = 0;
        return stream;
    }

    private static async Task<T> InScopeAsync<T>(ServiceProvider services, Func<ExchangeService, Task<T>> work)
    {
        using var scope = services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ExchangeService>());
    }

    private static async Task<List<LearningReview>> HeldAsync(ServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await scope.Db().LearningReviews.AsNoTracking().OrderBy(r => r.BoardKey).ThenBy(r => r.Reference).ToListAsync();
    }

    /// <summary>The demo collection's boards made organisations here, so its reviews can be imported.</summary>
    private static async Task AddBoardsAsync(ServiceProvider services, IEnumerable<ExchangeBoard> boards)
    {
        using var scope = services.CreateScope();
        var data = new TestData(scope.Db(), TimeProvider.System);
        foreach (var board in boards)
        {
            await data.CreateBoardAsync(board.Id, board.Region);
        }
    }

    public static TheoryData<string, string, string> InvalidFiles => new()
    {
        { "bad JSON", """{"format":"scr-exchange/1","reviews":[{"reference":"ANY-2002-003","board":"anytown",]}""", "$.reviews[0]" },
        { "wrong format string", """{"format":"scr-exchange/2","reviews":[]}""", "$.format" },
        { "unknown field", OneReview(""","colour":"blue" """), "$.reviews[0].colour" },
        { "bad enum value", OneReview(""","kind":"inquiry" """), "$.reviews[0].kind" },
        { "duplicate reference", """
            {"format":"scr-exchange/1","reviews":[{"reference":"ANY-1","board":"anytown"},{"reference":"ANY-1","board":"anytown"}]}
            """, "$.reviews[1].reference" },
        { "unknown board", """
            {"format":"scr-exchange/1","reviews":[{"reference":"ANY-1","board":"anytown"},{"reference":"NOW-1","board":"nowhere"}]}
            """, "$.reviews[1].board" },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task ImportAsync_InvalidFile_RefusedWithTheJsonPathAndNothingStored(string kind, string json, string path)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var services = CoreHost.Build(database, new TestClock());
        await AddBoardsAsync(services, [new ExchangeBoard("anytown", Region: Region.YorkshireHumber)]);

        var refused = await Should.ThrowAsync<ExchangeFileException>(() => InScopeAsync(services, s => s.ImportAsync(Text(json), PanelMember, Tester)));

        refused.Problems.Listed.ShouldContain(p => p.Path.StartsWith(path, StringComparison.Ordinal), $"{kind}: {refused.Problems}");
        (await HeldAsync(services)).ShouldBeEmpty(kind);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task ImportAsync_UnknownBoardAfterABatchWasWritten_NothingStored(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        await AddBoardsAsync(services, DemoExchange.Boards);
        var reviews = DemoExchange.Reviews(600).ToList();
        reviews[599] = reviews[599] with { Board = "nowhere" };

        var refused = await Should.ThrowAsync<ExchangeFileException>(() => InScopeAsync(services, s =>
            s.ImportAsync(File([.. DemoExchange.Boards, new ExchangeBoard("nowhere")], reviews), PanelMember, Tester)));

        refused.Problems.Listed.Single().Path.ShouldBe("$.reviews[599].board");
        (await HeldAsync(services)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task ImportAsync_SameFileTwice_TheSecondChangesNothing(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var clock = new TestClock();
        await using var services = CoreHost.Build(database, clock);
        await AddBoardsAsync(services, DemoExchange.Boards);
        var reviews = DemoExchange.Reviews(40).ToList();

        var first = await InScopeAsync(services, s => s.ImportAsync(File(DemoExchange.Boards, reviews), PanelMember, Tester));
        var held = await HeldAsync(services);
        clock.Advance(TimeSpan.FromDays(1));
        var second = await InScopeAsync(services, s => s.ImportAsync(File(DemoExchange.Boards, reviews), PanelMember, Tester));

        first.ShouldBe(new ExchangeImportResult(40, 40, 0, 0));
        second.ShouldBe(new ExchangeImportResult(40, 0, 0, 40));
        var again = await HeldAsync(services);
        again.Select(r => (r.Id, r.BoardKey, r.Reference, r.Record, r.ImportedAt))
            .ShouldBe(held.Select(r => (r.Id, r.BoardKey, r.Reference, r.Record, r.ImportedAt)));
        using var scope = services.CreateScope();
        (await scope.Db().AuditEntries.CountAsync(e => e.Action == AuditActions.LearningReviewsImported)).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task ImportAsync_ChangedReviewWithTheSameReference_ReplacesTheOneHeld(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        await AddBoardsAsync(services, DemoExchange.Boards);
        var reviews = DemoExchange.Reviews(3).ToList();
        await InScopeAsync(services, s => s.ImportAsync(File(DemoExchange.Boards, reviews), PanelMember, Tester));
        var changed = reviews[1] with { Themes = new ValueList<ReviewTheme>([ReviewTheme.Transition]) };

        var result = await InScopeAsync(services, s => s.ImportAsync(File(DemoExchange.Boards, [reviews[0], changed]), PanelMember, Tester));

        result.ShouldBe(new ExchangeImportResult(2, 0, 1, 1));
        var held = await HeldAsync(services);
        held.Count.ShouldBe(3);
        ExchangeService.ReviewOf(held.Single(r => r.Reference == changed.Reference && r.BoardKey == changed.Board).Record).ShouldBe(changed);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task ExportAsync_Everything_ImportsAgainToTheSameRecords(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        await AddBoardsAsync(services, DemoExchange.Boards);
        var reviews = DemoExchange.Reviews(60).ToList();
        await InScopeAsync(services, s => s.ImportAsync(File(DemoExchange.Boards, reviews), PanelMember, Tester));
        var held = await HeldAsync(services);

        var exported = new MemoryStream();
        var count = await InScopeAsync(services, s => s.ExportAsync(exported, new ExchangeExportFilter(), PanelMember, Tester));
        exported.Position = 0;
        var (boards, read) = ExchangeReader.ReadAll(exported);
        exported.Position = 0;
        var again = await InScopeAsync(services, s => s.ImportAsync(exported, PanelMember, Tester));

        count.ShouldBe(60);
        read.OrderBy(r => r.Board, StringComparer.Ordinal).ThenBy(r => r.Reference, StringComparer.Ordinal)
            .ShouldBe(reviews.OrderBy(r => r.Board, StringComparer.Ordinal).ThenBy(r => r.Reference, StringComparer.Ordinal));
        boards.Select(b => b.Id).ShouldBe(reviews.Select(r => r.Board).Distinct().Order(StringComparer.Ordinal));
        boards.ShouldAllBe(b => DemoExchange.Boards.Single(d => d.Id == b.Id).Region == b.Region);
        again.ShouldBe(new ExchangeImportResult(60, 0, 0, 60));
        (await HeldAsync(services)).Select(r => r.Record).ShouldBe(held.Select(r => r.Record));
    }

    [Fact]
    public async Task ExportAsync_BoardAndPeriod_OnlyThatBoardsReviewsWhoseIncidentIsInThePeriod()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var services = CoreHost.Build(database, new TestClock());
        await AddBoardsAsync(services, DemoExchange.Boards);
        var reviews = DemoExchange.Reviews(400).ToList();
        await InScopeAsync(services, s => s.ImportAsync(File(DemoExchange.Boards, reviews), PanelMember, Tester));
        var board = reviews.GroupBy(r => r.Board).OrderByDescending(g => g.Count()).First().Key;
        var (from, to) = (new DateOnly(2005, 1, 1), new DateOnly(2015, 12, 31));
        var expected = reviews.Where(r => r.Board == board && r.Incident?.Date is { } d && d >= from && d <= to).ToList();

        var exported = new MemoryStream();
        await InScopeAsync(services, s => s.ExportAsync(exported, new ExchangeExportFilter(board, from, to), PanelMember, Tester));
        exported.Position = 0;

        var (_, read) = ExchangeReader.ReadAll(exported);
        read.OrderBy(r => r.Reference, StringComparer.Ordinal).ShouldBe(expected.OrderBy(r => r.Reference, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExportAsync_BusinessUnit_OwnBoardOnly()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var services = CoreHost.Build(database, new TestClock());
        await AddBoardsAsync(services, DemoExchange.Boards);
        var reviews = DemoExchange.Reviews(100).ToList();
        await InScopeAsync(services, s => s.ImportAsync(File(DemoExchange.Boards, reviews), PanelMember, Tester));
        var board = reviews[0].Board;
        Guid boardId, otherId;
        using (var scope = services.CreateScope())
        {
            boardId = (await scope.Db().Organisations.SingleAsync(o => o.Key == board)).Id;
            otherId = (await scope.Db().Organisations.FirstAsync(o => o.Key != board)).Id;
        }
        var officer = new Principal(Guid.NewGuid(), "Officer", [new Grant(Role.BusinessUnitOfficer, boardId, OrganisationKind.Board, [boardId])]);
        var other = reviews.First(r => r.Board != board).Board;

        var exported = new MemoryStream();
        await InScopeAsync(services, s => s.ExportAsync(exported, new ExchangeExportFilter(), officer, Tester));
        exported.Position = 0;

        ExchangeReader.ReadAll(exported).Reviews.ShouldAllBe(r => r.Board == board);
        await Should.ThrowAsync<ForbiddenException>(() =>
            InScopeAsync(services, s => s.ExportAsync(new MemoryStream(), new ExchangeExportFilter(other), officer, Tester)));
        await Should.ThrowAsync<ForbiddenException>(() => InScopeAsync(services, s => s.ImportAsync(
            File(DemoExchange.Boards, reviews.Take(1)), officer, Tester)));
        otherId.ShouldNotBe(boardId);
    }

    [Fact]
    public async Task AnalyseAsync_HeldReviews_TheSameTablesAsTheFile()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var services = CoreHost.Build(database, new TestClock());
        await AddBoardsAsync(services, DemoExchange.Boards);
        var reviews = DemoExchange.Reviews(200).ToList();
        await InScopeAsync(services, s => s.ImportAsync(File(DemoExchange.Boards, reviews), PanelMember, Tester));
        var limits = new AnalysisLimits(new DateOnly(2003, 1, 1), new DateOnly(2020, 12, 31), Region: Region.London);

        var held = await InScopeAsync(services, s => s.AnalyseAsync(limits, PanelMember, Tester));

        var fromFile = ExchangeAnalysis.Analyse(File(DemoExchange.Boards, reviews), limits);
        Encoding.UTF8.GetString(AnalysisFormats.Json(held.Tables)).ShouldBe(Encoding.UTF8.GetString(AnalysisFormats.Json(fromFile.Tables)));
        held.Reviews.ShouldBe(200);
        held.ReviewsOfBoardOrRegion.ShouldBeGreaterThan(0);
    }
}
