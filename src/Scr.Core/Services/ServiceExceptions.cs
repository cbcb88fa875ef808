namespace Scr.Core.Services;

/// <summary>The item does not exist or the person may not know it exists (a guessed id looks the same as a missing one).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>The person may see the item but not do this to it.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Someone else saved the record after this person opened it; nothing was overwritten.</summary>
public sealed class StaleEditException(string? message = null)
    : Exception(message ?? "Someone else changed this case after you opened it. Your change has not been saved. Check the case as it is now and try again.");
