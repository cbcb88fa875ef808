namespace Scr.Core.Models;

/// <summary>
/// One line of the append-only audit log: who did what to which item, when and from where, never the content.
/// Each entry carries the hash of the one before it, so an altered or deleted row breaks the chain.
/// </summary>
public class AuditEntry
{
    private AuditEntry()
    {
        Action = "";
        PreviousHash = "";
        Hash = "";
    }

    public AuditEntry(long sequence, DateTimeOffset at, Guid? userId, string? userName, Guid? boardId, string action,
        string? itemType, string? itemId, string? ipAddress, string? detail, string previousHash)
    {
        Sequence = sequence;
        At = at;
        UserId = userId;
        UserName = userName;
        BoardId = boardId;
        Action = action;
        ItemType = itemType;
        ItemId = itemId;
        IpAddress = ipAddress;
        Detail = detail;
        PreviousHash = previousHash;
        Hash = "";
    }

    public long Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }

    /// <summary>The board whose data was touched, so each board's administrators see their own log.</summary>
    public Guid? BoardId { get; private set; }
    public string Action { get; private set; }
    public string? ItemType { get; private set; }
    public string? ItemId { get; private set; }
    public string? IpAddress { get; private set; }

    /// <summary>Non-confidential detail, e.g. which fields changed (names only) or why.</summary>
    public string? Detail { get; private set; }
    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }

    internal void Seal(string hash) => Hash = hash;
}
