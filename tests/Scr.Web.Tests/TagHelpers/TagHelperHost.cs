using System.Linq.Expressions;
using System.Reflection;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

/// <summary>
/// An element in a page, as a test describes it: a tag helper with its properties already set, the
/// attributes it does not bind (copied through to the output, as Razor would leave them), and its
/// content (HTML strings and nested elements).
/// </summary>
internal sealed record TagHelperElement(string TagName, ITagHelper TagHelper)
{
    /// <summary>Unbound attributes; a null value is a minimised attribute (<c>disabled</c>).</summary>
    public IReadOnlyList<(string Name, string? Value)> Attributes { get; init; } = [];

    /// <summary>Child content: HTML strings and nested <see cref="TagHelperElement"/>s.</summary>
    public IReadOnlyList<object> Content { get; init; } = [];
}

/// <summary>
/// Runs tag helpers outside MVC, the way Razor's runtime does: each element gets a
/// <see cref="TagHelperContext"/> whose Items are a copy of its parent's (so parents can pass a collector
/// to their children), the <c>[ViewContext]</c> property is set to a view context with a
/// <see cref="ModelStateDictionary"/>, and child content is rendered when the tag helper asks for it.
/// </summary>
internal sealed class TagHelperHost<TModel>
    where TModel : class
{
    private readonly IModelMetadataProvider _metadataProvider = new EmptyModelMetadataProvider();

    public TagHelperHost(TModel model)
    {
        ModelState = new ModelStateDictionary();
        ViewData = new ViewDataDictionary<TModel>(_metadataProvider, ModelState) { Model = model };
        ViewContext = new ViewContext
        {
            HttpContext = new DefaultHttpContext(),
            ViewData = ViewData,
        };
    }

    public ModelStateDictionary ModelState { get; }

    public ViewDataDictionary<TModel> ViewData { get; }

    public ViewContext ViewContext { get; }

    /// <summary>A <see cref="ModelExpression"/> for a property of the model, as <c>for="..."</c> would give.</summary>
    public ModelExpression For<TValue>(Expression<Func<TModel, TValue>> expression)
    {
        return new ModelExpressionProvider(_metadataProvider).CreateModelExpression(ViewData, expression);
    }

    /// <summary>Renders one element (and its children) to HTML.</summary>
    public async Task<string> RenderAsync(TagHelperElement element)
    {
        var content = await RenderElementAsync(element, new Dictionary<object, object>());
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    /// <summary>Renders a tag helper with the given content (HTML) and unbound attributes.</summary>
    public Task<string> RenderAsync(
        string tagName, ITagHelper tagHelper, string? content = null, params (string Name, string? Value)[] attributes)
    {
        return RenderAsync(new TagHelperElement(tagName, tagHelper)
        {
            Attributes = attributes,
            Content = content is null ? [] : [content],
        });
    }

    private async Task<TagHelperOutput> RenderElementAsync(TagHelperElement element, IDictionary<object, object> parentItems)
    {
        SetViewContext(element.TagHelper);

        var items = new Dictionary<object, object>(parentItems);
        var context = new TagHelperContext(
            element.TagName, Attributes(element), items, Guid.NewGuid().ToString("N"));

        TagHelperContent? cached = null;
        var output = new TagHelperOutput(
            element.TagName,
            Attributes(element),
            async (useCachedResult, encoder) =>
            {
                if (useCachedResult && cached is not null)
                {
                    return cached;
                }

                var childContent = new DefaultTagHelperContent();
                foreach (var child in element.Content)
                {
                    switch (child)
                    {
                        case string html:
                            childContent.AppendHtml(html);
                            break;
                        case TagHelperElement nested:
                            childContent.AppendHtml(await RenderElementAsync(nested, items));
                            break;
                        default:
                            throw new InvalidOperationException($"Unexpected content {child}.");
                    }
                }

                cached = childContent;
                return childContent;
            })
        {
            TagMode = TagMode.StartTagAndEndTag,
        };

        element.TagHelper.Init(context);
        await element.TagHelper.ProcessAsync(context, output);
        return output;
    }

    private static TagHelperAttributeList Attributes(TagHelperElement element)
    {
        return new TagHelperAttributeList(element.Attributes.Select(attribute => attribute.Value is null
            ? new TagHelperAttribute(attribute.Name)
            : new TagHelperAttribute(attribute.Name, attribute.Value)));
    }

    private void SetViewContext(ITagHelper tagHelper)
    {
        var properties = tagHelper.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.IsDefined(typeof(ViewContextAttribute), inherit: true));
        foreach (var property in properties)
        {
            property.SetValue(tagHelper, ViewContext);
        }
    }
}

/// <summary>Hosts for tag helpers that need no model.</summary>
internal static class TagHelperHost
{
    public static TagHelperHost<NoModel> Create() => new(new NoModel());

    public static TagHelperElement Element(string tagName, ITagHelper tagHelper, params object[] content)
    {
        return new TagHelperElement(tagName, tagHelper) { Content = content };
    }

    /// <summary>A model with no properties.</summary>
    public sealed class NoModel;
}
