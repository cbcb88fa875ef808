using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Services.TermsOfReference;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.TermsOfReference;

/// <summary>One version of the terms of reference as it was saved or signed off (a draft is not found for an involved agency).</summary>
public class VersionModel(CurrentUser me, TermsOfReferenceService terms) : TermsPageModel(me, terms)
{
    [FromRoute]
    public int Number { get; set; }

    public TermsOfReferenceVersion Shown { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var (view, version) = await Terms.GetVersionAsync(Id, Number, await Me.GetAsync(), Me.Actor);
        SetView(view);
        Shown = version;
    }
}
