using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Scr.Core.Rules.Documents;

namespace Scr.Core.Services.Documents;

/// <summary>Configuration section "Documents": where uploaded files are kept and how large they may be.</summary>
public sealed class DocumentSettings
{
    /// <summary>
    /// The folder of the document store, relative to the working directory (as the SQLite file is) unless absolute.
    /// Never inside the site's web root. Several instances must share it (a network file system).
    /// </summary>
    public string Directory { get; set; } = "data/documents";

    public int MaxFileMegabytes { get; set; } = 20;
    public int MaxZipEntries { get; set; } = 10_000;
    public int MaxUncompressedMegabytes { get; set; } = 256;
    public int MaxCompressionRatio { get; set; } = 100;

    public DocumentLimits Limits => new(MaxFileMegabytes * DocumentLimits.Megabyte, MaxZipEntries,
        MaxUncompressedMegabytes * DocumentLimits.Megabyte, MaxCompressionRatio);

    public string FullDirectory => Path.GetFullPath(Directory);
}

/// <summary>
/// Where the bytes of documents are kept, by a key the service chooses (never the name a person gave the file).
/// An upload is first staged (copied in full, counted and hashed, in a temporary place of the store) so it can be
/// checked; only then is it committed under its key, atomically: a reader never sees half a file.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Copies <paramref name="content"/> into a temporary file, hashing it, reading no more than
    /// <paramref name="maxBytes"/> + 1 bytes (a longer upload is marked <see cref="StagedDocument.TooLarge"/>). Disposing the
    /// result without committing it removes the temporary file.
    /// </summary>
    Task<StagedDocument> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>The content kept under the key; <see cref="FileNotFoundException"/> when there is none.</summary>
    Stream OpenRead(string key);

    /// <summary>Removes what is kept under the key, if anything.</summary>
    void Delete(string key);

    bool Exists(string key);
}

/// <summary>An upload copied into the store's temporary place, not yet kept.</summary>
public abstract class StagedDocument : IAsyncDisposable
{
    /// <summary>Bytes copied (at most the limit + 1).</summary>
    public long Length { get; protected init; }

    /// <summary>SHA-256 of what was copied, lower-case hex.</summary>
    public string Sha256 { get; protected init; } = "";

    /// <summary>The upload went on past the limit; the rest was not read.</summary>
    public bool TooLarge { get; protected init; }

    /// <summary>Reads what was copied, from the start: a seekable stream for the content checks.</summary>
    public abstract Stream OpenRead();

    /// <summary>Keeps it under <paramref name="key"/>, atomically; refuses to replace anything already there.</summary>
    public abstract Task CommitAsync(string key, CancellationToken cancellationToken = default);

    public abstract ValueTask DisposeAsync();
}

/// <summary>
/// Documents as files under one folder (<see cref="DocumentSettings.Directory"/>): each under <c>ab/abcdef…</c>, the
/// key being the document's id, in folders of the id's first two hex digits; uploads are staged in <c>.incoming</c> in
/// the same folder, so committing is a rename on one file system. Files and folders are readable by the service's
/// account only.
/// </summary>
public sealed partial class FileSystemDocumentStore(IOptions<DocumentSettings> settings) : IDocumentStore
{
    public const string IncomingFolder = ".incoming";
    private const int BufferSize = 81920;

    public string Root { get; } = settings.Value.FullDirectory;

    private string Incoming => Path.Combine(Root, IncomingFolder);

    /// <summary>The key a document is kept under: its id, in a folder of its first two hex digits.</summary>
    public static string KeyFor(Guid documentId)
    {
        var id = documentId.ToString("N");
        return $"{id[..2]}/{id}";
    }

    [GeneratedRegex("^[0-9a-f]{2}/[0-9a-f]{32}$")]
    private static partial Regex KeyPattern();

    /// <summary>The file of a key; only keys of <see cref="KeyFor"/>'s shape, so a key can never point outside the store.</summary>
    public string PathOf(string key)
    {
        if (!KeyPattern().IsMatch(key) || key[..2] != key[3..5])
        {
            throw new ArgumentException("Not a document key.", nameof(key));
        }
        return Path.Combine(Root, key[..2], key[3..]);
    }

    public async Task<StagedDocument> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        CreatePrivateDirectory(Incoming);
        var path = Path.Combine(Incoming, $"{Guid.NewGuid():N}.part");
        try
        {
            long length = 0;
            var tooLarge = false;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(path, PrivateFile(FileMode.CreateNew, FileAccess.Write)))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, maxBytes + 1 - length)), cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    length += read;
                    if (length > maxBytes)
                    {
                        tooLarge = true;
                        break;
                    }
                }
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }
            return new Staged(this, path, length, Convert.ToHexStringLower(hash.GetHashAndReset()), tooLarge);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public Stream OpenRead(string key)
    {
        var path = PathOf(key);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new FileNotFoundException("No document is kept under this key.", path, e);
        }
    }

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    public bool Exists(string key) => File.Exists(PathOf(key));

    private static FileStreamOptions PrivateFile(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None, BufferSize = BufferSize, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return options;
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private sealed class Staged : StagedDocument
    {
        private readonly FileSystemDocumentStore _store;
        private readonly string _path;
        private bool _committed;

        public Staged(FileSystemDocumentStore store, string path, long length, string sha256, bool tooLarge)
        {
            _store = store;
            _path = path;
            Length = length;
            Sha256 = sha256;
            TooLarge = tooLarge;
        }

        public override Stream OpenRead() =>
            new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);

        public override Task CommitAsync(string key, CancellationToken cancellationToken = default)
        {
            var target = _store.PathOf(key);
            CreatePrivateDirectory(Path.GetDirectoryName(target)!);
            // A rename within one file system: the file appears whole or not at all. Never over another document.
            File.Move(_path, target, overwrite: false);
            _committed = true;
            return Task.CompletedTask;
        }

        public override ValueTask DisposeAsync()
        {
            if (!_committed)
            {
                File.Delete(_path);
            }
            return ValueTask.CompletedTask;
        }
    }
}
