using System.CommandLine;
using System.Globalization;
using Scr.Cli.Infrastructure;
using Scr.Core.Models;
using Scr.Core.Rules.Chronology;
using Scr.Core.Services.Chronology;
using Spectre.Console;

namespace Scr.Cli.Commands;

/// <summary>
/// <c>scr chronology merge FILE… --out FILE</c> and <c>scr chronology template --out FILE</c>: agency chronologies for
/// boards not yet on the web system. Neither touches the database: no connection string is needed.
/// </summary>
public static class ChronologyCommands
{
    /// <summary>Inputs at least this large show their progress.</summary>
    public const long ProgressFromBytes = 1 << 20;

    private static readonly string Columns = string.Join("\n", ChronologyTemplate.Columns.Select(c =>
        $"  {c.Label,-31}{(c.Required ? "required" : "optional")}{(c.Values is null ? "" : ": " + string.Join(" | ", c.Values))}"));

    public static Command Create(CliContext cli)
    {
        var command = new Command("chronology", "Agency chronologies: the template agencies fill in, and merging theirs into the integrated chronology "
            + "with its gaps, child-seen figures and discrepancies. No database is needed.");
        command.Subcommands.Add(Merge(cli));
        command.Subcommands.Add(Template(cli));
        command.Subcommands.Add(ChronologyImportCommand.Create(cli));
        return command;
    }

    private static Command Merge(CliContext cli)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Agency chronologies, .csv or .xlsx, in the template's columns",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = OutOption("The merged chronology to write, .csv or .xlsx (replaced if it exists)");
        var gapDays = CountOption.Create("--gap-days", "Report periods longer than this many days with no contact", 1, 3650, ChronologyGapOptions.DefaultThresholdDays);
        var expect = new Option<string[]>("--expect")
        {
            Description = "An agency that was supposed to be involved: its own gaps are reported too (repeatable; as the agency names itself)",
            HelpName = "agency",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var from = DateOption("--from", "The start of the period under review: a gap from it to the first contact counts");
        var to = DateOption("--to", "The end of the period under review: a gap from the last contact to it counts");
        var by = new Option<ChronologyPeriod>("--by")
        {
            Description = $"Count child-seen figures by: {string.Join(", ", KebabEnum.Names<ChronologyPeriod>())}",
            HelpName = "period",
            DefaultValueFactory = _ => ChronologyPeriod.Year,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value.Trim().ToLowerInvariant() : "year";
                foreach (var value in Enum.GetValues<ChronologyPeriod>())
                {
                    if (KebabEnum.Name(value) == text)
                    {
                        return value;
                    }
                }
                result.AddError($"'{text}' is not one of: {string.Join(", ", KebabEnum.Names<ChronologyPeriod>())}.");
                return default;
            },
        };
        var command = new Command("merge", "Merge agencies' chronologies into the integrated chronology, in time order, and print its gaps, how often "
            + "the child was seen and heard, and where agencies' accounts differ. All or nothing: every row of every file is checked, and if any "
            + "has a problem each is printed as \"FILE: row N, column 'X': message\" (the header is row 1), nothing is written and the exit code "
            + "is 2.\n\n"
            + "Order: by date and time; a date known only to the month or year (03/2003, 2003) or marked approximate (c. 03/2003) is flagged and "
            + "stands at the start of its month or year; on one day, entries without a time come first; entries at the same time are grouped "
            + "by agency, alphabetically, each agency's in the order of its file. Dates are read day first: 31/01/2003, 31-01-2003, "
            + "31 Jan 2003, 31 January 2003, 2003-01-31, with an optional time (14:30).\n\n"
            + "Columns (the header row names them; any order):\n" + Columns)
        {
            files,
            output,
            gapDays,
            expect,
            from,
            to,
            by,
        };
        command.SetAction((parseResult, cancellationToken) => RunMergeAsync(cli, parseResult.GetRequiredValue(files), parseResult.GetRequiredValue(output),
            new ChronologyGapOptions(parseResult.GetValue(gapDays), parseResult.GetValue(from), parseResult.GetValue(to),
                (parseResult.GetValue(expect) ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).ToList()),
            parseResult.GetValue(by), cancellationToken));
        return command;
    }

    private static Command Template(CliContext cli)
    {
        var output = OutOption("Where to write the template: .xlsx (with lists for the fixed columns and a Guidance sheet) or .csv (the header)");
        var command = new Command("template", "Write the agency chronology template for agencies to fill in: one row for every contact with the "
            + "child or family.\n\nColumns:\n" + Columns)
        {
            output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = Path.GetFullPath(parseResult.GetRequiredValue(output));
            var format = Format(path, "--out");
            CheckFolder(path);
            await using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
            {
                ChronologyWriter.WriteTemplate(stream, format);
            }
            await cli.Out.WriteLineAsync($"Wrote the agency chronology template to {path}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> OutOption(string description) => new("--out")
    {
        Description = description,
        HelpName = "file",
        Required = true,
    };

    private static Option<DateOnly?> DateOption(string name, string description) => new(name)
    {
        Description = $"{description} (a date such as 01/01/2003)",
        HelpName = "date",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            var parsed = ChronologyDates.Parse(text);
            if (parsed.Problem is { } problem || parsed.Date.Precision != DatePrecision.Day || parsed.Date.Approximate)
            {
                result.AddError($"{name} must be a date with the day, such as 01/01/2003: {parsed.Problem ?? $"'{text}' is not one"}");
                return null;
            }
            return parsed.Date.Date;
        },
    };

    private static ChronologyFileFormat Format(string path, string what) => ChronologyReader.FormatOf(path)
        ?? throw new CliException($"{what} {Path.GetFileName(path)}: give a .csv or .xlsx file.");

    private static void CheckFolder(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{path} is a folder: give the path of a file to write.");
        }
        if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
        {
            throw new CliException($"There is no folder {folder} to write {Path.GetFileName(path)} in.");
        }
    }

    private static async Task<int> RunMergeAsync(CliContext cli, string[] files, string output, ChronologyGapOptions gaps, ChronologyPeriod period,
        CancellationToken cancellationToken)
    {
        var inputs = files.Select(Path.GetFullPath).ToList();
        var missing = inputs.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            throw new CliException(string.Join("\n", missing.Select(f => Directory.Exists(f) ? $"{f} is a folder: give the chronology files in it." : $"There is no file {f}.")));
        }
        foreach (var input in inputs)
        {
            Format(input, "FILE");
        }
        var outputPath = Path.GetFullPath(output);
        Format(outputPath, "--out");
        CheckFolder(outputPath);
        if (inputs.Contains(outputPath, StringComparer.Ordinal))
        {
            throw new CliException($"--out {Path.GetFileName(outputPath)} is one of the files to merge: write the merged chronology to another file.");
        }
        if (gaps is { PeriodFrom: { } start, PeriodTo: { } end } && end < start)
        {
            throw new CliException("--to must not be before --from.");
        }
        var duplicates = inputs.GroupBy(f => f, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => Path.GetFileName(g.Key)).ToList();
        if (duplicates.Count > 0)
        {
            throw new CliException($"{string.Join(", ", duplicates)} is given more than once.");
        }

        var total = inputs.Sum(f => new FileInfo(f).Length);
        var names = inputs.Select(f => Path.GetFileName(f)).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() < names.Count)
        {
            // Files of the same name in different folders: name each by its path in messages.
            names = inputs;
        }
        var options = new ChronologyMergeOptions { Gaps = gaps, Period = period };
        ChronologyMergeResult? result = null;
        var sources = inputs.Select((path, i) => ChronologyMergeInput.FromFile(path) with { Name = names[i] }).ToList();
        var merge = () => ChronologyFileMerge.MergeFiles(sources, outputPath, options, cancellationToken);
        if (cli.Interactive && total >= ProgressFromBytes)
        {
            cli.ProgressBars().Start(context =>
                {
                    var task = context.AddTask($"Merging {inputs.Count:N0} file{(inputs.Count == 1 ? "" : "s")}", maxValue: total);
                    options = options with
                    {
                        Progress = new InlineProgress<ChronologyMergeProgress>(p =>
                        {
                            task.Description = p.Pass == 1 ? $"Reading {p.Rows:N0} rows" : $"Sorting in memory: {p.Rows:N0} rows";
                            task.Value = p.Bytes;
                        }),
                    };
                    result = merge();
                    task.Value = total;
                });
        }
        else if (total >= ProgressFromBytes)
        {
            // Redirected: a line on standard error at every tenth, so a log shows that it is moving.
            var tenths = new Tenths();
            var pass = 1;
            options = options with
            {
                Progress = new InlineProgress<ChronologyMergeProgress>(p =>
                {
                    if (p.Pass != pass)
                    {
                        pass = p.Pass;
                        tenths.Restart();
                        cli.Error.WriteLine("A file is not in date order: reading them all again, to sort in memory.");
                    }
                    if (tenths.Reached(p.Bytes, p.TotalBytes, out var percent))
                    {
                        cli.Error.WriteLine($"Reading: {percent}% ({p.Rows:N0} rows)");
                    }
                }),
            };
            result = merge();
        }
        else
        {
            result = merge();
        }

        if (!result!.Ok)
        {
            foreach (var problem in result.Problems)
            {
                await cli.Error.WriteLineAsync(problem.ToString());
            }
            if (result.ProblemCount > result.Problems.Count)
            {
                await cli.Error.WriteLineAsync($"... and {result.ProblemCount - result.Problems.Count:N0} more.");
            }
            var withProblems = result.Problems.Select(p => p.File).Distinct().Count();
            await cli.Error.WriteLineAsync($"Nothing was written: {Plural(result.ProblemCount, "problem")} in {Plural(withProblems, "file")}. "
                + "Put them right and run the command again.");
            return ExitCodes.Usage;
        }
        await PrintSummaryAsync(cli, result.Summary!, outputPath, gaps, period);
        return ExitCodes.Success;
    }

    /// <summary>The summary, as plain text on standard output (tables padded with spaces, so that logs and scripts read them too).</summary>
    private static async Task PrintSummaryAsync(CliContext cli, ChronologyMergeSummary summary, string output, ChronologyGapOptions gaps, ChronologyPeriod period)
    {
        var text = new System.Text.StringBuilder();
        var span = summary.First is { } first && summary.Last is { } last ? $", {ChronologyDates.Display(first)} to {ChronologyDates.Display(last)}" : "";
        text.Append($"Merged {Plural(summary.Entries, "entry", "entries")} from {Plural(summary.Inputs, "file")} "
            + $"({Plural(summary.Agencies.Count, "agency", "agencies")}) into {output}{span}.\n");
        if (summary.Approximate > 0)
        {
            text.Append($"{Plural(summary.Approximate, "entry has", "entries have")} an approximate date, flagged and placed at the start of its "
                + "day, month or year.\n");
        }
        if (summary.SameTimeGroups > 0)
        {
            text.Append($"{Plural(summary.SameTimeGroups, "occasion")} when more than one agency recorded something at the same time: "
                + "their entries stand together.\n");
        }
        if (summary.SortedInMemory)
        {
            text.Append("A file was not in date order, so the files were sorted in memory.\n");
        }

        var periodText = gaps.PeriodFrom is not null || gaps.PeriodTo is not null
            ? $" in the period {(gaps.PeriodFrom is { } f ? Day(f) : "from the first entry")} to {(gaps.PeriodTo is { } t ? Day(t) : "the last entry")}"
            : "";
        text.Append($"\nGaps: periods longer than {Plural(gaps.ThresholdDays, "day")} with no contact from any agency{periodText}: "
            + $"{Count(summary.Gaps.Overall.Count)}.\n");
        if (summary.Gaps.Overall.Count > 0)
        {
            text.Append(GapTable(summary.Gaps.Overall, withAgency: false));
        }
        if (gaps.ExpectedAgencies is { Count: > 0 } expected)
        {
            text.Append($"Gaps of the agencies expected to be involved ({string.Join(", ", expected)}): {Count(summary.Gaps.ByAgency.Count)}.\n");
            if (summary.Gaps.ByAgency.Count > 0)
            {
                text.Append(GapTable(summary.Gaps.ByAgency, withAgency: true));
            }
        }

        var voice = summary.ChildVoice;
        text.Append($"\nChild seen and the child's wishes and feelings recorded, among {Plural(voice.Total.Contacts, "contact")} "
            + "(every entry but supervision):\n");
        var agencies = new TextTable("Agency", "Contacts>", "Seen>", "Not seen>", "Not recorded>", "Seen %>", "Wishes recorded>", "Wishes %>",
            "Longest without being seen", "Longest without being seen or heard");
        foreach (var agency in voice.ByAgency)
        {
            AddCounts(agencies, agency.Agency, agency.Counts, agency.Longest);
        }
        AddCounts(agencies, "All agencies", voice.Total, voice.Longest);
        text.Append(agencies.Render());
        if (voice.ByPeriod.Count > 0)
        {
            var byPeriod = new TextTable(period switch { ChronologyPeriod.Month => "Month", ChronologyPeriod.Quarter => "Quarter", _ => "Year" },
                "Contacts>", "Seen>", "Seen %>", "Wishes recorded>", "Wishes %>");
            foreach (var row in voice.ByPeriod)
            {
                byPeriod.Add(row.Label, Number(row.Counts.Contacts), Number(row.Counts.Seen), Percent(row.Counts.SeenPercent),
                    Number(row.Counts.WishesRecorded), Percent(row.Counts.WishesPercent));
            }
            text.Append('\n').Append(byPeriod.Render());
        }

        text.Append($"\nDiscrepancies between agencies' accounts: {Count(summary.Discrepancies.Count)}.\n");
        foreach (var discrepancy in summary.Discrepancies)
        {
            text.Append($"  {Day(discrepancy.Date)}  {Kind(discrepancy.Kind)}: {discrepancy.Description}\n");
        }
        await cli.Out.WriteAsync(text.ToString());
    }

    private static string GapTable(IReadOnlyList<ChronologyGap> gaps, bool withAgency)
    {
        var table = withAgency ? new TextTable("Agency", "From", "To", "Days>") : new TextTable("From", "To", "Days>");
        foreach (var gap in gaps)
        {
            if (withAgency)
            {
                table.Add(gap.Agency ?? "", Day(gap.From), Day(gap.To), Number(gap.Days));
            }
            else
            {
                table.Add(Day(gap.From), Day(gap.To), Number(gap.Days));
            }
        }
        return table.Render();
    }

    private static void AddCounts(TextTable table, string name, ChildVoiceCounts counts, ChildVoiceStretches longest) =>
        table.Add(name, Number(counts.Contacts), Number(counts.Seen), Number(counts.NotSeen), Number(counts.NotRecorded), Percent(counts.SeenPercent),
            Number(counts.WishesRecorded), Percent(counts.WishesPercent), Stretch(longest.WithoutSeen), Stretch(longest.WithoutEither));

    private static string Stretch(ChronologyStretch? stretch) => stretch is null ? "" : $"{Plural(stretch.Days, "day")} ({Day(stretch.From)} to {Day(stretch.To)})";

    private static string Count(int count) => count == 0 ? "none" : count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Kind(DiscrepancyKind kind) => kind switch
    {
        DiscrepancyKind.ChildSeen => "child seen",
        DiscrepancyKind.ContactType => "kind of contact",
        _ => "no record",
    };

    private static string Percent(int? value) => value is { } v ? $"{v}%" : "";

    private static string Day(DateOnly date) => ChronologyDates.FormatDate(ChronologyDate.On(date));

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Plural(int count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";
}
