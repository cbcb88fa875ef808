namespace Scr.Core.Models;

/// <summary>
/// An editable record with an optimistic-concurrency token. The token is replaced on every save, so an edit made
/// from a stale copy is refused instead of overwriting what someone else saved.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
