namespace Scr.Core.Models;

/// <summary>A record that belongs to one case; changing it changes the case's version.</summary>
public interface IPartOfReview
{
    Guid ReviewId { get; }
}
