namespace Scr.Core.Services;

/// <summary>Who did something and from where, as the audit log records it.</summary>
public sealed record Actor(Guid? UserId, string Name, string? IpAddress)
{
    public static Actor System(string name) => new(null, name, null);
}
