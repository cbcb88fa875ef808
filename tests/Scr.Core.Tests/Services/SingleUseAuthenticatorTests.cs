using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Services.Accounts;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

public class SingleUseAuthenticatorTests
{
    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Validate_ReplayedCode_Refused(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var clock = new TestClock();
        await using var services = CoreHost.Build(database, clock);
        Guid userId;
        string key;
        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = new User { Id = Guid.NewGuid(), UserName = "a@b.example", Email = "a@b.example", DisplayName = "A" };
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            userId = user.Id;
        }
        var code = SingleUseAuthenticatorTokenProvider.CurrentCode(key, clock.GetUtcNow());

        async Task<bool> Verify(string c)
        {
            using var scope = services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByIdAsync(userId.ToString()))!;
            return await users.VerifyTwoFactorTokenAsync(user, SingleUseAuthenticatorTokenProvider.ProviderName, c);
        }

        (await Verify(code)).ShouldBeTrue();
        (await Verify(code)).ShouldBeFalse();
        (await Verify("000000" == code ? "111111" : "000000")).ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(30));
        (await Verify(SingleUseAuthenticatorTokenProvider.CurrentCode(key, clock.GetUtcNow()))).ShouldBeTrue();
        // A code from the step before the last one used is refused even though it is within the drift window.
        (await Verify(code)).ShouldBeFalse();
    }
}
