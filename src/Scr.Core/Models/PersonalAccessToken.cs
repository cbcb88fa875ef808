namespace Scr.Core.Models;

/// <summary>A token for the JSON API. Only its hash is stored; an administrator can revoke it.</summary>
public class PersonalAccessToken
{
    private PersonalAccessToken()
    {
        Name = "";
        Prefix = "";
        Hash = "";
    }

    public PersonalAccessToken(Guid userId, string name, string prefix, string hash, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Name = name;
        Prefix = prefix;
        Hash = hash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public User? User { get; private set; }
    public string Name { get; private set; }

    /// <summary>The first characters of the token, shown so people can tell their tokens apart.</summary>
    public string Prefix { get; private set; }
    public string Hash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedById { get; private set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(Guid by, DateTimeOffset now)
    {
        if (RevokedAt is null)
        {
            RevokedAt = now;
            RevokedById = by;
        }
    }
}
