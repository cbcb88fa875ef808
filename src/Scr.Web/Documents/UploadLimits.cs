using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using Scr.Core.Rules;
using Scr.Core.Services.Documents;

namespace Scr.Web.Documents;

/// <summary>Marks a page or API endpoint whose POST carries a document upload: <see cref="UploadLimits"/> applies the document limits to it.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class DocumentUploadAttribute : Attribute;

/// <summary>
/// The size limits of a document upload, set before anything reads the request (anti-forgery reads the form first), from
/// the configured largest document (<see cref="DocumentSettings"/>) plus room for the rest of the form:
/// <list type="bullet">
/// <item>a request that says it is larger is refused at once, without reading it: the page is shown again with the
/// message beside the file field (through a redirect that carries the message), the API answers 413 with the message;</item>
/// <item>otherwise the server (Kestrel) and the form reader stop at that size, and a file a little over the limit reaches
/// the core's content rule, which refuses it with its message.</item>
/// </list>
/// Runs after authorisation, so only people allowed on the page or endpoint get this far.
/// </summary>
public sealed class UploadLimits(RequestDelegate next, IOptions<DocumentSettings> settings)
{
    /// <summary>Room for the form's other fields and the multipart framing.</summary>
    public const long FormAllowance = 1024 * 1024;

    /// <summary>The TempData entry that carries the message to the page shown again.</summary>
    public const string RefusedKey = "UploadRefused";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<DocumentUploadAttribute>() is null)
        {
            await next(context);
            return;
        }
        var maxBytes = settings.Value.Limits.MaxBytes;
        var limit = maxBytes + FormAllowance;
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (context.Request.ContentLength > limit)
        {
            var message = $"The selected file must be smaller than {Labels.FileSize(maxBytes)}";
            // Nothing of the body is read. The server then drains what the browser is still sending for a few seconds,
            // so the browser can show the answer; it closes the connection on a longer upload.
            if (sizeFeature is { IsReadOnly: false })
            {
                sizeFeature.MaxRequestBodySize = null;
            }
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] }, statusCode: StatusCodes.Status413PayloadTooLarge)
                    .ExecuteAsync(context);
                return;
            }
            var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
            tempData[RefusedKey] = message;
            tempData.Save();
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = (context.Request.PathBase + context.Request.Path).ToString();
            return;
        }
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }
        if (context.Features.Get<IFormFeature>()?.Form is null)
        {
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
            {
                MultipartBodyLengthLimit = limit,
            }));
        }
        await next(context);
    }
}
