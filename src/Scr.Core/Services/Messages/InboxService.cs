using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;

namespace Scr.Core.Services.Messages;

/// <summary>A page of a person's inbox.</summary>
public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Total, int Unread);

/// <summary>
/// A person's in-app messages (what <see cref="Messenger"/> writes). Each person sees only their own. Marking a message
/// read is the person's own view of their inbox, not a change to any record, so it is not audited.
/// </summary>
public sealed class InboxService(ScrDbContext db, TimeProvider clock)
{
    public Task<int> UnreadCountAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.InboxItems.AsNoTracking().CountAsync(i => i.UserId == userId && i.ReadAt == null, cancellationToken);

    /// <summary>The person's messages, newest first.</summary>
    public async Task<InboxPage> ListAsync(Guid userId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var mine = db.InboxItems.AsNoTracking().Where(i => i.UserId == userId);
        var total = await mine.CountAsync(cancellationToken);
        var unread = await mine.CountAsync(i => i.ReadAt == null, cancellationToken);
        var items = await mine.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id)
            .Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new InboxPage(items, total, unread);
    }

    /// <summary>Marks one of the person's messages read and returns where it leads; another person's is not found.</summary>
    public async Task<string> OpenAsync(Guid itemId, Guid userId, CancellationToken cancellationToken = default)
    {
        var item = await db.InboxItems.FirstOrDefaultAsync(i => i.Id == itemId && i.UserId == userId, cancellationToken)
            ?? throw new NotFoundException("The message");
        if (item.ReadAt is null)
        {
            item.MarkRead(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        return item.Link;
    }
}
