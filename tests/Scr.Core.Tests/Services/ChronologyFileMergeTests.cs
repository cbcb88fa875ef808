using System.Text;
using Scr.Core.Rules.Chronology;
using Scr.Core.Services.Chronology;

namespace Scr.Core.Tests.Services;

/// <summary>Agencies' chronology files merged into one, analysed on the way, all or nothing.</summary>
public sealed class ChronologyFileMergeTests : IDisposable
{
    private const string Header = "Date,Time,Agency,Practitioner role,Contact type,Who was present,Child seen,What happened";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("scr-chronology-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string File(string name, params string[] rows)
    {
        var path = Path.Combine(_folder.FullName, name);
        System.IO.File.WriteAllText(path, string.Join("\n", rows.Prepend(Header)) + "\n", new UTF8Encoding(false));
        return path;
    }

    private string Out(string name) => Path.Combine(_folder.FullName, name);

    private string[] Police() =>
    [
        "01/01/2003,,Police,PC,Home visit,Mother,Yes,Domestic incident",
        "12/03/2003,10:00,Police,DS,Strategy discussion,Children's social care,Yes,Strategy discussion",
        "05/05/2003,15:00,Police,PC,Home visit,Mother; social care,No,Welfare check",
        "01/07/2003,,Police,PC,Phone,,,Call to mother",
    ];

    private string[] Social() =>
    [
        "c. 02/2003,,Children's social care,Social worker,Referral,,,Referral from school (date not recorded)",
        "12/03/2003,10:00,Children's social care,Team manager,Strategy discussion,Police,No,Strategy discussion",
        "20/03/2003,,Children's social care,Social worker,Home visit,Mother; child,Yes,Section 47 visit",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MergeFiles_InTimeOrder_WithTheAnalysis(bool readAhead)
    {
        var police = File("police.csv", Police());
        var social = File("social.csv", Social());
        var output = Out("merged.csv");

        var result = ChronologyFileMerge.MergeFiles([police, social], output,
            new ChronologyMergeOptions { Gaps = new ChronologyGapOptions(28), ReadAhead = readAhead });

        result.Ok.ShouldBeTrue(string.Join("\n", result.Problems));
        var summary = result.Summary!;
        summary.Entries.ShouldBe(7);
        summary.Inputs.ShouldBe(2);
        summary.Agencies.ShouldBe(["Children's social care", "Police"]);
        summary.First.ShouldBe(ChronologyDate.On(new DateOnly(2003, 1, 1)));
        summary.Approximate.ShouldBe(1);
        summary.SameTimeGroups.ShouldBe(1);
        summary.SortedInMemory.ShouldBeFalse();
        summary.Gaps.Overall.Select(g => (g.From, g.To)).ShouldBe(
        [
            (new DateOnly(2003, 1, 1), new DateOnly(2003, 3, 12)),
            (new DateOnly(2003, 3, 20), new DateOnly(2003, 5, 5)),
            (new DateOnly(2003, 5, 5), new DateOnly(2003, 7, 1)),
        ]);
        summary.ChildVoice.Total.ShouldBe(new ChildVoiceCounts(7, 3, 2, 2, 0));
        summary.Discrepancies.Select(d => d.Kind).ShouldBe([DiscrepancyKind.ChildSeen, DiscrepancyKind.NoRecord]);

        var merged = ChronologyReader.ReadAll(output);
        merged.Ok.ShouldBeTrue();
        merged.Entries.Select(e => (ChronologyDates.Display(e.When), e.Agency)).ShouldBe(
        [
            ("01/01/2003", "Police"),
            ("c. Feb 2003", "Children's social care"),
            ("12/03/2003 10:00", "Children's social care"),
            ("12/03/2003 10:00", "Police"),
            ("20/03/2003", "Children's social care"),
            ("05/05/2003 15:00", "Police"),
            ("01/07/2003", "Police"),
        ]);
    }

    [Fact]
    public void MergeFiles_AMergedFile_MergesToItself()
    {
        var first = Out("first.xlsx");
        ChronologyFileMerge.MergeFiles([File("police.csv", Police()), File("social.csv", Social())], first).Ok.ShouldBeTrue();
        var again = Out("again.csv");

        var result = ChronologyFileMerge.MergeFiles([first], again);

        result.Ok.ShouldBeTrue(string.Join("\n", result.Problems));
        result.Summary!.Entries.ShouldBe(7);
        var merged = Out("merged.csv");
        ChronologyFileMerge.MergeFiles([File("police.csv", Police()), File("social.csv", Social())], merged);
        System.IO.File.ReadAllText(again).ShouldBe(System.IO.File.ReadAllText(merged));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MergeFiles_AFileOutOfOrder_SortedInMemory_SameResult(bool readAhead)
    {
        var police = File("police.csv", [.. Police().Reverse()]);
        var output = Out("merged.csv");

        var result = ChronologyFileMerge.MergeFiles([police, File("social.csv", Social())], output, new ChronologyMergeOptions { ReadAhead = readAhead });

        result.Ok.ShouldBeTrue();
        result.Summary!.SortedInMemory.ShouldBeTrue();
        var expected = Out("expected.csv");
        ChronologyFileMerge.MergeFiles([File("p2.csv", Police()), File("s2.csv", Social())], expected);
        System.IO.File.ReadAllText(output).ShouldBe(System.IO.File.ReadAllText(expected));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MergeFiles_AnyBadRow_NothingWritten_EveryProblemNamedWithItsFile(bool readAhead)
    {
        var output = Out("merged.csv");
        System.IO.File.WriteAllText(output, "the old merge");
        var police = File("police.csv", [.. Police(), "31/02/2003,,Police,PC,Home visit,,,Visit"]);
        var social = File("social.csv", [.. Social(), "21/03/2003,,Children's social care,,Visit,,,Visit"]);

        var result = ChronologyFileMerge.MergeFiles([police, social], output, new ChronologyMergeOptions { ReadAhead = readAhead });

        result.Ok.ShouldBeFalse();
        result.Summary.ShouldBeNull();
        result.Problems.Select(p => p.ToString()).ShouldBe(
        [
            "police.csv: row 6, column 'Date': '31/02/2003' is not a date",
            "social.csv: row 5, column 'Practitioner role': enter the practitioner's role (not their name)",
            "social.csv: row 5, column 'Contact type': 'Visit' is not one of: Home visit, Office visit, Phone, Letter or email, Meeting, Strategy discussion, Case conference, Supervision, Referral, Assessment, Court, Other",
        ]);
        System.IO.File.ReadAllText(output).ShouldBe("the old merge");
        _folder.GetFiles("*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        _folder.GetFiles(".*").ShouldBeEmpty("the temporary output is deleted");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Merge_ProgressAcrossTheFiles(bool readAhead)
    {
        var rows = Enumerable.Range(0, 3000).Select(i => $"{new DateOnly(2003, 1, 1).AddDays(i / 20):dd/MM/yyyy},,Police,PC,Phone,,,Call {i}").ToArray();
        var reports = new List<ChronologyMergeProgress>();
        var progress = new Inline<ChronologyMergeProgress>(r =>
        {
            lock (reports)
            {
                reports.Add(r);
            }
        });

        var result = ChronologyFileMerge.MergeFiles([File("a.csv", rows), File("b.csv", rows)], Out("merged.xlsx"), new ChronologyMergeOptions { Progress = progress, ReadAhead = readAhead });

        result.Summary!.Entries.ShouldBe(6000);
        reports.ShouldNotBeEmpty();
        reports[^1].Rows.ShouldBe(6002);
        reports.Select(r => r.TotalBytes).Distinct().ShouldHaveSingleItem().ShouldBe(new FileInfo(Path.Combine(_folder.FullName, "a.csv")).Length * 2);
        reports.ShouldAllBe(r => r.Pass == 1);
        ChronologyReader.ReadAll(Out("merged.xlsx")).Entries.Count.ShouldBe(6000);
    }

    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
