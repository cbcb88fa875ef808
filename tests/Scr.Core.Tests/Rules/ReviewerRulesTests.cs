using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Reviewers;

namespace Scr.Core.Tests.Rules;

/// <summary>The register's rules: a profile, its training and affiliations, and mentoring pairs (seed 004).</summary>
public class ReviewerRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static ReviewerDetails Details(Region[]? regions = null, Methodology[]? methodologies = null, int? led = 2, int? capacity = 1,
        DateOnly? from = null, DateOnly? until = null, string? background = "Former head of service") =>
        new(background, regions ?? [Region.NorthEast], methodologies ?? [Methodology.LearningTogether], [IncidentType.Death], led, from, until, capacity);

    [Fact]
    public void Check_Complete_NoProblems() => ReviewerRules.Check(Details()).ShouldBeEmpty();

    [Fact]
    public void Check_Empty_NamesEveryFieldToFill() =>
        ReviewerRules.Check(Details(regions: [Region.NotKnown], methodologies: [], led: null, capacity: null)).Select(p => p.Field)
            .ShouldBe(["regions", "methodologies", "reviewsLed", "capacity"]);

    [Fact]
    public void Check_OutOfRange_Refused()
    {
        ReviewerRules.Check(Details(led: -1, capacity: 11, from: Today, until: Today.AddDays(-1), background: new string('x', 2001)))
            .Select(p => p.Field).ShouldBe(["background", "reviewsLed", "capacity", "availableUntil"]);
    }

    [Fact]
    public void Profile_Update_KeepsDistinctSortedValuesWithoutNotKnown()
    {
        var profile = ReviewerProfile.Create(Guid.NewGuid(), Details(regions: [Region.YorkshireHumber, Region.NotKnown, Region.NorthEast, Region.NorthEast],
            methodologies: [Methodology.Hybrid, Methodology.LearningTogether]), Now);
        profile.Regions.ShouldBe([Region.NorthEast, Region.YorkshireHumber]);
        profile.Methodologies.ShouldBe([Methodology.LearningTogether, Methodology.Hybrid]);
        profile.Capacity.ShouldBe(1);
        Should.Throw<RuleViolationException>(() => profile.Update(Details(methodologies: []), Now));
    }

    [Fact]
    public void Training_FromTheCatalogueOrNamed_CompletedInThePast()
    {
        ReviewerRules.CheckTraining("taster-silp", null, Today, Today).ShouldBeEmpty();
        ReviewerRules.CheckTraining("nonsense", null, Today, Today).Single().Field.ShouldBe("courseKey");
        ReviewerRules.CheckTraining("other", " ", Today, Today).Single().Message.ShouldBe("Enter the name of the course");
        ReviewerRules.CheckTraining("taster-silp", null, Today.AddDays(1), Today).Single().Field.ShouldBe("completedOn");
        ReviewerRules.CheckTraining("taster-silp", null, null, Today).Single().Message.ShouldBe("Enter the date you completed the course");

        var profile = ReviewerProfile.Create(Guid.NewGuid(), Details(), Now);
        profile.AddTraining("other", "Systems thinking short course", new DateOnly(2019, 5, 9), Today, Now).Name.ShouldBe("Systems thinking short course");
        profile.AddTraining("taster-silp", "ignored", new DateOnly(2013, 10, 3), Today, Now).Name
            .ShouldBe("Taster workshop: Significant Incident Learning Process (SILP)");
        profile.Training[1].Title.ShouldBeNull();
    }

    [Fact]
    public void TrainingCatalogue_CoversTheProgrammeOfSeed004AndTheAccreditation()
    {
        TrainingCatalogue.All.Select(c => c.Key).ShouldBeUnique();
        TrainingCatalogue.All.Where(c => c.Level == TrainingLevel.Taster).Select(c => c.Methodology).ShouldBe(
            [Methodology.LearningTogether, Methodology.SignificantIncidentLearningProcess, Methodology.AppreciativeInquiry, Methodology.RootCauseAnalysis,
                Methodology.ChildPracticeReview]);
        TrainingCatalogue.All.Single(c => c.Level == TrainingLevel.Accreditation).Methodology.ShouldBe(Methodology.LearningTogether);
        TrainingCatalogue.Find("other").ShouldBe(TrainingCatalogue.Other);
    }

    [Fact]
    public void Affiliation_AnOrganisationInTheServiceOrNamed_LeftInThePast()
    {
        ReviewerRules.CheckAffiliation(null, null, null, null, Today).Single().Field.ShouldBe("organisationId");
        ReviewerRules.CheckAffiliation(null, "Fellside County Council", "Director", Today.AddDays(-1), Today).ShouldBeEmpty();
        ReviewerRules.CheckAffiliation(Guid.NewGuid(), "Moorland Police", null, Today.AddDays(1), Today).Single().Field.ShouldBe("until");
    }

    [Theory]
    [InlineData(null, 1, 3, 2, "mentorId", "menteeId")]
    [InlineData(1, 1, 5, 0, "menteeId")]
    [InlineData(1, 2, 2, 0, "mentorId")]
    [InlineData(1, 2, 5, 3, "menteeId")]
    public void CheckPair_Refusals(int? mentor, int mentee, int mentorLed, int menteeLed, params string[] fields)
    {
        Guid? Id(int? n) => n is null ? null : new Guid(n.Value, 0, 0, new byte[8]);
        var menteeId = mentor is null ? (Guid?)null : Id(mentee);
        ReviewerRules.CheckPair(Id(mentor), mentorLed, menteeId, menteeLed, false, null).Select(p => p.Field).ShouldBe(fields);
    }

    [Fact]
    public void CheckPair_Good_UnlessAlreadyPairedOrTheCaseIsNotTheMentors()
    {
        var mentor = Guid.NewGuid();
        var mentee = Guid.NewGuid();
        ReviewerRules.CheckPair(mentor, 6, mentee, 0, false, "Shadowing").ShouldBeEmpty();
        ReviewerRules.CheckPair(mentor, 6, mentee, 0, true, null).Single().Message.ShouldBe("These reviewers are already paired");
        ReviewerRules.CheckPair(mentor, 6, mentee, 0, false, null, shadowCaseLedByMentor: false).Single().Field.ShouldBe("shadowReviewId");
        ReviewerRules.CheckPair(mentor, 6, mentee, 0, false, null, shadowCaseLedByMentor: true).ShouldBeEmpty();
    }

    [Fact]
    public void IsAvailable_WithinTheDatesAndBelowCapacity()
    {
        ReviewerRules.IsAvailable(null, null, 2, 1, Today).ShouldBeTrue();
        ReviewerRules.IsAvailable(Today, Today, 1, 0, Today).ShouldBeTrue();
        ReviewerRules.IsAvailable(Today.AddDays(1), null, 2, 0, Today).ShouldBeFalse();
        ReviewerRules.IsAvailable(null, null, 2, 2, Today).ShouldBeFalse();
    }

    [Fact]
    public void MentoringPair_End_OnceOnly()
    {
        var pair = new MentoringPair(Guid.NewGuid(), Guid.NewGuid(), null, " ", Today, Guid.NewGuid(), Now);
        pair.Note.ShouldBeNull();
        pair.IsActive.ShouldBeTrue();
        pair.End(Today.AddDays(-5));
        pair.EndedOn.ShouldBe(Today);
        Should.Throw<RuleViolationException>(() => pair.End(Today));
    }
}
