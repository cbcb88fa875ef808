using System.Text;
using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules.Analysis;
using static Scr.Core.Tests.Rules.Analysis.TestReviews;

namespace Scr.Core.Tests.Rules.Analysis;

/// <summary>Every table of shared/analysis-tables.md on small hand-made sets of reviews whose answers are known.</summary>
public class CrossCaseAnalysisTests
{
    // The row keys of each table as shared/analysis-tables.md lists them (years: only not-known when there are no reviews).
    private static readonly string[] EthnicityKeys = ["white-british", "white-other", "mixed", "black", "asian", "other", "not-known"];

    private static readonly (string Id, string[] Keys)[] SpecTables =
    [
        ("children-age", ["under-1", "1-2", "3-4", "5-10", "11-14", "15", "16-17", "not-known", "11-plus"]),
        ("infants-age", ["0-2m", "3-5m", "6-11m"]),
        ("children-sex", ["male", "female", "not-known"]),
        ("children-ethnicity", EthnicityKeys),
        ("parents-ethnicity", EthnicityKeys),
        ("children-disability", ["yes", "no", "not-known"]),
        ("harm", ["death", "serious-injury", "suicide", "sexual-abuse", "other", "not-known"]),
        ("child-protection-plan", ["yes", "no", "previously", "not-known"]),
        ("legal-status", ["interim-care-order", "care-order", "s20-accommodation", "adopted", "none", "other", "not-known"]),
        ("region", ["london", "north-west", "north-east", "west-midlands", "east-midlands", "yorkshire-humber", "central", "south-west",
            "south-east", "eastern", "not-known"]),
        ("incident-year", ["not-known"]),
        ("report-year", ["not-known"]),
        ("time-to-completion", ["0-6m", "6-12m", "12-18m", "18m-plus", "not-known"]),
        ("author-status", ["independent", "internal", "not-known"]),
        ("report-length", ["0-30", "31-50", "51-75", "76-100", "101-plus", "not-known"]),
        ("outline-compliance", ["circumstances", "termsOfReference", "contributors", "familyContributed", "genogram", "integratedChronology",
            "knownInformationSummary", "howAndWhyAnalysis", "alternativeCourseConsidered", "goodPractice", "lessonsSummary",
            "recommendationsBeyondAgencyReports", "recommendationsFewAndSpecific", "nationalLessons", "actionPlanWhoWhatWhen",
            "actionPlanOutcomes", "actionPlanReviewOfOutcomes"]),
        ("recommendation-count", ["0-10", "11-20", "21-40", "41-60", "61-80", "81-plus", "not-known"]),
        ("recommendation-focus", ["existing-procedures", "new-procedures", "communication", "training", "assessment", "management",
            "risk-assessment", "supervision", "roles", "decision-making", "direct-work", "new-staff", "knowledge-skills", "other", "not-known"]),
        ("action-count", ["none", "1-10", "11-20", "21-40", "41-60", "61-80", "81-plus", "not-known"]),
        ("action-plan", ["partOfOverviewReport", "singlePlanForAllAgencies", "linkedToRecommendations", "leadOfficerNamed", "completionDatesSet", "costed"]),
        ("themes", ["neglect", "domestic-violence", "parental-substance-misuse", "parental-mental-ill-health", "disability", "sexual-abuse",
            "physical-abuse", "emotional-abuse", "exploitation", "transition", "other"]),
        ("panel-decisions", ["initiated", "not-initiated", "agreed", "challenged", "became-review", "accepted-after-information", "awaiting-information"]),
        ("panel-publication", ["received-before-publication", "not-publish", "accepted", "reconsidering", "published-after-advice", "published"]),
        ("boards-not-in-touch", ["not-in-touch", "in-touch"]),
    ];

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static ExchangeChild Aged(int? months) => new(AgeAtIncidentMonths: months);

    // ---- Every table, and none of them with nothing to count ----

    [Fact]
    public void Tables_AnyReviews_EveryTableOfTheSpecInItsOrder()
    {
        Analyse(Review(Aged(4))).Tables.Select(t => t.Id).ShouldBe(SpecTables.Select(t => t.Id));
    }

    [Fact]
    public void Tables_NoReviews_EveryRowListedWithCountZeroAndNoPercent()
    {
        var report = Analyse();

        foreach (var (id, keys) in SpecTables)
        {
            var table = report[id];
            table.Base.ShouldBe(0, id);
            switch (table)
            {
                case AnalysisTable rows:
                    rows.Rows.Select(r => r.Key).ShouldBe(keys, id);
                    rows.Rows.ShouldAllBe(r => r.Count == 0 && r.Percent == null, id);
                    break;
                case AnalysisGrid grid:
                    grid.Rows.Select(r => r.Key).ShouldBe(keys, id);
                    grid.Rows.ShouldAllBe(r => r.Counts.All(c => c == 0), id);
                    break;
            }
        }
    }

    [Fact]
    public void Tables_NoReviews_JsonLeavesOutEveryPercent()
    {
        var json = Encoding.UTF8.GetString(AnalysisFormats.Json(Analyse()));

        json.ShouldContain("\"children-age\"");
        json.ShouldNotContain("percent");
    }

    // ---- Children ----

    [Theory]
    [InlineData(0, "under-1")]
    [InlineData(11, "under-1")]
    [InlineData(12, "1-2")]
    [InlineData(35, "1-2")]
    [InlineData(36, "3-4")]
    [InlineData(59, "3-4")]
    [InlineData(60, "5-10")]
    [InlineData(131, "5-10")]
    [InlineData(132, "11-14")]
    [InlineData(179, "11-14")]
    [InlineData(180, "15")]
    [InlineData(191, "15")]
    [InlineData(192, "16-17")]
    [InlineData(215, "16-17")]
    public void ChildrenAge_AgeInMonths_CountedInItsBandOnly(int months, string band)
    {
        var table = Analyse(Review(Aged(months))).Table("children-age");

        table.Rows.Where(r => r.Key != "11-plus").ShouldAllBe(r => r.Count == (r.Key == band ? 1 : 0));
        table[band].Percent.ShouldBe(100);
        table["11-plus"].Count.ShouldBe(months >= 132 ? 1 : 0);
    }

    [Fact]
    public void ChildrenAge_ElevenPlus_OverlapsTheBandsAndIsListedLast()
    {
        var table = Analyse(Review(Aged(4), Aged(140)), Review(Aged(185)), Review(Aged(200), Aged(null))).Table("children-age");

        table.Base.ShouldBe(5);
        Cells(table).ShouldBe(
        [
            ("under-1", 1, 20), ("1-2", 0, 0), ("3-4", 0, 0), ("5-10", 0, 0), ("11-14", 1, 20), ("15", 1, 20), ("16-17", 1, 20),
            ("not-known", 1, 20), ("11-plus", 3, 60),
        ]);
        // The bands alone add up to the base; the 11-plus row counts again children already in them.
        table.Rows.SkipLast(1).Sum(r => r.Count).ShouldBe(5);
    }

    [Fact]
    public void InfantsAge_ChildrenUnderOne_BandedByMonthAndTheBaseIsThem()
    {
        var table = Analyse(Review(Aged(0), Aged(2), Aged(3)), Review(Aged(5), Aged(6), Aged(11)), Review(Aged(12), Aged(null))).Table("infants-age");

        table.Base.ShouldBe(6);
        Cells(table).ShouldBe([("0-2m", 2, 33), ("3-5m", 2, 33), ("6-11m", 2, 33)]);
    }

    [Fact]
    public void ChildrenSex_ChildrenOfEveryReview_BaseIsTheChildren()
    {
        var table = Analyse(Review(new ExchangeChild(Sex: Sex.Male), new ExchangeChild(Sex: Sex.Female)), Review(new ExchangeChild(Sex: Sex.Male)))
            .Table("children-sex");

        table.Base.ShouldBe(3);
        Cells(table).ShouldBe([("male", 2, 67), ("female", 1, 33), ("not-known", 0, 0)]);
    }

    [Fact]
    public void ChildrenEthnicity_EachValue_ItsOwnRowInTheListedOrder()
    {
        var children = new[] { Ethnicity.Asian, Ethnicity.WhiteBritish, Ethnicity.Black, Ethnicity.WhiteBritish, Ethnicity.Mixed }
            .Select(e => new ExchangeChild(Ethnicity: e)).ToArray();

        Cells(Analyse(Review(children)).Table("children-ethnicity")).ShouldBe(
        [
            ("white-british", 2, 40), ("white-other", 0, 0), ("mixed", 1, 20), ("black", 1, 20), ("asian", 1, 20), ("other", 0, 0), ("not-known", 0, 0),
        ]);
    }

    [Fact]
    public void ParentsEthnicity_OneValueAReview_BaseIsTheReviewsNotTheChildren()
    {
        var table = Analyse(
            Review(Aged(1), Aged(30), Aged(50)) with { ParentsEthnicity = Ethnicity.Black },
            Review(Aged(2)) with { ParentsEthnicity = Ethnicity.Other },
            Review()).Table("parents-ethnicity");

        table.Base.ShouldBe(3);
        table["black"].ShouldBe(new AnalysisRow("black", 1, 33));
        table["other"].ShouldBe(new AnalysisRow("other", 1, 33));
        table["not-known"].ShouldBe(new AnalysisRow("not-known", 1, 33));
    }

    [Fact]
    public void ChildrenDisability_YesNoNotKnown_Counted()
    {
        var table = Analyse(Review(new ExchangeChild(Disability: YesNoNotKnown.Yes), new ExchangeChild(Disability: YesNoNotKnown.No),
            new ExchangeChild(Disability: YesNoNotKnown.No), new ExchangeChild())).Table("children-disability");

        Cells(table).ShouldBe([("yes", 1, 25), ("no", 2, 50), ("not-known", 1, 25)]);
    }

    [Fact]
    public void Harm_ChildWithoutItsOwnHarm_CountsTheIncidentType()
    {
        var table = Analyse(
            // A death in which a sibling was seriously injured: two children, two harms.
            Review(new ExchangeChild(), new ExchangeChild(Harm: IncidentType.SeriousInjury)) with { Incident = new(IncidentType.Death) },
            Review(new ExchangeChild()) with { Incident = new(IncidentType.SexualAbuse) },
            // No incident: a child's own harm still counts, and without one the harm is not known.
            Review(new ExchangeChild(Harm: IncidentType.Suicide), new ExchangeChild())).Table("harm");

        table.Base.ShouldBe(5);
        Cells(table).ShouldBe(
        [
            ("death", 1, 20), ("serious-injury", 1, 20), ("suicide", 1, 20), ("sexual-abuse", 1, 20), ("other", 0, 0), ("not-known", 1, 20),
        ]);
    }

    [Fact]
    public void ChildProtectionPlan_Previously_ItsOwnRow()
    {
        var table = Analyse(Review(
            new ExchangeChild(ChildProtectionPlan: ChildProtectionPlanStatus.Yes),
            new ExchangeChild(ChildProtectionPlan: ChildProtectionPlanStatus.Previously),
            new ExchangeChild(ChildProtectionPlan: ChildProtectionPlanStatus.Previously),
            new ExchangeChild(ChildProtectionPlan: ChildProtectionPlanStatus.No))).Table("child-protection-plan");

        Cells(table).ShouldBe([("yes", 1, 25), ("no", 1, 25), ("previously", 2, 50), ("not-known", 0, 0)]);
    }

    [Fact]
    public void LegalStatus_EveryStatus_InTheTablesOrderNotTheFormats()
    {
        var statuses = new[] { LegalStatus.None, LegalStatus.None, LegalStatus.CareOrder, LegalStatus.InterimCareOrder, LegalStatus.Adopted,
            LegalStatus.S20Accommodation, LegalStatus.Other, LegalStatus.NotKnown };

        var table = Analyse(Review(statuses.Select(s => new ExchangeChild(LegalStatus: s)).ToArray())).Table("legal-status");

        Cells(table).ShouldBe(
        [
            ("interim-care-order", 1, 13), ("care-order", 1, 13), ("s20-accommodation", 1, 13), ("adopted", 1, 13), ("none", 2, 25),
            ("other", 1, 13), ("not-known", 1, 13),
        ]);
    }

    // ---- Reviews and reports ----

    [Fact]
    public void Region_OfEachReviewsBoard_BoardNotGivenOrWithoutRegionIsNotKnown()
    {
        ExchangeBoard[] boards = [new("leeds", Region: Region.YorkshireHumber), new("hull", Region: Region.YorkshireHumber),
            new("camden", Region: Region.London), new("nowhere")];

        var table = Analyse([Of("leeds"), Of("leeds"), Of("hull"), Of("camden"), Of("nowhere"), Of("unlisted")], boards: boards).Table("region");

        table.Base.ShouldBe(6);
        table["yorkshire-humber"].ShouldBe(new AnalysisRow("yorkshire-humber", 3, 50));
        table["london"].ShouldBe(new AnalysisRow("london", 1, 17));
        table["not-known"].ShouldBe(new AnalysisRow("not-known", 2, 33));
        table.Rows.Sum(r => r.Count).ShouldBe(6);
    }

    [Fact]
    public void IncidentYear_YearsPresent_AscendingThenNotKnown()
    {
        var table = Analyse(IncidentOn(Day("2003-01-01")), IncidentOn(Day("2001-12-31")), IncidentOn(Day("2003-12-31")), IncidentOn(null), Review())
            .Table("incident-year");

        // No row for 2002: only the years present.
        Cells(table).ShouldBe([("2001", 1, 20), ("2003", 2, 40), ("not-known", 2, 40)]);
    }

    [Fact]
    public void ReportYear_YearOfCompletion_AscendingThenNotKnown()
    {
        var table = Analyse(WithReport(new(Day("2004-06-01"))), WithReport(new(Day("2002-06-01"))), WithReport(new(Day("2004-01-31"))),
            WithReport(new(Pages: 40)), Review()).Table("report-year");

        Cells(table).ShouldBe([("2002", 1, 20), ("2004", 2, 40), ("not-known", 2, 40)]);
    }

    [Theory]
    [InlineData("2002-03-14", "2002-03-14", "0-6m")]
    [InlineData("2002-03-14", "2002-09-14", "0-6m")] // exactly 6 months
    [InlineData("2002-03-14", "2002-09-15", "6-12m")]
    [InlineData("2002-03-14", "2003-03-14", "6-12m")] // exactly 12 months
    [InlineData("2002-03-14", "2003-03-15", "12-18m")]
    [InlineData("2002-03-14", "2003-09-14", "12-18m")] // exactly 18 months
    [InlineData("2002-03-14", "2003-09-15", "18m-plus")]
    [InlineData("2002-08-31", "2003-02-28", "0-6m")] // 28 February is 6 calendar months after 31 August
    [InlineData("2002-08-31", "2003-03-01", "6-12m")]
    [InlineData("2003-08-31", "2004-02-29", "0-6m")] // in a leap year, the 29th
    [InlineData("2003-08-31", "2004-03-01", "6-12m")]
    [InlineData("2002-08-31", "2004-02-29", "12-18m")] // 18 months after 31 August 2002
    [InlineData("2002-08-31", "2004-03-01", "18m-plus")]
    [InlineData("2001-12-31", "2002-06-30", "0-6m")] // 30 June: there is no 31st
    [InlineData("2001-12-31", "2002-07-01", "6-12m")]
    public void TimeToCompletion_CalendarMonthsFromIncidentToReport_Banded(string incident, string completed, string band)
    {
        var table = Analyse(Review() with { Incident = new(Date: Day(incident)), Report = new(Day(completed)) }).Table("time-to-completion");

        table.Rows.ShouldAllBe(r => r.Count == (r.Key == band ? 1 : 0));
    }

    [Fact]
    public void TimeToCompletion_EitherDateMissing_NotKnown()
    {
        var table = Analyse(
            Review() with { Incident = new(Date: Day("2002-01-01")) },
            Review() with { Incident = new(Date: Day("2002-01-01")), Report = new(Pages: 12) },
            Review() with { Report = new(Day("2002-05-01")) },
            Review() with { Incident = new(IncidentType.Death), Report = new(Day("2002-05-01")) },
            Review() with { Incident = new(Date: Day("2002-01-01")), Report = new(Day("2002-05-01")) }).Table("time-to-completion");

        Cells(table).ShouldBe([("0-6m", 1, 20), ("6-12m", 0, 0), ("12-18m", 0, 0), ("18m-plus", 0, 0), ("not-known", 4, 80)]);
    }

    [Fact]
    public void AuthorStatus_NoReport_NotKnown()
    {
        var table = Analyse(WithReport(new(AuthorStatus: AuthorStatus.Independent)), WithReport(new(AuthorStatus: AuthorStatus.Internal)),
            WithReport(new(AuthorStatus: AuthorStatus.Internal)), WithReport(new(Pages: 3)), Review()).Table("author-status");

        Cells(table).ShouldBe([("independent", 1, 20), ("internal", 2, 40), ("not-known", 2, 40)]);
    }

    [Theory]
    [InlineData(1, "0-30")]
    [InlineData(30, "0-30")]
    [InlineData(31, "31-50")]
    [InlineData(50, "31-50")]
    [InlineData(51, "51-75")]
    [InlineData(75, "51-75")]
    [InlineData(76, "76-100")]
    [InlineData(100, "76-100")]
    [InlineData(101, "101-plus")]
    [InlineData(640, "101-plus")]
    [InlineData(null, "not-known")]
    public void ReportLength_Pages_Banded(int? pages, string band)
    {
        var table = Analyse(WithReport(new(Pages: pages))).Table("report-length");

        table.Rows.ShouldAllBe(r => r.Count == (r.Key == band ? 1 : 0));
    }

    [Fact]
    public void OutlineCompliance_ItemNotGivenOrNoReport_NotKnownAndEveryRowAddsUpToTheReviews()
    {
        var outline = new ExchangeOutline(new Dictionary<OutlineItem, OutlineAnswer>
        {
            [OutlineItem.Circumstances] = OutlineAnswer.Yes,
            [OutlineItem.TermsOfReference] = OutlineAnswer.No,
            [OutlineItem.Genogram] = OutlineAnswer.Partly,
            [OutlineItem.NationalLessons] = OutlineAnswer.NotApplicable,
        });
        var allYes = new ExchangeOutline(Enum.GetValues<OutlineItem>().ToDictionary(i => i, _ => OutlineAnswer.Yes));

        var grid = Analyse(WithReport(new(Outline: outline)), WithReport(new(Outline: allYes)), WithReport(new(Pages: 3)), Review())
            .Grid("outline-compliance");

        grid.Base.ShouldBe(4);
        grid.Columns.ShouldBe(["yes", "no", "partly", "not-applicable", "not-known"]);
        grid.Rows.ShouldAllBe(r => r.Counts.Sum() == 4);
        Cells(grid).Take(5).ShouldBe(
        [
            "circumstances: 2 0 0 0 2",
            "termsOfReference: 1 1 0 0 2",
            "contributors: 1 0 0 0 3",
            "familyContributed: 1 0 0 0 3",
            "genogram: 1 0 1 0 2",
        ]);
        grid["nationalLessons", "not-applicable"].ShouldBe(1);
        grid["actionPlanReviewOfOutcomes", "not-known"].ShouldBe(3);
    }

    [Theory]
    [InlineData(0, "0-10")]
    [InlineData(10, "0-10")]
    [InlineData(11, "11-20")]
    [InlineData(20, "11-20")]
    [InlineData(21, "21-40")]
    [InlineData(40, "21-40")]
    [InlineData(41, "41-60")]
    [InlineData(60, "41-60")]
    [InlineData(61, "61-80")]
    [InlineData(80, "61-80")]
    [InlineData(81, "81-plus")]
    public void RecommendationCount_Recommendations_Banded(int count, string band)
    {
        var table = Analyse(Recommending(Enumerable.Repeat(RecommendationFocus.Training, count).ToArray())).Table("recommendation-count");

        table.Rows.ShouldAllBe(r => r.Count == (r.Key == band ? 1 : 0));
    }

    [Fact]
    public void RecommendationCount_CouldNotBeCounted_NotKnownNotNone()
    {
        var table = Analyse(Review(), Recommending()).Table("recommendation-count");

        table["not-known"].ShouldBe(new AnalysisRow("not-known", 1, 50));
        table["0-10"].ShouldBe(new AnalysisRow("0-10", 1, 50));
    }

    [Fact]
    public void RecommendationFocus_ByCountDescending_TiesInTheListedOrderAndNotKnownLast()
    {
        var table = Analyse(
            Recommending(RecommendationFocus.Training, RecommendationFocus.Other, RecommendationFocus.NotKnown, RecommendationFocus.NotKnown),
            Recommending(RecommendationFocus.Communication, RecommendationFocus.Other, RecommendationFocus.ExistingProcedures),
            Recommending(RecommendationFocus.Training, RecommendationFocus.Communication, RecommendationFocus.Other, RecommendationFocus.NotKnown,
                RecommendationFocus.NotKnown)).Table("recommendation-focus");

        // The base is the recommendations, not the reviews.
        table.Base.ShouldBe(12);
        Cells(table).ShouldBe(
        [
            ("other", 3, 25),
            ("communication", 2, 17), // before training: a tie, and communication is listed first
            ("training", 2, 17),
            ("existing-procedures", 1, 8),
            ("new-procedures", 0, 0), ("assessment", 0, 0), ("management", 0, 0), ("risk-assessment", 0, 0), ("supervision", 0, 0),
            ("roles", 0, 0), ("decision-making", 0, 0), ("direct-work", 0, 0), ("new-staff", 0, 0), ("knowledge-skills", 0, 0),
            ("not-known", 4, 33), // the most frequent, but not a focus: last
        ]);
    }

    [Theory]
    [InlineData(0, "none")]
    [InlineData(1, "1-10")]
    [InlineData(10, "1-10")]
    [InlineData(11, "11-20")]
    [InlineData(20, "11-20")]
    [InlineData(21, "21-40")]
    [InlineData(40, "21-40")]
    [InlineData(41, "41-60")]
    [InlineData(60, "41-60")]
    [InlineData(61, "61-80")]
    [InlineData(80, "61-80")]
    [InlineData(81, "81-plus")]
    [InlineData(null, "not-known")]
    public void ActionCount_Actions_Banded(int? actions, string band)
    {
        var table = Analyse(Review() with { ActionPlan = Plan(actions) }).Table("action-count");

        table.Rows.ShouldAllBe(r => r.Count == (r.Key == band ? 1 : 0));
    }

    [Fact]
    public void ActionCount_NoActionPlan_NotKnown()
    {
        Analyse(Review()).Table("action-count")["not-known"].ShouldBe(new AnalysisRow("not-known", 1, 100));
    }

    [Fact]
    public void ActionPlan_JudgementsCounted_NoPlanNotKnownForEveryItem()
    {
        var grid = Analyse(
            Review() with { ActionPlan = Plan(4, (ActionPlanItem.PartOfOverviewReport, ActionPlanAnswer.Yes), (ActionPlanItem.Costed, ActionPlanAnswer.No)) },
            Review() with { ActionPlan = Plan(null, (ActionPlanItem.PartOfOverviewReport, ActionPlanAnswer.No), (ActionPlanItem.CompletionDatesSet, ActionPlanAnswer.Partly)) },
            Review()).Grid("action-plan");

        grid.Base.ShouldBe(3);
        grid.Columns.ShouldBe(["yes", "no", "partly", "not-known"]);
        Cells(grid).ShouldBe(
        [
            "partOfOverviewReport: 1 1 0 1",
            "singlePlanForAllAgencies: 0 0 0 3",
            "linkedToRecommendations: 0 0 0 3",
            "leadOfficerNamed: 0 0 0 3",
            "completionDatesSet: 0 0 1 2",
            "costed: 0 1 0 2",
        ]);
    }

    [Fact]
    public void Themes_ThemeListedTwice_CountedOnceForTheReview()
    {
        var table = Analyse(
            Review() with { Themes = [ReviewTheme.Neglect, ReviewTheme.DomesticViolence, ReviewTheme.Neglect] },
            Review() with { Themes = [ReviewTheme.Neglect, ReviewTheme.Other] },
            Review()).Table("themes");

        table.Base.ShouldBe(3);
        table["neglect"].ShouldBe(new AnalysisRow("neglect", 2, 67));
        table["domestic-violence"].ShouldBe(new AnalysisRow("domestic-violence", 1, 33));
        table["other"].ShouldBe(new AnalysisRow("other", 1, 33));
        table.Rows.Sum(r => r.Count).ShouldBe(4);
    }

    // ---- The National Panel's tables ----

    [Fact]
    public void PanelDecisions_OnlyDecisionsTheFileSaysThePanelWasToldOf()
    {
        var day = Day("2014-02-01");
        var table = Analyse(
            Review() with { Decision = DecisionSentToPanel(ExchangeDecisionOutcome.Initiate, day) },
            Review() with { Decision = DecisionSentToPanel(ExchangeDecisionOutcome.NotInitiate, day, PanelResponse.Agreed) },
            Review() with { Decision = DecisionSentToPanel(ExchangeDecisionOutcome.NotInitiate, day, PanelResponse.Challenged, ChallengeOutcome.BecameReview) },
            // Told of by the Panel's response alone, with no date it was reported.
            Review() with { Decision = new(ExchangeDecisionOutcome.NotInitiate, day, Panel: new(PanelResponse.Challenged)) },
            // Never sent to the Panel.
            Review() with { Decision = new(ExchangeDecisionOutcome.Initiate, day) }).Table("panel-decisions");

        table.Base.ShouldBe(4);
        Cells(table).ShouldBe(
        [
            ("initiated", 1, 25), ("not-initiated", 3, 75), ("agreed", 1, 33), ("challenged", 2, 67),
            ("became-review", 1, 50), ("accepted-after-information", 0, 0), ("awaiting-information", 1, 50),
        ]);
    }

    [Fact]
    public void PanelPublication_ReportsAndDecisionsNotToPublish_PublishedIsAPercentOfBoth()
    {
        ExchangeReview Published(PublicationDecision decision, DateOnly? sent, PublicationPanelResponse? response = null) =>
            WithReport(new(Publication: new(decision, sent, response)));
        var sent = Day("2014-03-01");

        var table = Analyse(
            Published(PublicationDecision.Publish, sent),
            Published(PublicationDecision.Publish, sent),
            Published(PublicationDecision.Publish, sent),
            Published(PublicationDecision.NotPublish, sent, PublicationPanelResponse.Accepted),
            Published(PublicationDecision.NotPublish, sent, PublicationPanelResponse.PublishedAfterAdvice),
            Published(PublicationDecision.NotPublish, sent, PublicationPanelResponse.Reconsidering),
            Published(PublicationDecision.NotPublish, sent),
            // Not sent to the Panel before publication, or not decided: the Panel did not receive them.
            Published(PublicationDecision.Publish, null),
            Published(PublicationDecision.NotDecided, sent),
            Review()).Table("panel-publication");

        table.Base.ShouldBe(7);
        Cells(table).ShouldBe(
        [
            ("received-before-publication", 3, 43), ("not-publish", 4, 57), ("accepted", 1, 25), ("reconsidering", 1, 25),
            ("published-after-advice", 1, 25), ("published", 4, 57),
        ]);
    }

    [Fact]
    public void BoardsNotInTouch_BoardThatToldThePanelNothingInThePeriod_NotInTouch()
    {
        ExchangeBoard[] boards = [new("told"), new("told-too-late"), new("never-told"), new("no-reviews")];
        ExchangeReview[] reviews =
        [
            Of("told") with { Decision = DecisionSentToPanel(ExchangeDecisionOutcome.Initiate, Day("2014-01-10")) },
            Of("told-too-late") with { Decision = DecisionSentToPanel(ExchangeDecisionOutcome.Initiate, Day("2014-04-01")) },
            // A review the Panel was not told of: decision 0006 counts a board in touch when it sent the Panel a decision.
            Of("never-told") with { Incident = new(Date: Day("2014-01-10")), Decision = new(ExchangeDecisionOutcome.Initiate, Day("2014-01-10")) },
            Of("not-a-board") with { Decision = DecisionSentToPanel(ExchangeDecisionOutcome.Initiate, Day("2014-01-10")) },
        ];

        var table = Analyse(reviews, new AnalysisLimits(Day("2013-04-01"), Day("2014-03-31")), boards).Table("boards-not-in-touch");

        table.Base.ShouldBe(4);
        Cells(table).ShouldBe([("not-in-touch", 3, 75), ("in-touch", 1, 25)]);
    }

    // ---- Not known, rounding, limits ----

    [Fact]
    public void Tables_ValueLeftOutOrWrittenNotKnown_BothCountedNotKnown()
    {
        const string File = """
            { "format": "scr-exchange/1",
              "reviews": [
                { "reference": "A-1", "board": "a", "children": [ {} ], "report": {}, "actionPlan": {} },
                { "reference": "A-2", "board": "a", "incident": { "type": "not-known", "date": "not-known" },
                  "children": [ { "ageAtIncidentMonths": "not-known", "harm": "not-known", "sex": "not-known", "ethnicity": "not-known",
                    "disability": "not-known", "childProtectionPlan": "not-known", "legalStatus": "not-known" } ],
                  "parentsEthnicity": "not-known",
                  "report": { "completedOn": "not-known", "authorStatus": "not-known", "pages": "not-known",
                    "outline": { "genogram": "not-known" } },
                  "recommendationsKnown": false,
                  "actionPlan": { "actionsKnown": false, "costed": "not-known" } }
              ] }
            """;
        var (_, reviews) = ExchangeReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(File)));

        var report = Analyse(reviews);

        foreach (var id in new[] { "children-age", "children-sex", "children-ethnicity", "parents-ethnicity", "children-disability", "harm",
            "child-protection-plan", "legal-status", "region", "incident-year", "report-year", "time-to-completion", "author-status",
            "report-length", "recommendation-count", "action-count" })
        {
            var table = report.Table(id);
            table.Base.ShouldBe(2, id);
            table["not-known"].ShouldBe(new AnalysisRow("not-known", 2, 100), id);
        }
        report.Grid("outline-compliance").Rows.ShouldAllBe(r => r.Counts[4] == 2);
        report.Grid("action-plan").Rows.ShouldAllBe(r => r.Counts[3] == 2);
        report.Table("infants-age").Base.ShouldBe(0);
    }

    [Fact]
    public void Percent_HalfWayBetweenWholeNumbers_RoundsUp()
    {
        var children = Each((Sex.Male, 1), (Sex.Female, 3), (Sex.NotKnown, 4)).Select(s => new ExchangeChild(Sex: s)).ToArray();

        // 12.5% and 37.5%.
        Cells(Analyse(Review(children)).Table("children-sex")).ShouldBe([("male", 1, 13), ("female", 3, 38), ("not-known", 4, 50)]);
    }

    [Fact]
    public void Percent_OneIn200_HalfAPercentRoundsUpToOne()
    {
        var reviews = Enumerable.Repeat(WithReport(new(AuthorStatus: AuthorStatus.Internal)), 199).Append(WithReport(new(AuthorStatus: AuthorStatus.Independent)));

        Analyse(reviews).Table("author-status")["independent"].ShouldBe(new AnalysisRow("independent", 1, 1));
    }

    [Fact]
    public void Add_Period_BothEndsIncludedOnTheIncidentDateAndNoDateIsOutside()
    {
        var analysis = new CrossCaseAnalysis(new AnalysisLimits(Day("2002-04-01"), Day("2003-03-31")));
        foreach (var date in new DateOnly?[] { Day("2002-03-31"), Day("2002-04-01"), Day("2003-03-31"), Day("2003-04-01"), null })
        {
            analysis.Add(Review(Aged(4)) with { Incident = new(Date: date) });
        }

        var report = analysis.Tables();

        analysis.ReviewsSeen.ShouldBe(5);
        Cells(report.Table("incident-year")).ShouldBe([("2002", 1, 50), ("2003", 1, 50), ("not-known", 0, 0)]);
        report.Table("children-age").Base.ShouldBe(2);
    }

    [Fact]
    public void Add_PeriodOpenAtOneEnd_LimitsOnlyTheOther()
    {
        var reviews = new[] { IncidentOn(Day("2001-06-30")), IncidentOn(Day("2001-07-01")), IncidentOn(null) };

        Analyse(reviews, new AnalysisLimits(From: Day("2001-07-01"))).Table("incident-year").Base.ShouldBe(1);
        Analyse(reviews, new AnalysisLimits(To: Day("2001-07-01"))).Table("incident-year").Base.ShouldBe(2);
    }

    [Fact]
    public void Add_Period_PanelTablesOnTheDecisionDateNotTheIncident()
    {
        var limits = new AnalysisLimits(Day("2014-01-01"), Day("2014-12-31"));
        var incidentBefore = IncidentOn(Day("2013-11-20")) with { Decision = DecisionSentToPanel(ExchangeDecisionOutcome.Initiate, Day("2014-01-01")) };
        var decidedAfter = IncidentOn(Day("2014-12-01")) with { Decision = DecisionSentToPanel(ExchangeDecisionOutcome.Initiate, Day("2015-01-01")) };

        var report = Analyse([incidentBefore, decidedAfter], limits);

        report.Table("panel-decisions")["initiated"].Count.ShouldBe(1);
        Cells(report.Table("incident-year")).ShouldBe([("2014", 1, 100), ("not-known", 0, 0)]);
    }

    [Fact]
    public void Add_Board_CountsThatBoardsReviewsAndOnlyThatBoard()
    {
        ExchangeBoard[] boards = [new("a", Region: Region.London), new("b", Region: Region.London)];
        var analysis = new CrossCaseAnalysis(new AnalysisLimits(Board: "a"));
        foreach (var board in boards)
        {
            analysis.AddBoard(board);
        }
        analysis.Add(Of("a", Aged(4)));
        analysis.Add(Of("b", Aged(4), Aged(6)));
        analysis.Add(Of("b", Aged(8)) with { Decision = DecisionSentToPanel(ExchangeDecisionOutcome.Initiate, Day("2014-01-01")) });

        var report = analysis.Tables();

        analysis.ReviewsSeen.ShouldBe(3);
        analysis.ReviewsOfBoardOrRegion.ShouldBe(1);
        report.Table("children-age")["under-1"].Count.ShouldBe(1);
        report.Table("region")["london"].ShouldBe(new AnalysisRow("london", 1, 100));
        report.Table("panel-decisions").Base.ShouldBe(0);
        Cells(report.Table("boards-not-in-touch")).ShouldBe([("not-in-touch", 1, 100), ("in-touch", 0, 0)]);
    }

    [Fact]
    public void Add_Region_CountsTheReviewsOfItsBoards()
    {
        ExchangeBoard[] boards = [new("leeds", Region: Region.YorkshireHumber), new("hull", Region: Region.YorkshireHumber), new("camden", Region: Region.London)];
        ExchangeReview[] reviews = [Of("leeds", Aged(4)), Of("hull", Aged(40)), Of("camden", Aged(4)), Of("unlisted", Aged(4))];

        var report = Analyse(reviews, new AnalysisLimits(Region: Region.YorkshireHumber), boards);

        Cells(report.Table("children-age")).Take(3).ShouldBe([("under-1", 1, 50), ("1-2", 0, 0), ("3-4", 1, 50)]);
        report.Table("region")["yorkshire-humber"].ShouldBe(new AnalysisRow("yorkshire-humber", 2, 100));
        report.Table("boards-not-in-touch").Base.ShouldBe(2);
    }
}
