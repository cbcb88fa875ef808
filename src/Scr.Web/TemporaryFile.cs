namespace Scr.Web;

/// <summary>
/// A file that is deleted when closed: a download written here first is sent whole or, when the writing is refused, not at
/// all (a page or a problem answer instead of half a file), and a request body kept here can be read synchronously.
/// </summary>
public static class TemporaryFile
{
    public static FileStream Create() =>
        new(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
}
