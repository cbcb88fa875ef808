namespace Scr.Web.Security;

public static class ScrClaims
{
    /// <summary>When the person proved who they are; carried across cookie refreshes for the absolute timeout.</summary>
    public const string AuthTime = "auth_time";
    public const string Name = "name";
}
