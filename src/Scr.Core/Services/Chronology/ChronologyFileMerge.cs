using System.Threading.Channels;
using Scr.Core.Models;
using Scr.Core.Rules.Chronology;

namespace Scr.Core.Services.Chronology;

/// <summary>One agency chronology to merge: a name for messages (the file's name), how to open it, its format and size.</summary>
public sealed record ChronologyMergeInput(string Name, Func<Stream> Open, ChronologyFileFormat Format)
{
    public static ChronologyMergeInput FromFile(string path) => new(Path.GetFileName(path),
        () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan),
        ChronologyReader.FormatOf(path) ?? throw new ArgumentException($"{Path.GetFileName(path)} is neither a .csv nor a .xlsx file.", nameof(path)));
}

public sealed record ChronologyMergeOptions
{
    public ChronologyGapOptions Gaps { get; init; } = new(ChronologyGapOptions.DefaultThresholdDays);

    /// <summary>The periods the child-seen figures are counted by.</summary>
    public ChronologyPeriod Period { get; init; } = ChronologyPeriod.Year;

    /// <summary>Other names agencies may be given under "Who was present".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Aliases { get; init; }

    /// <summary>Problems kept to report for each file; past this they are only counted.</summary>
    public int MaxProblems { get; init; } = 10_000;

    /// <summary>Told how far reading has gone across every input (from the threads that read them, one report at a time).</summary>
    public IProgress<ChronologyMergeProgress>? Progress { get; init; }

    /// <summary>
    /// Whether to read the inputs ahead and write the output behind the merge on the thread pool, in batches: true, false, or
    /// null to do so on machines with 4 cores or more. On fewer, the hand-over between threads costs more than it saves (it
    /// was measured slower on 2 cores shared with other work).
    /// </summary>
    public bool? ReadAhead { get; init; }
}

/// <summary>
/// How far a merge has gone: rows and bytes read across the inputs, their total size, and the pass (2 when an input out
/// of order made the merge read everything again into memory).
/// </summary>
public readonly record struct ChronologyMergeProgress(long Rows, long Bytes, long TotalBytes, int Pass);

/// <summary>A problem in one of the files merged.</summary>
public sealed record ChronologyFileProblem(string File, ChronologyProblem Problem)
{
    public override string ToString() => $"{File}: {Problem}";
}

/// <summary>What the merged chronology holds, and the analysis of it.</summary>
public sealed record ChronologyMergeSummary(int Entries, int Inputs, IReadOnlyList<string> Agencies, ChronologyDate? First, ChronologyDate? Last,
    int Approximate, int SameTimeGroups, bool SortedInMemory, ChronologyGapReport Gaps, ChildVoiceReport ChildVoice,
    IReadOnlyList<ChronologyDiscrepancy> Discrepancies);

/// <summary>The merge's summary, or the problems of the files that stopped it (then nothing was written).</summary>
public sealed record ChronologyMergeResult(ChronologyMergeSummary? Summary, IReadOnlyList<ChronologyFileProblem> Problems, int ProblemCount)
{
    public bool Ok => ProblemCount == 0 && Summary is not null;
}

/// <summary>
/// Merges agencies' chronology files into the integrated chronology and analyses it in the same pass: the files are read
/// row by row and merged as they stream (<see cref="ChronologyMerge.MergeSorted"/>), each merged entry written out and
/// given to the gap finder, the child-seen counter and the discrepancy finder, which keep counts and a day's entries,
/// not the chronology. So memory does not grow with the files while they are in date order, as agencies write them;
/// when one is not, the merge starts again, reading every file into memory and sorting those out of order. All or
/// nothing: every file is read to its end, and if any row of any file has a problem the output is not completed and the
/// result lists every problem.
/// </summary>
public static class ChronologyFileMerge
{
    /// <summary>
    /// Merges files into <paramref name="outputPath"/> (CSV or XLSX by its extension), written to a temporary file beside it
    /// and moved into place only when the merge succeeds: on failure the output path is left as it was.
    /// </summary>
    public static ChronologyMergeResult MergeFiles(IReadOnlyList<string> inputPaths, string outputPath, ChronologyMergeOptions? options = null,
        CancellationToken cancellationToken = default) =>
        MergeFiles(inputPaths.Select(ChronologyMergeInput.FromFile).ToList(), outputPath, options, cancellationToken);

    /// <inheritdoc cref="MergeFiles(IReadOnlyList{string}, string, ChronologyMergeOptions?, CancellationToken)"/>
    public static ChronologyMergeResult MergeFiles(IReadOnlyList<ChronologyMergeInput> inputs, string outputPath, ChronologyMergeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var format = ChronologyReader.FormatOf(outputPath)
            ?? throw new ArgumentException($"{Path.GetFileName(outputPath)} is neither a .csv nor a .xlsx file.", nameof(outputPath));
        var full = Path.GetFullPath(outputPath);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var result = Merge(inputs,
                () => new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), format, options, cancellationToken);
            if (result.Ok)
            {
                File.Move(temporary, full, overwrite: true);
            }
            return result;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Merges the inputs into the stream <paramref name="openOutput"/> gives (called again, for a new empty stream, if the
    /// merge has to start again); the stream is disposed. When the result is not <see cref="ChronologyMergeResult.Ok"/>,
    /// what was written is incomplete and to be thrown away.
    /// </summary>
    public static ChronologyMergeResult Merge(IReadOnlyList<ChronologyMergeInput> inputs, Func<Stream> openOutput, ChronologyFileFormat outputFormat,
        ChronologyMergeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new ChronologyMergeOptions();
        try
        {
            return Pass(inputs, openOutput, outputFormat, options, inMemory: false, cancellationToken);
        }
        catch (ChronologyInputNotInOrderException)
        {
            return Pass(inputs, openOutput, outputFormat, options, inMemory: true, cancellationToken);
        }
    }

    /// <summary>Entries read ahead of the merge, and written behind it, in batches of this many.</summary>
    private const int Batch = 256;

    private static ChronologyMergeResult Pass(IReadOnlyList<ChronologyMergeInput> inputs, Func<Stream> openOutput, ChronologyFileFormat outputFormat,
        ChronologyMergeOptions options, bool inMemory, CancellationToken cancellationToken)
    {
        var progress = new MergeProgress(inputs.Count, options.Progress, inMemory ? 2 : 1);
        var readAhead = options.ReadAhead ?? Environment.ProcessorCount >= 4;
        var readers = new List<ChronologyReader>(inputs.Count);
        var background = new List<Task>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ChronologyWriter? writer = null;
        Channel<(ChronologyEntry Entry, bool SameTime)[]>? toWrite = null;
        try
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                var index = i;
                var stream = inputs[i].Open();
                progress.Start(i, stream.CanSeek ? stream.Length : 0);
                readers.Add(ChronologyReader.Open(stream, inputs[i].Format, new ChronologyReadOptions
                {
                    MaxProblems = options.MaxProblems,
                    // Entries are held only when every file is read into memory to be sorted.
                    ShareRepeatedValues = inMemory,
                    Progress = options.Progress is null ? null : new InlineProgress<ChronologyReadProgress>(p => progress.Report(index, p)),
                }));
            }
            var discrepancies = new ChronologyDiscrepancyFinder(aliases: options.Aliases);
            var agencies = new HashSet<string>(StringComparer.Ordinal);
            IEnumerable<ChronologyEntry> Watch(IEnumerable<ChronologyEntry> entries)
            {
                // Every agency read so far is known to the discrepancy finder, ahead of the merge (which reads the first entry
                // of every input before it gives its first), so that "Who was present" can name agencies whose entries come later.
                foreach (var entry in entries)
                {
                    if (agencies.Add(entry.Agency))
                    {
                        discrepancies.KnowAgency(entry.Agency);
                    }
                    yield return entry;
                }
            }

            // Reading (and checking) runs ahead on the thread pool, and writing behind (when options.ReadAhead says so), so that
            // they overlap with the merge and the analysis on this thread.
            IReadOnlyList<IEnumerable<ChronologyEntry>> sources;
            if (inMemory)
            {
                var lists = readers.Select(reader => Task.Run(() =>
                {
                    var entries = reader.Entries().ToList();
                    return ChronologyOrder.IsInOrder(entries) ? entries : ChronologyMerge.Sort(entries);
                }, stop.Token)).ToList();
                background.AddRange(lists);
                sources = lists.Select(list => Watch(list.GetAwaiter().GetResult())).ToList();
            }
            else if (!readAhead)
            {
                sources = readers.Select(r => Watch(r.Entries())).ToList();
            }
            else
            {
                sources = readers.Select(reader =>
                {
                    var ahead = Channel.CreateBounded<ChronologyEntry[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
                    background.Add(Task.Run(() => ReadAheadAsync(reader, ahead.Writer, stop.Token), stop.Token));
                    return Watch(Drain(ahead.Reader));
                }).ToList();
            }

            writer = ChronologyWriter.Create(openOutput(), outputFormat);
            var output = writer;
            Task? writing = null;
            if (readAhead)
            {
                toWrite = Channel.CreateBounded<(ChronologyEntry, bool)[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
                var channel = toWrite;
                writing = Task.Run(async () =>
                {
                    await foreach (var batch in channel.Reader.ReadAllAsync(stop.Token))
                    {
                        foreach (var (entry, sameTime) in batch)
                        {
                            output.Write(entry, sameTime);
                        }
                    }
                }, stop.Token);
                background.Add(writing);
            }

            var gaps = new ChronologyGapFinder(options.Gaps);
            var voice = new ChildVoiceCounter(options.Period);
            var group = new List<ChronologyEntry>();
            var pending = new List<(ChronologyEntry, bool)>(Batch);
            var count = 0;
            var approximate = 0;
            var sameTimeGroups = 0;
            var failed = false;
            ChronologyDate? first = null;
            ChronologyDate? last = null;

            void Flush()
            {
                var multiAgency = false;
                for (var i = 1; i < group.Count && !multiAgency; i++)
                {
                    multiAgency = !string.Equals(group[i].Agency, group[0].Agency, StringComparison.OrdinalIgnoreCase);
                }
                sameTimeGroups += multiAgency ? 1 : 0;
                foreach (var entry in group)
                {
                    if (toWrite is null)
                    {
                        output.Write(entry, multiAgency);
                    }
                    else
                    {
                        pending.Add((entry, multiAgency));
                    }
                    gaps.Add(entry);
                    voice.Add(entry);
                    discrepancies.Add(entry);
                }
                group.Clear();
                if (pending.Count >= Batch)
                {
                    Send();
                }
            }

            void Send()
            {
                if (pending.Count > 0 && !toWrite!.Writer.TryWrite([.. pending]))
                {
                    toWrite.Writer.WriteAsync([.. pending], stop.Token).AsTask().GetAwaiter().GetResult();
                }
                pending.Clear();
            }

            foreach (var entry in ChronologyMerge.MergeSorted(sources))
            {
                if ((++count & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    failed = failed || readers.Exists(r => r.ProblemCount > 0);
                }
                if (failed)
                {
                    // Read on for the other problems; nothing more is written.
                    continue;
                }
                first ??= entry.When;
                last = entry.When;
                approximate += entry.Approximate ? 1 : 0;
                if (group.Count > 0 && ChronologyOrder.CompareWhen(group[0], entry) != 0)
                {
                    Flush();
                }
                group.Add(entry);
            }

            var problemCount = readers.Sum(r => r.ProblemCount);
            if (problemCount > 0)
            {
                var problems = readers.SelectMany((r, i) => r.Problems.Select(p => new ChronologyFileProblem(inputs[i].Name, p))).ToList();
                return new ChronologyMergeResult(null, problems, problemCount);
            }
            Flush();
            if (toWrite is not null)
            {
                Send();
                toWrite.Writer.Complete();
                writing!.GetAwaiter().GetResult();
            }
            writer.Complete();
            var summary = new ChronologyMergeSummary(count, inputs.Count,
                agencies.Order(Comparer<string>.Create(ChronologyOrder.CompareAgency)).ToList(), first, last, approximate, sameTimeGroups, inMemory,
                gaps.Finish(), voice.Finish(), discrepancies.Finish());
            return new ChronologyMergeResult(summary, [], 0);
        }
        finally
        {
            // Stop whatever still runs in the background (a merge given up half way) before closing what it uses.
            toWrite?.Writer.TryComplete();
            stop.Cancel();
            foreach (var task in background)
            {
                try
                {
                    task.GetAwaiter().GetResult();
                }
                catch (Exception e) when (e is OperationCanceledException or ChannelClosedException or ObjectDisposedException)
                {
                    // Stopped.
                }
            }
            writer?.Dispose();
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    /// <summary>Reads an input into a channel, a batch at a time, until the input ends or the merge stops.</summary>
    private static async Task ReadAheadAsync(ChronologyReader reader, ChannelWriter<ChronologyEntry[]> channel, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<ChronologyEntry>(Batch);
            foreach (var entry in reader.Entries())
            {
                batch.Add(entry);
                if (batch.Count == Batch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await channel.WriteAsync([.. batch], cancellationToken);
                    batch.Clear();
                }
            }
            if (batch.Count > 0)
            {
                await channel.WriteAsync([.. batch], cancellationToken);
            }
            channel.Complete();
        }
        catch (Exception e)
        {
            channel.TryComplete(e);
            throw;
        }
    }

    /// <summary>The entries of a channel as they come, waiting for each batch (on this thread, which is not the pool's).</summary>
    private static IEnumerable<ChronologyEntry> Drain(ChannelReader<ChronologyEntry[]> channel)
    {
        while (true)
        {
            if (!channel.TryRead(out var batch))
            {
                if (!channel.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                {
                    yield break;
                }
                continue;
            }
            foreach (var entry in batch)
            {
                yield return entry;
            }
        }
    }

    /// <summary>Adds up the progress of each input's reader.</summary>
    private sealed class MergeProgress(int inputs, IProgress<ChronologyMergeProgress>? progress, int pass)
    {
        private readonly ChronologyReadProgress[] _each = new ChronologyReadProgress[inputs];

        /// <summary>Knows an input's size before it is read, so that the total is right from the start.</summary>
        public void Start(int input, long length) => _each[input] = new ChronologyReadProgress(0, 0, length);

        public void Report(int input, ChronologyReadProgress value)
        {
            // Inputs are read on several threads: one report at a time.
            lock (_each)
            {
                Add(input, value);
            }
        }

        private void Add(int input, ChronologyReadProgress value)
        {
            _each[input] = value;
            long rows = 0, bytes = 0, total = 0;
            foreach (var each in _each)
            {
                rows += each.Rows;
                bytes += each.Bytes;
                total += each.TotalBytes;
            }
            progress?.Report(new ChronologyMergeProgress(rows, bytes, total, pass));
        }
    }

    /// <summary>Reports on the caller's thread, in order.</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
