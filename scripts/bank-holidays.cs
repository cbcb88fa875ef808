#!/usr/bin/env -S dotnet run --file
// Generates src/Scr.Core/Rules/Data/bank-holidays-england-and-wales.json: the bank holidays of England and Wales
// from 1995 to 2030, in the format of https://www.gov.uk/bank-holidays.json (the england-and-wales division only).
//
//   dotnet run --file scripts/bank-holidays.cs            # rewrites the shipped file
//   dotnet run --file scripts/bank-holidays.cs -- OUTPUT  # writes OUTPUT instead ("-" for standard output)
//
// There is no network where the project is built, so the dates come from the rules below, not from GOV.UK. Once a
// year, an administrator imports GOV.UK's own file (the admin page or 'scr calendar import'), which overrides the
// years it covers; extend LastYear and re-run this script when the shipped years run out.
//
// Where each rule comes from:
// - Banking and Financial Dealings Act 1971, Schedule 1, paragraph 1 (England and Wales): Easter Monday, the last
//   Monday in May (spring bank holiday), the last Monday in August (summer bank holiday), 26 December if it is not a
//   Sunday, and 27 December in a year in which 25 or 26 December is a Sunday.
// - Section 1(3) of that Act: the Crown may appoint further bank holidays by royal proclamation. New Year's Day
//   (since 1974) and the early May bank holiday, the first Monday in May (since 1978), are appointed this way every
//   year, and so are the one-off days below. Section 1(2) lets a proclamation move a Schedule 1 day: the spring bank
//   holidays of 2002, 2012 and 2022 were moved for jubilees, and the early May bank holidays of 1995 and 2020 for
//   VE Day anniversaries.
// - Good Friday and Christmas Day are common-law holidays rather than bank holidays under the Act; banks and
//   GOV.UK's list treat them as bank holidays.
// - Substitute days: when New Year's Day, Christmas Day or Boxing Day falls on a Saturday or Sunday, the next weekday
//   that is not already a bank holiday is the holiday instead (Schedule 1 for 27 December; a proclamation for the
//   others). GOV.UK keeps the title and sets notes to "Substitute day", as this script does. So Christmas on a
//   Saturday gives Monday 27 (Christmas Day) and Tuesday 28 (Boxing Day); Christmas on a Sunday gives Monday 26
//   (Boxing Day) and Tuesday 27 (Christmas Day); Boxing Day on a Saturday gives Monday 28.
// - Easter Sunday: the Gregorian computus (Meeus/Jones/Butcher algorithm), as the Book of Common Prayer's tables
//   give it.
// - One-off changes by proclamation, 1995 to 2030 (titles as GOV.UK writes them where it lists the year):
//   1995-05-08 the early May bank holiday moved from 1 May to Monday 8 May, for the 50th anniversary of VE Day;
//   1999-12-31 millennium celebrations;
//   2002-06-04 the spring bank holiday moved from 27 May, and 2002-06-03 the Queen's Golden Jubilee;
//   2011-04-29 the wedding of Prince William and Catherine Middleton;
//   2012-06-04 the spring bank holiday moved from 28 May, and 2012-06-05 the Queen's Diamond Jubilee;
//   2020-05-08 the early May bank holiday moved from 4 May to Friday 8 May, for the 75th anniversary of VE Day;
//   2022-06-02 the spring bank holiday moved from 30 May to Thursday 2 June, and 2022-06-03 the Platinum Jubilee;
//   2022-09-19 the State Funeral of Queen Elizabeth II;
//   2023-05-08 the coronation of King Charles III.
//
// The unit tests (tests/Scr.Core.Tests/Rules/Calendar) pin 2018 to 2027 date by date, as GOV.UK publishes them, and
// the one-offs above.
#:property RestorePackagesWithLockFile=false

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

const int FirstYear = 1995;
const int LastYear = 2030;

var output = args.Length > 0 ? args[0] : DefaultOutput();
var events = new List<Holiday>();
for (var year = FirstYear; year <= LastYear; year++)
{
    events.AddRange(Year(year));
}

var json = Render(events);
if (output == "-")
{
    Console.Out.Write(json);
}
else
{
    File.WriteAllText(output, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    Console.Error.WriteLine($"Wrote {events.Count} bank holidays, {FirstYear} to {LastYear}, to {output}");
}
return 0;

static IEnumerable<Holiday> Year(int year)
{
    var easter = EasterSunday(year);
    var days = new List<Holiday>
    {
        new(new DateOnly(year, 1, 1), "New Year’s Day"),
        new(easter.AddDays(-2), "Good Friday", Bunting: false),
        new(easter.AddDays(1), "Easter Monday"),
        new(FirstMonday(year, 5), "Early May bank holiday"),
        new(LastMonday(year, 5), "Spring bank holiday"),
        new(LastMonday(year, 8), "Summer bank holiday"),
        new(new DateOnly(year, 12, 25), "Christmas Day"),
        new(new DateOnly(year, 12, 26), "Boxing Day"),
    };
    OneOffs(year, days);
    return WithSubstitutes(days).OrderBy(d => d.Date);
}

// The changes made by proclamation for a single year (see the list at the top).
static void OneOffs(int year, List<Holiday> days)
{
    void Move(string title, DateOnly to, string? newTitle = null)
    {
        var index = days.FindIndex(d => d.Title == title);
        days[index] = days[index] with { Date = to, Title = newTitle ?? title };
    }

    switch (year)
    {
        case 1995:
            Move("Early May bank holiday", new DateOnly(1995, 5, 8), "Early May bank holiday (VE day)");
            break;
        case 1999:
            days.Add(new(new DateOnly(1999, 12, 31), "Millennium celebrations"));
            break;
        case 2002:
            Move("Spring bank holiday", new DateOnly(2002, 6, 4));
            days.Add(new(new DateOnly(2002, 6, 3), "Golden Jubilee bank holiday"));
            break;
        case 2011:
            days.Add(new(new DateOnly(2011, 4, 29), "Royal wedding"));
            break;
        case 2012:
            Move("Spring bank holiday", new DateOnly(2012, 6, 4));
            days.Add(new(new DateOnly(2012, 6, 5), "Queen’s Diamond Jubilee"));
            break;
        case 2020:
            Move("Early May bank holiday", new DateOnly(2020, 5, 8), "Early May bank holiday (VE day)");
            break;
        case 2022:
            Move("Spring bank holiday", new DateOnly(2022, 6, 2));
            days.Add(new(new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday"));
            days.Add(new(new DateOnly(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II", Bunting: false));
            break;
        case 2023:
            days.Add(new(new DateOnly(2023, 5, 8), "Bank holiday for the coronation of King Charles III"));
            break;
    }
}

// Days that fall on a weekend move to the next weekday that is not already a bank holiday; the weekday ones are placed
// first, so Christmas Day on a Sunday goes after a Boxing Day that is already on Monday.
static List<Holiday> WithSubstitutes(List<Holiday> days)
{
    var result = days.Where(d => !IsWeekend(d.Date)).ToList();
    foreach (var day in days.Where(d => IsWeekend(d.Date)).OrderBy(d => d.Date))
    {
        var substitute = day.Date.AddDays(1);
        while (IsWeekend(substitute) || result.Any(r => r.Date == substitute))
        {
            substitute = substitute.AddDays(1);
        }
        result.Add(day with { Date = substitute, Notes = "Substitute day" });
    }
    return result;
}

static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

static DateOnly FirstMonday(int year, int month)
{
    var day = new DateOnly(year, month, 1);
    while (day.DayOfWeek != DayOfWeek.Monday)
    {
        day = day.AddDays(1);
    }
    return day;
}

static DateOnly LastMonday(int year, int month)
{
    var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
    while (day.DayOfWeek != DayOfWeek.Monday)
    {
        day = day.AddDays(-1);
    }
    return day;
}

// Easter Sunday in the Gregorian calendar (the anonymous algorithm published by Meeus, after Jones and Butcher).
static DateOnly EasterSunday(int year)
{
    var a = year % 19;
    var b = year / 100;
    var c = year % 100;
    var d = b / 4;
    var e = b % 4;
    var f = (b + 8) / 25;
    var g = (b - f + 1) / 3;
    var h = ((19 * a) + b - d - g + 15) % 30;
    var i = c / 4;
    var k = c % 4;
    var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
    var m = (a + (11 * h) + (22 * l)) / 451;
    var month = (h + l - (7 * m) + 114) / 31;
    var day = ((h + l - (7 * m) + 114) % 31) + 1;
    return new DateOnly(year, month, day);
}

// GOV.UK's layout, one event per line so that a change shows as a readable diff.
static string Render(List<Holiday> events)
{
    var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    var text = new StringBuilder();
    text.Append("{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":[\n");
    for (var index = 0; index < events.Count; index++)
    {
        var e = events[index];
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteString("title", e.Title);
            writer.WriteString("date", e.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("notes", e.Notes);
            writer.WriteBoolean("bunting", e.Bunting);
            writer.WriteEndObject();
        }
        text.Append(Encoding.UTF8.GetString(buffer.ToArray())).Append(index < events.Count - 1 ? ",\n" : "\n");
    }
    text.Append("]}}\n");
    return text.ToString();
}

static string DefaultOutput()
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Scr.slnx")))
        {
            return Path.Combine(folder.FullName, "src", "Scr.Core", "Rules", "Data", "bank-holidays-england-and-wales.json");
        }
    }
    throw new InvalidOperationException($"Run this from inside the repository (no Scr.slnx above {Directory.GetCurrentDirectory()}).");
}

internal sealed record Holiday(DateOnly Date, string Title, bool Bunting = true, string Notes = "");
