using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Genogram;
using Scr.Core.Services.Genogram;
using Scr.Web.Charts;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>
/// The genogram of a case (issue 6 item 5): the family as JSON or as the SVG drawing, named or anonymised, and the same
/// changes as the pages, one at a time, each sending the version last read. Each calls <see cref="GenogramService"/>,
/// with the same access as the pages: the board and the review team see it, the business unit and the team change it.
/// </summary>
public static class GenogramEndpoints
{
    private const string VersionHint = "Send the version of the genogram you last read (GET /api/v1/cases/{id}/genogram)";

    public static void Map(RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Genogram");
        cases.MapGet("/genogram", Get).WithName("GetGenogram").Refusals()
            .WithSummary("The genogram: people, couples, parent links and households, with its version (an empty family and an all-zero version before anyone adds to it)")
            .WithDescription("anonymised=true gives roles or letters for names, Household A, B… for household names, and ages for dates of birth. "
                + "The board's business unit, chair and sub-group and the review team only. Every read is audited.");
        cases.MapGet("/genogram.svg", Svg).WithName("GetGenogramSvg").Refusals()
            .WithSummary("The genogram drawn as SVG with the standard symbols, named or (anonymised=true) anonymised; audited");
        cases.MapPost("/genogram/people", AddPerson).WithName("AddGenogramPerson").Refusals(versioned: true)
            .WithSummary("Add a person (sex Female, Male or NotKnown; a dateOfBirth or an ageYears, not both); the whole family is checked")
            .WithDescription("The family must have a child the review is about (isSubject), so the first person is that child. A change that would "
                + "make the family invalid is refused with 400, naming the field at fault or the request as a whole.");
        cases.MapPut("/genogram/people/{key}", ChangePerson).WithName("ChangeGenogramPerson").Refusals(versioned: true)
            .WithSummary("Change a person, by the key the genogram gave them");
        cases.MapDelete("/genogram/people/{key}", RemovePerson).WithName("RemoveGenogramPerson").Refusals(versioned: true)
            .WithSummary("Remove a person with their couples, parent links and household places (send the version as ?version=)");
        cases.MapPost("/genogram/couples", AddCouple).WithName("AddGenogramCouple").Refusals(versioned: true)
            .WithSummary("Add a couple: first and second (people's keys), kind Married, Partners, Separated or ExPartners");
        cases.MapDelete("/genogram/couples/{index:int}", RemoveCouple).WithName("RemoveGenogramCouple").Refusals(versioned: true)
            .WithSummary("Remove a couple by its place in the list, from 0 (send the version as ?version=)");
        cases.MapPost("/genogram/parents", AddParent).WithName("AddGenogramParent").Refusals(versioned: true)
            .WithSummary("Link a parent and child (people's keys), kind Birth, Step, Adoptive or Foster; at most two birth parents, no circles");
        cases.MapDelete("/genogram/parents/{index:int}", RemoveParent).WithName("RemoveGenogramParent").Refusals(versioned: true)
            .WithSummary("Remove a parent and child link by its place in the list, from 0 (send the version as ?version=)");
        cases.MapPost("/genogram/households", AddHousehold).WithName("AddGenogramHousehold").Refusals(versioned: true)
            .WithSummary("Add a household: its name and members (people's keys)");
        cases.MapPut("/genogram/households/{index:int}", ChangeHousehold).WithName("ChangeGenogramHousehold").Refusals(versioned: true)
            .WithSummary("Change a household's name and members, by its place in the list, from 0");
        cases.MapDelete("/genogram/households/{index:int}", RemoveHousehold).WithName("RemoveGenogramHousehold").Refusals(versioned: true)
            .WithSummary("Remove a household by its place in the list, from 0 (send the version as ?version=)");
    }

    private static async Task<Ok<GenogramDetail>> Get(Guid id, bool? anonymised, CurrentUser me, GenogramService genograms, CancellationToken cancellationToken)
    {
        var view = await genograms.GetAsync(id, anonymised == true, await me.GetAsync(cancellationToken), me.Actor, cancellationToken: cancellationToken);
        return TypedResults.Ok(GenogramDetail.From(view, anonymised == true));
    }

    private static async Task<FileContentHttpResult> Svg(Guid id, bool? anonymised, CurrentUser me, GenogramService genograms, CancellationToken cancellationToken)
    {
        var hidden = anonymised == true;
        var view = await genograms.GetAsync(id, hidden, await me.GetAsync(cancellationToken), me.Actor, download: true, cancellationToken);
        var svg = GenogramChart.Render(view.Family, hidden, view.Today, $"Genogram{(hidden ? " (anonymised)" : "")}, case {view.Review.Reference}");
        return TypedResults.File(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg), "image/svg+xml",
            $"genogram-{view.Review.Reference}{(hidden ? "-anonymised" : "")}.svg");
    }

    private static Task<Results<Ok<GenogramDetail>, ValidationProblem, Conflict<ConflictBody>>> AddPerson(Guid id, GenogramPersonRequest request,
        CurrentUser me, GenogramService genograms, CancellationToken cancellationToken) =>
        ChangeAsync(id, request.Version, me, genograms, (principal, version) => genograms.AddPersonAsync(id, request.Input, version, principal, me.Actor, cancellationToken),
            cancellationToken);

    private static Task<Results<Ok<GenogramDetail>, ValidationProblem, Conflict<ConflictBody>>> ChangePerson(Guid id, string key, GenogramPersonRequest request,
        CurrentUser me, GenogramService genograms, CancellationToken cancellationToken) =>
        ChangeAsync(id, request.Version, me, genograms, (principal, version) => genograms.ChangePersonAsync(id, key, request.Input, version, principal, me.Actor,
            cancellationToken), cancellationToken);

    private static Task<Results<Ok<GenogramDetail>, ValidationProblem, Conflict<ConflictBody>>> RemovePerson(Guid id, string key, Guid? version,
        CurrentUser me, GenogramService genograms, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, me, genograms, (principal, expected) => genograms.RemovePersonAsync(id, key, expected, principal, me.Actor, cancellationToken),
            cancellationToken);

    private static Task<Results<Ok<GenogramDetail>, ValidationProblem, Conflict<ConflictBody>>> AddCouple(Guid id, GenogramCoupleRequest request,
        CurrentUser me, GenogramService genograms, CancellationToken cancellationToken) =>
        ChangeAsync(id, request.Version, me, genograms, (principal, version) => genograms.AddCoupleAsync(id,
            new GenogramCoupleInput(request.First, request.Second, request.Kind), version, principal, me.Actor, cancellationToken), cancellationToken);

    private static Task<Results<Ok<GenogramDetail>, ValidationProblem, Conflict<ConflictBody>>> RemoveCouple(Guid id, int index, Guid? version,
        CurrentUser me, GenogramService genograms, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, me, genograms, (principal, expected) => genograms.RemoveCoupleAsync(id, index, expected, principal, me.Actor, cancellationToken),
            cancellationToken);

    private static Task<Results<Ok<GenogramDetail>, ValidationProblem, Conflict<ConflictBody>>> AddParent(Guid id, GenogramParentRequest request,
        CurrentUser me, GenogramService genograms, CancellationToken cancellationToken) =>
        ChangeAsync(id, request.Version, me, genograms, (principal, version) => genograms.AddParentAsync(id,
            new GenogramParentInput(request.Parent, request.Child, request.Kind), version, principal, me.Actor, cancellationToken), cancellationToken);

    private static Task<Results<Ok<GenogramDetail>, ValidationProblem, Conflict<ConflictBody>>> RemoveParent(Guid id, int index, Guid? version,
        CurrentUser me, GenogramService genograms, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, me, genograms, (principal, expected) => genograms.RemoveParentAsync(id, index, expected, principal, me.Actor, cancellationToken),
            cancellationToken);

    private static Task<Results<Ok<GenogramDetail>, ValidationProblem, Conflict<ConflictBody>>> AddHousehold(Guid id, GenogramHouseholdRequest request,
        CurrentUser me, GenogramService genograms, CancellationToken cancellationToken) =>
        ChangeAsync(id, request.Version, me, genograms, (principal, version) => genograms.AddHouseholdAsync(id,
            new GenogramHouseholdInput(request.Name, request.Members ?? []), version, principal, me.Actor, cancellationToken), cancellationToken);

    private static Task<Results<Ok<GenogramDetail>, ValidationProblem, Conflict<ConflictBody>>> ChangeHousehold(Guid id, int index, GenogramHouseholdRequest request,
        CurrentUser me, GenogramService genograms, CancellationToken cancellationToken) =>
        ChangeAsync(id, request.Version, me, genograms, (principal, version) => genograms.ChangeHouseholdAsync(id, index,
            new GenogramHouseholdInput(request.Name, request.Members ?? []), version, principal, me.Actor, cancellationToken), cancellationToken);

    private static Task<Results<Ok<GenogramDetail>, ValidationProblem, Conflict<ConflictBody>>> RemoveHousehold(Guid id, int index, Guid? version,
        CurrentUser me, GenogramService genograms, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, me, genograms, (principal, expected) => genograms.RemoveHouseholdAsync(id, index, expected, principal, me.Actor, cancellationToken),
            cancellationToken);

    /// <summary>Makes a change at the version sent and answers with the family as it now is (by name: the change's maker reads it).</summary>
    private static async Task<Results<Ok<GenogramDetail>, ValidationProblem, Conflict<ConflictBody>>> ChangeAsync<T>(Guid id, Guid? version, CurrentUser me,
        GenogramService genograms, Func<Principal, Guid, Task<T>> change, CancellationToken cancellationToken)
    {
        if (version is not { } expected)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("version", VersionHint));
        }
        var principal = await me.GetAsync(cancellationToken);
        await change(principal, expected);
        return TypedResults.Ok(GenogramDetail.From(await genograms.GetAsync(id, false, principal, me.Actor, cancellationToken: cancellationToken), false));
    }
}

public sealed record GenogramPersonRequest(string? Name, string? Role, Sex? Sex, DateOnly? DateOfBirth, int? AgeYears, bool? Deceased, bool? IsSubject,
    Guid? Version)
{
    public GenogramPersonInput Input => new(Name, Role, Sex, DateOfBirth, AgeYears, Deceased == true, IsSubject == true);
}

public sealed record GenogramCoupleRequest(string? First, string? Second, CoupleKind? Kind, Guid? Version);

public sealed record GenogramParentRequest(string? Parent, string? Child, ParentKind? Kind, Guid? Version);

public sealed record GenogramHouseholdRequest(string? Name, IReadOnlyList<string>? Members, Guid? Version);

/// <summary>
/// A person: in the anonymised version the name is their role or letter and there is no date of birth; detail is the age
/// (and "died") as the drawing shows it.
/// </summary>
public sealed record GenogramPersonDetail(string Key, string Name, string? Role, Sex Sex, DateOnly? DateOfBirth, int? AgeYears, bool Deceased, bool IsSubject,
    string? Detail);

public sealed record GenogramCoupleDetail(int Index, string First, string Second, CoupleKind Kind);

public sealed record GenogramParentDetail(int Index, string Parent, string Child, ParentKind Kind);

public sealed record GenogramHouseholdDetail(int Index, string Name, IReadOnlyList<string> Members);

public sealed record GenogramDetail(Guid Version, bool Anonymised, bool MayEdit, IReadOnlyList<GenogramPersonDetail> People, IReadOnlyList<GenogramCoupleDetail> Couples,
    IReadOnlyList<GenogramParentDetail> Parents, IReadOnlyList<GenogramHouseholdDetail> Households)
{
    public static GenogramDetail From(GenogramView view, bool anonymised)
    {
        var family = view.Family;
        var labels = GenogramRules.AnonymisedLabels(family);
        return new GenogramDetail(view.Version, anonymised, view.MayEdit,
            family.People.Select(p => new GenogramPersonDetail(p.Key, anonymised ? labels[p.Key] : p.Name, p.Role, p.Sex, anonymised ? null : p.DateOfBirth,
                anonymised ? null : p.AgeYears, p.Deceased, p.IsSubject, GenogramChart.Detail(p, anonymised, view.Today))).ToList(),
            family.Couples.Select((c, i) => new GenogramCoupleDetail(i, c.First, c.Second, c.Kind)).ToList(),
            family.Parents.Select((p, i) => new GenogramParentDetail(i, p.Parent, p.Child, p.Kind)).ToList(),
            family.Households.Select((h, i) => new GenogramHouseholdDetail(i, anonymised ? GenogramRules.AnonymisedHousehold(i) : h.Name, h.Members)).ToList());
    }
}
