using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Scr.Web.Layout;

/// <summary>A link in the service navigation under the header ("Cases", "Audit log", "Accounts").</summary>
/// <param name="Text">The link's text.</param>
/// <param name="Href">Where it goes, a path such as <c>/cases</c>.</param>
public sealed record ServiceNavigationItem(string Text, string Href);

/// <summary>Whether a navigation item is the page being shown, or a section that contains it.</summary>
public enum ServiceNavigationState
{
    /// <summary>Another part of the service.</summary>
    None,

    /// <summary>The section the page is in (<c>aria-current="true"</c>): the path is under the item's.</summary>
    Active,

    /// <summary>The page itself (<c>aria-current="page"</c>).</summary>
    Current,
}

/// <summary>
/// The service navigation's links, which pages (or a filter acting for them) put in ViewData and the
/// layout renders through <c>Pages/Shared/_ServiceNavigation.cshtml</c>:
/// <c>ViewData.SetServiceNavigation([new("Cases", "/cases"), new("Audit log", "/audit")]);</c>.
/// With no links the navigation list is left out; the signed-in user and "Sign out" still show.
/// </summary>
public static class ServiceNavigation
{
    /// <summary>The ViewData key holding the links.</summary>
    public const string ViewDataKey = "ServiceNavigation";

    /// <summary>Sets the links the layout shows.</summary>
    public static void SetServiceNavigation(this ViewDataDictionary viewData, IEnumerable<ServiceNavigationItem> items)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[ViewDataKey] = items.ToList();
    }

    /// <summary>The links set for this page; none if nothing set them.</summary>
    public static IReadOnlyList<ServiceNavigationItem> GetServiceNavigation(this ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        return viewData[ViewDataKey] as IReadOnlyList<ServiceNavigationItem> ?? [];
    }

    /// <summary>
    /// How an item relates to the request path: <see cref="ServiceNavigationState.Current"/> when they are
    /// the same page, <see cref="ServiceNavigationState.Active"/> when the path is below the item's
    /// (<c>/cases/12</c> under <c>/cases</c>); the home page <c>/</c> is only ever current.
    /// </summary>
    public static ServiceNavigationState StateOf(ServiceNavigationItem item, string? requestPath)
    {
        ArgumentNullException.ThrowIfNull(item);
        var itemPath = Normalise(item.Href);
        var path = Normalise(requestPath);
        if (string.Equals(itemPath, path, StringComparison.OrdinalIgnoreCase))
        {
            return ServiceNavigationState.Current;
        }

        return itemPath != "/" && path.StartsWith(itemPath + "/", StringComparison.OrdinalIgnoreCase)
            ? ServiceNavigationState.Active
            : ServiceNavigationState.None;
    }

    private static string Normalise(string? path)
    {
        var withoutQuery = (path ?? "/").Split('?', '#')[0];
        var trimmed = withoutQuery.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed;
    }
}
