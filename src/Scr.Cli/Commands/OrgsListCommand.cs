using System.CommandLine;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Organisations;
using Spectre.Console;

namespace Scr.Cli.Commands;

/// <summary><c>scr orgs list</c>: boards, agencies (with the boards they serve) and the National Panel, with their keys.</summary>
public static class OrgsListCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("list", "List the boards, agencies and the National Panel, with the keys other commands use.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
            var organisations = await services.Get<OrganisationService>().ListAsync(cancellationToken);
            if (organisations.Count == 0)
            {
                await cli.Out.WriteLineAsync("There are no organisations yet. Add a board with 'scr orgs add-board'.");
                return ExitCodes.Success;
            }
            var keys = organisations.ToDictionary(o => o.Id, o => o.Key);
            var table = new Table().AddColumn("Key").AddColumn("Name").AddColumn("Kind").AddColumn("Region or boards served");
            foreach (var o in organisations)
            {
                table.AddRow(
                    new Text(o.Key),
                    new Text(o.Name),
                    new Text(o.Kind switch { OrganisationKind.Board => "board", OrganisationKind.Agency => Labels.Of(o.AgencyType!.Value), _ => "National Panel" }),
                    new Text(o.Kind switch
                    {
                        OrganisationKind.Board => Labels.Of(o.Region!.Value),
                        OrganisationKind.Agency => string.Join(", ", o.BoardsServed.Select(b => keys.GetValueOrDefault(b.BoardId, "?")).Order()),
                        _ => "",
                    }));
            }
            cli.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
