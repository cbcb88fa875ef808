using Scr.Core;

namespace Scr.Web;

/// <summary>Everything the site registers and the order of its middleware, in one place.</summary>
public static class WebSetup
{
    public static void AddScrWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddScrCore(builder.Configuration);
        builder.Services.AddRazorPages();
    }

    public static void UseScrWeb(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRouting();
        app.MapRazorPages();
    }
}
