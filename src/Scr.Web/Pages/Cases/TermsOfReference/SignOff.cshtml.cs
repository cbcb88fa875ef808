using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.TermsOfReference;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.TermsOfReference;

/// <summary>
/// The chair reads the draft through and signs it off (seed 000 Stage 2: the final decision on the terms is the chair's).
/// Signing off freezes the version; what the draft still lacks is shown and refused.
/// </summary>
public class SignOffModel(CurrentUser me, TermsOfReferenceService terms) : TermsPageModel(me, terms)
{
    [BindProperty]
    public SignOffForm Input { get; set; } = new();

    public TermsOfReferenceVersion? Draft => View.Draft;

    public sealed class SignOffForm
    {
        [StringLength(TermsOfReferenceVersion.TextMaxLength, ErrorMessage = "The note must be 8,000 characters or fewer")]
        public string? Note { get; set; }
    }

    private async Task<Principal> PrepareAsync()
    {
        var principal = await Me.GetAsync();
        await LoadAsync();
        if (!View.MaySignOff)
        {
            throw new ForbiddenException("Only the chair signs off the terms of reference.");
        }
        return principal;
    }

    public async Task OnGetAsync()
    {
        await PrepareAsync();
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var posted = Version;
        var principal = await PrepareAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var signed = await Terms.SignOffAsync(Id, Input.Note, posted, principal, Me.Actor);
            TempData["Banner"] = $"Version {signed.Number} of the terms of reference is signed off. The business unit, the review team and the agencies involved have been told.";
            return Redirect(TermsPath);
        }
        catch (RuleViolationException e)
        {
            AddProblems(e.Problems.Select(p => p with { Field = p.Field == "note" ? "note" : null }));
            return Page();
        }
        catch (StaleEditException e)
        {
            Stale(e);
            return Page();
        }
    }
}
