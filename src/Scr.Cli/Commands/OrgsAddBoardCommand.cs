using System.CommandLine;
using Scr.Cli.Infrastructure;
using Scr.Core.Models;
using Scr.Core.Services.Organisations;

namespace Scr.Cli.Commands;

/// <summary><c>scr orgs add-board</c>: adds a safeguarding children board.</summary>
public static class OrgsAddBoardCommand
{
    public static Command Create(CliContext cli)
    {
        var key = new Option<string>("--key") { Description = "Short key: lower-case letters, numbers and hyphens (e.g. anytown)", Required = true };
        var name = new Option<string>("--name") { Description = "The board's name", Required = true };
        var region = KebabEnum.Option<Region>("--region", "The board's region");
        var command = new Command("add-board", "Add a safeguarding children board.") { key, name, region };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
            var board = await services.Get<OrganisationService>().AddBoardAsync(
                new NewBoard(parseResult.GetRequiredValue(key), parseResult.GetRequiredValue(name), parseResult.GetValue(region)),
                CliIdentity.Administrator, CliIdentity.Actor, cancellationToken);
            await cli.Out.WriteLineAsync($"Added board '{board.Name}' with key '{board.Key}'.");
            return ExitCodes.Success;
        });
        return command;
    }
}
