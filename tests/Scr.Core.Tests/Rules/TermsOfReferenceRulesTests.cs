using Scr.Core.Models;
using Scr.Core.Rules;

namespace Scr.Core.Tests.Rules;

/// <summary>What terms of reference must and should say: the why rule, the checks of a draft, sign-off and the warnings.</summary>
public class TermsOfReferenceRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid Northbridge = Guid.NewGuid();
    private static readonly Guid Eastmere = Guid.NewGuid();
    private static readonly Guid SocialCare = Guid.NewGuid();

    private static readonly TermsOfReferenceOptions Options = new(
        new Dictionary<Guid, string> { [Northbridge] = "Northbridge Board", [Eastmere] = "Eastmere Board" },
        new Dictionary<Guid, string> { [SocialCare] = "Northbridge Children's Social Care" });

    private static TermsOfReferenceInput Input(IReadOnlyList<string>? lines = null, DateOnly? from = null, DateOnly? to = null, Guid? lead = null,
        IReadOnlyList<Guid>? others = null, IReadOnlyList<Guid>? agencies = null, string? family = null) =>
        new(lines ?? ["Why was the referral not acted on?"], from, to, lead, others, null, agencies, null, family, null, null, null, null, null, null, null);

    [Theory]
    [InlineData("Why was the referral from school not passed to children's social care?")]
    [InlineData("why did the health visitor not see the child alone")]
    [InlineData("How far did the child protection plan weigh the risk to the younger child?")]
    [InlineData("To what extent were the mother's mental health needs understood?")]
    [InlineData("How well did agencies share information when the family moved?")]
    [InlineData("What helped or hindered professionals in hearing the child?")]
    [InlineData("What got in the way of a strategy discussion?")]
    [InlineData("Explore the reasons the case was closed after one visit.")]
    [InlineData("In what ways did the workload of the team affect the assessment?")]
    [InlineData("Consider the underlying factors in the missed appointments.")]
    public void AsksWhy_ExplanatoryLines_True(string line) => TermsOfReferenceRules.AsksWhy(line).ShouldBeTrue(line);

    [Theory]
    [InlineData("What contact did agencies have with the family?")]
    [InlineData("When was the child last seen by a professional?")]
    [InlineData("Which agencies knew of the mother's partner?")]
    [InlineData("Whether the school followed its safeguarding procedures.")]
    [InlineData("Describe the contact Mr Whyte had with the family.")]
    [InlineData("The reasonableness of the decision to close the case.")]
    [InlineData("")]
    public void AsksWhy_DescriptiveLines_False(string line) => TermsOfReferenceRules.AsksWhy(line).ShouldBeFalse(line);

    [Fact]
    public void AllAskWhat_OnlyWhenThereAreLinesAndNoneAsksWhy()
    {
        TermsOfReferenceRules.AllAskWhat([]).ShouldBeFalse("no lines: nothing to warn about yet");
        TermsOfReferenceRules.AllAskWhat(["What happened on the day?", "Who knew of the injuries?"]).ShouldBeTrue();
        TermsOfReferenceRules.AllAskWhat(["What happened on the day?", "Why was no strategy discussion held?"]).ShouldBeFalse();
    }

    [Fact]
    public void Lines_OnePerLine_BlanksAndListMarkersDropped() =>
        TermsOfReferenceRules.Lines("1. Why was it missed?\r\n\r\n  - How far did they share?\n• To what extent?\n(3) Why not?\n2026 was a hard year")
            .ShouldBe(["Why was it missed?", "How far did they share?", "To what extent?", "Why not?", "2026 was a hard year"]);

    [Fact]
    public void Check_ADraftMayBeIncomplete()
    {
        var (content, problems) = TermsOfReferenceRules.Check(Input(lines: []), Options, Today);

        problems.ShouldBeEmpty();
        content!.KeyLinesOfEnquiry.ShouldBeEmpty();
        content.LeadBoard.ShouldBeNull();
    }

    [Fact]
    public void Check_NamesBoardsAndAgenciesWithTheirNames_SortedByName()
    {
        var (content, problems) = TermsOfReferenceRules.Check(Input(lead: Northbridge, others: [Eastmere, Eastmere], agencies: [SocialCare]), Options, Today);

        problems.ShouldBeEmpty();
        content!.LeadBoard.ShouldBe(new NamedOrganisation(Northbridge, "Northbridge Board"));
        content.OtherBoards.ShouldBe([new NamedOrganisation(Eastmere, "Eastmere Board")]);
        content.Agencies.ShouldBe([new NamedOrganisation(SocialCare, "Northbridge Children's Social Care")]);
    }

    [Fact]
    public void Check_PeriodBackwardsOrInTheFuture_Refused()
    {
        var backwards = TermsOfReferenceRules.Check(Input(from: Today.AddDays(-10), to: Today.AddDays(-20)), Options, Today).Problems;
        backwards.ShouldBe([new RuleProblem("periodTo", "The end of the period under review must be on or after its start")]);

        var future = TermsOfReferenceRules.Check(Input(from: Today.AddDays(1), to: Today.AddDays(2)), Options, Today).Problems;
        future.Select(p => p.Field).ShouldBe(["periodTo", "periodFrom"]);

        TermsOfReferenceRules.Check(Input(from: Today, to: Today), Options, Today).Problems.ShouldBeEmpty("one day, today, is a period");
    }

    [Fact]
    public void Check_UnknownBoardsAndAgencies_TheLeadAmongTheOthers_TooManyLines_Refused()
    {
        var problems = TermsOfReferenceRules.Check(
            Input(lines: Enumerable.Range(1, 21).Select(i => $"Why {i}?").ToList(), lead: Guid.NewGuid(), others: [Guid.NewGuid()], agencies: [Guid.NewGuid()]),
            Options, Today).Problems;
        problems.Select(p => p.Field).ShouldBe(["keyLinesOfEnquiry", "leadBoardId", "otherBoardIds", "agencyIds"]);

        TermsOfReferenceRules.Check(Input(lead: Northbridge, others: [Northbridge]), Options, Today).Problems
            .ShouldBe([new RuleProblem("otherBoardIds", "The lead board is not also one of the other boards involved")]);
        TermsOfReferenceRules.Check(Input(lines: [new string('x', 1001)]), Options, Today).Problems.Single().Field.ShouldBe("keyLinesOfEnquiry");
        TermsOfReferenceRules.Check(Input(family: new string('x', 8001)), Options, Today).Problems.Single().Field.ShouldBe("familyContribution");
    }

    [Fact]
    public void MissingForSignOff_Empty_NamesEveryPart()
    {
        TermsOfReferenceRules.MissingForSignOff(TermsOfReferenceContent.Empty).Select(p => p.Field).ShouldBe(
            ["keyLinesOfEnquiry", "periodFrom", "periodTo", "leadBoardId", "agencyIds", "familyContribution", "timetable", "publication", "methodology",
                "agencyReports", "chronology"]);
    }

    [Fact]
    public void MissingForSignOff_Complete_Nothing_ExceptAHybridNotDescribed()
    {
        var complete = TermsOfReferenceSamples.Complete();
        TermsOfReferenceRules.MissingForSignOff(complete).ShouldBeEmpty();
        TermsOfReferenceRules.MissingForSignOff(complete with { Agencies = [], OtherAgencies = "A private nursery" }).ShouldBeEmpty();
        TermsOfReferenceRules.MissingForSignOff(complete with { ParallelProcesses = null }).ShouldBeEmpty("parallel processes are optional: there may be none");
        TermsOfReferenceRules.MissingForSignOff(complete with { Methodology = Methodology.Hybrid })
            .ShouldBe([new RuleProblem("methodologyNote", "Say which parts of which methodologies the hybrid uses")]);
        TermsOfReferenceRules.MissingForSignOff(complete with { Methodology = Methodology.Hybrid, MethodologyNote = "SILP with a case group" }).ShouldBeEmpty();
    }

    [Fact]
    public void Warnings_AllWhatQuestions_PeriodMissingTheIncident_AnotherBoardLeading()
    {
        var incident = new DateOnly(2026, 11, 1);
        var facts = new TermsOfReferenceFacts(TermsOfReferenceSamples.Board.Id, incident);
        TermsOfReferenceRules.Warnings(TermsOfReferenceSamples.Complete(incident), facts).ShouldBeEmpty();

        var warnings = TermsOfReferenceRules.Warnings(TermsOfReferenceSamples.Complete(incident) with
        {
            KeyLinesOfEnquiry = ["What contact did agencies have?", "When was the child last seen?"],
            PeriodTo = incident.AddDays(-1),
            LeadBoard = new NamedOrganisation(Guid.NewGuid(), "Eastmere Board"),
        }, facts);

        warnings.Select(w => (w.Key, w.Field)).ShouldBe([("what-questions", "keyLinesOfEnquiry"), ("period-excludes-incident", "periodFrom"),
            ("lead-board-elsewhere", "leadBoardId")]);
        warnings[0].Explanation.ShouldContain("why");
        warnings[1].Explanation.ShouldContain("1 November 2026");
        warnings[2].Explanation.ShouldContain("Eastmere Board");
        warnings[2].Explanation.ShouldContain("8.7");
    }

    [Fact]
    public void Methodologies_EveryValueOnce_WithADescriptionAndASource()
    {
        Methodologies.All.Select(m => m.Value).ShouldBe(Enum.GetValues<Methodology>());
        Methodologies.All.ShouldAllBe(m => m.Name.Length > 0 && m.Description.Length > 40 && m.Source.Length > 0);
        Methodologies.Of(Methodology.SignificantIncidentLearningProcess).Description.ShouldContain("learning event");
        Methodologies.Of(Methodology.ChildPracticeReview).Name.ShouldContain("Wales");
    }
}
