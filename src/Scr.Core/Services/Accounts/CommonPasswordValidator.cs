using Microsoft.AspNetCore.Identity;
using Scr.Core.Models;
using Scr.Core.Rules;

namespace Scr.Core.Services.Accounts;

/// <summary>Applies <see cref="PasswordRules"/> wherever Identity sets a password.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        var problems = PasswordRules.Problems(password ?? "", user.Email, user.DisplayName)
            .Select(p => new IdentityError { Code = "Password", Description = p })
            .ToArray();
        return Task.FromResult(problems.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(problems));
    }
}
