using Scr.Core.Models;
using Scr.Core.Rules;

namespace Scr.Core.Tests.Rules;

/// <summary>
/// Agency reports on the case (WT2006 8.18–8.27): asked of involved agencies, an author who was not involved, the template's
/// required sections, submission freezing a version, the review team's decision, and who sees what.
/// </summary>
public class AgencyReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly Guid Chair = Guid.NewGuid();
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly Guid Health = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly DateOnly Due = new(2027, 1, 15);

    private static Review Initiated()
    {
        var review = Review.Notify(Guid.NewGuid(), "NB-2026-001", IncidentType.Death, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), "",
            GuidanceEdition.Wt2006, null,
            [new ReviewChild("Test Child", 4, Sex.Male, Ethnicity.NotKnown, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None)],
            [Health, Police], Officer, Now);
        review.Recommend(new SubGroupRecommendation("wt2006", "{}", DecisionOutcome.InitiateSeriousCaseReview, "Met", null, null, null, "", Officer, Now));
        review.Apply(Lifecycle.Initiate, Chair, "Met", Now);
        return review;
    }

    private static Dictionary<string, string> Complete(AgencyReportsRequirement kind) =>
        AgencyReportRules.RequiredSections(kind).ToDictionary(s => s.Key, s => $"What we found: {s.Title}.");

    private static (Review Review, AgencyReport Report) WithAuthor(AgencyReportsRequirement kind = AgencyReportsRequirement.ManagementReviews)
    {
        var review = Initiated();
        var report = review.RequestAgencyReports([Health], kind, Due, null, Officer, Now)[0];
        review.Declare(Author, InvolvementKind.None, null, Officer, Now);
        review.NameAgencyReportAuthor(report.Id, Author, "Ann Author", "Named nurse", Officer, Now);
        return (review, report);
    }

    [Fact]
    public void Request_OnlyInvolvedAgencies_OnceEach_NotBeforeTheDecision()
    {
        var review = Initiated();

        var made = review.RequestAgencyReports([Health, Police], AgencyReportsRequirement.ManagementReviews, Due, " Focus on 2025 ", Officer, Now);

        made.Select(r => r.AgencyId).ShouldBe([Health, Police]);
        made[0].Status.ShouldBe(AgencyReportStatus.AuthorToBeNamed);
        made[0].RequestNote.ShouldBe("Focus on 2025");
        Should.Throw<RuleViolationException>(() => review.RequestAgencyReports([Health], AgencyReportsRequirement.ManagementReviews, Due, null, Officer, Now))
            .Problems.ShouldHaveSingleItem().Field.ShouldBe("agencyIds");
        Should.Throw<RuleViolationException>(() => review.RequestAgencyReports([Guid.NewGuid()], AgencyReportsRequirement.ManagementReviews, Due, null,
            Officer, Now)).Problems.ShouldHaveSingleItem().Message.ShouldBe("Select agencies involved in the case");

        var early = Initiated();
        early.Apply(Lifecycle.StepBack, Chair, "New information", Now);
        Should.Throw<RuleViolationException>(() => early.RequestAgencyReports([Health], AgencyReportsRequirement.ManagementReviews, Due, null, Officer, Now))
            .Message.ShouldContain("once the chair has decided");
    }

    [Theory]
    [InlineData(InvolvementKind.InvolvedInCase, "Declared involvement in the case: was the family's health visitor")]
    [InlineData(InvolvementKind.LineManagesSomeoneInvolved, "Declared that they line-manage someone involved: was the family's health visitor")]
    public void Author_WhoWasInvolvedOrLineManagesSomeoneWho_IsRefused_WithNoException(InvolvementKind kind, string conflict)
    {
        var review = Initiated();
        var report = review.RequestAgencyReports([Health], AgencyReportsRequirement.ManagementReviews, Due, null, Officer, Now)[0];
        review.Declare(Author, kind, "was the family's health visitor", Officer, Now);
        review.RecordConflictException(Author, review.ConflictsOf(Author, TeamRole.PanelMember, []), "Only specialist available", Chair, Now.AddMinutes(1));

        var refused = Should.Throw<RuleViolationException>(() => review.NameAgencyReportAuthor(report.Id, Author, "Ann Author", null, Officer, Now.AddMinutes(2)));

        refused.Problems.ShouldHaveSingleItem().Field.ShouldBe("userId");
        refused.Problems[0].Message.ShouldBe($"Ann Author cannot write the agency's report: {char.ToLowerInvariant(conflict[0])}{conflict[1..]}. "
            + "Name an author who was not involved in the case and does not line-manage anyone who was (WT2006 8.20).");
        report.AuthorId.ShouldBeNull("a chair's exception for the panel does not make an involved person an author");
    }

    [Fact]
    public void Author_WhoDeclaredNone_IsNamed_AndTheReportIsBeingWritten()
    {
        var (_, report) = WithAuthor();

        (report.AuthorId, report.AuthorName, report.AuthorPost).ShouldBe((Author, "Ann Author", "Named nurse"));
        report.Status.ShouldBe(AgencyReportStatus.BeingWritten);
    }

    [Fact]
    public void Writing_BeforeAnAuthorIsNamed_IsRefused()
    {
        var review = Initiated();
        var report = review.RequestAgencyReports([Health], AgencyReportsRequirement.ManagementReviews, Due, null, Officer, Now)[0];

        Should.Throw<RuleViolationException>(() => review.SaveAgencyReportDraft(report.Id, Complete(report.Kind), Author, Now))
            .Message.ShouldBe("The agency has not yet named the report's author.");
    }

    [Fact]
    public void Submit_NeedsEveryRequiredSection_AndTheSeniorOfficer()
    {
        var (review, report) = WithAuthor();
        review.SaveAgencyReportDraft(report.Id, new Dictionary<string, string> { ["scope"] = "The terms asked us…", ["analysis"] = "  " }, Author, Now);

        var refused = Should.Throw<RuleViolationException>(() => review.SubmitAgencyReport(report.Id, " ", Author, Now));

        refused.Problems.Select(p => p.Field).ShouldBe(
            ["sections.sources", "sections.involvement", "sections.analysis", "sections.effectivePractice", "sections.lessons", "sections.recommendations",
                "seniorOfficer"]);
        report.Draft!.Sections.Keys.ShouldBe(["scope"], "blank sections are not kept");
        report.Status.ShouldBe(AgencyReportStatus.BeingWritten);
    }

    [Fact]
    public void ShortReport_NeedsOnlyItsSections()
    {
        AgencyReportRules.RequiredSections(AgencyReportsRequirement.ShortAgencyReports).Select(s => s.Key)
            .ShouldBe(["scope", "involvement", "analysis", "lessons", "recommendations"]);
        var (review, report) = WithAuthor(AgencyReportsRequirement.ShortAgencyReports);
        review.SaveAgencyReportDraft(report.Id, Complete(AgencyReportsRequirement.ShortAgencyReports), Author, Now);

        review.SubmitAgencyReport(report.Id, "Director of Nursing", Author, Now).IsSubmitted.ShouldBeTrue();
    }

    [Fact]
    public void SubmitThenChangesRequested_StartsVersion2_FromVersion1_Version1StaysAsSent_ThenAccepted()
    {
        var (review, report) = WithAuthor();
        review.SaveAgencyReportDraft(report.Id, Complete(report.Kind), Author, Now);
        var first = review.SubmitAgencyReport(report.Id, " Director of Nursing ", Author, Now.AddDays(1));

        (first.Number, first.SeniorOfficer, first.SubmittedById).ShouldBe((1, "Director of Nursing", (Guid?)Author));
        report.Status.ShouldBe(AgencyReportStatus.Submitted);
        Should.Throw<RuleViolationException>(() => review.SaveAgencyReportDraft(report.Id, Complete(report.Kind), Author, Now))
            .Message.ShouldContain("with the review team");

        Should.Throw<RuleViolationException>(() => review.QualityAssureAgencyReport(report.Id, QualityAssuranceOutcome.ChangesRequested, " ", null, Chair, Now))
            .Problems.ShouldHaveSingleItem().Field.ShouldBe("commentsForAuthor");
        var sentBack = review.QualityAssureAgencyReport(report.Id, QualityAssuranceOutcome.ChangesRequested, "Say why the referral was not followed up.",
            "Weak on supervision", Chair, Now.AddDays(2));
        (sentBack.VersionNumber, sentBack.CommentsForAuthor, sentBack.PanelNotes).ShouldBe((1, "Say why the referral was not followed up.", "Weak on supervision"));
        report.Status.ShouldBe(AgencyReportStatus.ChangesRequested);

        var sections = Complete(report.Kind);
        sections["analysis"] = "The referral was not followed up because the duty team was short of two social workers.";
        var second = review.SaveAgencyReportDraft(report.Id, sections, Author, Now.AddDays(3));
        second.Number.ShouldBe(2);
        report.Status.ShouldBe(AgencyReportStatus.ChangesRequested, "still revising");
        first.TextOf("analysis").ShouldBe("What we found: Analysis of involvement.", "a submitted version stays as it was sent");
        review.SubmitAgencyReport(report.Id, "Director of Nursing", Author, Now.AddDays(4));
        report.Status.ShouldBe(AgencyReportStatus.Submitted);

        review.QualityAssureAgencyReport(report.Id, QualityAssuranceOutcome.Accepted, null, null, Chair, Now.AddDays(5));

        report.Status.ShouldBe(AgencyReportStatus.QualityAssured);
        Should.Throw<RuleViolationException>(() => review.SaveAgencyReportDraft(report.Id, sections, Author, Now.AddDays(6)))
            .Message.ShouldBe("The report has been quality-assured and cannot change.");
        Should.Throw<RuleViolationException>(() => review.QualityAssureAgencyReport(report.Id, QualityAssuranceOutcome.Accepted, null, null, Chair, Now))
            .Message.ShouldBe("The report has already been quality-assured.");
    }

    [Fact]
    public void StaffFeedback_OnlyOnceSubmitted_AndChecked()
    {
        var (review, report) = WithAuthor();
        Should.Throw<RuleViolationException>(() => review.RecordAgencyReportStaffFeedback(report.Id, new DateOnly(2026, 12, 1), "Health visitors", "We met", Author, Now));
        review.SaveAgencyReportDraft(report.Id, Complete(report.Kind), Author, Now);
        review.SubmitAgencyReport(report.Id, "Director of Nursing", Author, Now);

        review.RecordAgencyReportStaffFeedback(report.Id, new DateOnly(2026, 11, 20), " Health visitors, team manager ", "Findings shared", Author, Now)
            .Attended.ShouldBe("Health visitors, team manager");

        AgencyReportRules.CheckStaffFeedback(new DateOnly(2026, 11, 24), "", null, new DateOnly(2026, 11, 23)).Select(p => p.Field)
            .ShouldBe(["heldOn", "attended", "notes"]);
    }

    [Fact]
    public void CheckRequest_NamesEveryProblem()
    {
        AgencyReportRules.CheckRequest([], AgencyReportsRequirement.NotRequired, new DateOnly(2026, 11, 22), new string('x', 4001), new DateOnly(2026, 11, 23))
            .Select(p => p.Field).ShouldBe(["agencyIds", "kind", "dueOn", "note"]);
        AgencyReportRules.CheckRequest([Health], AgencyReportsRequirement.ManagementReviews, new DateOnly(2026, 11, 23), null, new DateOnly(2026, 11, 23))
            .ShouldBeEmpty();
    }

    [Fact]
    public void CheckSections_RefusesKeysNotOnTheTemplate()
    {
        AgencyReportRules.CheckSections(new Dictionary<string, string?> { ["analysis"] = "ok", ["gossip"] = "no" })
            .ShouldHaveSingleItem().ShouldBe(new RuleProblem("sections.gossip", "'gossip' is not a section of the agency report template"));
    }

    private static Principal ForAgency(Review review, Guid agencyId, Guid userId, Role role = Role.AgencyReviewAuthor) =>
        new(userId, "x", [new Grant(role, agencyId, OrganisationKind.Agency, [review.BoardId])]);

    private static ReviewAccess AccessOf(Principal principal, Review review) => ReviewAccessRules.For(principal, ReviewAccessFacts.Of(review));

    [Fact]
    public void Access_AnAgencySeesOnlyItsOwnReport_AndItsDrafts_TheBoardOnlyWhatWasSubmitted()
    {
        var (review, health) = WithAuthor();
        var police = review.RequestAgencyReports([Police], AgencyReportsRequirement.ManagementReviews, Due, null, Officer, Now)[0];
        var author = ForAgency(review, Health, Author);
        var policeLead = ForAgency(review, Police, Guid.NewGuid(), Role.AgencyLead);
        var officer = new Principal(Officer, "o", [new Grant(Role.BusinessUnitOfficer, review.BoardId, OrganisationKind.Board, [review.BoardId])]);

        ReviewAccessRules.MaySeeAgencyReport(author, AccessOf(author, review), review, health).ShouldBeTrue();
        ReviewAccessRules.MaySeeAgencyReport(author, AccessOf(author, review), review, police).ShouldBeFalse();
        ReviewAccessRules.MaySeeAgencyReport(policeLead, AccessOf(policeLead, review), review, health).ShouldBeFalse();
        ReviewAccessRules.MaySeeAgencyReport(officer, AccessOf(officer, review), review, police).ShouldBeTrue();
        ReviewAccessRules.MaySeeAgencyReportDrafts(author, review, health).ShouldBeTrue();
        ReviewAccessRules.MaySeeAgencyReportDrafts(officer, review, health).ShouldBeFalse();
        ReviewAccessRules.MaySeeReviewTeamNotes(AccessOf(author, review)).ShouldBeFalse();
        ReviewAccessRules.MaySeeReviewTeamNotes(AccessOf(officer, review)).ShouldBeTrue();

        ReviewAccessRules.MayWriteAgencyReport(author, review, health).ShouldBeTrue();
        ReviewAccessRules.MayWriteAgencyReport(officer, review, health).ShouldBeFalse("the author writes; the business unit does not");
        ReviewAccessRules.MayNameAgencyReportAuthor(policeLead, review, police).ShouldBeTrue();
        ReviewAccessRules.MayNameAgencyReportAuthor(policeLead, review, health).ShouldBeFalse();
        ReviewAccessRules.MayNameAgencyReportAuthor(officer, review, police).ShouldBeTrue();
        ReviewAccessRules.MayQualityAssureAgencyReport(officer, review, health).ShouldBeFalse("nothing submitted yet");

        review.SaveAgencyReportDraft(health.Id, Complete(health.Kind), Author, Now);
        review.SubmitAgencyReport(health.Id, "Director of Nursing", Author, Now);

        ReviewAccessRules.MayQualityAssureAgencyReport(officer, review, health).ShouldBeTrue();
        ReviewAccessRules.MayQualityAssureAgencyReport(new Principal(Chair, "c", [new Grant(Role.BoardChair, review.BoardId, OrganisationKind.Board, [review.BoardId])]), review, health).ShouldBeTrue();
        ReviewAccessRules.MayQualityAssureAgencyReport(new Principal(Guid.NewGuid(), "s", [new Grant(Role.SubGroupMember, review.BoardId, OrganisationKind.Board, [review.BoardId])]), review, health).ShouldBeFalse();
        ReviewAccessRules.MayQualityAssureAgencyReport(author, review, health).ShouldBeFalse();
        ReviewAccessRules.MayWriteAgencyReport(author, review, health).ShouldBeFalse("with the review team");
        ReviewAccessRules.MayRecordStaffFeedback(author, review, health).ShouldBeTrue();
        ReviewAccessRules.MayRecordStaffFeedback(officer, review, health).ShouldBeFalse();
    }
}
