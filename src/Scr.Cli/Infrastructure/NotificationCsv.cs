using System.Globalization;
using CsvHelper;
using Scr.Core.Models;

namespace Scr.Cli.Infrastructure;

/// <summary>A problem in the file: its row (the header is row 1), the column, if it is about one, and what is wrong.</summary>
internal sealed record CsvProblem(int Row, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"row {Row}: {Message}" : $"row {Row}, column {Column}: {Message}";
}

/// <summary>One child of a notification, from one row.</summary>
internal sealed record CsvChild(int Row, string Name, int? AgeMonths, Sex Sex, Ethnicity Ethnicity, YesNoNotKnown Disability,
    ChildProtectionPlanStatus ChildProtectionPlan, LegalStatus LegalStatus);

/// <summary>
/// One notification read from the file: the case's facts from its first row, and a child from each of its rows. Keys
/// (of the board and the agencies) are still to be looked up. A value that could not be read is left empty or not known;
/// the problem is reported with the file's others.
/// </summary>
internal sealed record CsvNotification(int FirstRow, string? CaseKey, string BoardKey, IncidentType IncidentType, DateOnly IncidentDate,
    DateOnly KnownToBoardOn, string Summary, IReadOnlyList<string> AgencyKeys, string? OtherChildrenAtRisk, string? ImmediateActions,
    GuidanceEdition Guidance, IReadOnlyList<CsvChild> Children);

/// <summary>
/// Reads the bulk notification file of <c>scr cases import-notifications</c>: CSV with a header row naming the columns
/// (any order; UTF-8, with or without a byte order mark; LF or CRLF line endings), values as in the exchange format.
/// Every row is read and every problem collected, so the whole file can be put right at once.
/// </summary>
internal static class NotificationCsv
{
    public const string CaseKey = "case_key";
    public const string Board = "board";
    public const string IncidentTypeColumn = "incident_type";
    public const string IncidentDate = "incident_date";
    public const string KnownToBoardOn = "known_to_board_on";
    public const string Summary = "summary";
    public const string ChildName = "child_name";
    public const string ChildAgeMonths = "child_age_months";
    public const string ChildSex = "child_sex";
    public const string ChildEthnicity = "child_ethnicity";
    public const string ChildDisability = "child_disability";
    public const string ChildProtectionPlan = "child_protection_plan";
    public const string ChildLegalStatus = "child_legal_status";
    public const string Agencies = "agencies";
    public const string OtherChildrenAtRisk = "other_children_at_risk";
    public const string ImmediateActions = "immediate_actions";
    public const string Guidance = "guidance";

    /// <summary>Every column, in the documented order.</summary>
    public static readonly string[] Columns =
    [
        CaseKey, Board, IncidentTypeColumn, IncidentDate, KnownToBoardOn, Summary, ChildName, ChildAgeMonths, ChildSex, ChildEthnicity,
        ChildDisability, ChildProtectionPlan, ChildLegalStatus, Agencies, OtherChildrenAtRisk, ImmediateActions, Guidance,
    ];

    /// <summary>Columns the header must have (board may be left out when --board is given).</summary>
    public static readonly string[] RequiredColumns = [IncidentTypeColumn, IncidentDate, KnownToBoardOn, ChildName];

    /// <summary>Columns about the case rather than the child: on a case's later rows, empty or the same as on its first.</summary>
    private static readonly string[] CaseColumns =
        [Board, IncidentTypeColumn, IncidentDate, KnownToBoardOn, Summary, Agencies, OtherChildrenAtRisk, ImmediateActions, Guidance];

    /// <summary>The words the file uses for guidance editions: the exchange format's.</summary>
    public static string GuidanceName(GuidanceEdition edition) => edition == GuidanceEdition.Wales2012 ? "wales-2012" : KebabEnum.Name(edition);

    /// <summary>
    /// Reads the file. Row numbers are the lines of the file where each row starts (the header is row 1), as a text editor
    /// shows them; empty lines are skipped.
    /// </summary>
    public static async Task<(IReadOnlyList<CsvNotification> Notifications, IReadOnlyList<CsvProblem> Problems)> ReadAsync(string path,
        string? defaultBoard, CancellationToken cancellationToken)
    {
        var problems = new List<CsvProblem>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = record => problems.Add(new CsvProblem((int)record.LineNumber, null,
                "a quotation mark is out of place: put the whole value in double quotes, and double any quotation mark inside it")),
        };
        await using var csv = CsvReader.FromFile(path, options);
        await csv.ReadHeaderAsync(cancellationToken);
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (header.Length == 0 || header.All(h => h.Length == 0))
        {
            return ([], [new CsvProblem(1, null, $"the file is empty: the first row must be the header, such as {string.Join(",", Columns)}")]);
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (!Columns.Contains(header[i]))
            {
                problems.Add(new CsvProblem(1, header[i], $"there is no such column: use {string.Join(", ", Columns)}"));
            }
            else if (!index.TryAdd(header[i], i))
            {
                problems.Add(new CsvProblem(1, header[i], "the column appears twice"));
            }
        }
        foreach (var column in RequiredColumns.Append(defaultBoard is null ? Board : null).OfType<string>().Where(c => !index.ContainsKey(c)))
        {
            problems.Add(new CsvProblem(1, column, column == Board ? "the header has no board column: add it, or give --board" : "the header has no such column"));
        }
        if (problems.Count > 0)
        {
            return ([], problems);
        }

        var rows = new List<Row>();
        while (await csv.ReadAsync(cancellationToken))
        {
            var number = (int)csv.LineNumber;
            if (csv.FieldCount != header.Length)
            {
                problems.Add(new CsvProblem(number, null, $"the row has {csv.FieldCount} values but the header has {header.Length} columns"));
                continue;
            }
            var values = Columns.ToDictionary(c => c, c => index.TryGetValue(c, out var i) ? (csv.GetString(i) ?? "").Trim() : "", StringComparer.Ordinal);
            rows.Add(new Row(number, values));
        }
        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new CsvProblem(1, null, "the file has a header but no notifications below it"));
        }

        var notifications = new List<CsvNotification>();
        var cases = rows.GroupBy(r => r[CaseKey] is { Length: > 0 } key ? key : $"\n{r.Number}", StringComparer.OrdinalIgnoreCase);
        foreach (var group in cases)
        {
            var first = group.First();
            var caseKey = first[CaseKey] is { Length: > 0 } k ? k : null;
            foreach (var later in group.Skip(1))
            {
                foreach (var column in CaseColumns.Where(c => later[c].Length > 0 && !string.Equals(later[c], first[c], StringComparison.Ordinal)))
                {
                    problems.Add(new CsvProblem(later.Number, column,
                        $"differs from row {first.Number}, where case '{caseKey}' begins: leave it empty on the case's later rows, or repeat it"));
                }
            }
            var board = first[Board];
            if (board.Length == 0)
            {
                board = defaultBoard ?? "";
                if (board.Length == 0)
                {
                    problems.Add(new CsvProblem(first.Number, Board, "enter the board's key, or give --board"));
                }
            }
            else if (defaultBoard is not null && !string.Equals(board, defaultBoard, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new CsvProblem(first.Number, Board, $"'{board}' is not the board given with --board ({defaultBoard})"));
                board = "";
            }
            var incidentType = Choice<IncidentType>(first, IncidentTypeColumn, problems, required: true, IncidentType.NotKnown);
            var incidentDate = Date(first, IncidentDate, "the date of the incident", problems);
            var knownOn = Date(first, KnownToBoardOn, "the date the board knew of the incident", problems);
            var agencyKeys = first[Agencies].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            foreach (var twice in agencyKeys.GroupBy(a => a, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                problems.Add(new CsvProblem(first.Number, Agencies, $"'{twice.Key}' is named twice"));
            }
            var guidance = GuidanceEdition.Wt2006;
            if (first[Guidance].Length > 0)
            {
                var found = Enum.GetValues<GuidanceEdition>().Where(g => GuidanceName(g) == first[Guidance].ToLowerInvariant()).ToList();
                if (found.Count == 1)
                {
                    guidance = found[0];
                }
                else
                {
                    problems.Add(new CsvProblem(first.Number, Guidance,
                        $"'{first[Guidance]}' is not one of: {string.Join(", ", Enum.GetValues<GuidanceEdition>().Select(GuidanceName))}"));
                }
            }
            var children = new List<CsvChild>();
            foreach (var row in group)
            {
                var name = row[ChildName];
                if (name.Length == 0)
                {
                    problems.Add(new CsvProblem(row.Number, ChildName, "enter the child's name"));
                }
                int? age = null;
                if (row[ChildAgeMonths] is { Length: > 0 } ageText && ageText != "not-known")
                {
                    if (int.TryParse(ageText, NumberStyles.None, CultureInfo.InvariantCulture, out var months))
                    {
                        age = months;
                    }
                    else
                    {
                        problems.Add(new CsvProblem(row.Number, ChildAgeMonths, $"'{ageText}' is not a whole number of months (or not-known)"));
                    }
                }
                children.Add(new CsvChild(row.Number, name, age,
                    Choice(row, ChildSex, problems, required: false, Sex.NotKnown),
                    Choice(row, ChildEthnicity, problems, required: false, Ethnicity.NotKnown),
                    Choice(row, ChildDisability, problems, required: false, YesNoNotKnown.NotKnown),
                    Choice(row, ChildProtectionPlan, problems, required: false, ChildProtectionPlanStatus.NotKnown),
                    Choice(row, ChildLegalStatus, problems, required: false, LegalStatus.NotKnown)));
            }
            // Returned even with problems, so that the notification rules can still be applied to the rest of it: a date that
            // could not be read stands in as the other one, so it adds no problem of its own.
            notifications.Add(new CsvNotification(first.Number, caseKey, board, incidentType, incidentDate ?? knownOn ?? DateOnly.MinValue,
                knownOn ?? incidentDate ?? DateOnly.MinValue, first[Summary], agencyKeys.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                Blank(first[OtherChildrenAtRisk]), Blank(first[ImmediateActions]), guidance, children));
        }
        return (notifications, problems);
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    private static DateOnly? Date(Row row, string column, string description, List<CsvProblem> problems)
    {
        var text = row[column];
        if (text.Length == 0)
        {
            problems.Add(new CsvProblem(row.Number, column, $"enter {description} as YYYY-MM-DD"));
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add(new CsvProblem(row.Number, column, $"'{text}' is not a real date written as YYYY-MM-DD"));
            return null;
        }
        return date;
    }

    /// <summary>A value of the exchange format (kebab-case, such as serious-injury); empty is <paramref name="empty"/> unless required.</summary>
    private static T Choice<T>(Row row, string column, List<CsvProblem> problems, bool required, T empty)
        where T : struct, Enum
    {
        var text = row[column].ToLowerInvariant();
        if (text.Length == 0)
        {
            if (required)
            {
                problems.Add(new CsvProblem(row.Number, column, $"enter one of: {string.Join(", ", KebabEnum.Names<T>())}"));
            }
            return empty;
        }
        foreach (var value in Enum.GetValues<T>())
        {
            if (KebabEnum.Name(value) == text)
            {
                return value;
            }
        }
        problems.Add(new CsvProblem(row.Number, column, $"'{row[column]}' is not one of: {string.Join(", ", KebabEnum.Names<T>())}"));
        return empty;
    }

    private sealed record Row(int Number, IReadOnlyDictionary<string, string> Values)
    {
        public string this[string column] => Values[column];
    }
}
