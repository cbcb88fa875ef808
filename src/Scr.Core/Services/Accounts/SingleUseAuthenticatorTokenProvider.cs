using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Scr.Core.DataStore;
using Scr.Core.Models;

namespace Scr.Core.Services.Accounts;

/// <summary>
/// TOTP codes (RFC 6238, 30-second steps, one step of clock drift either way) that can be used only once: the last
/// accepted time step is stored, and a code from that step or an earlier one is refused, even if two requests race.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(ScrDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<User>
{
    public const string ProviderName = "ScrAuthenticator";

    public Task<string> GenerateAsync(string purpose, UserManager<User> manager, User user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = new string((token ?? "").Where(char.IsDigit).ToArray());
        if (string.IsNullOrEmpty(key) || code.Length != 6)
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }
        // Atomic compare-and-set: only the first request to present this step's code succeeds.
        var claimed = await db.Users.Where(u => u.Id == user.Id && u.LastTotpTimeStep < step)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpTimeStep, step));
        if (claimed == 1)
        {
            user.LastTotpTimeStep = step;
        }
        return claimed == 1;
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<User> manager, User user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code an authenticator app would show now (used by the demo tools and tests).</summary>
    public static string CurrentCode(string base32Key, DateTimeOffset now) =>
        new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(now.UtcDateTime);
}
