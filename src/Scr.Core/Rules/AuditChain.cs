using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Scr.Core.Models;

namespace Scr.Core.Rules;

/// <summary>How audit entries are chained: each entry's hash covers its fields and the previous entry's hash.</summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Times are kept to 0.1 ms in UTC, the precision both databases keep: PostgreSQL stores microseconds, and SQLite stores
    /// them through EF Core's DateTimeOffsetToBinaryConverter, which drops everything below 1,000 ticks. A finer time would
    /// read back different from what was hashed, and every entry would look altered.
    /// </summary>
    public static DateTimeOffset Normalise(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 1000), TimeSpan.Zero);
    }

    public static string Hash(AuditEntry entry)
    {
        var canonical = string.Join('\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            Normalise(entry.At).UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.UserId?.ToString() ?? "",
            entry.UserName ?? "",
            entry.BoardId?.ToString() ?? "",
            entry.Action,
            entry.ItemType ?? "",
            entry.ItemId ?? "",
            entry.IpAddress ?? "",
            entry.Detail ?? "",
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Why an entry breaks the chain, or null when it is sound.</summary>
    public static string? Check(AuditEntry entry, long expectedSequence, string expectedPreviousHash)
    {
        if (entry.Sequence != expectedSequence)
        {
            return $"entry {expectedSequence} is missing (found {entry.Sequence} next)";
        }
        if (entry.PreviousHash != expectedPreviousHash)
        {
            return $"entry {entry.Sequence} does not follow the entry before it (previous hash differs)";
        }
        if (Hash(entry) != entry.Hash)
        {
            return $"entry {entry.Sequence} has been altered (its hash does not match its content)";
        }
        return null;
    }
}
