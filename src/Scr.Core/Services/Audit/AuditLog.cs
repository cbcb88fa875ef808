using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;

namespace Scr.Core.Services.Audit;

public sealed record AuditVerification(long EntriesChecked, long? FirstBrokenSequence, string? Problem)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

public sealed record AuditQuery(Guid? BoardId, string? Action, string? UserName, DateTimeOffset? From, DateTimeOffset? To, int Page = 1, int PageSize = 50);

/// <summary>The append-only audit log. Entries are chained by hash when they are saved.</summary>
public sealed class AuditLog(ScrDbContext db, TimeProvider clock)
{
    /// <summary>Queues an entry to be written with the caller's next save, in the same transaction as the change.</summary>
    public void Record(Actor actor, string action, Guid? boardId = null, string? itemType = null, string? itemId = null, string? detail = null)
    {
        db.QueueAudit(new AuditEntry(0, AuditChain.Normalise(clock.GetUtcNow()), actor.UserId, Truncate(actor.Name, 256), boardId, action,
            itemType, Truncate(itemId, 200), Truncate(actor.IpAddress, 64), Truncate(detail, 4000), ""));
    }

    /// <summary>Writes an entry at once: for reads, sign-ins and other events that change nothing else.</summary>
    public async Task RecordNowAsync(Actor actor, string action, Guid? boardId = null, string? itemType = null, string? itemId = null,
        string? detail = null, CancellationToken cancellationToken = default)
    {
        Record(actor, action, boardId, itemType, itemId, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<(IReadOnlyList<AuditEntry> Entries, int Total)> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.BoardId is { } boardId)
        {
            entries = entries.Where(e => e.BoardId == boardId);
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }
        if (!string.IsNullOrWhiteSpace(query.UserName))
        {
            var name = query.UserName.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.UserName != null && e.UserName.ToLower().Contains(name));
        }
        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }
        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.Sequence)
            .Skip((Math.Max(query.Page, 1) - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return (page, total);
    }

    /// <summary>Walks the whole chain in order and names the first entry that breaks it.</summary>
    public async Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        long expected = 1;
        var previousHash = AuditChain.GenesisHash;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var problem = AuditChain.Check(entry, expected, previousHash);
            if (problem is not null)
            {
                return new AuditVerification(expected - 1, Math.Min(expected, entry.Sequence), problem);
            }
            previousHash = entry.Hash;
            if (expected % 1000 == 0)
            {
                progress?.Report(expected);
            }
            expected++;
        }
        progress?.Report(expected - 1);
        return new AuditVerification(expected - 1, null, null);
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
