using Scr.Core.Models;

namespace Scr.Core.Exchange;

/// <summary>
/// A fictional collection of reviews in the exchange format, for benchmarks and tests: 144 boards across the regions and
/// as many reviews as asked, each with children, themes, a decision and the Panel's response, a report with its outline
/// and publication, recommendations and an action plan (about 3 KB a review). The same seed gives the same file.
/// </summary>
public static class DemoExchange
{
    public const int BoardCount = 144;

    private static readonly string[] Places =
    [
        "Northbridge", "Eastmoor", "Westfold", "Southwick", "Highcombe", "Lowdale", "Brackenford", "Ashby Marsh", "Kettleworth",
        "Millbrook", "Stonehaven", "Fernhill", "Greywater", "Oakridge", "Redcliffe", "Thornbury",
    ];

    private static readonly string[] Agencies =
    [
        "Children's Social Care", "the Health Trust", "the Police", "Education Services", "Probation", "the Ambulance Service",
        "Adult Mental Health Services", "the Housing Department",
    ];

    private static readonly string[] Sentences =
    [
        "Review the referral pathway so that concerns from universal services reach children's social care the same day.",
        "Make sure that every strategy discussion includes the health professionals who know the family.",
        "Train front-line staff to recognise the signs of neglect in very young children and to act on them.",
        "Agree one chronology format for all agencies and keep it up to date throughout the case.",
        "Ensure supervision records show how the risk to the child was weighed and what was decided.",
        "Assess the needs of fathers and other adults in the household, not only those of the mother.",
        "Share information about domestic abuse incidents with the school and the health visitor within a day.",
        "Audit the use of the escalation policy and report the findings to the board.",
    ];

    private static readonly string[] Leads = ["Head of Service", "Designated Nurse", "Detective Inspector", "Board Manager", "Principal Social Worker"];

    // Free text in the format, as a board's action plan words it.
    private static readonly string[] Statuses = ["Complete", "In progress", "Not started", "Overdue"];

    /// <summary>The boards: 144, their ids board-001 to board-144, spread across the regions.</summary>
    public static IReadOnlyList<ExchangeBoard> Boards { get; } = Enumerable.Range(1, BoardCount)
        .Select(i => new ExchangeBoard($"board-{i:D3}", $"{Places[i % Places.Length]} {i:D3} Safeguarding Children Board",
            (Region)(i % (int)Region.NotKnown)))
        .ToList();

    /// <summary>The reviews, made as they are asked for.</summary>
    public static IEnumerable<ExchangeReview> Reviews(int count, int seed = 1)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Review(random, i);
        }
    }

    /// <summary>Writes a whole file of <paramref name="count"/> reviews.</summary>
    public static void Write(Stream stream, int count, int seed = 1, IProgress<int>? progress = null)
    {
        using var writer = new ExchangeWriter(stream, Boards, leaveOpen: true);
        var written = 0;
        foreach (var review in Reviews(count, seed))
        {
            writer.Write(review);
            if (++written % 10_000 == 0)
            {
                progress?.Report(written);
            }
        }
        writer.Complete();
        progress?.Report(written);
    }

    private static ExchangeReview Review(Random random, int index)
    {
        var board = Boards[random.Next(Boards.Count)];
        var incidentOn = new DateOnly(2001, 1, 1).AddDays(random.Next(365 * 14));
        var type = Pick(random, Enum.GetValues<IncidentType>());
        var decidedOn = incidentOn.AddDays(random.Next(5, 60));
        var outcome = random.Next(100) switch
        {
            < 74 => ExchangeDecisionOutcome.Initiate,
            < 99 => ExchangeDecisionOutcome.NotInitiate,
            _ => ExchangeDecisionOutcome.NotKnown,
        };
        var recommendationCount = random.Next(100) < 3 ? 0 : random.Next(1, 8);
        var recommendations = Enumerable.Range(1, recommendationCount).Select(n => new ExchangeRecommendation(n,
            Pick(random, Sentences), Pick(random, Agencies), Pick(random, Enum.GetValues<RecommendationFocus>()),
            "Children at risk are seen and heard sooner.", "Audit of cases after six months")).ToList();
        var completedOn = random.Next(100) < 15 ? (DateOnly?)null : incidentOn.AddDays(random.Next(90, 700));
        return new ExchangeReview
        {
            Reference = $"DEMO-{incidentOn.Year}-{index + 1:D6}",
            Board = board.Id,
            Kind = outcome == ExchangeDecisionOutcome.Initiate ? ExchangeReviewKind.SeriousCaseReview : Pick(random, Enum.GetValues<ExchangeReviewKind>()),
            Guidance = incidentOn.Year < 2006 ? GuidanceEdition.Wt1999 : incidentOn.Year < 2010 ? GuidanceEdition.Wt2006 : GuidanceEdition.Wt2013,
            Incident = new ExchangeIncident(type, incidentOn, incidentOn.AddDays(random.Next(0, 4))),
            Children = Enumerable.Range(0, random.Next(100) < 90 ? 1 : random.Next(2, 4)).Select(_ => new ExchangeChild(
                random.Next(100) < 4 ? null : random.Next(0, 216),
                random.Next(100) < 80 ? null : Pick(random, Enum.GetValues<IncidentType>()),
                Pick(random, Enum.GetValues<Sex>()), Pick(random, Enum.GetValues<Ethnicity>()), Pick(random, Enum.GetValues<YesNoNotKnown>()),
                Pick(random, Enum.GetValues<ChildProtectionPlanStatus>()), Pick(random, Enum.GetValues<LegalStatus>()))).ToList(),
            ParentsEthnicity = Pick(random, Enum.GetValues<Ethnicity>()),
            Themes = Enum.GetValues<ReviewTheme>().Where(_ => random.Next(100) < 25).ToList(),
            Decision = new ExchangeDecision(outcome, decidedOn, "The criteria were considered at the sub-group's meeting.",
                decidedOn.AddDays(random.Next(1, 6)), outcome == ExchangeDecisionOutcome.NotInitiate ? PanelAnswer(random) : new ExchangePanelAnswer(PanelResponse.Agreed)),
            Report = new ExchangeReport(completedOn, Pick(random, Enum.GetValues<AuthorStatus>()), random.Next(100) < 5 ? null : random.Next(8, 160),
                new ExchangeOutline(Enum.GetValues<OutlineItem>().ToDictionary(i => i, _ => Pick(random, Enum.GetValues<OutlineAnswer>()))),
                Publication(random, completedOn)),
            RecommendationsKnown = random.Next(100) >= 3,
            Recommendations = recommendations,
            ActionPlan = new ExchangeActionPlan(random.Next(100) >= 10,
                ExchangeActionPlan.JudgementsOf(Enum.GetValues<ActionPlanItem>().ToDictionary(i => i, _ => Pick(random, Enum.GetValues<ActionPlanAnswer>()))),
                Enumerable.Range(0, random.Next(0, 7)).Select(_ => new ExchangeAction(random.Next(1, Math.Max(2, recommendationCount + 1)),
                    Pick(random, Sentences), Pick(random, Leads), decidedOn.AddDays(random.Next(200, 500)),
                    "Fewer children wait for an assessment.", Pick(random, Statuses), random.Next(100) < 40 ? "Audit showed improvement." : null)).ToList()),
        };
    }

    private static ExchangePanelAnswer PanelAnswer(Random random) => random.Next(66) switch
    {
        < 35 => new ExchangePanelAnswer(PanelResponse.Agreed),
        < 40 => new ExchangePanelAnswer(PanelResponse.Challenged, ChallengeOutcome.BecameReview),
        < 56 => new ExchangePanelAnswer(PanelResponse.Challenged, ChallengeOutcome.AcceptedAfterInformation),
        _ => new ExchangePanelAnswer(PanelResponse.Challenged, ChallengeOutcome.AwaitingInformation),
    };

    private static ExchangePublication? Publication(Random random, DateOnly? completedOn)
    {
        if (completedOn is not { } completed)
        {
            return null;
        }
        return random.Next(81) < 7
            ? new ExchangePublication(PublicationDecision.NotPublish, completed.AddDays(7),
                Pick(random, [PublicationPanelResponse.Accepted, PublicationPanelResponse.Accepted, PublicationPanelResponse.Reconsidering, PublicationPanelResponse.PublishedAfterAdvice]))
            : new ExchangePublication(PublicationDecision.Publish, completed.AddDays(7), null, completed.AddDays(random.Next(14, 60)));
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
