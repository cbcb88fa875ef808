using System.Runtime.InteropServices;
using Scr.Core.Exchange;
using Scr.Core.Models;

namespace Scr.Core.Rules.Analysis;

/// <summary>
/// What the analysis is limited to: a period (both ends included; on the incident date, or for the Panel's tables on the
/// date of the decision the Panel was told of), a board, a region (of the review's board).
/// </summary>
public sealed record AnalysisLimits(DateOnly? From = null, DateOnly? To = null, string? Board = null, Region? Region = null);

/// <summary>The tables of the analysis (shared/analysis-tables.md): their ids in order, titles, bases and row keys.</summary>
public static class AnalysisTables
{
    public const string ChildrenAge = "children-age";
    public const string InfantsAge = "infants-age";
    public const string ChildrenSex = "children-sex";
    public const string ChildrenEthnicity = "children-ethnicity";
    public const string ParentsEthnicity = "parents-ethnicity";
    public const string ChildrenDisability = "children-disability";
    public const string Harm = "harm";
    public const string ChildProtectionPlan = "child-protection-plan";
    public const string LegalStatus = "legal-status";
    public const string Region = "region";
    public const string IncidentYear = "incident-year";
    public const string ReportYear = "report-year";
    public const string TimeToCompletion = "time-to-completion";
    public const string AuthorStatus = "author-status";
    public const string ReportLength = "report-length";
    public const string OutlineCompliance = "outline-compliance";
    public const string RecommendationCount = "recommendation-count";
    public const string RecommendationFocus = "recommendation-focus";
    public const string ActionCount = "action-count";
    public const string ActionPlan = "action-plan";
    public const string Themes = "themes";
    public const string PanelDecisions = PanelFigures.DecisionsTable;
    public const string PanelPublication = PanelFigures.PublicationTable;
    public const string BoardsNotInTouch = PanelFigures.BoardsNotInTouchTable;

    public const string NotKnown = "not-known";

    private static readonly (string Id, string Title, string Base)[] Catalogue =
    [
        (ChildrenAge, "Age of the children at the incident", "children"),
        (InfantsAge, "Age of the children under one", "children under one"),
        (ChildrenSex, "Sex of the children", "children"),
        (ChildrenEthnicity, "Ethnic group of the children", "children"),
        (ParentsEthnicity, "Ethnic group of the parents", "reviews"),
        (ChildrenDisability, "Children with a disability", "children"),
        (Harm, "Harm to the child", "children"),
        (ChildProtectionPlan, "Child protection plan at the incident", "children"),
        (LegalStatus, "Legal status of the children", "children"),
        (Region, "Region of the board", "reviews"),
        (IncidentYear, "Year of the incident", "reviews"),
        (ReportYear, "Year the report was completed", "reviews"),
        (TimeToCompletion, "Time from the incident to the completed report", "reviews"),
        (AuthorStatus, "Status of the report's author", "reviews"),
        (ReportLength, "Length of the report (pages)", "reviews"),
        (OutlineCompliance, "Compliance with the report's required outline", "reviews"),
        (RecommendationCount, "Number of recommendations", "reviews"),
        (RecommendationFocus, "Focus of the recommendations, most frequent first", "recommendations"),
        (ActionCount, "Number of actions in the action plan", "reviews"),
        (ActionPlan, "Action plans", "reviews"),
        (Themes, "Themes", "reviews"),
        (PanelDecisions, "Decisions the National Panel was told of", "decisions"),
        (PanelPublication, "Completed reviews and publication", "completed reviews the National Panel heard of"),
        (BoardsNotInTouch, "Boards not in touch with the National Panel", "boards"),
    ];

    /// <summary>Every table id, in order.</summary>
    public static IReadOnlyList<string> Ids { get; } = Catalogue.Select(t => t.Id).ToArray();

    public static string Title(string id) => Find(id).Title;

    /// <summary>What a table's base counts ("children", "reviews", …).</summary>
    public static string BaseOf(string id) => Find(id).Base;

    private static (string Id, string Title, string Base) Find(string id) =>
        Catalogue.FirstOrDefault(t => t.Id == id) is { Id: not null } found ? found : throw new KeyNotFoundException($"There is no table {id}.");

    // Row keys: the bands of the tables, and enum values in the order the tables list them (legal status differs from the
    // exchange format's order).

    internal static readonly string[] AgeBands = ["under-1", "1-2", "3-4", "5-10", "11-14", "15", "16-17", NotKnown];
    internal const string ElevenPlus = "11-plus";
    internal static readonly string[] InfantBands = ["0-2m", "3-5m", "6-11m"];
    internal static readonly string[] TimeBands = ["0-6m", "6-12m", "12-18m", "18m-plus", NotKnown];
    internal static readonly string[] LengthBands = ["0-30", "31-50", "51-75", "76-100", "101-plus", NotKnown];
    internal static readonly string[] RecommendationBands = ["0-10", "11-20", "21-40", "41-60", "61-80", "81-plus", NotKnown];
    internal static readonly string[] ActionBands = ["none", "1-10", "11-20", "21-40", "41-60", "61-80", "81-plus", NotKnown];

    internal static readonly Models.LegalStatus[] LegalStatusOrder =
    [
        Models.LegalStatus.InterimCareOrder, Models.LegalStatus.CareOrder, Models.LegalStatus.S20Accommodation, Models.LegalStatus.Adopted,
        Models.LegalStatus.None, Models.LegalStatus.Other, Models.LegalStatus.NotKnown,
    ];

    /// <summary>The band of an age in whole months: under-1 … 16-17, or not-known (index 7).</summary>
    public static int AgeBand(int? months) => months switch
    {
        null or < 0 => 7,
        <= 11 => 0,
        <= 35 => 1,
        <= 59 => 2,
        <= 131 => 3,
        <= 179 => 4,
        <= 191 => 5,
        <= 215 => 6,
        _ => 7,
    };

    /// <summary>Whether an age counts in the overlapping <c>11-plus</c> row: 132 months and over.</summary>
    public static bool ElevenOrOver(int? months) => months >= 132;

    /// <summary>
    /// The band of the time from the incident to the completed report, in calendar months: no later than 6 months after
    /// the incident (31 August to 28 February is 6 months), later than 6 and no later than 12, 12 to 18, later than 18; or
    /// not-known (index 4) when either date is missing.
    /// </summary>
    public static int TimeBand(DateOnly? incident, DateOnly? completed)
    {
        if (incident is not { } start || completed is not { } end)
        {
            return 4;
        }
        return end <= start.AddMonths(6) ? 0 : end <= start.AddMonths(12) ? 1 : end <= start.AddMonths(18) ? 2 : 3;
    }

    public static int LengthBand(int? pages) => pages switch
    {
        null => 5,
        <= 30 => 0,
        <= 50 => 1,
        <= 75 => 2,
        <= 100 => 3,
        _ => 4,
    };

    /// <summary>The band of a number of recommendations, or not-known (index 6) when they could not be counted.</summary>
    public static int RecommendationBand(bool known, int count) => !known ? 6 : count switch
    {
        <= 10 => 0,
        <= 20 => 1,
        <= 40 => 2,
        <= 60 => 3,
        <= 80 => 4,
        _ => 5,
    };

    /// <summary>The band of a number of actions, or not-known (index 7) when there is no plan or they could not be counted.</summary>
    public static int ActionBand(bool known, int count) => !known ? 7 : count switch
    {
        0 => 0,
        <= 10 => 1,
        <= 20 => 2,
        <= 40 => 3,
        <= 60 => 4,
        <= 80 => 5,
        _ => 6,
    };
}

/// <summary>
/// The cross-case analysis of shared/analysis-tables.md, counted a review at a time: feed it the boards and the reviews
/// (from an exchange file or the records), then ask for the tables. Its memory does not grow with the number of reviews:
/// only counts are kept, by table, and by board for the region and the boards in touch with the Panel. Nothing is
/// stored: the tables are computed each time. The Panel's tables are counted by the same rules as the Panel's
/// workspace (<see cref="PanelFigures"/>).
/// </summary>
public sealed class CrossCaseAnalysis
{
    private static readonly int OutlineItems = Enum.GetValues<OutlineItem>().Length;
    private static readonly int OutlineAnswers = Enum.GetValues<OutlineAnswer>().Length;
    private static readonly int PlanItems = Enum.GetValues<ActionPlanItem>().Length;
    private static readonly int PlanAnswers = Enum.GetValues<ActionPlanAnswer>().Length;

    private readonly AnalysisLimits _limits;
    private readonly Dictionary<string, ExchangeBoard> _boards = new(StringComparer.Ordinal);
    private readonly List<string> _boardOrder = [];

    private int _reviews;
    private int _children;
    private readonly int[] _age = new int[AnalysisTables.AgeBands.Length];
    private int _elevenPlus;
    private readonly int[] _infants = new int[AnalysisTables.InfantBands.Length];
    private readonly int[] _sex = Counts<Sex>();
    private readonly int[] _ethnicity = Counts<Ethnicity>();
    private readonly int[] _parents = Counts<Ethnicity>();
    private readonly int[] _disability = Counts<YesNoNotKnown>();
    private readonly int[] _harm = Counts<IncidentType>();
    private readonly int[] _plan = Counts<ChildProtectionPlanStatus>();
    private readonly int[] _legal = Counts<LegalStatus>();
    private readonly Dictionary<string, int> _reviewsByBoard = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, int> _incidentYears = [];
    private int _incidentYearNotKnown;
    private readonly SortedDictionary<int, int> _reportYears = [];
    private int _reportYearNotKnown;
    private readonly int[] _time = new int[AnalysisTables.TimeBands.Length];
    private readonly int[] _author = Counts<AuthorStatus>();
    private readonly int[] _length = new int[AnalysisTables.LengthBands.Length];
    private readonly int[] _outline = new int[OutlineItems * OutlineAnswers];
    private readonly int[] _recommendationCount = new int[AnalysisTables.RecommendationBands.Length];
    private int _recommendations;
    private readonly int[] _focus = Counts<RecommendationFocus>();
    private readonly int[] _actionCount = new int[AnalysisTables.ActionBands.Length];
    private readonly int[] _actionPlan = new int[PlanItems * PlanAnswers];
    private readonly int[] _themes = Counts<ReviewTheme>();
    private readonly PanelDecisionCounter _decisions;
    private readonly PanelPublicationCounter _publication;
    private readonly Dictionary<string, int> _decisionsByBoard = new(StringComparer.Ordinal);

    public CrossCaseAnalysis(AnalysisLimits? limits = null)
    {
        _limits = limits ?? new AnalysisLimits();
        _decisions = new PanelDecisionCounter(_limits.From, _limits.To);
        _publication = new PanelPublicationCounter(_limits.From, _limits.To);
    }

    public AnalysisLimits Limits => _limits;

    /// <summary>How many reviews have been fed in, within the limits or not.</summary>
    public int ReviewsSeen { get; private set; }

    /// <summary>How many reviews were of the board or region the analysis is limited to (whatever their dates).</summary>
    public int ReviewsOfBoardOrRegion { get; private set; }

    /// <summary>
    /// A board known to the sender: the base of <c>boards-not-in-touch</c> and where its reviews' region comes from. When
    /// the analysis is limited to a region, add the boards before their reviews. A board added again is ignored.
    /// </summary>
    public void AddBoard(ExchangeBoard board)
    {
        if (_boards.TryAdd(board.Id, board))
        {
            _boardOrder.Add(board.Id);
        }
    }

    /// <summary>Whether the board has been added.</summary>
    public bool HasBoard(string id) => _boards.ContainsKey(id);

    /// <summary>The region of a board: the one given with it, or not known.</summary>
    public Region RegionOf(string board) => _boards.TryGetValue(board, out var known) ? known.Region : Models.Region.NotKnown;

    /// <summary>Counts a review in every table whose limits it is within.</summary>
    public void Add(ExchangeReview review)
    {
        ReviewsSeen++;
        if ((_limits.Board is { } board && !string.Equals(review.Board, board, StringComparison.Ordinal))
            || (_limits.Region is { } region && RegionOf(review.Board) != region))
        {
            return;
        }
        ReviewsOfBoardOrRegion++;
        AddToPanelTables(review);
        if (!PanelFigures.InPeriod(review.Incident?.Date, _limits.From, _limits.To))
        {
            return;
        }
        _reviews++;
        CollectionsMarshal.GetValueRefOrAddDefault(_reviewsByBoard, review.Board, out _)++;
        foreach (var child in review.Children.AsSpan())
        {
            AddChild(child, review.Incident);
        }
        _parents[(int)review.ParentsEthnicity]++;
        Year(_incidentYears, ref _incidentYearNotKnown, review.Incident?.Date);

        var report = review.Report;
        Year(_reportYears, ref _reportYearNotKnown, report?.CompletedOn);
        _time[AnalysisTables.TimeBand(review.Incident?.Date, report?.CompletedOn)]++;
        _author[(int)(report?.AuthorStatus ?? AuthorStatus.NotKnown)]++;
        _length[AnalysisTables.LengthBand(report?.Pages)]++;
        var outline = report?.Outline;
        for (var item = 0; item < OutlineItems; item++)
        {
            var answer = outline?[(OutlineItem)item] ?? OutlineAnswer.NotKnown;
            _outline[item * OutlineAnswers + (int)answer]++;
        }

        _recommendationCount[AnalysisTables.RecommendationBand(review.RecommendationsKnown, review.Recommendations.Count)]++;
        foreach (var recommendation in review.Recommendations.AsSpan())
        {
            _recommendations++;
            _focus[(int)recommendation.Focus]++;
        }
        var plan = review.ActionPlan;
        _actionCount[AnalysisTables.ActionBand(plan is { ActionsKnown: true }, plan?.Actions.Count ?? 0)]++;
        for (var item = 0; item < PlanItems; item++)
        {
            var answer = plan?[(ActionPlanItem)item] ?? ActionPlanAnswer.NotKnown;
            _actionPlan[item * PlanAnswers + (int)answer]++;
        }

        // A theme counts once for a review, however often the review lists it.
        var themes = 0u;
        foreach (var theme in review.Themes.AsSpan())
        {
            themes |= 1u << (int)theme;
        }
        for (var theme = 0; themes != 0; theme++, themes >>= 1)
        {
            _themes[theme] += (int)(themes & 1);
        }
    }

    private void AddChild(ExchangeChild child, ExchangeIncident? incident)
    {
        _children++;
        var age = child.AgeAtIncidentMonths;
        _age[AnalysisTables.AgeBand(age)]++;
        if (AnalysisTables.ElevenOrOver(age))
        {
            _elevenPlus++;
        }
        if (age is >= 0 and <= 11)
        {
            _infants[age <= 2 ? 0 : age <= 5 ? 1 : 2]++;
        }
        _sex[(int)child.Sex]++;
        _ethnicity[(int)child.Ethnicity]++;
        _disability[(int)child.Disability]++;
        _harm[(int)child.HarmOrIncident(incident)]++;
        _plan[(int)child.ChildProtectionPlan]++;
        _legal[(int)child.LegalStatus]++;
    }

    /// <summary>
    /// The Panel's tables, with their own period: the decision the Panel was told of (counted as the Panel's workspace
    /// counts each review's first decision sent to it), and the report's publication. A board is in touch when it told
    /// the Panel of a decision in the period, as in the Panel's workspace.
    /// </summary>
    private void AddToPanelTables(ExchangeReview review)
    {
        if (review.Decision is { SentToPanel: true } decision
            && _decisions.Add(PanelDecisionFacts.OutcomeOf(decision.Outcome), decision.DecidedOn,
                decision.Panel?.Response ?? PanelResponse.NotConsidered, decision.Panel?.ChallengeOutcome))
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_decisionsByBoard, review.Board, out _)++;
        }
        if (review.Report?.Publication is { } publication)
        {
            _publication.Add(publication.Decision, publication.SentToPanelOn, publication.PanelResponse);
        }
    }

    private static void Year(SortedDictionary<int, int> years, ref int notKnown, DateOnly? date)
    {
        if (date is { Year: var year })
        {
            years[year] = years.GetValueOrDefault(year) + 1;
        }
        else
        {
            notKnown++;
        }
    }

    /// <summary>Every table, in the order of shared/analysis-tables.md.</summary>
    public AnalysisReport Tables()
    {
        var tables = new List<IAnalysisTable>
        {
            new AnalysisTable(AnalysisTables.ChildrenAge, _children,
            [
                .. AnalysisTables.AgeBands.Select((key, i) => AnalysisRow.Of(key, _age[i], _children)),
                AnalysisRow.Of(AnalysisTables.ElevenPlus, _elevenPlus, _children),
            ]),
            Banded(AnalysisTables.InfantsAge, AnalysisTables.InfantBands, _infants),
            Enumerated(AnalysisTables.ChildrenSex, ExchangeNames.Sex, _sex, _children),
            Enumerated(AnalysisTables.ChildrenEthnicity, ExchangeNames.Ethnicity, _ethnicity, _children),
            Enumerated(AnalysisTables.ParentsEthnicity, ExchangeNames.Ethnicity, _parents, _reviews),
            Enumerated(AnalysisTables.ChildrenDisability, ExchangeNames.YesNo, _disability, _children),
            Enumerated(AnalysisTables.Harm, ExchangeNames.Incident, _harm, _children),
            Enumerated(AnalysisTables.ChildProtectionPlan, ExchangeNames.ChildProtectionPlan, _plan, _children),
            new AnalysisTable(AnalysisTables.LegalStatus, _children,
                AnalysisTables.LegalStatusOrder.Select(v => AnalysisRow.Of(ExchangeNames.LegalStatus.Name(v), _legal[(int)v], _children)).ToList()),
            RegionTable(),
            YearTable(AnalysisTables.IncidentYear, _incidentYears, _incidentYearNotKnown),
            YearTable(AnalysisTables.ReportYear, _reportYears, _reportYearNotKnown),
            Banded(AnalysisTables.TimeToCompletion, AnalysisTables.TimeBands, _time),
            Enumerated(AnalysisTables.AuthorStatus, ExchangeNames.AuthorStatus, _author, _reviews),
            Banded(AnalysisTables.ReportLength, AnalysisTables.LengthBands, _length),
            Grid(AnalysisTables.OutlineCompliance, ExchangeNames.OutlineItem, ExchangeNames.OutlineAnswer, _outline),
            Banded(AnalysisTables.RecommendationCount, AnalysisTables.RecommendationBands, _recommendationCount),
            FocusTable(),
            Banded(AnalysisTables.ActionCount, AnalysisTables.ActionBands, _actionCount),
            Grid(AnalysisTables.ActionPlan, ExchangeNames.PlanItem, ExchangeNames.PlanAnswer, _actionPlan),
            Enumerated(AnalysisTables.Themes, ExchangeNames.Theme, _themes, _reviews),
            _decisions.ToTable(),
            _publication.ToTable(),
            BoardsTable(),
        };
        return new AnalysisReport(tables);
    }

    private static int[] Counts<T>()
        where T : struct, Enum => new int[Enum.GetValues<T>().Length];

    /// <summary>A table whose rows partition its base: the base is the sum of the rows.</summary>
    private static AnalysisTable Banded(string id, string[] keys, int[] counts)
    {
        var total = counts.Sum();
        return new AnalysisTable(id, total, keys.Select((key, i) => AnalysisRow.Of(key, counts[i], total)).ToList());
    }

    private static AnalysisTable Enumerated<T>(string id, ExchangeEnum<T> names, int[] counts, int tableBase)
        where T : struct, Enum =>
        new(id, tableBase, names.Names.Select((key, i) => AnalysisRow.Of(key, counts[i], tableBase)).ToList());

    private AnalysisGrid Grid<TItem, TAnswer>(string id, ExchangeEnum<TItem> items, ExchangeEnum<TAnswer> answers, int[] counts)
        where TItem : struct, Enum
        where TAnswer : struct, Enum
    {
        var columns = answers.Names.Count;
        return new AnalysisGrid(id, _reviews, answers.Names,
            items.Names.Select((key, i) => new AnalysisGridRow(key, counts.AsSpan(i * columns, columns).ToArray())).ToList());
    }

    /// <summary>The region of each review's board; a board not given, or given without a region, is not known.</summary>
    private AnalysisTable RegionTable()
    {
        var counts = Counts<Region>();
        foreach (var (board, reviews) in _reviewsByBoard)
        {
            counts[(int)RegionOf(board)] += reviews;
        }
        return Enumerated(AnalysisTables.Region, ExchangeNames.Region, counts, _reviews);
    }

    /// <summary>Each year present, ascending, then not-known.</summary>
    private AnalysisTable YearTable(string id, SortedDictionary<int, int> years, int notKnown) => new(id, _reviews,
    [
        .. years.Select(y => AnalysisRow.Of(y.Key.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), y.Value, _reviews)),
        AnalysisRow.Of(AnalysisTables.NotKnown, notKnown, _reviews),
    ]);

    /// <summary>
    /// The focus of every recommendation, by count, most first, ties in the order of the exchange format; a recommendation
    /// whose focus is not known is counted in <c>not-known</c>, always last.
    /// </summary>
    private AnalysisTable FocusTable()
    {
        var notKnown = (int)RecommendationFocus.NotKnown;
        var order = Enumerable.Range(0, _focus.Length).Where(i => i != notKnown).OrderByDescending(i => _focus[i]).ThenBy(i => i).Append(notKnown);
        return new AnalysisTable(AnalysisTables.RecommendationFocus, _recommendations,
            order.Select(i => AnalysisRow.Of(ExchangeNames.Focus.Names[i], _focus[i], _recommendations)).ToList());
    }

    /// <summary>The boards given (within the board and region limits), and whether each told the Panel of a decision in the period.</summary>
    private AnalysisTable BoardsTable()
    {
        var boards = _boardOrder.Where(b => (_limits.Board is null || b == _limits.Board) && (_limits.Region is null || RegionOf(b) == _limits.Region));
        return PanelFigures.BoardsNotInTouch(boards, _decisionsByBoard);
    }
}
