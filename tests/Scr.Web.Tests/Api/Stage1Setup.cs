using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Decisions;
using Scr.Core.Services.Reviews;

namespace Scr.Web.Tests.Api;

/// <summary>Stage 1 records made through the core services, as a demo account, for the API tests and the access matrix.</summary>
public static class Stage1Setup
{
    /// <summary>Runs <paramref name="work"/> with a core service, as the demo account <paramref name="email"/>.</summary>
    public static async Task<T> AsAsync<TService, T>(this WebWorld world, string email, Func<TService, Principal, Actor, Task<T>> work)
        where TService : notnull
    {
        using var scope = world.Factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        var principal = (await scope.ServiceProvider.GetRequiredService<Principals>().LoadAsync(user.Id))!;
        return await work(scope.ServiceProvider.GetRequiredService<TService>(), principal, new Actor(user.Id, email, null));
    }

    /// <summary>Notifies a fictional case in stage 1 to the board, naming the agencies by key; returns its id.</summary>
    public static async Task<Guid> NotifyStage1CaseAsync(this WebWorld world, string byEmail, string boardKey, string summary,
        GuidanceEdition guidance = GuidanceEdition.Wt2006, params string[] agencyKeys)
    {
        var board = await world.OrganisationAsync(boardKey);
        var agencies = new List<Guid>();
        foreach (var key in agencyKeys)
        {
            agencies.Add((await world.OrganisationAsync(key)).Id);
        }
        var today = DateOnly.FromDateTime(world.Factory.Clock.GetUtcNow().UtcDateTime);
        return await world.AsAsync<ReviewService, Guid>(byEmail, async (reviews, principal, actor) => (await reviews.NotifyAsync(
            new NotifyOptions(board.Id, IncidentType.Death, today.AddDays(-3), today.AddDays(-1), summary,
                [new NotifyChild("Fictional Child", 30, Sex.Female, Ethnicity.NotKnown, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None)],
                agencies, null, guidance), principal, actor)).Id);
    }

    public static async Task SubmitFileReviewAsync(this WebWorld world, string byEmail, Guid reviewId, string agencyKey, string contacts)
    {
        var agency = await world.OrganisationAsync(agencyKey);
        await world.AsAsync<DecisionService, FileReview>(byEmail, (decisions, principal, actor) => decisions.SubmitFileReviewAsync(reviewId, agency.Id,
            new FileReviewInput(contacts, "Fictional concerns.", FileReviewRecommendation.Unsure, "Fictional rationale."), principal, actor));
    }

    public static Task<Guid> VersionAsync(this WebWorld world, Guid reviewId) =>
        world.WithDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.Version).FirstAsync());

    public static async Task<Guid> UserIdAsync(this WebWorld world, string email) =>
        await world.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => u.Id).FirstAsync());
}
