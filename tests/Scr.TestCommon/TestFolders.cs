namespace Scr.TestCommon;

/// <summary>Throwaway folders under the system's temporary folder, one per test host.</summary>
public static class TestFolders
{
    /// <summary>A new document store folder (not yet created: the store makes it on the first upload).</summary>
    public static string Documents() => Path.Combine(Path.GetTempPath(), "scr-tests", "documents", Guid.NewGuid().ToString("N"));

    /// <summary>Every file under a folder, as paths relative to it ("" when it does not exist).</summary>
    public static IReadOnlyList<string> FilesUnder(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order().ToList()
        : [];

    public static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
