using System.Diagnostics;

namespace Scr.TestCommon;

/// <summary>
/// LibreOffice run headless, to prove a document the service makes opens in a real word processor. ./test.sh installs it
/// (Debian's libreoffice-writer-nogui); a test skips, saying why, only when the program is not there.
/// </summary>
public static class LibreOffice
{
    public const string SkipReason = "LibreOffice is not installed (apt-get install libreoffice-writer-nogui; ./test.sh installs it).";

    /// <summary>The program: SCR_TEST_LIBREOFFICE if set, else libreoffice or soffice on the PATH; null when there is none.</summary>
    public static string? Binary { get; } = Find();

    public const string CalcSkipReason = "LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui; ./test.sh installs it).";

    /// <summary>
    /// Whether LibreOffice can open spreadsheets: Calc is a package of its own (libreoffice-calc-nogui), without which
    /// converting an .xlsx says "source file could not be loaded". Its library sits beside the program.
    /// </summary>
    public static bool HasCalc { get; } = Binary is { } binary
        && Path.GetDirectoryName(new FileInfo(binary).ResolveLinkTarget(returnFinalTarget: true)?.FullName) is { } program
        ? File.Exists(Path.Combine(program, "libsclo.so")) || File.Exists(Path.Combine(program, "sclo.dll"))
        : Binary is not null;

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SCR_TEST_LIBREOFFICE") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { "libreoffice", "soffice" }.SelectMany(name => path.Select(dir => Path.Combine(dir, name))).FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Converts a document with <c>--convert-to</c> (such as "pdf" or "txt:Text") in a profile of its own, so runs side by
    /// side do not share one; returns what LibreOffice wrote, or throws with its output when it wrote nothing.
    /// </summary>
    public static async Task<byte[]> ConvertAsync(byte[] document, string extension, string format, TimeSpan? timeout = null)
    {
        var binary = Binary ?? throw new InvalidOperationException(SkipReason);
        var folder = Directory.CreateTempSubdirectory("scr-libreoffice-");
        try
        {
            var input = Path.Combine(folder.FullName, $"document.{extension}");
            await File.WriteAllBytesAsync(input, document);
            var profile = new Uri(Path.Combine(folder.FullName, "profile")).AbsoluteUri;
            var start = new ProcessStartInfo(binary)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder.FullName,
            };
            foreach (var argument in new[] { "--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation={profile}", "--convert-to", format,
                "--outdir", Path.Combine(folder.FullName, "out"), input })
            {
                start.ArgumentList.Add(argument);
            }
            start.Environment["HOME"] = folder.FullName;
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"LibreOffice did not finish converting to {format}.");
            }
            var written = Directory.Exists(Path.Combine(folder.FullName, "out"))
                ? Directory.GetFiles(Path.Combine(folder.FullName, "out")).FirstOrDefault()
                : null;
            if (process.ExitCode != 0 || written is null)
            {
                throw new InvalidOperationException($"LibreOffice exited {process.ExitCode} and wrote {(written is null ? "nothing" : written)}:\n"
                    + $"{await output}\n{await errors}");
            }
            return await File.ReadAllBytesAsync(written);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
