using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Services.Exchange;
using Scr.Web.Security;

namespace Scr.Web.Pages.Analysis.Coding;

/// <summary>Agreement between coders per item over every report coded twice (percent and Cohen's kappa), and each report's differences.</summary>
public class AgreementModel(CurrentUser me, CodingService codings) : PageModel
{
    public CodingAgreementReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Report = await codings.AgreementAsync(await me.GetAsync(cancellationToken), cancellationToken);

    public static string Percent(double? percent) => percent is { } p ? p.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "None coded";

    /// <summary>Kappa to two places; "Not defined" when both coders used one same answer throughout.</summary>
    public static string Kappa(double? kappa, int pairs) =>
        kappa is { } k ? k.ToString("0.00", CultureInfo.InvariantCulture) : pairs == 0 ? "None coded" : "Not defined";
}
