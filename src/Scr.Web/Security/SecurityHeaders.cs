using System.Security.Cryptography;

namespace Scr.Web.Security;

/// <summary>
/// Headers on every response: a strict CSP with a per-request nonce for the one inline script of the page template,
/// HSTS for a year, no framing, no sniffing, no referrer, and no caching of anything a signed-in person sees.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string NonceItem = "csp-nonce";

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            var isStatic = context.Request.Path.StartsWithSegments("/assets") || context.Request.Path.StartsWithSegments("/css")
                || context.Request.Path.StartsWithSegments("/js");
            if (!isStatic)
            {
                // Confidential pages must not be kept by the browser or a proxy.
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
