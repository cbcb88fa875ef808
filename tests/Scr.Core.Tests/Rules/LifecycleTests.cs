using Scr.Core.Models;
using Scr.Core.Rules;

namespace Scr.Core.Tests.Rules;

public class LifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Chair = Guid.NewGuid();

    private static Review NewCase(int agencies = 1, bool recommended = true)
    {
        var review = Review.Notify(Guid.NewGuid(), "NB-2026-001", IncidentType.Death,
            new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), "", GuidanceEdition.Wt2006, null,
            [new ReviewChild("Test Child", 4, Sex.Male, Ethnicity.NotKnown, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None)],
            Enumerable.Range(0, agencies).Select(_ => Guid.NewGuid()), Guid.NewGuid(), Now);
        if (recommended)
        {
            review.Recommend(new SubGroupRecommendation("wt2006", "{}", DecisionOutcome.InitiateSeriousCaseReview, "Criteria met", null, null, null, "",
                Guid.NewGuid(), Now));
        }
        return review;
    }

    [Fact]
    public void Decide_WithoutTheSubGroupsRecommendation_Refused()
    {
        var review = NewCase(recommended: false);
        Should.Throw<RuleViolationException>(() => review.Apply(Lifecycle.DoNotInitiate, Chair, "Not met", Now))
            .Messages.ShouldContain("Record the review sub-group's recommendation");
    }

    [Fact]
    public void Reconsider_OnlyAfterThePanelQuestionsADecisionNotToInitiate()
    {
        var review = NewCase();
        review.Apply(Lifecycle.DoNotInitiate, Chair, "Not met", Now);
        Lifecycle.AvailableFor(review).Select(a => a.Key).ShouldBe(["reconsider"]);
        Lifecycle.Reconsider.UnmetRequirements(review, "Panel is right").ShouldContain("The National Panel has questioned the decision not to initiate");
        var sent = review.SendToPanel("outline", "National Panel", Now);
        sent.Question(PanelMessageKind.Challenge, "Psychological harm was not considered", Guid.NewGuid(), Now);
        review.Apply(Lifecycle.Reconsider, Chair, "The Panel's challenge is right", Now);
        review.Status.ShouldBe(ReviewStatus.Open);
        review.Stage.ShouldBe(ReviewStage.Scoping);
        review.Decision.ShouldBe(DecisionOutcome.InitiateSeriousCaseReview);
    }

    [Fact]
    public void Notify_NewCase_StartsAtIdentificationOpen()
    {
        var review = NewCase();
        review.Stage.ShouldBe(ReviewStage.Identification);
        review.Status.ShouldBe(ReviewStatus.Open);
        review.StageEvents.Single().ActionKey.ShouldBe("notify");
    }

    [Fact]
    public void Notify_KnownBeforeIncident_Refused() =>
        Should.Throw<RuleViolationException>(() => Review.Notify(Guid.NewGuid(), "X", IncidentType.Death, new DateOnly(2026, 11, 2),
            new DateOnly(2026, 11, 1), "", GuidanceEdition.Wt2006, null,
            [new ReviewChild("C", null, Sex.NotKnown, Ethnicity.NotKnown, YesNoNotKnown.NotKnown, ChildProtectionPlanStatus.NotKnown, LegalStatus.NotKnown)],
            [], Guid.NewGuid(), Now));

    [Fact]
    public void AvailableFor_NewCase_OffersTheChairsThreeDecisions() =>
        Lifecycle.AvailableFor(NewCase()).Select(a => a.Key).ShouldBe(["initiate", "commission-learning-review", "do-not-initiate"], ignoreOrder: true);

    [Fact]
    public void Initiate_WithoutRationale_Refused()
    {
        var review = NewCase();
        var e = Should.Throw<RuleViolationException>(() => review.Apply(Lifecycle.Initiate, Chair, "  ", Now));
        e.Messages.ShouldContain("Enter the rationale for the decision");
        review.Stage.ShouldBe(ReviewStage.Identification);
    }

    [Fact]
    public void Initiate_WithoutAgencies_Refused()
    {
        var review = NewCase(agencies: 0);
        Should.Throw<RuleViolationException>(() => review.Apply(Lifecycle.Initiate, Chair, "Criteria of 8.5 met", Now))
            .Messages.ShouldContain(m => m.Contains("agency", StringComparison.Ordinal));
    }

    [Fact]
    public void Initiate_WithRationale_RecordsDecision()
    {
        var review = NewCase();
        review.Apply(Lifecycle.Initiate, Chair, "Criteria of 8.5 met", Now);
        review.Stage.ShouldBe(ReviewStage.Scoping);
        review.Decision.ShouldBe(DecisionOutcome.InitiateSeriousCaseReview);
        review.DecisionRationale.ShouldBe("Criteria of 8.5 met");
    }

    [Fact]
    public void DoNotInitiate_EndsTheCaseUnlessReconsidered()
    {
        var review = NewCase();
        review.Apply(Lifecycle.DoNotInitiate, Chair, "No abuse or neglect suspected", Now);
        review.Status.ShouldBe(ReviewStatus.NotInitiated);
        Lifecycle.AvailableFor(review).Select(a => a.Key).ShouldBe(["reconsider"]);
    }

    [Fact]
    public void CommissionLearningReview_MakesItALearningReview()
    {
        var review = NewCase();
        review.Apply(Lifecycle.CommissionLearningReview, Chair, "Learning about school referrals", Now);
        review.Kind.ShouldBe(ReviewKind.LearningReview);
        review.Stage.ShouldBe(ReviewStage.Scoping);
    }

    /// <summary>The minimum review panel: a member from an agency of each type it needs.</summary>
    internal static void AddMinimumPanel(Review review)
    {
        foreach (var type in ReviewPanelRules.MinimumMembership)
        {
            review.AddToTeam(Guid.NewGuid(), TeamRole.PanelMember, Chair, Now, new PanelSeat(Guid.NewGuid(), type));
        }
    }

    [Fact]
    public void Commission_WithoutTheMinimumPanel_RefusedUntilEverySeatIsFilled()
    {
        var review = NewCase();
        review.Apply(Lifecycle.Initiate, Chair, "Met", Now);
        review.AddToTeam(Guid.NewGuid(), TeamRole.LeadReviewer, Chair, Now);
        review.AddToTeam(Guid.NewGuid(), TeamRole.PanelMember, Chair, Now, new PanelSeat(Guid.NewGuid(), AgencyType.Police));
        TermsOfReferenceSamples.SignOff(review, Chair, Now);
        Should.Throw<RuleViolationException>(() => review.Apply(Lifecycle.Commission, Chair, null, Now))
            .Messages.ShouldBe(["Complete the review panel: a member from each of children's social care, health, education and the police"]);
        foreach (var type in new[] { AgencyType.ChildrensSocialCare, AgencyType.HealthTrust, AgencyType.Education })
        {
            review.AddToTeam(Guid.NewGuid(), TeamRole.PanelMember, Chair, Now, new PanelSeat(Guid.NewGuid(), type));
        }
        review.Apply(Lifecycle.Commission, Chair, null, Now);
        review.Stage.ShouldBe(ReviewStage.WorkingThrough);
    }

    [Fact]
    public void Commission_WithoutLeadReviewer_Refused()
    {
        var review = NewCase();
        review.Apply(Lifecycle.Initiate, Chair, "Met", Now);
        Should.Throw<RuleViolationException>(() => review.Apply(Lifecycle.Commission, Chair, null, Now))
            .Messages.ShouldContain("Appoint a lead reviewer to the review team");
    }

    [Fact]
    public void Commission_TermsOfReferenceOnlyDrafted_Refused_OnceTheChairSignsThemOff_Commissioned()
    {
        var review = NewCase();
        review.Apply(Lifecycle.Initiate, Chair, "Met", Now);
        review.AddToTeam(Guid.NewGuid(), TeamRole.LeadReviewer, Chair, Now);
        AddMinimumPanel(review);
        Lifecycle.Commission.UnmetRequirements(review, null).ShouldBe(["Have the chair sign off the terms of reference"]);
        review.SaveTermsDraft(TermsOfReferenceSamples.Complete(review.IncidentDate), Chair, Now);

        Should.Throw<RuleViolationException>(() => review.Apply(Lifecycle.Commission, Chair, null, Now))
            .Messages.ShouldBe(["Have the chair sign off the terms of reference"]);

        review.SignOffTerms(Chair, null, Now);
        // A new draft after the sign-off does not undo it: the signed-off terms stand until the next is signed off.
        review.SaveTermsDraft(TermsOfReferenceSamples.Complete(review.IncidentDate) with { Timetable = "Six months." }, Chair, Now);
        review.Apply(Lifecycle.Commission, Chair, null, Now);
        review.Stage.ShouldBe(ReviewStage.WorkingThrough);
    }

    [Fact]
    public void Apply_ActionFromAnotherStage_Refused()
    {
        var review = NewCase();
        Should.Throw<RuleViolationException>(() => review.Apply(Lifecycle.PlanPublication, Chair, null, Now));
    }

    [Fact]
    public void FullPath_ThroughAllEightStages_ClosesWithEveryMoveRecorded()
    {
        var review = NewCase();
        review.Apply(Lifecycle.Initiate, Chair, "Met", Now);
        review.SendToPanel("outline", "National Panel", Now);
        review.AddToTeam(Guid.NewGuid(), TeamRole.LeadReviewer, Chair, Now);
        AddMinimumPanel(review);
        TermsOfReferenceSamples.SignOff(review, Chair, Now);
        foreach (var action in new[] { Lifecycle.Commission, Lifecycle.ManageParallelProcesses, Lifecycle.EngagePanel, Lifecycle.ApplyLearning,
            Lifecycle.PlanPublication, Lifecycle.MonitorImpact })
        {
            review.Apply(action, Chair, null, Now);
        }
        review.Stage.ShouldBe(ReviewStage.Monitoring);
        review.Apply(Lifecycle.Close, Chair, "Actions complete and impact evidenced", Now);
        review.Status.ShouldBe(ReviewStatus.Closed);
        review.StageEvents.Select(e => e.To).ShouldBe(ReviewStages.All.Append(ReviewStage.Monitoring));
    }

    [Fact]
    public void StepBack_WithReason_ReturnsOneStage()
    {
        var review = NewCase();
        review.Apply(Lifecycle.Initiate, Chair, "Met", Now);
        review.Apply(Lifecycle.StepBack, Chair, "Decision to be reconsidered after new information", Now);
        review.Stage.ShouldBe(ReviewStage.Identification);
    }

    [Theory]
    [InlineData("initiate", CaseActor.BoardChair, true)]
    [InlineData("initiate", CaseActor.BusinessUnitOfficer, false)]
    [InlineData("initiate", CaseActor.LeadReviewer, false)]
    [InlineData("commission", CaseActor.BusinessUnitOfficer, true)]
    [InlineData("manage-parallel-processes", CaseActor.LeadReviewer, true)]
    [InlineData("close", CaseActor.BusinessUnitOfficer, false)]
    [InlineData("step-back", CaseActor.BoardChair, true)]
    public void MayBeMadeBy_EachActor_AsTheRulesSay(string action, CaseActor actor, bool allowed) =>
        Lifecycle.Find(action)!.MayBeMadeBy(new HashSet<CaseActor> { actor }).ShouldBe(allowed);

    [Fact]
    public void AddToTeam_PersonWhoDeclaredInvolvement_Refused()
    {
        var review = NewCase();
        var person = Guid.NewGuid();
        review.DeclareInvolvement(person, "I was the family's health visitor", Now);
        Should.Throw<RuleViolationException>(() => review.AddToTeam(person, TeamRole.PanelMember, Chair, Now,
                new PanelSeat(Guid.NewGuid(), AgencyType.HealthTrust), name: "Hana Health"))
            .Messages.ShouldBe(["Hana Health cannot join the review team: declared involvement in the case: I was the family's health visitor. "
                + "The board chair may record a justified exception."]);
    }

    [Fact]
    public void DeclareInvolvement_TeamMember_LeavesTheTeam()
    {
        var review = NewCase();
        var person = Guid.NewGuid();
        review.AddToTeam(person, TeamRole.PanelMember, Chair, Now, new PanelSeat(Guid.NewGuid(), AgencyType.ChildrensSocialCare));
        review.DeclareInvolvement(person, "I line-manage the social worker", Now);
        review.IsOnTeam(person).ShouldBeFalse();
    }
}
