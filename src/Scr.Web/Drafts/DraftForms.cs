using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace Scr.Web.Drafts;

/// <summary>Puts a saved draft back into a page's form model, as if the person had just posted it.</summary>
public static class DraftForms
{
    public static IValueProvider ValuesOf(IReadOnlyDictionary<string, string[]> fields) =>
        new FormValueProvider(BindingSource.Form,
            new Microsoft.AspNetCore.Http.FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues(f.Value))),
            CultureInfo.CurrentCulture);
}
