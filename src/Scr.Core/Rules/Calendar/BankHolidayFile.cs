using System.Globalization;
using System.Text.Json;

namespace Scr.Core.Rules.Calendar;

/// <summary>
/// Reads the bank holidays of England and Wales from a file in the format of https://www.gov.uk/bank-holidays.json:
/// <c>{"england-and-wales":{"division":"england-and-wales","events":[{"title":"Boxing Day","date":"2026-12-28",
/// "notes":"Substitute day","bunting":true}, ...]}, "scotland":{...}, "northern-ireland":{...}}</c>. Only the
/// <c>england-and-wales</c> division is read; the others are ignored, and so are each event's notes and bunting.
/// </summary>
public static class BankHolidayFile
{
    /// <summary>The division read; GOV.UK's file also has scotland and northern-ireland.</summary>
    public const string Division = "england-and-wales";

    /// <summary>The largest file accepted: 1 MB. GOV.UK's file, with all three divisions, is a few tens of kilobytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    public const int MaxTitleLength = 200;

    /// <summary>A file with many problems is reported by its first few.</summary>
    private const int MaxProblems = 10;

    /// <summary>
    /// The file's England and Wales bank holidays, in date order. Refuses, with a <see cref="RuleViolationException"/>
    /// whose messages say what is wrong, a file that is not JSON, has no england-and-wales division or events, has an
    /// event without a title or a valid YYYY-MM-DD date or on a weekend, or lists a date twice.
    /// </summary>
    public static IReadOnlyList<BankHoliday> Parse(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            Keep(buffer, chunk, read);
        }
        return Parse(buffer.ToArray());
    }

    /// <inheritdoc cref="Parse(Stream)"/>
    public static async Task<IReadOnlyList<BankHoliday>> ParseAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            Keep(buffer, chunk, read);
        }
        return Parse(buffer.ToArray());
    }

    private static void Keep(MemoryStream buffer, byte[] chunk, int read)
    {
        if (buffer.Length + read > MaxBytes)
        {
            throw new RuleViolationException($"The file is larger than {MaxBytes / 1024 / 1024} MB: it is not GOV.UK’s bank holidays file");
        }
        buffer.Write(chunk, 0, read);
    }

    private static IReadOnlyList<BankHoliday> Parse(byte[] bytes)
    {
        var json = bytes.AsMemory();
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }
        if (json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new RuleViolationException("The file is empty");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1})" : "";
            throw new RuleViolationException($"The file is not valid JSON{where}: use the bank holidays file from GOV.UK (bank-holidays.json)");
        }
        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static List<BankHoliday> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RuleViolationException($"The file is not a GOV.UK bank holidays file: it has no ‘{Division}’ division");
        }
        if (!root.TryGetProperty(Division, out var division))
        {
            throw new RuleViolationException($"The file has no ‘{Division}’ division: use the bank holidays file from GOV.UK (bank-holidays.json)");
        }
        if (division.ValueKind != JsonValueKind.Object || !division.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new RuleViolationException($"The ‘{Division}’ division of the file has no list of events");
        }
        if (events.GetArrayLength() == 0)
        {
            throw new RuleViolationException($"The ‘{Division}’ division of the file lists no bank holidays");
        }

        var problems = new List<string>();
        var holidays = new Dictionary<DateOnly, BankHoliday>();
        var number = 0;
        foreach (var item in events.EnumerateArray())
        {
            number++;
            if (ReadEvent(item, number, out var problem) is not { } holiday)
            {
                problems.Add(problem!);
            }
            else if (holidays.TryGetValue(holiday.Date, out var earlier))
            {
                problems.Add($"The file lists {holiday.Date:yyyy-MM-dd} more than once (‘{earlier.Title}’ and ‘{holiday.Title}’)");
            }
            else
            {
                holidays.Add(holiday.Date, holiday);
            }
            if (problems.Count == MaxProblems)
            {
                break;
            }
        }
        if (problems.Count > 0)
        {
            throw new RuleViolationException(problems);
        }
        return [.. holidays.Values.OrderBy(h => h.Date)];
    }

    private static BankHoliday? ReadEvent(JsonElement item, int number, out string? problem)
    {
        problem = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            problem = $"Event {number} of the file is not a JSON object";
            return null;
        }
        var title = item.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.Trim() : "";
        var text = item.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        var named = title.Length > 0 ? $"Event {number} (‘{Shorten(title)}’)" : $"Event {number}";
        if (text is null || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problem = text is null
                ? $"{named} has no date: write dates as YYYY-MM-DD, like 2026-12-25"
                : $"{named} has ‘{Shorten(text)}’ as its date, which is not a valid date: write dates as YYYY-MM-DD, like 2026-12-25";
            return null;
        }
        if (title.Length == 0)
        {
            problem = $"Event {number} ({date:yyyy-MM-dd}) has no title";
            return null;
        }
        if (title.Length > MaxTitleLength)
        {
            problem = $"{named} has a title longer than {MaxTitleLength} characters";
            return null;
        }
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            problem = $"{named} falls on a {date.DayOfWeek}, {date:yyyy-MM-dd}: bank holidays are weekdays (GOV.UK lists the substitute day)";
            return null;
        }
        return new BankHoliday(date, title);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
