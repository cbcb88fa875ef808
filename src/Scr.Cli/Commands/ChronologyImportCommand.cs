using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scr.Cli.Infrastructure;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Chronology;
using Scr.Core.Services.ChronologyReview;
using Spectre.Console;

namespace Scr.Cli.Commands;

/// <summary>
/// <c>scr chronology import FILE --case REF --agency KEY --as EMAIL</c>: an agency's chronology file into a case, as the
/// site's import does (all or nothing, a new version of the agency's chronology), for files too large to upload
/// comfortably or sent to the business unit by other means. It acts as the person named, with their rights on the case.
/// </summary>
public static class ChronologyImportCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("FILE") { Description = "The agency's chronology, .csv or .xlsx, in the template's columns" };
        var reference = new Option<string>("--case") { Description = "The case's reference, as NORTHBRIDGE-2026-003", HelpName = "reference", Required = true };
        var agency = new Option<string>("--agency")
        {
            Description = "The agency whose chronology it is (its key, as 'scr orgs list' shows)",
            HelpName = "key",
            Required = true
        };
        var person = new Option<string>("--as")
        {
            Description = "Who imports it: the business unit officer or a person of the agency (their email); "
            + "the import is theirs, with their rights, and audited as the command line acting for them",
            HelpName = "email",
            Required = true
        };
        var command = new Command("import", "Import an agency's chronology file into a case, as the site's import does: every row is checked, "
            + "and if any has a problem each is printed as \"FILE: row N, column 'X': message\", nothing is stored and the exit code is 2; "
            + "otherwise the entries become a new version of the agency's chronology (earlier versions are kept). Progress is shown as the "
            + "file is read.")
        {
            file,
            reference,
            agency,
            person,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(cli, parseResult, parseResult.GetRequiredValue(file), parseResult.GetRequiredValue(reference),
            parseResult.GetRequiredValue(agency), parseResult.GetRequiredValue(person), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parseResult, string file, string reference, string agencyKey, string email,
        CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new CliException(Directory.Exists(path) ? $"{path} is a folder: give the path of a chronology file." : $"There is no file at {path}.");
        }
        var format = ChronologyReader.FormatOf(path) ?? throw new CliException($"{path} is neither .csv nor .xlsx.");
        await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
        var db = services.Db;
        var reviewId = await db.Reviews.Where(r => r.Reference == reference.Trim()).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new CliException($"There is no case {reference}.");
        var agencyId = await db.Organisations.Where(o => o.Key == agencyKey.Trim()).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new CliException($"There is no agency '{agencyKey}' (see 'scr orgs list').");
        var userId = await db.Users.Where(u => u.Email == email.Trim()).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new CliException($"There is no account {email}.");
        var principal = await services.Get<Principals>().LoadAsync(userId, cancellationToken)
            ?? throw new CliException($"The account {email} is disabled.");
        var actor = new Actor(userId, $"cli:{Environment.UserName} as {email.Trim()}", null);
        var total = new FileInfo(path).Length;
        var service = services.Get<ChronologyService>();

        Scr.Core.Models.AgencyChronologyVersion version;
        try
        {
            await using var stream = File.OpenRead(path);
            if (cli.Interactive)
            {
                version = await cli.ProgressBars().StartAsync(async context =>
                    {
                        var task = context.AddTask("Reading and checking", maxValue: Math.Max(1, total));
                        var saved = await service.ImportAsync(reviewId, agencyId, stream, format, Path.GetFileName(path), principal, actor,
                            new InlineProgress<ChronologyReadProgress>(p =>
                            {
                                task.Description = p.Checked ? $"Saving {p.Rows:N0} entries" : $"Reading and checking: {p.Rows:N0} rows";
                                task.Value = p.Bytes;
                            }), cancellationToken);
                        task.Value = task.MaxValue;
                        return saved;
                    });
            }
            else
            {
                // Redirected: a line on standard error at every tenth of the file, then one when the file is checked and saving starts.
                var tenths = new Tenths();
                version = await service.ImportAsync(reviewId, agencyId, stream, format, Path.GetFileName(path), principal, actor,
                    new InlineProgress<ChronologyReadProgress>(p =>
                    {
                        if (p.Checked)
                        {
                            cli.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Saving {p.Rows:N0} entries"));
                        }
                        else if (tenths.Reached(p.Bytes, p.TotalBytes, out var percent))
                        {
                            cli.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reading and checking: {percent}% ({p.Rows:N0} rows)"));
                        }
                    }), cancellationToken);
            }
        }
        catch (ChronologyImportException e)
        {
            foreach (var problem in e.Problems)
            {
                await cli.Error.WriteLineAsync($"{Path.GetFileName(path)}: {problem}");
            }
            if (e.ProblemCount > e.Problems.Count)
            {
                await cli.Error.WriteLineAsync($"… and {e.ProblemCount - e.Problems.Count:N0} more.");
            }
            throw new CliException($"{path} has {e.ProblemCount:N0} problem(s); nothing was imported.", ExitCodes.Usage);
        }
        catch (NotFoundException)
        {
            throw new CliException($"{email} has no access to case {reference.Trim()}.");
        }
        catch (ForbiddenException e)
        {
            throw new CliException($"{email} may not import this chronology: {e.Message}");
        }
        catch (RuleViolationException e)
        {
            throw new CliException(e.Message);
        }
        await cli.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Imported {version.EntryCount:N0} entries from {path} as version {version.Number} of the agency's chronology on case {reference.Trim()}."));
        return ExitCodes.Success;
    }
}
