using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Accounts;

namespace Scr.TestCommon;

/// <summary>Builders for fictional test records, written straight to the database.</summary>
public sealed class TestData(ScrDbContext db, TimeProvider clock)
{
    public async Task<Organisation> CreateBoardAsync(string key, Region region = Region.NorthEast)
    {
        var board = Organisation.NewBoard(key, $"{char.ToUpperInvariant(key[0])}{key[1..]} Safeguarding Children Board", region, clock.GetUtcNow());
        db.Organisations.Add(board);
        await db.SaveChangesAsync();
        return board;
    }

    public async Task<Organisation> CreateAgencyAsync(string key, AgencyType type, params Organisation[] boards)
    {
        var agency = Organisation.NewAgency(key, $"Agency {key}", type, clock.GetUtcNow());
        foreach (var board in boards)
        {
            agency.ServeBoard(board);
        }
        db.Organisations.Add(agency);
        await db.SaveChangesAsync();
        return agency;
    }

    public async Task<Organisation> CreatePanelAsync()
    {
        var panel = Organisation.NewNationalPanel(clock.GetUtcNow());
        db.Organisations.Add(panel);
        await db.SaveChangesAsync();
        return panel;
    }

    /// <summary>An account that has accepted its invitation (no password: these tests do not sign in).</summary>
    public async Task<User> CreateUserAsync(string email, params (Role Role, Organisation? Organisation)[] roles)
    {
        var user = new User
        {
            Id = Guid.NewGuid(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = email.Split('@')[0],
            CreatedAt = clock.GetUtcNow(),
            InvitationAcceptedAt = clock.GetUtcNow(),
            EmailConfirmed = true,
            TwoFactorEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        foreach (var (role, organisation) in roles)
        {
            user.Grant(organisation?.Id, role, clock.GetUtcNow(), null);
        }
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<Principal> PrincipalAsync(User user) =>
        await new Principals(db).LoadAsync(user.Id) ?? throw new InvalidOperationException("The test account is disabled.");

    /// <summary>A case notified by <paramref name="by"/>, straight into the database.</summary>
    /// <summary>A case at stage 1 with the sub-group's recommendation recorded, so the chair can decide.</summary>
    public async Task<Review> CreateReviewAsync(Organisation board, User by, params Organisation[] agencies)
    {
        var count = await db.Reviews.CountAsync(r => r.BoardId == board.Id);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var review = Review.Notify(board.Id, $"{board.Key.ToUpperInvariant()}-TEST-{count + 1:000}", IncidentType.Death, today.AddDays(-3), today.AddDays(-1),
            "Fictional test case.", GuidanceEdition.Wt2006, null,
            [new ReviewChild("Test Child", 12, Sex.NotKnown, Ethnicity.NotKnown, YesNoNotKnown.NotKnown, ChildProtectionPlanStatus.NotKnown, LegalStatus.NotKnown)],
            agencies.Select(a => a.Id), by.Id, clock.GetUtcNow());
        review.Recommend(new SubGroupRecommendation("wt2006", "{}", DecisionOutcome.InitiateSeriousCaseReview, "Fictional recommendation.", null, null,
            null, "", by.Id, clock.GetUtcNow()));
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return review;
    }
}
