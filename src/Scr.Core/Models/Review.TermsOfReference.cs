using Scr.Core.Rules;

namespace Scr.Core.Models;

/// <summary>The review's terms of reference, every version kept (seed 000 Stage 2).</summary>
public partial class Review
{
    private readonly List<TermsOfReferenceVersion> _termsOfReference = [];

    /// <summary>Every version of the terms of reference, in any order; see <see cref="TermsVersions"/>.</summary>
    public IReadOnlyList<TermsOfReferenceVersion> TermsOfReference => _termsOfReference;

    /// <summary>The versions, first to latest.</summary>
    public IReadOnlyList<TermsOfReferenceVersion> TermsVersions => _termsOfReference.OrderBy(t => t.Number).ToList();

    /// <summary>The draft being worked on: the latest version, while the chair has not signed it off.</summary>
    public TermsOfReferenceVersion? TermsDraft => _termsOfReference.MaxBy(t => t.Number) is { IsSignedOff: false } draft ? draft : null;

    /// <summary>The terms in force: the latest version the chair signed off.</summary>
    public TermsOfReferenceVersion? SignedOffTerms => _termsOfReference.Where(t => t.IsSignedOff).MaxBy(t => t.Number);

    /// <summary>Terms of reference are written once the chair has decided to hold a review, while it is open.</summary>
    public bool TakesTermsOfReference => IsOpen && Stage != ReviewStage.Identification;

    public TermsOfReferenceVersion FindTermsVersion(int number) => _termsOfReference.FirstOrDefault(t => t.Number == number)
        ?? throw new Services.NotFoundException("That version of the terms of reference");

    /// <summary>
    /// Saves the draft: updates the draft being worked on, or starts a new version when there is none (the first, or
    /// after the chair signed off the latest). The caller has checked the content (<see cref="TermsOfReferenceRules.Check"/>).
    /// </summary>
    public TermsOfReferenceVersion SaveTermsDraft(TermsOfReferenceContent content, Guid by, DateTimeOffset now)
    {
        RequireTermsOfReference();
        if (TermsDraft is { } draft)
        {
            draft.Update(content, by, now);
            return draft;
        }
        var version = new TermsOfReferenceVersion(_termsOfReference.Select(t => t.Number).DefaultIfEmpty(0).Max() + 1, content, by, now);
        _termsOfReference.Add(version);
        return version;
    }

    /// <summary>
    /// The chair signs off the draft, which freezes it. Refused while the draft lacks what terms of reference must say
    /// (<see cref="TermsOfReferenceRules.MissingForSignOff"/>). The caller has checked that the person is the chair.
    /// </summary>
    public TermsOfReferenceVersion SignOffTerms(Guid by, string? note, DateTimeOffset now)
    {
        RequireTermsOfReference();
        var draft = TermsDraft ?? throw new RuleViolationException("There is no draft of the terms of reference to sign off.");
        RuleViolationException.ThrowIfAny(TermsOfReferenceRules.MissingForSignOff(draft.Content));
        draft.SignOff(by, note, now);
        return draft;
    }

    private void RequireTermsOfReference()
    {
        if (!IsOpen)
        {
            throw new RuleViolationException("The review is closed: its terms of reference can no longer change.");
        }
        if (Stage == ReviewStage.Identification)
        {
            throw new RuleViolationException("Terms of reference are written once the chair has decided to hold a review.");
        }
    }
}
