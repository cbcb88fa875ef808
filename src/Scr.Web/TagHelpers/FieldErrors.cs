using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Scr.Web.TagHelpers;

/// <summary>Reading error messages from ModelState, the same way for fields and the error summary.</summary>
internal static class FieldErrors
{
    /// <summary>Shown if an error carries only an exception (the framework normally supplies a message).</summary>
    public const string FallbackMessage = "Enter a valid value";

    public static string? FirstMessage(ModelStateDictionary modelState, string key)
    {
        return modelState.TryGetValue(key, out var entry) ? FirstMessage(entry) : null;
    }

    public static string? FirstMessage(ModelStateEntry entry)
    {
        if (entry.Errors.Count == 0)
        {
            return null;
        }

        var message = entry.Errors[0].ErrorMessage;
        return string.IsNullOrWhiteSpace(message) ? FallbackMessage : message;
    }
}
