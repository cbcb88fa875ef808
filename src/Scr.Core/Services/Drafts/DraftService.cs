using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;

namespace Scr.Core.Services.Drafts;

/// <summary>
/// What people have typed into long forms and not yet sent: saved as they go, when they ask, and when their session
/// ends mid-form, so nothing typed is lost. A draft belongs to one person and one form, and is removed once the form
/// is sent.
/// </summary>
public sealed class DraftService(ScrDbContext db, TimeProvider clock)
{
    /// <summary>Longest form key accepted (keys are built by pages: "notify:{board}").</summary>
    public const int MaxKeyLength = 200;

    /// <summary>Largest draft kept, in characters of JSON; a bigger form is refused rather than cut short.</summary>
    public const int MaxLength = 64000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static bool IsValidKey(string? key) =>
        !string.IsNullOrWhiteSpace(key) && key.Length <= MaxKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_');

    /// <summary>Saves the form's fields (name → values); returns false when the draft is too large to keep whole.</summary>
    public async Task<bool> SaveAsync(Guid userId, string key, IReadOnlyDictionary<string, string[]> fields, CancellationToken cancellationToken = default)
    {
        if (!IsValidKey(key))
        {
            throw new ArgumentException("Not a draft key.", nameof(key));
        }
        var data = JsonSerializer.Serialize(fields, Json);
        if (data.Length > MaxLength)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        var draft = await db.FormDrafts.FirstOrDefaultAsync(d => d.UserId == userId && d.FormKey == key, cancellationToken);
        if (draft is null)
        {
            db.FormDrafts.Add(new FormDraft(userId, key, data, now));
        }
        else
        {
            draft.Update(data, now);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (draft is null)
        {
            // Two saves of a new draft at once (autosave and a submit): the later one overwrites.
            db.ChangeTracker.Clear();
            var existing = await db.FormDrafts.FirstAsync(d => d.UserId == userId && d.FormKey == key, cancellationToken);
            existing.Update(data, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    public async Task<(IReadOnlyDictionary<string, string[]> Fields, DateTimeOffset SavedAt)?> LoadAsync(Guid userId, string key,
        CancellationToken cancellationToken = default)
    {
        var draft = await db.FormDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == userId && d.FormKey == key, cancellationToken);
        if (draft is null)
        {
            return null;
        }
        var fields = JsonSerializer.Deserialize<Dictionary<string, string[]>>(draft.Data, Json) ?? [];
        return (fields, draft.SavedAt);
    }

    public Task DeleteAsync(Guid userId, string key, CancellationToken cancellationToken = default) =>
        db.FormDrafts.Where(d => d.UserId == userId && d.FormKey == key).ExecuteDeleteAsync(cancellationToken);
}
