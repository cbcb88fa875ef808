using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Tests.Rules.Timescales;

namespace Scr.Core.Tests.Rules;

/// <summary>
/// Interviews (shared for agreement, agreed records frozen, refused while a constraint holds interviews back), staff
/// support meetings (start and end per agency, seed 003 §6.5), the family (reasons when not involving), and who sees what.
/// </summary>
public class PeopleRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid Reviewer = Guid.NewGuid();
    private static readonly Guid Interviewee = Guid.NewGuid();

    private static Review Case()
    {
        var review = MilestonesTests.Decided(Now.AddDays(-10));
        review.AddToTeam(Reviewer, TeamRole.LeadReviewer, Guid.NewGuid(), Now.AddDays(-9));
        return review;
    }

    private static InterviewInput Input(DateOnly? heldOn = null, string? record = "What happened on the visit.") =>
        new("nurse@example.org", "Sam Nurse", "Health visitor", "Community health", [Reviewer], heldOn ?? Today.AddDays(-1), record);

    private static PractitionerInterview Interview(Review review, string? record = "What happened on the visit.")
    {
        var (details, problems) = PeopleRules.CheckInterview(Input(record: record), Interviewee, review);
        problems.ShouldBeEmpty();
        return review.AddInterview(details!, record, Reviewer, Now);
    }

    [Fact]
    public void Interview_SharedAgreed_IsFrozenWithItsVersion()
    {
        var review = Case();
        var interview = Interview(review);

        var version = review.ShareInterview(interview.Id, Reviewer, Now);
        review.AgreeInterview(interview.Id, Interviewee, Now.AddDays(1));

        version.Number.ShouldBe(1);
        version.Text.ShouldBe("What happened on the visit.");
        version.Agreed.ShouldBe(true);
        interview.Status.ShouldBe(InterviewStatus.Agreed);
        Should.Throw<RuleViolationException>(() => review.ChangeInterview(interview.Id, PeopleRules.CheckInterview(Input(), Interviewee, review).Details!,
            "Rewritten", Reviewer, Now)).Message.ShouldBe("The interviewee agreed this record: it cannot change.");
        Should.Throw<RuleViolationException>(() => review.ShareInterview(interview.Id, Reviewer, Now));
        Should.Throw<RuleViolationException>(() => review.AgreeInterview(interview.Id, Interviewee, Now)).Message.ShouldBe("You have already agreed this record.");
        interview.Record.ShouldBe("What happened on the visit.");
    }

    [Fact]
    public void Interview_ChangesRequested_RevisedAndSharedAgain_KeepsBothVersions()
    {
        var review = Case();
        var interview = Interview(review);
        review.ShareInterview(interview.Id, Reviewer, Now);

        Should.Throw<RuleViolationException>(() => review.ChangeInterview(interview.Id, PeopleRules.CheckInterview(Input(), Interviewee, review).Details!,
            "x", Reviewer, Now)).Message.ShouldContain("with the interviewee");
        Should.Throw<RuleViolationException>(() => review.RequestInterviewChanges(interview.Id, " ", Interviewee, Now)).Problems.Single().Field.ShouldBe("comments");
        review.RequestInterviewChanges(interview.Id, " The visit was on a Tuesday. ", Interviewee, Now.AddDays(1));
        interview.Status.ShouldBe(InterviewStatus.ChangesRequested);
        review.ChangeInterview(interview.Id, PeopleRules.CheckInterview(Input(), Interviewee, review).Details!, "The Tuesday visit.", Reviewer, Now.AddDays(2));
        review.ShareInterview(interview.Id, Reviewer, Now.AddDays(2));

        interview.Versions.Select(v => (v.Number, v.Text, v.Agreed, v.Comments)).ShouldBe([
            (1, "What happened on the visit.", (bool?)false, "The visit was on a Tuesday."),
            (2, "The Tuesday visit.", null, null),
        ]);
        interview.Status.ShouldBe(InterviewStatus.SharedForAgreement);
    }

    [Fact]
    public void Interview_Share_WithoutRecord_Refused()
    {
        var review = Case();
        var interview = Interview(review, record: " ");

        Should.Throw<RuleViolationException>(() => review.ShareInterview(interview.Id, Reviewer, Now)).Problems.Single().Field.ShouldBe("record");
        Should.Throw<RuleViolationException>(() => review.AgreeInterview(interview.Id, Interviewee, Now)).Message.ShouldBe("The record is not waiting for your answer.");
    }

    [Fact]
    public void CheckInterview_MissingAndUnknown_EachFieldNamed()
    {
        var review = Case();

        var (_, problems) = PeopleRules.CheckInterview(new InterviewInput("nobody@example.org", " ", null, null, [Guid.NewGuid()], null, null), null, review);

        problems.Select(p => p.Field).ShouldBe(["intervieweeEmail", "intervieweeName", "interviewerIds"]);
        problems[0].Message.ShouldBe("Enter the email address of a person with an account on the service");
    }

    [Fact]
    public void CheckInterview_DateWhileATrialHoldsInterviewsBack_Refused_AfterItLifts_Accepted()
    {
        var review = Case();
        var trial = review.AddParallelProcess(new ParallelProcessDetails(ParallelProcessKind.CriminalProceedings, "Crown Court trial", null,
            Today.AddDays(30), null, null, null, null, null), Reviewer, Now);
        review.AddConstraint(trial.Id, new ConstraintDetails(ConstrainedActivity.Interviews, "No interviews of witnesses before the trial ends", null,
            ConstraintEnd.Date, Today.AddDays(30)), Reviewer, Now);

        var (_, during) = PeopleRules.CheckInterview(Input(Today.AddDays(5)), Interviewee, review);
        var (after, afterProblems) = PeopleRules.CheckInterview(Input(Today.AddDays(31)), Interviewee, review);

        during.Single().Field.ShouldBe("heldOn");
        during.Single().Message.ShouldContain("No interviews of witnesses before the trial ends");
        afterProblems.ShouldBeEmpty();
        after!.HeldOn.ShouldBe(Today.AddDays(31));
        after.ConstraintClearance.ShouldBeNull();

        var (cleared, clearedProblems) = PeopleRules.CheckInterview(
            Input(Today.AddDays(5)) with { ConstraintClearance = "The CPS lawyer agreed the health visitor is not a witness" }, Interviewee, review);
        clearedProblems.ShouldBeEmpty("who agreed it may go ahead is recorded");
        cleared!.ConstraintClearance.ShouldBe("The CPS lawyer agreed the health visitor is not a witness");
        PeopleRules.InterviewConstraints(review.ParallelProcesses, Today).Count.ShouldBe(1);
    }

    [Fact]
    public void StaffSupport_ReportsEachAgencyMissingAStartOrEndMeeting()
    {
        var review = Case();
        var agency = review.Agencies[0].AgencyId;
        PeopleRules.StaffSupport(review).Single().ShouldSatisfyAllConditions(s => s.HasStart.ShouldBeFalse(), s => s.HasEnd.ShouldBeFalse(),
            s => s.IsMissingAny.ShouldBeTrue());

        review.AddStaffSupportMeeting(PeopleRules.CheckMeeting(new SupportMeetingInput(agency, Today, SupportMeetingKind.Start, "Staff", null), review, Today)
            .Details!, Reviewer, Now);
        PeopleRules.StaffSupport(review).Single().ShouldSatisfyAllConditions(s => s.HasStart.ShouldBeTrue(), s => s.HasEnd.ShouldBeFalse());

        review.AddStaffSupportMeeting(new SupportMeetingDetails(agency, Today, SupportMeetingKind.End, null, null), Reviewer, Now);
        var done = PeopleRules.StaffSupport(review).Single();
        (done.Meetings, done.IsMissingAny).ShouldBe((2, false));
    }

    [Fact]
    public void CheckMeeting_AgencyNotInvolved_FutureDate_NoKind_Refused()
    {
        var review = Case();

        var (_, problems) = PeopleRules.CheckMeeting(new SupportMeetingInput(Guid.NewGuid(), Today.AddDays(1), null, null, null), review, Today);

        problems.Select(p => p.Field).ShouldBe(["agencyId", "heldOn", "kind"]);
    }

    [Fact]
    public void CheckFamilyMember_NotInvolvedWithoutReasons_Refused_WithReasons_NotInvitedAndReasonsKept()
    {
        var review = Case();
        var input = new FamilyMemberInput("Alex Doe", "Father", true, FamilyConsent.NotAsked, null, null, null, null, null, true, " ");

        PeopleRules.CheckFamilyMember(input, review, Today).Problems.Single().ShouldBe(new RuleProblem("notInvolvedReasons", "Give the reasons for not involving them"));

        var (details, problems) = PeopleRules.CheckFamilyMember(input with { NotInvolvedReasons = "Subject of the police investigation" }, review, Today);
        problems.ShouldBeEmpty();
        var member = review.AddFamilyMember(details!, Reviewer, Now);
        (member.NotInvolved, member.Invited, member.NotInvolvedReasons).ShouldBe((true, false, "Subject of the police investigation"));
    }

    [Fact]
    public void CheckFamilyMember_MissingNameRelationship_MeetsWithSomeoneOffTheTeam_Refused()
    {
        var review = Case();

        var (_, problems) = PeopleRules.CheckFamilyMember(new FamilyMemberInput("", null, null, null, null, Guid.NewGuid(), null, null, null, false, null),
            review, Today);

        problems.Select(p => p.Field).ShouldBe(["name", "relationship", "invited", "metById"]);
    }

    [Fact]
    public void CheckContact_FutureOrWithoutSummary_Refused_ByDefaultsToTheRecorder()
    {
        var review = Case();

        PeopleRules.CheckContact(new FamilyContactInput(Today.AddDays(1), null, null, ""), review, Reviewer, Today).Problems.Select(p => p.Field)
            .ShouldBe(["on", "method", "summary"]);
        var (details, _) = PeopleRules.CheckContact(new FamilyContactInput(Today, null, FamilyContactMethod.Phone, "Arranged a visit"), review, Reviewer, Today);
        details!.ById.ShouldBe(Reviewer);
    }

    [Fact]
    public void Access_IntervieweeSeesOnlyTheirOwnInterview_AgencyNone_ContactDetailsForBusinessUnitAndWhoMeetsThem()
    {
        var review = Case();
        var interview = Interview(review);
        var agency = review.Agencies[0].AgencyId;
        var author = new Principal(Interviewee, "author", [new Grant(Role.AgencyReviewAuthor, agency, OrganisationKind.Agency, [review.BoardId])]);
        var other = new Principal(Guid.NewGuid(), "other", [new Grant(Role.AgencyReviewAuthor, agency, OrganisationKind.Agency, [review.BoardId])]);
        var stranger = new Principal(Interviewee, "stranger", []);
        var officer = new Principal(Guid.NewGuid(), "bu", [new Grant(Role.BusinessUnitOfficer, review.BoardId, OrganisationKind.Board, [review.BoardId])]);
        var chair = new Principal(Guid.NewGuid(), "chair", [new Grant(Role.BoardChair, review.BoardId, OrganisationKind.Board, [review.BoardId])]);
        var lead = new Principal(Reviewer, "lead", []);
        var access = (Principal p) => ReviewAccessRules.For(p, ReviewAccessFacts.Of(review));

        ReviewAccessRules.MaySeeInterview(stranger, access(stranger), interview).ShouldBeTrue("the interviewee, with no access to the case");
        ReviewAccessRules.MaySeePeople(access(stranger)).ShouldBeFalse();
        ReviewAccessRules.MayAnswerInterview(stranger, interview).ShouldBeTrue();
        ReviewAccessRules.MaySeeInterview(other, access(other), interview).ShouldBeFalse("an agency author reads no interview but their own");
        ReviewAccessRules.MaySeeInterview(author, access(author), interview).ShouldBeTrue();
        ReviewAccessRules.MayAnswerInterview(lead, interview).ShouldBeFalse("only the interviewee agrees the record");
        ReviewAccessRules.MaySeeStaffSupport(other, access(other), review, agency).ShouldBeTrue();
        ReviewAccessRules.MaySeeStaffSupport(other, access(other), review, Guid.NewGuid()).ShouldBeFalse();
        ReviewAccessRules.MayRecordPeople(officer, review).ShouldBeTrue();
        ReviewAccessRules.MayRecordPeople(lead, review).ShouldBeTrue();
        ReviewAccessRules.MayRecordPeople(chair, review).ShouldBeFalse();
        ReviewAccessRules.MayRecordPeople(other, review).ShouldBeFalse();

        var member = review.AddFamilyMember(new FamilyMemberDetails("Jo Doe", "Mother", true, FamilyConsent.Given, Today, null, null, null, null, false, null),
            Reviewer, Now);
        ReviewAccessRules.MaySeeFamilyContactDetails(officer, review, member).ShouldBeTrue();
        ReviewAccessRules.MaySeeFamilyContactDetails(lead, review, member).ShouldBeFalse("the lead reviewer does not meet her");
        ReviewAccessRules.MaySeeFamilyContactDetails(chair, review, member).ShouldBeFalse();
        review.ChangeFamilyMember(member.Id, new FamilyMemberDetails("Jo Doe", "Mother", true, FamilyConsent.Given, Today, Reviewer, null, null, null, false, null),
            Reviewer, Now);
        ReviewAccessRules.MaySeeFamilyContactDetails(lead, review, member).ShouldBeTrue("the team member who meets her");
    }
}
