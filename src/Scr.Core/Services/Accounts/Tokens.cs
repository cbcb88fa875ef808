using System.Security.Cryptography;
using System.Text;

namespace Scr.Core.Services.Accounts;

/// <summary>Random secrets handed to people (invitation links, API tokens); only their hashes are stored.</summary>
public static class Tokens
{
    public static string NewSecret(string prefix = "") =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string? hash) =>
        hash is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));
}
