using Microsoft.AspNetCore.Mvc.ModelBinding;
using Scr.Core.Models;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.Chronology;

/// <summary>The agencies whose chronology the person may change, as a form offers them.</summary>
public static class ChronologyAgencies
{
    public static IReadOnlyList<(Guid Id, string Name)> Of(Review review, IEnumerable<Guid> editable) =>
        editable.Select(id => (id, review.ChronologyOf(id)?.AgencyName ?? review.Agencies.FirstOrDefault(a => a.AgencyId == id)?.Agency?.Name ?? ""))
            .OrderBy(a => a.Item2, StringComparer.OrdinalIgnoreCase).ToList();

    public static IEnumerable<RadioItem> Items(IReadOnlyList<(Guid Id, string Name)> agencies) =>
        agencies.Select(a => new RadioItem(a.Id.ToString(), a.Name));

    /// <summary>The agency chosen: the only one, or the one picked (an error when none is).</summary>
    public static Guid? Chosen(IReadOnlyList<(Guid Id, string Name)> agencies, Guid? picked, ModelStateDictionary modelState, string key)
    {
        if (agencies.Count == 1)
        {
            return agencies[0].Id;
        }
        if (picked is { } id && agencies.Any(a => a.Id == id))
        {
            return id;
        }
        modelState.AddModelError(key, "Select the agency whose chronology this is");
        return null;
    }
}
