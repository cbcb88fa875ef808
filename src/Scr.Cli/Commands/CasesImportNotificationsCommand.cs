using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Scr.Cli.Infrastructure;
using Scr.Core.Models;
using Scr.Core.Services.Reviews;
using Spectre.Console;

namespace Scr.Cli.Commands;

/// <summary>
/// <c>scr cases import-notifications FILE</c>: notifies many cases at once from a CSV file, all or none. Every row is
/// checked first (the file's own format here, the notification rules in the core) and every problem printed with its row
/// and column; only a file with none is imported, in one transaction, as the board's business unit would notify them.
/// </summary>
public static class CasesImportNotificationsCommand
{
    public const string Header = "case_key,board,incident_type,incident_date,known_to_board_on,summary,child_name,child_age_months,child_sex,"
        + "child_ethnicity,child_disability,child_protection_plan,child_legal_status,agencies,other_children_at_risk,immediate_actions,guidance";

    private static readonly string Description =
        "Notify many cases at once from a CSV file, all or none. Every row is checked first and every problem printed as "
        + "\"row N, column X: message\" (the header is row 1); if there is any, nothing is saved and the exit code is 2. Otherwise every "
        + "case is saved in one transaction, each as if the board's business unit had notified it: a reference, the chair told, the "
        + "agencies asked to secure their records.\n\n"
        + "The first row is the header; columns in any order, UTF-8, comma-separated, values in double quotes when they hold commas or "
        + "line breaks:\n  " + Header + "\n\n"
        + "  case_key               optional: rows with the same key are one case with several children (one child per row); leave the\n"
        + "                         case's columns empty on its later rows, or repeat them\n"
        + "  board                  the board's key (scr orgs list); may be left out with --board\n"
        + $"  incident_type          {string.Join("|", KebabEnum.Names<IncidentType>())}\n"
        + "  incident_date          YYYY-MM-DD, today or earlier\n"
        + "  known_to_board_on      YYYY-MM-DD, the date the incident came to the board's attention: not before the incident\n"
        + "  summary                a short confidential summary of what happened (up to 4,000 characters)\n"
        + "  child_name             the child's full name\n"
        + "  child_age_months       whole months at the incident, 0 to 216, or not-known\n"
        + $"  child_sex              {string.Join("|", KebabEnum.Names<Sex>())}\n"
        + $"  child_ethnicity        {string.Join("|", KebabEnum.Names<Ethnicity>())}\n"
        + $"  child_disability       {string.Join("|", KebabEnum.Names<YesNoNotKnown>())}\n"
        + $"  child_protection_plan  {string.Join("|", KebabEnum.Names<ChildProtectionPlanStatus>())}\n"
        + $"  child_legal_status     {string.Join("|", KebabEnum.Names<LegalStatus>())}\n"
        + "  agencies               keys of the agencies involved, separated by ';', each serving the board\n"
        + "  other_children_at_risk other children who may be at risk\n"
        + "  immediate_actions      safeguarding action already taken\n"
        + $"  guidance               {string.Join("|", Enum.GetValues<GuidanceEdition>().Select(NotificationCsv.GuidanceName))} (default wt2006)\n\n"
        + "incident_type, incident_date, known_to_board_on and child_name are required; the child's other facts may be empty (not known). "
        + "The cases are recorded under the board's business unit officer (--recorded-by when it has several) and audited as the command line.";

    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The CSV file of notifications" };
        var board = new Option<string>("--board")
        {
            Description = "The board's key, for rows that leave the board column empty (a row naming another board is refused)",
            HelpName = "key",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the whole file and say what would be imported, without saving anything" };
        var recordedBy = new Option<string>("--recorded-by")
        {
            Description = "Email address of the business unit officer to record the cases under, when the board has several",
            HelpName = "email",
        };
        var command = new Command("import-notifications", Description) { file, board, dryRun, recordedBy };
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult, parseResult.GetRequiredValue(file), parseResult.GetValue(board),
            parseResult.GetValue(dryRun), parseResult.GetValue(recordedBy), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parseResult, FileInfo file, string? defaultBoard, bool dryRun, string? recordedBy,
        CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliException($"There is no file {file.FullName}.");
        }
        await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
        var (read, found) = await NotificationCsv.ReadAsync(file.FullName, defaultBoard?.Trim(), cancellationToken);
        var problems = found.ToList();

        // Keys to ids. A notification whose keys do not all resolve goes no further; the others are checked by the core.
        var db = services.Db;
        var boardKeys = read.Select(n => n.BoardKey.ToLowerInvariant()).Distinct().ToList();
        var boards = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Board && boardKeys.Contains(o.Key))
            .ToDictionaryAsync(o => o.Key, o => o.Id, cancellationToken);
        var agencyKeys = read.SelectMany(n => n.AgencyKeys).Select(k => k.ToLowerInvariant()).Distinct().ToList();
        var agencies = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Agency && agencyKeys.Contains(o.Key))
            .ToDictionaryAsync(o => o.Key, o => o.Id, cancellationToken);
        var resolved = new List<(CsvNotification Csv, NotifyOptions Options)>();
        foreach (var notification in read)
        {
            if (notification.BoardKey.Length == 0)
            {
                continue;
            }
            if (!boards.TryGetValue(notification.BoardKey.ToLowerInvariant(), out var boardId))
            {
                problems.Add(new CsvProblem(notification.FirstRow, NotificationCsv.Board,
                    $"no board has the key '{notification.BoardKey}': 'scr orgs list' shows the keys"));
                continue;
            }
            foreach (var unknown in notification.AgencyKeys.Where(k => !agencies.ContainsKey(k.ToLowerInvariant())))
            {
                problems.Add(new CsvProblem(notification.FirstRow, NotificationCsv.Agencies, $"no agency has the key '{unknown}': 'scr orgs list' shows the keys"));
            }
            resolved.Add((notification, new NotifyOptions(boardId, notification.IncidentType, notification.IncidentDate, notification.KnownToBoardOn,
                notification.Summary,
                notification.Children.Select(c => new NotifyChild(c.Name, c.AgeMonths, c.Sex, c.Ethnicity, c.Disability, c.ChildProtectionPlan, c.LegalStatus)).ToList(),
                notification.AgencyKeys.Where(k => agencies.ContainsKey(k.ToLowerInvariant())).Select(k => agencies[k.ToLowerInvariant()]).ToList(), null,
                notification.Guidance, notification.OtherChildrenAtRisk, notification.ImmediateActions)));
        }

        // The notification rules themselves: the core's, the same as for the site and the API. Where the file's own problem
        // already stands on a row and column, the rules have nothing to add there.
        var reviews = services.Get<ReviewService>();
        var options = resolved.Select(r => r.Options).ToList();
        var inFile = problems.Select(p => (p.Row, p.Column)).ToHashSet();
        foreach (var problem in await reviews.CheckAsSystemAsync(options, recordedBy, cancellationToken))
        {
            var located = Locate(resolved[problem.Index].Csv, problem);
            if (!inFile.Contains((located.Row, located.Column)))
            {
                problems.Add(located);
            }
        }

        var children = resolved.Sum(r => r.Options.Children.Count);
        if (problems.Count > 0)
        {
            foreach (var problem in problems.Distinct().OrderBy(p => p.Row).ThenBy(p => p.Column is null ? -1 : Array.IndexOf(NotificationCsv.Columns, p.Column)))
            {
                await cli.Error.WriteLineAsync(problem.ToString());
            }
            var count = problems.Distinct().Count();
            await cli.Error.WriteLineAsync($"Nothing was imported: {count} problem{(count == 1 ? "" : "s")} in {file.Name}. Put them right and run the command again.");
            return ExitCodes.Usage;
        }
        if (dryRun)
        {
            await cli.Out.WriteLineAsync($"{file.Name} is ready to import: {Cases(resolved.Count, children)}. Nothing was saved (--dry-run).");
            return ExitCodes.Success;
        }

        IReadOnlyList<Review> saved;
        try
        {
            if (cli.Interactive)
            {
                IReadOnlyList<Review>? done = null;
                await cli.Console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask($"Importing {resolved.Count:N0} cases", maxValue: resolved.Count);
                        done = await reviews.NotifyAsSystemAsync(options, CliIdentity.Actor, recordedBy, new InlineProgress<int>(n => task.Value = n),
                            cancellationToken);
                    });
                saved = done!;
            }
            else
            {
                saved = await reviews.NotifyAsSystemAsync(options, CliIdentity.Actor, recordedBy, null, cancellationToken);
            }
        }
        catch (Exception e) when (DatabaseErrors.Find(e) is { } database)
        {
            throw new CliException($"The database reported an error, so nothing was imported (the whole file is one transaction): {database.Message}",
                ExitCodes.Failed);
        }

        for (var i = 0; i < saved.Count; i++)
        {
            var csv = resolved[i].Csv;
            var rows = csv.Children.Count == 1 ? $"row {csv.FirstRow}" : $"rows {string.Join(", ", csv.Children.Select(c => c.Row))}";
            await cli.Out.WriteLineAsync($"{saved[i].Reference}  {rows}{(csv.CaseKey is null ? "" : $" (case_key {csv.CaseKey})")}");
        }
        await cli.Out.WriteLineAsync($"Imported {Cases(saved.Count, children)}. The chairs were told and the agencies asked to secure their records.");
        return ExitCodes.Success;
    }

    private static string Cases(int cases, int children) =>
        $"{cases:N0} case{(cases == 1 ? "" : "s")}, {children:N0} {(children == 1 ? "child" : "children")}";

    /// <summary>Puts a problem the core found on the row and column it comes from.</summary>
    private static CsvProblem Locate(CsvNotification csv, NotificationProblem problem)
    {
        var field = problem.Field ?? "";
        if (field.StartsWith("children[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is var end and > 9
            && int.TryParse(field[9..end], out var child) && child < csv.Children.Count)
        {
            var column = field[(end + 1)..] == ".ageAtIncidentMonths" ? NotificationCsv.ChildAgeMonths : NotificationCsv.ChildName;
            return new CsvProblem(csv.Children[child].Row, column, Lower(problem.Message));
        }
        var caseColumn = field switch
        {
            "boardId" => NotificationCsv.Board,
            "incidentType" => NotificationCsv.IncidentTypeColumn,
            "incidentDate" => NotificationCsv.IncidentDate,
            "knownToBoardOn" => NotificationCsv.KnownToBoardOn,
            "summary" => NotificationCsv.Summary,
            "children" => NotificationCsv.ChildName,
            "agencyIds" => NotificationCsv.Agencies,
            "otherChildrenAtRisk" => NotificationCsv.OtherChildrenAtRisk,
            "immediateActions" => NotificationCsv.ImmediateActions,
            "guidance" => NotificationCsv.Guidance,
            _ => null,
        };
        return new CsvProblem(csv.FirstRow, caseColumn, Lower(problem.Message));
    }

    /// <summary>"The date of the incident must be…" reads as "the date of the incident must be…" after "column X:".</summary>
    private static string Lower(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;
}
