namespace Scr.Core.Models;

/// <summary>A message to one person in the service (the in-app copy of what is also emailed).</summary>
public class InboxItem
{
    private InboxItem()
    {
        Title = "";
        Link = "";
    }

    public InboxItem(Guid userId, Guid? reviewId, string title, string? body, string link, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        ReviewId = reviewId;
        Title = title;
        Body = body;
        Link = link;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Guid? ReviewId { get; private set; }
    public string Title { get; private set; }
    public string? Body { get; private set; }

    /// <summary>A path in the service, e.g. /cases/{id}.</summary>
    public string Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

/// <summary>
/// What someone has typed into a long form and not yet sent, saved as they go so a timeout or a closed browser loses
/// nothing. One per person and form.
/// </summary>
public class FormDraft
{
    private FormDraft()
    {
        FormKey = "";
        Data = "";
    }

    public FormDraft(Guid userId, string formKey, string data, DateTimeOffset savedAt)
    {
        UserId = userId;
        FormKey = formKey;
        Data = data;
        SavedAt = savedAt;
    }

    public Guid UserId { get; private set; }

    /// <summary>Which form, e.g. "notify:{board}" or "file-review:{case}:{agency}".</summary>
    public string FormKey { get; private set; }

    /// <summary>The form's fields as JSON (name → values), exactly as posted.</summary>
    public string Data { get; private set; }
    public DateTimeOffset SavedAt { get; private set; }

    public void Update(string data, DateTimeOffset now)
    {
        Data = data;
        SavedAt = now;
    }
}

/// <summary>A reminder already sent, so each is sent once however many app instances run.</summary>
public class ReminderSent
{
    private ReminderSent()
    {
        DeadlineKey = "";
    }

    public ReminderSent(Guid reviewId, string deadlineKey, ReminderKind kind, DateTimeOffset sentAt)
    {
        ReviewId = reviewId;
        DeadlineKey = deadlineKey;
        Kind = kind;
        SentAt = sentAt;
    }

    public Guid ReviewId { get; private set; }
    public string DeadlineKey { get; private set; }
    public ReminderKind Kind { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
}

public enum ReminderKind
{
    /// <summary>Sent before the deadline.</summary>
    DueSoon,

    /// <summary>Sent on the day the deadline is missed.</summary>
    Missed,
}

/// <summary>A person's secret calendar-feed address of their deadlines; only a hash of the secret is kept.</summary>
public class CalendarFeed
{
    private CalendarFeed()
    {
        Hash = "";
        Prefix = "";
    }

    public CalendarFeed(Guid userId, string prefix, string hash, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Prefix = prefix;
        Hash = hash;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Prefix { get; private set; }
    public string Hash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
