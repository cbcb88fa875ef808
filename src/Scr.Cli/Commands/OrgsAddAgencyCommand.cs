using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Scr.Cli.Infrastructure;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Services.Organisations;

namespace Scr.Cli.Commands;

/// <summary><c>scr orgs add-agency</c>: adds an agency and the boards whose area it serves.</summary>
public static class OrgsAddAgencyCommand
{
    public static Command Create(CliContext cli)
    {
        var key = new Option<string>("--key") { Description = "Short key: lower-case letters, numbers and hyphens", Required = true };
        var name = new Option<string>("--name") { Description = "The agency's name", Required = true };
        var type = KebabEnum.Option<AgencyType>("--type", "The kind of agency");
        var boards = new Option<string[]>("--boards")
        {
            Description = "Keys of the boards whose area it serves (comma-separated or repeated)",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("add-agency", "Add an agency and the boards whose area it serves.") { key, name, type, boards };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
            var wanted = parseResult.GetRequiredValue(boards).SelectMany(b => b.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Distinct().ToList();
            var found = await services.Get<ScrDbContext>().Organisations.AsNoTracking()
                .Where(o => o.Kind == OrganisationKind.Board && wanted.Contains(o.Key)).ToDictionaryAsync(o => o.Key, o => o.Id, cancellationToken);
            var missing = wanted.Where(k => !found.ContainsKey(k)).ToList();
            if (missing.Count > 0)
            {
                throw new CliException($"No board has the key {string.Join(", ", missing.Select(m => $"'{m}'"))}. 'scr orgs list' shows the keys.");
            }
            var agency = await services.Get<OrganisationService>().AddAgencyAsync(
                new NewAgency(parseResult.GetRequiredValue(key), parseResult.GetRequiredValue(name), parseResult.GetValue(type), [.. found.Values]),
                CliIdentity.Administrator, CliIdentity.Actor, cancellationToken);
            await cli.Out.WriteLineAsync($"Added agency '{agency.Name}' with key '{agency.Key}', serving {string.Join(", ", wanted)}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
