using Scr.Core.Rules.Analysis;

namespace Scr.Core.Exchange;

/// <summary>The tables of a file, with what was read to count them.</summary>
/// <param name="Reviews">Every review of the file.</param>
/// <param name="ReviewsOfBoardOrRegion">The reviews of the board or region the analysis was limited to, whatever their dates.</param>
/// <param name="Boards">The file's boards.</param>
public sealed record ExchangeAnalysisResult(AnalysisReport Tables, int Reviews, int ReviewsOfBoardOrRegion, IReadOnlyList<ExchangeBoard> Boards);

/// <summary>How far the analysis of a file has come.</summary>
public readonly record struct ExchangeProgress(int Reviews, long BytesRead, long? Length);

/// <summary>
/// The cross-case analysis of an exchange file, without the database: the file is read a review at a time, each review
/// counted and forgotten. A file with any problem is refused whole (<see cref="ExchangeFileException"/>), with no table.
/// </summary>
public static class ExchangeAnalysis
{
    /// <summary>The read buffer for a file: large reads, few of them.</summary>
    private const int FileBuffer = 4 << 20;

    public static ExchangeAnalysisResult Analyse(string path, AnalysisLimits? limits = null, IProgress<ExchangeProgress>? progress = null)
    {
        using var stream = OpenRead(path);
        return Analyse(stream, limits, null, progress);
    }

    /// <summary>
    /// Analyses the file in <paramref name="stream"/>. Limiting it to a region needs each review's board before the review:
    /// the writer lists the boards first, but another sender may not, so unless <paramref name="boards"/> are given the
    /// boards are first read on their own, from a stream that can seek.
    /// </summary>
    public static ExchangeAnalysisResult Analyse(Stream stream, AnalysisLimits? limits = null, IReadOnlyList<ExchangeBoard>? boards = null,
        IProgress<ExchangeProgress>? progress = null)
    {
        var analysis = new CrossCaseAnalysis(limits);
        if (analysis.Limits.Region is not null && boards is null)
        {
            if (!stream.CanSeek)
            {
                throw new ArgumentException("Limiting to a region needs the boards first: give them, or a stream that can seek.", nameof(boards));
            }
            var start = stream.Position;
            boards = ExchangeReader.ReadBoards(stream);
            stream.Position = start;
        }
        foreach (var board in boards ?? [])
        {
            analysis.AddBoard(board);
        }
        long? length = stream.CanSeek ? stream.Length : null;
        using var reader = new ExchangeReader(stream, new ExchangeReadOptions { KeepText = false, BufferSize = FileBuffer }, leaveOpen: true);
        var boardsAdded = 0;
        while (reader.Read(out var review))
        {
            for (; boardsAdded < reader.Boards.Count; boardsAdded++)
            {
                analysis.AddBoard(reader.Boards[boardsAdded]);
            }
            analysis.Add(review);
            if (progress is not null && (reader.ReviewsRead & 1023) == 0)
            {
                progress.Report(new ExchangeProgress(reader.ReviewsRead, reader.BytesRead, length));
            }
        }
        for (; boardsAdded < reader.Boards.Count; boardsAdded++)
        {
            analysis.AddBoard(reader.Boards[boardsAdded]);
        }
        progress?.Report(new ExchangeProgress(reader.ReviewsRead, reader.BytesRead, length));
        return reader.Problems.Any
            ? throw new ExchangeFileException(reader.Problems)
            : new ExchangeAnalysisResult(analysis.Tables(), reader.ReviewsRead, analysis.ReviewsOfBoardOrRegion, reader.Boards);
    }

    /// <summary>Opens a file for reading straight through, without a second buffer of the stream's own.</summary>
    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
}
