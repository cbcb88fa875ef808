using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Scr.Web.TagHelpers;

/// <summary>
/// Binds a <see cref="DateInputModel"/> from <c>{name}.Day</c>, <c>{name}.Month</c> and <c>{name}.Year</c>
/// without adding errors: each part is a whole number (spaces trimmed) or null, and what was typed is
/// kept in ModelState so the date input shows it again. Nothing posted leaves a form's property as it was, and a
/// page's own property empty.
/// </summary>
public sealed class DateInputModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);

        var posted = false;
        var model = new DateInputModel
        {
            Day = ReadPart(bindingContext, nameof(DateInputModel.Day), ref posted),
            Month = ReadPart(bindingContext, nameof(DateInputModel.Month), ref posted),
            Year = ReadPart(bindingContext, nameof(DateInputModel.Year), ref posted),
        };

        if (posted)
        {
            bindingContext.Result = ModelBindingResult.Success(model);
        }
        else if (bindingContext.IsTopLevelObject)
        {
            // A page's own filter left out of the query (From on /analysis) is no date, not a missing one: without a result
            // MVC marks a non-nullable top-level property "The From field is required".
            bindingContext.Result = ModelBindingResult.Success(model);
        }

        return Task.CompletedTask;
    }

    private static int? ReadPart(ModelBindingContext bindingContext, string part, ref bool posted)
    {
        var key = ModelNames.CreatePropertyModelName(bindingContext.ModelName, part);
        var result = bindingContext.ValueProvider.GetValue(key);
        if (result == ValueProviderResult.None)
        {
            return null;
        }

        posted = true;
        bindingContext.ModelState.SetModelValue(key, result);
        return int.TryParse(result.FirstValue?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }
}
