using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Reviewers;

namespace Scr.Core.Tests.Rules;

/// <summary>Matching a case to reviewers on the register: the score, every reason shown, and conflicted reviewers excluded with the reason.</summary>
public class ReviewerMatchingTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Board = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();

    private static readonly MatchCase Case = new(new CaseConflictFacts(Board, [Police]), Region.NorthEast, IncidentType.SeriousInjury,
        Methodology.LearningTogether);

    private static ReviewerTraining Course(string key, DateOnly on, string? title = null) => new(Guid.NewGuid(), key, title, on);

    private static MatchCandidate Candidate(string name = "Alex Reviewer", Region[]? regions = null, Methodology[]? methodologies = null,
        IncidentType[]? caseTypes = null, ReviewerTraining[]? training = null, int led = 5, int ledHere = 0, int load = 0, DateOnly? from = null,
        DateOnly? until = null, int capacity = 2, Affiliation[]? affiliations = null, InvolvementDeclaration[]? declarations = null,
        ConflictException[]? exceptions = null, bool onTeam = false) =>
        new(Guid.NewGuid(), Guid.NewGuid(), name, regions ?? [Region.NorthEast], methodologies ?? [Methodology.LearningTogether],
            caseTypes ?? [IncidentType.SeriousInjury], training ?? [], led, ledHere, load, from, until, capacity, affiliations ?? [], declarations ?? [],
            exceptions ?? [], onTeam);

    private static MatchReason Reason(ReviewerMatch match, MatchFactor factor) => match.Reasons.Single(r => r.Factor == factor);

    [Fact]
    public void Score_EverythingFits_FullMarksWithEachReasonShown()
    {
        var match = ReviewerMatching.Score(Case, Candidate(training: [Course("scie-learning-together-accreditation", new DateOnly(2021, 6, 18))]), Today);

        match.Excluded.ShouldBeFalse();
        match.Score.ShouldBe(ReviewerMatching.MaxScore);
        match.Reasons.Select(r => (r.Factor, r.Outcome, r.Text)).ShouldBe(
        [
            (MatchFactor.Methodology, MatchOutcome.Met,
                "Uses SCIE Learning Together (systems model) and is accredited in it (SCIE Learning Together: accredited reviewer, 18 June 2021)"),
            (MatchFactor.CaseType, MatchOutcome.Met, "Has reviewed cases of this kind: serious injury"),
            (MatchFactor.Experience, MatchOutcome.Met, "Experienced: has led 5 reviews"),
            (MatchFactor.Area, MatchOutcome.Met, "Works in the board's region: North East"),
            (MatchFactor.Availability, MatchOutcome.Met, "Available now: leading 0 reviews, can lead 2 at once"),
        ]);
    }

    [Fact]
    public void Methodology_TasterTrainingScoresBelowAccreditation_AndNotListedScoresNothing()
    {
        var taster = ReviewerMatching.Score(Case, Candidate(training: [Course("taster-learning-together", new DateOnly(2013, 7, 4))]), Today);
        Reason(taster, MatchFactor.Methodology).Points.ShouldBe(ReviewerMatching.MethodologyListed + ReviewerMatching.MethodologyTrained);
        Reason(taster, MatchFactor.Methodology).Text.ShouldBe(
            "Uses SCIE Learning Together (systems model) and trained in it (Taster workshop: SCIE Learning Together, 4 July 2013)");

        var listed = ReviewerMatching.Score(Case, Candidate(), Today);
        Reason(listed, MatchFactor.Methodology).Points.ShouldBe(ReviewerMatching.MethodologyListed);

        var other = ReviewerMatching.Score(Case, Candidate(methodologies: [Methodology.SignificantIncidentLearningProcess]), Today);
        Reason(other, MatchFactor.Methodology).ShouldBe(new MatchReason(MatchFactor.Methodology, MatchOutcome.NotMet, 0,
            "Does not use SCIE Learning Together (systems model)"));

        var trainedOnly = ReviewerMatching.Score(Case, Candidate(methodologies: [Methodology.RootCauseAnalysis],
            training: [Course("taster-learning-together", new DateOnly(2013, 7, 4))]), Today);
        Reason(trainedOnly, MatchFactor.Methodology).Outcome.ShouldBe(MatchOutcome.NotMet);
        Reason(trainedOnly, MatchFactor.Methodology).Text.ShouldContain("does not list it");
    }

    [Fact]
    public void Methodology_NotChosenYet_NotWeighed()
    {
        var match = ReviewerMatching.Score(Case with { Methodology = null }, Candidate(), Today);
        Reason(match, MatchFactor.Methodology).ShouldBe(new MatchReason(MatchFactor.Methodology, MatchOutcome.NotWeighed, 0,
            "No methodology chosen for the case yet"));
    }

    [Theory]
    [InlineData(0, 0, MatchOutcome.NotMet, 0, "New reviewer: has not led a review yet (consider pairing with a mentor)")]
    [InlineData(1, 0, MatchOutcome.Met, 1, "Has led 1 review")]
    [InlineData(1, 1, MatchOutcome.Met, 1, "Has led 2 reviews")]
    [InlineData(2, 1, MatchOutcome.Met, 2, "Experienced: has led 3 reviews")]
    public void Experience_CountsReviewsLedHereAndElsewhere(int led, int ledHere, MatchOutcome outcome, int points, string text) =>
        Reason(ReviewerMatching.Score(Case, Candidate(led: led, ledHere: ledHere), Today), MatchFactor.Experience)
            .ShouldBe(new MatchReason(MatchFactor.Experience, outcome, points, text));

    [Fact]
    public void CaseTypeAndArea_NotListed_NotMetWithTheReason()
    {
        var match = ReviewerMatching.Score(Case, Candidate(regions: [Region.SouthWest], caseTypes: [IncidentType.Death]), Today);
        Reason(match, MatchFactor.CaseType).Text.ShouldBe("Has not listed cases of this kind: serious injury");
        Reason(match, MatchFactor.Area).Text.ShouldBe("Does not work in the board's region: North East");
        match.Score.ShouldBe(ReviewerMatching.MaxScore - ReviewerMatching.MethodologyAccredited - ReviewerMatching.CaseTypePoints - ReviewerMatching.AreaPoints);
    }

    [Theory]
    [InlineData(30, null, 2, 0, "Not available until 23 December 2026")]
    [InlineData(null, -1, 2, 0, "Not available since 22 November 2026")]
    [InlineData(null, null, 0, 0, "Not taking on reviews at present")]
    [InlineData(null, null, 2, 2, "No capacity: leading 2 reviews, can lead 2 at once")]
    public void Availability_Unavailable_NotMetWithTheReason(int? fromDays, int? untilDays, int capacity, int load, string text)
    {
        var match = ReviewerMatching.Score(Case, Candidate(from: fromDays is { } f ? Today.AddDays(f) : null, until: untilDays is { } u ? Today.AddDays(u) : null,
            capacity: capacity, load: load), Today);
        Reason(match, MatchFactor.Availability).ShouldBe(new MatchReason(MatchFactor.Availability, MatchOutcome.NotMet, 0, text));
        match.Excluded.ShouldBeFalse("unavailability lowers the score; only a conflict excludes");
    }

    [Fact]
    public void Availability_WithAnEndDate_SaysUntilWhen() =>
        Reason(ReviewerMatching.Score(Case, Candidate(until: Today.AddDays(40), load: 1), Today), MatchFactor.Availability).Text
            .ShouldBe("Available now until 2 January 2027: leading 1 review, can lead 2 at once");

    [Fact]
    public void Score_WorkedForAnInvolvedAgency_ExcludedWithTheReason()
    {
        var match = ReviewerMatching.Score(Case, Candidate(affiliations: [new(Police, "Moorland Police", AffiliationSource.Register, new DateOnly(2024, 3, 31))]),
            Today);

        match.Excluded.ShouldBeTrue();
        match.Conflicts.Select(c => c.Text).ShouldBe(["Worked for Moorland Police, an agency involved in the case, until 31 March 2024"]);
        match.Score.ShouldBe(ReviewerMatching.MaxScore - ReviewerMatching.MethodologyAccredited, "the fit is still shown");
    }

    [Fact]
    public void Score_DeclaredInvolvementOnTheCase_Excluded()
    {
        var person = Guid.NewGuid();
        var match = ReviewerMatching.Score(Case, Candidate(declarations:
            [new InvolvementDeclaration(person, InvolvementKind.InvolvedInCase, "Assessed the family in 2025", Guid.NewGuid(), Now)]), Today);
        match.Excluded.ShouldBeTrue();
        match.Conflicts.Single().Kind.ShouldBe(ConflictKind.DeclaredInvolvement);
    }

    [Fact]
    public void Score_ConflictUnderTheChairsException_AppointableWithTheExceptionShown()
    {
        var exception = new ConflictException(Guid.NewGuid(), "Left the force in 2019; never worked with the family", "Worked for Moorland Police",
            Guid.NewGuid(), Now);
        var match = ReviewerMatching.Score(Case, Candidate(affiliations: [new(Police, "Moorland Police", AffiliationSource.Register, new DateOnly(2019, 1, 31))],
            exceptions: [exception]), Today);
        match.Excluded.ShouldBeFalse();
        match.Conflicts.ShouldBeEmpty();
        match.ExceptionReason.ShouldBe("Left the force in 2019; never worked with the family");
    }

    [Fact]
    public void Score_AlreadyOnTheTeam_ExcludedWithoutAConflict()
    {
        var match = ReviewerMatching.Score(Case, Candidate(onTeam: true), Today);
        match.Excluded.ShouldBeTrue();
        match.Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public void Rank_AppointableByScoreThenName_ExcludedLast()
    {
        var ranked = ReviewerMatching.Rank(Case,
        [
            Candidate("Zed Strong", training: [Course("scie-learning-together-accreditation", new DateOnly(2020, 1, 1))]),
            Candidate("Conflicted Best", training: [Course("scie-learning-together-accreditation", new DateOnly(2020, 1, 1))],
                affiliations: [new(Board, "Northbridge Safeguarding Children Board", AffiliationSource.Account)]),
            Candidate("Beth Weaker", regions: [Region.London]),
            Candidate("Amy Weaker", regions: [Region.London]),
        ], Today);
        ranked.Select(m => m.Candidate.Name).ShouldBe(["Zed Strong", "Amy Weaker", "Beth Weaker", "Conflicted Best"]);
        ranked[^1].Conflicts.Single().Kind.ShouldBe(ConflictKind.ReviewingBoard);
    }
}
