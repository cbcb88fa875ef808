using Scr.Core.Services.TermsOfReference;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.TermsOfReference;

/// <summary>
/// The case's terms of reference (seed 000 Stage 2): the version to read first (the draft, for the board and the review
/// team; the terms signed off, for an involved agency), its warnings and what it still lacks before sign-off, every
/// version with who saved and signed it off, the Word document of a signed-off version, and what the person may do next.
/// </summary>
public class IndexModel(CurrentUser me, TermsOfReferenceService terms) : TermsPageModel(me, terms)
{
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Banner { get; set; }

    public async Task OnGetAsync() => await LoadAsync();
}
