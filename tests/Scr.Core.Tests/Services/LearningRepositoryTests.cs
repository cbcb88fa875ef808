using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Exchange;
using Scr.Core.Services.Learning;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

/// <summary>The learning repository (decision 0017): publishing reports, searching them by relevance with facets, reading them.</summary>
public class LearningRepositoryTests
{
    private static readonly Actor Tester = new(null, "tester", "127.0.0.1");

    private static readonly DateOnly Published = new(2004, 5, 1);

    private sealed record World(ServiceProvider Services, Principal Panel, Principal Officer, Principal OtherOfficer, Guid Anytown1, Guid Anytown2,
        Guid Elsewhere1) : IAsyncDisposable
    {
        public async Task<T> RepositoryAsync<T>(Func<LearningRepository, Task<T>> work)
        {
            using var scope = Services.CreateScope();
            return await work(scope.ServiceProvider.GetRequiredService<LearningRepository>());
        }

        public Task<PublishedReport> PublishAsync(Guid review, string title, string text, Principal? who = null) =>
            RepositoryAsync(r => r.PublishAsync(review, new PublishRequest(title, Published, text, PublishedReport.Typed), who ?? Panel, Tester));

        public Task<ReportSearchResult> SearchAsync(string? words, params (string Facet, string Value)[] filters) =>
            RepositoryAsync(r => r.SearchAsync(new ReportSearchRequest(words,
                filters.GroupBy(f => f.Facet).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Value).ToList()))));

        public async Task ImportAsync(params ExchangeReview[] reviews)
        {
            using var scope = Services.CreateScope();
            var file = new MemoryStream();
            ExchangeWriter.Write(file, reviews.Select(r => r.Board).Distinct().Select(b => new ExchangeBoard(b)), reviews);
            file.Position = 0;
            await scope.ServiceProvider.GetRequiredService<ExchangeService>().ImportAsync(file, Panel, Tester);
        }

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private static ExchangeReview Review(string board, string reference, int year, IncidentType harm, int ageMonths, params ReviewTheme[] themes) => new()
    {
        Reference = reference,
        Board = board,
        Kind = ExchangeReviewKind.SeriousCaseReview,
        Guidance = GuidanceEdition.Wt2006,
        Incident = new ExchangeIncident(harm, new DateOnly(year, 3, 14)),
        Children = [new ExchangeChild(ageMonths)],
        Themes = [.. themes],
    };

    private static async Task<World> WorldAsync(TestDatabase database)
    {
        var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var data = new TestData(scope.Db(), TimeProvider.System);
        var anytown = await data.CreateBoardAsync("anytown", Region.YorkshireHumber);
        var elsewhere = await data.CreateBoardAsync("elsewhere", Region.London);
        var panel = await data.PrincipalAsync(await data.CreateUserAsync("analyst@panel.example", (Role.PanelMember, await data.CreatePanelAsync())));
        var officer = await data.PrincipalAsync(await data.CreateUserAsync("officer@anytown.example", (Role.BusinessUnitOfficer, anytown)));
        var other = await data.PrincipalAsync(await data.CreateUserAsync("officer@elsewhere.example", (Role.BusinessUnitOfficer, elsewhere)));
        var world = new World(services, panel, officer, other, default, default, default);
        await world.ImportAsync(
            Review("anytown", "ANY-1", 2002, IncidentType.Death, 4, ReviewTheme.Neglect, ReviewTheme.DomesticViolence),
            Review("anytown", "ANY-2", 2003, IncidentType.SeriousInjury, 60, ReviewTheme.Neglect),
            Review("elsewhere", "ELS-1", 2003, IncidentType.Death, 150, ReviewTheme.SexualAbuse));
        var ids = await scope.Db().LearningReviews.ToDictionaryAsync(r => r.Reference, r => r.Id);
        return world with { Anytown1 = ids["ANY-1"], Anytown2 = ids["ANY-2"], Elsewhere1 = ids["ELS-1"] };
    }

    private static string Marked(ReportHit hit) => string.Concat(hit.Snippet.Select(p => p.Marked ? $"[{p.Text}]" : p.Text));

    [Theory, MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task SearchAsync_TermMentionedMoreOften_RanksFirstWithTheTermMarked(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await WorldAsync(database);
        await world.PublishAsync(world.Anytown1, "Child A", "The family moved house often. Health visitors lost touch once.\n\nThe school noted bruising.");
        await world.PublishAsync(world.Anytown2, "Child B", "Bruising was seen by the nursery, bruising again by the GP, and bruising at hospital.\n\nNo one shared it.");
        await world.PublishAsync(world.Elsewhere1, "Child C", "Nothing of the kind is in this report about exploitation.");

        var result = await world.SearchAsync("bruising");

        result.Total.ShouldBe(2);
        result.Hits.Select(h => h.Title).ShouldBe(["Child B", "Child A"]);
        Marked(result.Hits[0]).ShouldContain("[Bruising]");
        Marked(result.Hits[1]).ShouldContain("[bruising]");
        result.Hits[0].BoardName.ShouldBe("Anytown Safeguarding Children Board");
        result.Hits[0].IncidentYear.ShouldBe(2003);
    }

    [Theory, MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task SearchAsync_TermInTheTitle_RanksAboveTheSameTermInTheText(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await WorldAsync(database);
        await world.PublishAsync(world.Anytown1, "A review of a child", "Agencies did not consider the neglect of the child over two years.");
        await world.PublishAsync(world.Anytown2, "Neglect in a family", "Agencies did not consider what they saw of the child over two years.");

        var result = await world.SearchAsync("neglect");

        result.Hits.Select(h => h.Title).ShouldBe(["Neglect in a family", "A review of a child"]);
    }

    [Theory, MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task SearchAsync_Facets_CountOnlyTheMatchingReports(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await WorldAsync(database);
        await world.PublishAsync(world.Anytown1, "Child A", "The parents' drinking was known to the police.");
        await world.PublishAsync(world.Anytown2, "Child B", "Drinking was not asked about.");
        await world.PublishAsync(world.Elsewhere1, "Child C", "School attendance fell.");

        var result = await world.SearchAsync("drinking");

        result.Total.ShouldBe(2);
        int Count(string facet, string value) => result.Facets.SingleOrDefault(f => f.Facet == facet && f.Value == value)?.Reports ?? 0;
        Count(ReportFacets.Region, "yorkshire-humber").ShouldBe(2);
        Count(ReportFacets.Region, "london").ShouldBe(0);
        Count(ReportFacets.Theme, "neglect").ShouldBe(2);
        Count(ReportFacets.Theme, "domestic-violence").ShouldBe(1);
        Count(ReportFacets.Theme, "sexual-abuse").ShouldBe(0);
        Count(ReportFacets.Year, "2002").ShouldBe(1);
        Count(ReportFacets.Year, "2003").ShouldBe(1);
        Count(ReportFacets.Harm, "death").ShouldBe(1);
        Count(ReportFacets.Harm, "serious-injury").ShouldBe(1);
        Count(ReportFacets.AgeBand, "under-1").ShouldBe(1);
        Count(ReportFacets.AgeBand, "5-10").ShouldBe(1);
        Count(ReportFacets.Guidance, "wt2006").ShouldBe(2);
        Count(ReportFacets.Kind, "serious-case-review").ShouldBe(2);
    }

    [Theory, MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task SearchAsync_MoreMatchesThanAPage_PagesFollowTheRankingAndCountsCoverEveryMatch(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await WorldAsync(database);
        // 23 more reports, report n saying "drinking" n times (so n ranks it) and published on day n of 2005.
        const int Reports = 23;
        await world.ImportAsync([.. Enumerable.Range(1, Reports).Select(n =>
            Review(n % 2 == 0 ? "anytown" : "elsewhere", $"MORE-{n}", 2004 + n % 3, IncidentType.Death, 12))]);
        var ids = await world.RepositoryAsync(async r => (await r.PublishableAsync(world.Panel)).Rows.ToDictionary(p => p.Reference, p => p.Id));
        foreach (var n in Enumerable.Range(1, Reports))
        {
            var text = string.Join(" ", Enumerable.Repeat("Drinking was known.", n)) + " " + string.Concat(Enumerable.Repeat("Other words fill the report. ", Reports + 1 - n));
            await world.RepositoryAsync(r => r.PublishAsync(ids[$"MORE-{n}"],
                new PublishRequest($"Report {n}", new DateOnly(2005, 1, n), text, PublishedReport.Typed), world.Panel, Tester));
        }
        await world.PublishAsync(world.Anytown1, "Child A", "Nothing about it.");

        var first = await world.RepositoryAsync(r => r.SearchAsync(new ReportSearchRequest("drinking")));
        var second = await world.RepositoryAsync(r => r.SearchAsync(new ReportSearchRequest("drinking", Page: 2)));
        var listed = await world.RepositoryAsync(r => r.SearchAsync(new ReportSearchRequest(null, Page: 2)));

        first.Total.ShouldBe(Reports);
        second.Total.ShouldBe(Reports);
        first.Hits.Select(h => h.Title).ShouldBe(Enumerable.Range(Reports - LearningRepository.PageSize + 1, LearningRepository.PageSize).Reverse().Select(n => $"Report {n}"));
        second.Hits.Select(h => h.Title).ShouldBe(["Report 3", "Report 2", "Report 1"]);
        // Every report on the page has its own passage with the word marked (they are made in shares, side by side).
        first.Hits.ShouldAllBe(h => h.Snippet.Any(p => p.Marked && p.Text.Equals("Drinking", StringComparison.OrdinalIgnoreCase)));
        second.Hits.ShouldAllBe(h => h.Snippet.Any(p => p.Marked));
        // The counts are of every match, not of the page shown.
        first.Facets.Where(f => f.Facet == ReportFacets.Region).Select(f => (f.Value, f.Reports)).ShouldBe([("yorkshire-humber", 11), ("london", 12)], ignoreOrder: true);
        second.Facets.ShouldBe(first.Facets);
        first.Facets.Where(f => f.Facet == ReportFacets.Year).Sum(f => f.Reports).ShouldBe(Reports);
        // Without words: newest first, Child A (published 1 May 2004) last of all 24.
        listed.Total.ShouldBe(Reports + 1);
        listed.Hits.Select(h => h.Title).ShouldBe(["Report 3", "Report 2", "Report 1", "Child A"]);
    }

    [Theory, MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task SearchAsync_ValuesChosen_AnyValueOfAFacetAndEveryFacet(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await WorldAsync(database);
        await world.PublishAsync(world.Anytown1, "Child A", "A report.");
        await world.PublishAsync(world.Anytown2, "Child B", "A report.");
        await world.PublishAsync(world.Elsewhere1, "Child C", "A report.");

        var eitherYear = await world.SearchAsync(null, (ReportFacets.Year, "2002"), (ReportFacets.Year, "2003"));
        var year2003Death = await world.SearchAsync(null, (ReportFacets.Year, "2003"), (ReportFacets.Harm, "death"));
        var words2003 = await world.SearchAsync("report", (ReportFacets.Year, "2003"));
        // Child A carries both themes: one report, counted once.
        var eitherTheme = await world.SearchAsync(null, (ReportFacets.Theme, "neglect"), (ReportFacets.Theme, "domestic-violence"));

        eitherYear.Total.ShouldBe(3);
        year2003Death.Hits.Select(h => h.Title).ShouldBe(["Child C"]);
        words2003.Hits.Select(h => h.Title).ShouldBe(["Child B", "Child C"], ignoreOrder: true);
        eitherTheme.Total.ShouldBe(2);
        eitherTheme.Hits.Select(h => h.Title).ShouldBe(["Child A", "Child B"], ignoreOrder: true);
        words2003.Facets.Where(f => f.Facet == ReportFacets.Year).Select(f => (f.Value, f.Reports)).ShouldBe([("2003", 2)]);
    }

    [Theory, MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task SearchAsync_SearchSyntaxInTheWords_TreatedAsWords(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await WorldAsync(database);
        await world.PublishAsync(world.Anytown1, "Child A", "The mother's partner was not assessed by the health visitor.");
        await world.PublishAsync(world.Anytown2, "Child B", "The partner was assessed by the GP: a visitor from health.");

        // Without stop words ("and", "not"): PostgreSQL leaves them out of a search, SQLite's index does not.
        var quoted = await world.SearchAsync("\"health visitor\"");
        var syntax = await world.SearchAsync("partner* (\" assessed: ^");
        var either = await world.SearchAsync("GP or nothingmatches");
        var none = await world.SearchAsync("*()\"");

        quoted.Hits.Select(h => h.Title).ShouldBe(["Child A"]);
        syntax.Hits.Select(h => h.Title).ShouldBe(["Child A", "Child B"], ignoreOrder: true);
        either.Hits.Select(h => h.Title).ShouldBe(["Child B"]);
        none.Total.ShouldBe(0);
    }

    [Theory, MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task SearchAsync_NoWords_ListsEveryReportNewestFirstWithItsOpening(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await WorldAsync(database);
        await world.RepositoryAsync(r => r.PublishAsync(world.Anytown1, new PublishRequest("Older", new DateOnly(2003, 1, 1), "Old text.", "typed"), world.Panel, Tester));
        await world.RepositoryAsync(r => r.PublishAsync(world.Anytown2, new PublishRequest("Newer", new DateOnly(2004, 1, 1), "New text.", "typed"), world.Panel, Tester));

        var result = await world.SearchAsync(" ");

        result.Hits.Select(h => (h.Title, Marked(h))).ShouldBe([("Newer", "New text."), ("Older", "Old text.")]);
    }

    [Theory, MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task PublishAsync_Again_ReplacesTheTextInTheSearchAndIsAudited(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await WorldAsync(database);
        var first = await world.PublishAsync(world.Anytown1, "Child A", "The health visitor was absent.");

        var second = await world.PublishAsync(world.Anytown1, "Child A (corrected)", "The midwife was absent.", world.Officer);

        second.Id.ShouldBe(first.Id);
        (await world.SearchAsync("visitor")).Total.ShouldBe(0);
        (await world.SearchAsync("midwife")).Hits.Single().Title.ShouldBe("Child A (corrected)");
        using var scope = world.Services.CreateScope();
        var audit = await scope.Db().AuditEntries.Where(e => e.Action.StartsWith("published-report")).OrderBy(e => e.Sequence).ToListAsync();
        audit.Select(e => e.Action).ShouldBe([AuditActions.PublishedReportAdded, AuditActions.PublishedReportReplaced]);
        audit[1].Detail!.ShouldContain("old title=Child A;");
    }

    [Theory, MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task ImportAsync_ChangedRecordOfAPublishedReport_ItsFacetsFollow(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await WorldAsync(database);
        await world.PublishAsync(world.Anytown1, "Child A", "A report.");
        async Task<IEnumerable<string>> Themes() => (await world.SearchAsync(null)).Facets.Where(f => f.Facet == ReportFacets.Theme).Select(f => f.Value);
        // Searched before the change: the values held in memory must not outlive it.
        (await Themes()).ShouldBe(["domestic-violence", "neglect"], ignoreOrder: true);

        await world.ImportAsync(Review("anytown", "ANY-1", 2002, IncidentType.Death, 4, ReviewTheme.Transition));

        (await Themes()).ShouldBe(["transition"]);
    }

    [Fact]
    public async Task PublishAsync_OfficerOfAnotherBoard_Refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var world = await WorldAsync(database);

        var refused = await Should.ThrowAsync<ForbiddenException>(() => world.PublishAsync(world.Anytown1, "Child A", "Text.", world.OtherOfficer));
        var own = await world.PublishAsync(world.Elsewhere1, "Child C", "Text.", world.OtherOfficer);

        refused.Message.ShouldBe("Only the National Panel and the board's business unit can publish this review's report.");
        own.Id.ShouldBePositive();
        await Should.ThrowAsync<ForbiddenException>(() => world.RepositoryAsync(r => r.PublishableAsync(
            new Principal(Guid.NewGuid(), "Nobody", []))));
        (await world.RepositoryAsync(r => r.PublishableAsync(world.OtherOfficer))).Rows.Select(r => r.Reference).ShouldBe(["ELS-1"]);
    }

    [Fact]
    public async Task PublishAsync_NoTitleNoTextFutureDate_EachRefusedWithItsField()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var world = await WorldAsync(database);

        var refused = await Should.ThrowAsync<RuleViolationException>(() => world.RepositoryAsync(r => r.PublishAsync(world.Anytown1,
            new PublishRequest(" ", new DateOnly(2030, 1, 1), " \n ", "typed"), world.Panel, Tester)));

        refused.Problems.Select(p => (p.Field, p.Message)).ShouldBe([
            ("Title", "Enter the title of the report"),
            ("PublishedOn", "The date the report was published must be today or in the past"),
            ("Text", "Enter the text of the report"),
        ]);
    }

    [Fact]
    public async Task ReadAsync_SignedOut_TheTextAndRecommendationsWithoutTheWayToCodedData()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var world = await WorldAsync(database);
        var report = await world.PublishAsync(world.Anytown1, "Child A", "First paragraph.\r\n\r\n\r\nSecond\tparagraph.");

        var signedOut = await world.RepositoryAsync(r => r.ReadAsync(report.Id, null));
        var officer = await world.RepositoryAsync(r => r.ReadAsync(report.Id, world.Officer));
        var panel = await world.RepositoryAsync(r => r.ReadAsync(report.Id, world.Panel));

        signedOut.Paragraphs.ShouldBe(["First paragraph.", "Second paragraph."]);
        signedOut.Reference.ShouldBe("ANY-1");
        signedOut.LearningReviewId.ShouldBeNull();
        signedOut.Record.Leads.ShouldBeFalse();
        signedOut.CaseId.ShouldBeNull();
        officer.LearningReviewId.ShouldBeNull();
        officer.Record.Leads.ShouldBeTrue();
        panel.LearningReviewId.ShouldBe(world.Anytown1);
        panel.Record.Leads.ShouldBeTrue();
        (await world.RepositoryAsync(r => r.ReadAsync(report.Id, world.OtherOfficer))).Record.Leads.ShouldBeFalse();
        await Should.ThrowAsync<NotFoundException>(() => world.RepositoryAsync(r => r.ReadAsync(report.Id + 1, null)));
    }

    [Fact]
    public async Task ReadAsync_ReviewWithRecommendationsAndActions_EachActionUnderItsRecommendation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var world = await WorldAsync(database);
        await world.ImportAsync(Review("anytown", "ANY-1", 2002, IncidentType.Death, 4) with
        {
            RecommendationsKnown = true,
            Recommendations = [new ExchangeRecommendation(1, "Share records.", "Health"), new ExchangeRecommendation(2, "Train staff.")],
            ActionPlan = new ExchangeActionPlan() with
            {
                ActionsKnown = true,
                Actions = [new ExchangeAction(2, "Run training.", "Trainer", new DateOnly(2003, 6, 30), Status: "complete"), new ExchangeAction(null, "Audit.")],
            },
        });
        var report = await world.PublishAsync(world.Anytown1, "Child A", "Text.");

        var record = (await world.RepositoryAsync(r => r.ReadAsync(report.Id, world.Panel))).Record!;

        record.Recommendations.Select(r => (r.Number, r.Text, r.Actions.Count)).ShouldBe([(1, "Share records.", 0), (2, "Train staff.", 1)]);
        record.Recommendations[1].Actions.Single().ShouldBe(new ReportAction("Run training.", "Trainer", new DateOnly(2003, 6, 30), "complete"));
        record.OtherActions.Select(a => a.Text).ShouldBe(["Audit."]);
    }

    [Fact]
    public void Segments_MarkedPassage_PiecesInOrderAndAnUnclosedMarkEndsWithThePassage()
    {
        var parts = LearningRepository.Segments("a \u0002b\u0003 c \u0002d");

        parts.ShouldBe([new SnippetPart("a ", false), new SnippetPart("b", true), new SnippetPart(" c ", false), new SnippetPart("d", true)]);
    }
}
