using Scr.Core.Exchange;
using Scr.Core.Models;

namespace Scr.Cli.Tests;

public class ExchangeTests
{
    private static readonly ExchangeBoard[] Boards =
    [
        new("anytown", "Anytown LSCB", Region.London),
        new("othertown", "Othertown LSCB", Region.NorthEast),
    ];

    /// <summary>Fictional reviews of the two boards: the demo collection's, given to them in turn.</summary>
    private static List<ExchangeReview> Reviews(int count) =>
        [.. DemoExchange.Reviews(count).Select((r, i) => r with { Board = Boards[i % 2].Id, Reference = $"REF-{i:D4}" })];

    private static string WriteFile(CliSandbox sandbox, string name, IEnumerable<ExchangeReview> reviews)
    {
        var path = Path.Combine(sandbox.Root, name);
        using var stream = File.Create(path);
        ExchangeWriter.Write(stream, Boards, reviews);
        return path;
    }

    private static async Task<CliSandbox> WithBoardsAsync()
    {
        var sandbox = new CliSandbox();
        await sandbox.SucceedAsync("db", "migrate");
        await sandbox.SucceedAsync("orgs", "add-board", "--key", "anytown", "--name", "Anytown LSCB", "--region", "london");
        await sandbox.SucceedAsync("orgs", "add-board", "--key", "othertown", "--name", "Othertown LSCB", "--region", "north-east");
        return sandbox;
    }

    private static Task<long> HeldAsync(CliSandbox sandbox) => sandbox.CountAsync("SELECT COUNT(*) FROM learning_reviews");

    [Fact]
    public async Task Import_SameFileTwice_StoredOnceAndTheSecondChangesNothing()
    {
        using var sandbox = await WithBoardsAsync();
        var file = WriteFile(sandbox, "reviews.json", Reviews(30));

        var first = await sandbox.SucceedAsync("exchange", "import", file);
        var records = await sandbox.CountAsync("SELECT SUM(LENGTH(Record)) FROM learning_reviews");
        var second = await sandbox.SucceedAsync("exchange", "import", file);

        first.Out.ShouldContain("Imported 30 reviews");
        first.Out.ShouldContain("30 added, 0 replaced with a changed copy, 0 already held as sent");
        second.Out.ShouldContain("0 added, 0 replaced with a changed copy, 30 already held as sent");
        (await HeldAsync(sandbox)).ShouldBe(30);
        (await sandbox.CountAsync("SELECT SUM(LENGTH(Record)) FROM learning_reviews")).ShouldBe(records);
        (await sandbox.CountAsync("SELECT COUNT(*) FROM audit_entries WHERE Action = 'learning-reviews.imported'")).ShouldBe(2);
    }

    [Fact]
    public async Task Import_FileWithProblems_ExitsTwoListingTheirPathsAndStoresNothing()
    {
        using var sandbox = await WithBoardsAsync();
        var file = Path.Combine(sandbox.Root, "bad.json");
        await File.WriteAllTextAsync(file, """
            {"format":"scr-exchange/1","reviews":[
              {"reference":"A-1","board":"anytown","colour":"blue"},
              {"reference":"A-2","board":"anytown","kind":"inquiry"}]}
            """, TestContext.Current.CancellationToken);

        var result = await sandbox.RunAsync("exchange", "import", file);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("it has 2 problems");
        result.Error.ShouldContain("Nothing of it was stored");
        result.Error.ShouldContain("$.reviews[0].colour");
        result.Error.ShouldContain("$.reviews[1].kind");
        (await HeldAsync(sandbox)).ShouldBe(0);
    }

    [Fact]
    public async Task Import_UnknownBoard_ExitsTwoNamingItAndStoresNothing()
    {
        using var sandbox = await WithBoardsAsync();
        var reviews = Reviews(4);
        reviews[3] = reviews[3] with { Board = "nowhere" };
        var path = Path.Combine(sandbox.Root, "nowhere.json");
        await using (var stream = File.Create(path))
        {
            ExchangeWriter.Write(stream, [.. Boards, new ExchangeBoard("nowhere")], reviews);
        }

        var result = await sandbox.RunAsync("exchange", "import", path);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("$.reviews[3].board: \"nowhere\" is not a board here");
        (await HeldAsync(sandbox)).ShouldBe(0);
    }

    [Fact]
    public async Task Export_AllAndOneBoard_ReadsBackToTheImportedReviews()
    {
        using var sandbox = await WithBoardsAsync();
        var reviews = Reviews(40);
        await sandbox.SucceedAsync("exchange", "import", WriteFile(sandbox, "reviews.json", reviews));
        var all = Path.Combine(sandbox.Root, "all.json");
        var anytown = Path.Combine(sandbox.Root, "anytown.json");

        var result = await sandbox.SucceedAsync("exchange", "export", "--out", all);
        await sandbox.SucceedAsync("exchange", "export", "--out", anytown, "--board", "anytown", "--from", "2000-01-01", "--to", "2012-12-31");

        result.Out.ShouldContain("Exported 40 reviews");
        ExchangeReview[] Sorted(IEnumerable<ExchangeReview> list) =>
            [.. list.OrderBy(r => r.Board, StringComparer.Ordinal).ThenBy(r => r.Reference, StringComparer.Ordinal)];
        await using (var stream = File.OpenRead(all))
        {
            var (boards, read) = ExchangeReader.ReadAll(stream);
            Sorted(read).ShouldBe(Sorted(reviews));
            boards.ShouldBe(Boards);
        }
        await using (var stream = File.OpenRead(anytown))
        {
            Sorted(ExchangeReader.ReadAll(stream).Reviews).ShouldBe(Sorted(reviews.Where(r => r.Board == "anytown"
                && r.Incident?.Date is { } d && d >= new DateOnly(2000, 1, 1) && d <= new DateOnly(2012, 12, 31))));
        }
        File.Exists(all + ".partial").ShouldBeFalse();
    }

    [Fact]
    public async Task Export_UnknownBoard_ExitsTwoAndWritesNoFile()
    {
        using var sandbox = await WithBoardsAsync();
        var file = Path.Combine(sandbox.Root, "out.json");

        var result = await sandbox.RunAsync("exchange", "export", "--out", file, "--board", "nowhere");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("The board 'nowhere' was not found");
        File.Exists(file).ShouldBeFalse();
        File.Exists(file + ".partial").ShouldBeFalse();
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("md")]
    public async Task Analyse_NoFile_TheDatabasesReviewsGiveTheFilesTables(string format)
    {
        using var sandbox = await WithBoardsAsync();
        var file = WriteFile(sandbox, "reviews.json", Reviews(120));
        await sandbox.SucceedAsync("exchange", "import", file);

        var fromDatabase = await sandbox.SucceedAsync("analyse", "--format", format, "--from", "2003-01-01", "--region", "london");
        var fromFile = await sandbox.SucceedAsync("analyse", file, "--format", format, "--from", "2003-01-01", "--region", "london");

        fromDatabase.Out.ShouldNotBeEmpty();
        fromDatabase.Out.ShouldBe(fromFile.Out);
        fromDatabase.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Analyse_NoFileUnknownBoard_ExitsTwoSayingSo()
    {
        using var sandbox = await WithBoardsAsync();

        var result = await sandbox.RunAsync("analyse", "--board", "nowhere");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("There is no board 'nowhere'");
    }
}
