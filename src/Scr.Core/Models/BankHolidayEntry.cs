namespace Scr.Core.Models;

/// <summary>
/// A bank holiday an administrator imported from GOV.UK's file. A year with entries replaces that year of the data
/// shipped with scr entirely (see <c>BankHolidayService</c>).
/// </summary>
public class BankHolidayEntry
{
    private BankHolidayEntry()
    {
        Title = "";
    }

    public BankHolidayEntry(DateOnly date, string title, DateTimeOffset importedAt)
    {
        Date = date;
        Title = title;
        ImportedAt = importedAt;
    }

    public DateOnly Date { get; private set; }
    public string Title { get; private set; }

    /// <summary>When the file that listed this day was imported.</summary>
    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>Listed again by a later import: its title as that file gives it.</summary>
    public void Reimport(string title, DateTimeOffset importedAt)
    {
        Title = title;
        ImportedAt = importedAt;
    }
}
