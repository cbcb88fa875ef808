using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Services;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Audit;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>Sign-in, two-factor, timeouts and signing out everywhere, against a fresh demo world per test.</summary>
public class SignInTests : IAsyncLifetime
{
    private WebWorld _world = null!;
    private const string Officer = "officer@northbridge.example";

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private string Password => _world.SignIns.Single(s => s.Email == Officer).Password;
    private string Key => _world.SignIns.Single(s => s.Email == Officer).AuthenticatorKey;

    [Fact]
    public async Task SignIn_PasswordAndCode_ReachesTheDashboardAndIsAudited()
    {
        var client = await _world.SignInAsync(Officer);
        var dashboard = await client.GetAsync("/");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await dashboard.Content.ReadAsStringAsync()).ShouldContain("Your dashboard");
        (await _world.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.SignIn && e.UserName == Officer))).ShouldBe(1);
    }

    [Fact]
    public async Task Dashboard_Anonymous_RedirectsToSignIn()
    {
        var response = await _world.Factory.CreateBrowser().GetAsync("/cases");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location()!.ShouldStartWith("https://localhost/sign-in?returnUrl=%2Fcases");
    }

    [Fact]
    public async Task SignIn_ReplayedCode_Refused()
    {
        _world.Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = SingleUseAuthenticatorTokenProvider.CurrentCode(Key, _world.Factory.Clock.GetUtcNow());

        async Task<HttpResponseMessage> TryCode()
        {
            var client = _world.Factory.CreateBrowser();
            await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = Officer, ["Input.Password"] = Password });
            return await client.SubmitAsync("/sign-in/code", new Dictionary<string, string> { ["Input.Code"] = code });
        }

        (await TryCode()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var replay = await TryCode();
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replay.Content.ReadAsStringAsync()).ShouldContain("already been used");
    }

    [Fact]
    public async Task SignIn_WrongPassword_GenericMessageAndAudited()
    {
        var client = _world.Factory.CreateBrowser();
        var response = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = Officer, ["Input.Password"] = "not-the-password-at-all" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("There is a problem");
        html.ShouldContain("Enter the email address and password of an active account");
        (await _world.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.SignInFailed))).ShouldBe(1);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount()
    {
        var client = _world.Factory.CreateBrowser();
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = Officer, ["Input.Password"] = $"wrong-password-{i}-xyz" });
        }
        var locked = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = Officer, ["Input.Password"] = Password });
        (await locked.Content.ReadAsStringAsync()).ShouldContain("locked");
    }

    [Fact]
    public async Task Session_DisabledAccount_SignedOutAtOnce()
    {
        var client = await _world.SignInAsync(Officer);
        (await client.GetAsync("/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var scope = _world.Factory.Services.CreateScope())
        {
            var admin = _world.SignIns.Single(s => s.Email == "admin@scr.example");
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Scr.Core.Models.User>>();
            var adminUser = (await users.FindByEmailAsync(admin.Email))!;
            var officer = (await users.FindByEmailAsync(Officer))!;
            var principal = (await scope.ServiceProvider.GetRequiredService<Principals>().LoadAsync(adminUser.Id))!;
            await scope.ServiceProvider.GetRequiredService<AccountService>().SetDisabledAsync(officer.Id, true, principal, new Actor(adminUser.Id, admin.Email, null));
        }
        _world.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await client.GetAsync("/cases");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Location()!.ShouldContain("/sign-in");
    }

    [Fact]
    public async Task Session_PasswordChanged_OtherSessionsEndThisOneStays()
    {
        var first = await _world.SignInAsync(Officer);
        var second = await _world.SignInAsync(Officer);
        var change = await second.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = "lighthouse-orchard-pebble-42",
            ["Input.ConfirmPassword"] = "lighthouse-orchard-pebble-42",
        });
        change.StatusCode.ShouldBe(HttpStatusCode.Redirect, await change.Content.ReadAsStringAsync());
        _world.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        (await second.GetAsync("/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.GetAsync("/cases")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Session_IdleThirtyMinutes_SignedOut()
    {
        var client = await _world.SignInAsync(Officer);
        _world.Factory.Clock.Advance(TimeSpan.FromMinutes(31));
        (await client.GetAsync("/cases")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Session_ActiveForTwelveHours_SignedOutAnyway()
    {
        var client = await _world.SignInAsync(Officer);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(20))
        {
            _world.Factory.Clock.Advance(TimeSpan.FromMinutes(20));
            (await client.GetAsync("/cases")).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {elapsed}");
        }
        _world.Factory.Clock.Advance(TimeSpan.FromMinutes(40));
        (await client.GetAsync("/cases")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = await _world.SignInAsync(Officer);
        var signedOut = await client.SubmitAsync("/sign-out", new Dictionary<string, string>());
        signedOut.Location().ShouldBe("/signed-out");
        (await client.GetAsync("/cases")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Invitation_LinkFromTheEmail_SetsPasswordAndAuthenticatorThenSignsIn()
    {
        var admin = await _world.SignInAsync("admin@scr.example");
        var board = await _world.OrganisationAsync("northbridge");
        var invite = await admin.SubmitAsync("/admin/users/invite", new Dictionary<string, string>
        {
            ["FullName"] = "Nell Ashby",
            ["Email"] = "nell.ashby@northbridge.example",
            ["Role"] = "SubGroupMember",
            ["Organisation"] = board.Id.ToString(),
        });
        invite.StatusCode.ShouldBe(HttpStatusCode.Redirect, await invite.Content.ReadAsStringAsync());
        var mail = PickupFolder(_world).Single(m => m.To.Contains("nell.ashby"));
        var link = mail.Body.Split('\n').Single(l => l.Contains("/account/invitation?")).Trim();
        var path = new Uri(link).PathAndQuery;

        var newcomer = _world.Factory.CreateBrowser();
        var weak = await newcomer.SubmitAsync(path, new Dictionary<string, string> { ["Input.Password"] = "password1234", ["Input.ConfirmPassword"] = "password1234" });
        (await weak.Content.ReadAsStringAsync()).ShouldContain("too common");

        var chosen = await newcomer.SubmitAsync(path, new Dictionary<string, string>
        {
            ["Input.Password"] = "quiet-harbour-lantern-88",
            ["Input.ConfirmPassword"] = "quiet-harbour-lantern-88",
        });
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect, await chosen.Content.ReadAsStringAsync());
        var setup = await newcomer.GetDocumentAsync(chosen.Location()!);
        var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        var done = await newcomer.SubmitAsync(chosen.Location()!, new Dictionary<string, string>
        {
            ["Input.Code"] = SingleUseAuthenticatorTokenProvider.CurrentCode(key, _world.Factory.Clock.GetUtcNow()),
        });
        done.Location().ShouldBe("/sign-in?ready=true");

        // The link works once.
        (await (await newcomer.GetAsync(path)).Content.ReadAsStringAsync()).ShouldContain("This invitation link does not work");
    }

    private static IReadOnlyList<Scr.Core.Services.Email.PickupFolder.Item> PickupFolder(WebWorld world) =>
        Scr.Core.Services.Email.PickupFolder.Read(world.Factory.MailFolder);
}
