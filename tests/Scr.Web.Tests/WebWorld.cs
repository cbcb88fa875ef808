using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Services;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Demo;
using Scr.TestCommon;

namespace Scr.Web.Tests;

/// <summary>
/// The demo world (two boards, their agencies, one person per role, cases in several stages) in a real database,
/// served by the site, shared by the tests of one class.
/// </summary>
public sealed class WebWorld : IAsyncDisposable
{
    private readonly Dictionary<string, string> _tokens = [];

    private WebWorld(TestDatabase database, ScrWebFactory factory, IReadOnlyList<DemoSignIn> signIns)
    {
        Database = database;
        Factory = factory;
        SignIns = signIns;
    }

    public TestDatabase Database { get; }
    public ScrWebFactory Factory { get; }
    public IReadOnlyList<DemoSignIn> SignIns { get; }

    public static async Task<WebWorld> CreateAsync(DatabaseKind kind, IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var factory = new ScrWebFactory(database, new TestClock()) { Settings = settings ?? new Dictionary<string, string>() };
        using var scope = factory.Services.CreateScope();
        var signIns = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        return new WebWorld(database, factory, signIns);
    }

    public async Task<T> WithDbAsync<T>(Func<ScrDbContext, Task<T>> work)
    {
        using var scope = Factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ScrDbContext>());
    }

    public Task<Review> CaseAsync(string summaryStart) =>
        WithDbAsync(db => db.Reviews.AsNoTracking().FirstAsync(r => r.Summary.StartsWith(summaryStart)));

    public Task<Organisation> OrganisationAsync(string key) => WithDbAsync(db => db.Organisations.AsNoTracking().FirstAsync(o => o.Key == key));

    /// <summary>An API client carrying a personal access token of the given demo account.</summary>
    public async Task<HttpClient> ApiClientAsync(string email)
    {
        if (!_tokens.TryGetValue(email, out var secret))
        {
            using var scope = Factory.Services.CreateScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(email)
                ?? throw new InvalidOperationException(email);
            var principal = (await scope.ServiceProvider.GetRequiredService<Principals>().LoadAsync(user.Id))!;
            var created = await scope.ServiceProvider.GetRequiredService<AccessTokenService>()
                .CreateAsync("tests", 30, principal, new Actor(user.Id, email, null));
            secret = created.Secret;
            _tokens[email] = secret;
        }
        var client = Factory.CreateBrowser();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Records the sub-group's recommendation on a case (so the chair can decide); returns the case's new version.</summary>
    public async Task<Guid> RecommendAsync(Guid reviewId, string byEmail, DecisionOutcome outcome = DecisionOutcome.InitiateSeriousCaseReview)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ScrDbContext>();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(byEmail) ?? throw new InvalidOperationException(byEmail);
        var principal = (await scope.ServiceProvider.GetRequiredService<Principals>().LoadAsync(user.Id))!;
        var version = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.Version).FirstAsync();
        await scope.ServiceProvider.GetRequiredService<Scr.Core.Services.Decisions.DecisionService>().RecommendAsync(reviewId,
            new Scr.Core.Services.Decisions.RecommendationInput("wt2006", "{}", outcome, "Fictional recommendation for a test.", null, null, null, []),
            version, principal, new Actor(user.Id, byEmail, null));
        return await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.Version).FirstAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>One demo world per test class and database.</summary>
public abstract class WebWorldFixture(DatabaseKind kind, IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    private WebWorld? _world;

    /// <summary>The world; a PostgreSQL test is skipped (not passed) when no server is configured.</summary>
    public WebWorld World
    {
        get
        {
            Assert.SkipWhen(_world is null, "PostgreSQL is not configured (SCR_TEST_POSTGRES); ./test.sh starts one.");
            return _world!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (kind == DatabaseKind.Sqlite || TestDatabase.PostgresAvailable)
        {
            _world = await WebWorld.CreateAsync(kind, settings);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }
}

public sealed class SqliteWorld() : WebWorldFixture(DatabaseKind.Sqlite);

public sealed class PostgresWorld() : WebWorldFixture(DatabaseKind.Postgres);
