using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;

namespace Scr.Core.Tests.Rules;

/// <summary>Versions of the terms of reference on the case: the draft saved and updated, frozen at sign-off, a new draft after.</summary>
public class TermsOfReferenceVersionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly Guid Reviewer = Guid.NewGuid();
    private static readonly Guid Chair = Guid.NewGuid();

    private static Review Initiated()
    {
        var review = Review.Notify(Guid.NewGuid(), "NB-2026-001", IncidentType.Death, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), "",
            GuidanceEdition.Wt2006, null,
            [new ReviewChild("Test Child", 4, Sex.Male, Ethnicity.NotKnown, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None)],
            [Guid.NewGuid()], Officer, Now);
        review.Recommend(new SubGroupRecommendation("wt2006", "{}", DecisionOutcome.InitiateSeriousCaseReview, "Met", null, null, null, "", Officer, Now));
        review.Apply(Lifecycle.Initiate, Chair, "Met", Now);
        return review;
    }

    [Fact]
    public void SaveDraft_FirstSaveStartsVersion1_LaterSavesUpdateIt()
    {
        var review = Initiated();

        var first = review.SaveTermsDraft(TermsOfReferenceContent.Empty with { KeyLinesOfEnquiry = ["  Why?  ", " "] }, Officer, Now);
        var again = review.SaveTermsDraft(TermsOfReferenceContent.Empty with { Timetable = " Four months. " }, Reviewer, Now.AddHours(1));

        again.ShouldBeSameAs(first);
        review.TermsOfReference.Count.ShouldBe(1);
        first.Number.ShouldBe(1);
        first.KeyLinesOfEnquiry.ShouldBeEmpty("a save replaces what the draft said");
        first.Timetable.ShouldBe("Four months.");
        (first.CreatedById, first.CreatedAt).ShouldBe((Officer, Now));
        (first.SavedById, first.SavedAt).ShouldBe((Reviewer, Now.AddHours(1)));
        review.TermsDraft.ShouldBeSameAs(first);
        review.SignedOffTerms.ShouldBeNull();
    }

    [Fact]
    public void SignOff_FreezesTheVersion_TheNextSaveStartsVersion2_TheSignedOffStillStands()
    {
        var review = Initiated();
        review.SaveTermsDraft(TermsOfReferenceSamples.Complete(review.IncidentDate), Officer, Now);

        var signed = review.SignOffTerms(Chair, " Agreed at the panel. ", Now.AddDays(1));

        signed.IsSignedOff.ShouldBeTrue();
        (signed.SignedOffById, signed.SignedOffAt, signed.SignOffNote).ShouldBe((Chair, Now.AddDays(1), "Agreed at the panel."));
        review.TermsDraft.ShouldBeNull();
        review.SignedOffTerms.ShouldBeSameAs(signed);
        Should.Throw<RuleViolationException>(() => review.SignOffTerms(Chair, null, Now)).Message
            .ShouldBe("There is no draft of the terms of reference to sign off.");

        var second = review.SaveTermsDraft(TermsOfReferenceSamples.Complete(review.IncidentDate) with { Timetable = "Six months." }, Officer, Now.AddDays(2));

        second.Number.ShouldBe(2);
        second.IsSignedOff.ShouldBeFalse();
        signed.Timetable.ShouldBe("Complete in 4 months.", "the signed-off version is frozen");
        review.TermsVersions.Select(v => v.Number).ShouldBe([1, 2]);
        review.TermsDraft.ShouldBeSameAs(second);
        review.SignedOffTerms.ShouldBeSameAs(signed);
        review.FindTermsVersion(1).ShouldBeSameAs(signed);
        Should.Throw<NotFoundException>(() => review.FindTermsVersion(3));
    }

    [Fact]
    public void SignOff_IncompleteDraft_RefusedNamingWhatIsMissing()
    {
        var review = Initiated();
        review.SaveTermsDraft(TermsOfReferenceSamples.Complete(review.IncidentDate) with { Methodology = null, Publication = null }, Officer, Now);

        var refused = Should.Throw<RuleViolationException>(() => review.SignOffTerms(Chair, null, Now));

        refused.Problems.Select(p => p.Field).ShouldBe(["publication", "methodology"]);
        review.TermsDraft.ShouldNotBeNull();
    }

    [Fact]
    public void TermsOfReference_BeforeTheDecisionOrOnceClosed_Refused()
    {
        var review = Review.Notify(Guid.NewGuid(), "NB-2026-002", IncidentType.Death, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), "",
            GuidanceEdition.Wt2006, null,
            [new ReviewChild("Test Child", 4, Sex.Male, Ethnicity.NotKnown, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None)],
            [Guid.NewGuid()], Officer, Now);
        review.TakesTermsOfReference.ShouldBeFalse();
        Should.Throw<RuleViolationException>(() => review.SaveTermsDraft(TermsOfReferenceContent.Empty, Officer, Now)).Message
            .ShouldBe("Terms of reference are written once the chair has decided to hold a review.");

        review.Recommend(new SubGroupRecommendation("wt2006", "{}", DecisionOutcome.DoNotInitiate, "Not met", null, null, null, "", Officer, Now));
        review.Apply(Lifecycle.DoNotInitiate, Chair, "Not met", Now);
        Should.Throw<RuleViolationException>(() => review.SaveTermsDraft(TermsOfReferenceContent.Empty, Officer, Now)).Message
            .ShouldBe("The review is closed: its terms of reference can no longer change.");
    }
}
