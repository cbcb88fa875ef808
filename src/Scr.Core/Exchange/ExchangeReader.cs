using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Scr.Core.Models;

namespace Scr.Core.Exchange;

/// <summary>How an exchange file is read.</summary>
public sealed record ExchangeReadOptions
{
    /// <summary>
    /// Whether free text (rationale, recommendations' and actions' text) is kept. The analysis counts none of it, so it reads
    /// with this off: the text is still checked to be text, but no string is made of it.
    /// </summary>
    public bool KeepText { get; init; } = true;

    /// <summary>How many problems are listed in full; the rest are only counted.</summary>
    public int ProblemLimit { get; init; } = ExchangeProblems.DefaultLimit;

    /// <summary>The size of the read buffer to start with; it grows when one review does not fit.</summary>
    public int BufferSize { get; init; } = 1 << 20;
}

/// <summary>
/// Reads an exchange file (<c>scr-exchange/1</c>, shared/exchange-format.md) one review at a time, checking every field as
/// it goes, without ever holding more of the file than one review (a file of 100,000 reviews is about 300 MB). Problems
/// are collected with their JSON path; the reader goes on past them to find the others. A review with a problem is not
/// returned; since a file with any problem is refused whole, whoever reads must check <see cref="Problems"/> once the
/// reader has come to the end (<see cref="Read"/> returned false), before using anything it returned.
/// </summary>
public sealed class ExchangeReader : IDisposable
{
    public const string Format = "scr-exchange/1";

    private static readonly JsonReaderOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    private static readonly FieldSet RootFields = new("format", "boards", "reviews");
    private static readonly FieldSet BoardFields = new("id", "name", "region");
    private static readonly FieldSet ReviewFields = new("reference", "board", "kind", "guidance", "incident", "children",
        "parentsEthnicity", "themes", "decision", "report", "recommendationsKnown", "recommendations", "actionPlan");
    private static readonly FieldSet IncidentFields = new("type", "date", "notifiedToBoard");
    private static readonly FieldSet ChildFields = new("ageAtIncidentMonths", "harm", "sex", "ethnicity", "disability",
        "childProtectionPlan", "legalStatus");
    private static readonly FieldSet DecisionFields = new("outcome", "decidedOn", "rationale", "reportedToPanelOn", "panel");
    private static readonly FieldSet PanelFields = new("response", "challengeOutcome");
    private static readonly FieldSet ReportFields = new("completedOn", "authorStatus", "pages", "outline", "publication");
    private static readonly FieldSet OutlineFields = new(ExchangeNames.OutlineItem.Names.ToArray());
    private static readonly FieldSet PublicationFields = new("decision", "sentToPanelOn", "panel", "publishedOn");
    private static readonly FieldSet PublicationPanelFields = new("response");
    private static readonly FieldSet RecommendationFields = new("number", "text", "addressedTo", "focus", "desiredOutcome", "measure");
    private static readonly FieldSet ActionPlanFields = new([.. ExchangeNames.PlanItem.Names, "actionsKnown", "actions"]);
    private static readonly FieldSet ActionFields = new("recommendation", "text", "lead", "due", "intendedOutcome", "status", "evidenceOfImpact");
    private static readonly int PlanItems = ExchangeNames.PlanItem.Names.Count;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ExchangeReadOptions _options;
    private readonly JsonPath _path = new();
    private readonly List<ExchangeBoard> _boards = [];
    private readonly Dictionary<string, int> _boardIndexes = new(StringComparer.Ordinal);
    private readonly Dictionary<UInt128, int> _references = [];
    private readonly Dictionary<string, (int FirstReview, int Reviews)> _reviewBoards = new(StringComparer.Ordinal);
    private readonly List<ExchangeChild> _children = [];
    private readonly List<ReviewTheme> _themes = [];
    private readonly List<ExchangeRecommendation> _recommendations = [];
    private readonly List<ExchangeAction> _actions = [];

    private byte[] _buffer;
    private byte[] _scratch = new byte[256];
    private int _start;
    private int _end;
    private bool _final;
    private bool _started;
    private long _bytesRead;
    private JsonReaderState _state = new(JsonOptions);
    private Where _where = Where.Start;
    private ulong _rootSeen;
    private int _boardIndex;
    private int _reviewIndex;
    private bool _boardsListed;
    private bool _finished;
    private bool _stoppedEarly;
    private string? _lastBoard;

    public ExchangeReader(Stream stream, ExchangeReadOptions? options = null, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _options = options ?? new ExchangeReadOptions();
        Problems = new ExchangeProblems(_options.ProblemLimit);
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16, _options.BufferSize));
    }

    private enum Where
    {
        Start,
        Root,
        Boards,
        Reviews,
        End,
        Done,
    }

    private enum Step
    {
        Review,
        NeedMore,
        End,
    }

    /// <summary>Every problem found so far. Complete once <see cref="Read"/> has returned false.</summary>
    public ExchangeProblems Problems { get; }

    /// <summary>The boards read so far, in the file's order (the writer puts them before the reviews).</summary>
    public IReadOnlyList<ExchangeBoard> Boards => _boards;

    /// <summary>Whether the file lists its boards (so far).</summary>
    public bool BoardsListed => _boardsListed;

    /// <summary>How many reviews have been read, with or without problems.</summary>
    public int ReviewsRead => _reviewIndex;

    /// <summary>How many bytes of the file have been read.</summary>
    public long BytesRead => _bytesRead;

    /// <summary>Whether the reader has come to the end of the file (or stopped at a problem it cannot read past).</summary>
    public bool Finished => _finished;

    /// <summary>Reads a whole file and returns its boards and reviews, or throws <see cref="ExchangeFileException"/>.</summary>
    public static (IReadOnlyList<ExchangeBoard> Boards, IReadOnlyList<ExchangeReview> Reviews) ReadAll(Stream stream, ExchangeReadOptions? options = null)
    {
        using var reader = new ExchangeReader(stream, options, leaveOpen: true);
        var reviews = new List<ExchangeReview>();
        while (reader.Read(out var review))
        {
            reviews.Add(review);
        }
        return reader.Problems.Any ? throw new ExchangeFileException(reader.Problems) : (reader.Boards, reviews);
    }

    /// <summary>
    /// Reads only the file's boards, stopping as soon as they have been read (the writer puts them first). For limiting an
    /// analysis by region when the file might list its boards after its reviews. The file is checked fully only by a
    /// full read.
    /// </summary>
    public static IReadOnlyList<ExchangeBoard> ReadBoards(Stream stream, ExchangeReadOptions? options = null)
    {
        using var reader = new ExchangeReader(stream, (options ?? new ExchangeReadOptions()) with { KeepText = false }, leaveOpen: true);
        while (!reader.Finished && !(reader.BoardsListed && reader._where != Where.Boards))
        {
            reader.Read(out _);
        }
        return reader.Boards;
    }

    /// <summary>
    /// The next review without a problem, or false at the end of the file (check <see cref="Problems"/> then). Reviews with
    /// problems are passed over: their problems are in <see cref="Problems"/>.
    /// </summary>
    public bool Read([NotNullWhen(true)] out ExchangeReview? review)
    {
        while (true)
        {
            switch (Parse(out review))
            {
                case Step.Review when review is not null:
                    return true;
                case Step.End:
                    return false;
                default:
                    MakeRoom();
                    Filled(_stream.Read(_buffer, _end, _buffer.Length - _end));
                    break;
            }
        }
    }

    /// <summary>As <see cref="Read"/>, reading the stream asynchronously: the next review without a problem, or null at the end.</summary>
    public async ValueTask<ExchangeReview?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            switch (Parse(out var review))
            {
                case Step.Review:
                    return review;
                case Step.End:
                    return null;
                default:
                    MakeRoom();
                    Filled(await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken));
                    break;
            }
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    // --- The buffer ------------------------------------------------------------------------------------------------------

    /// <summary>Moves what is left to the front of the buffer, and doubles the buffer when one piece fills it.</summary>
    private void MakeRoom()
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        var left = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, left);
            _start = 0;
            _end = left;
        }
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(checked(_buffer.Length * 2));
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }

    private void Filled(int read)
    {
        if (read == 0)
        {
            _final = true;
            return;
        }
        if (!_started)
        {
            // A byte order mark is allowed before the JSON.
            _started = true;
            if (read >= 3 && _buffer.AsSpan(_end, 3).SequenceEqual("\uFEFF"u8))
            {
                _start += 3;
            }
        }
        _end += read;
        _bytesRead += read;
    }

    // --- The file, a piece at a time ---------------------------------------------------------------------------------------

    /// <summary>
    /// Reads pieces (a field of the root, a board, a review) from the buffer until a review is read, the buffer runs out in
    /// the middle of a piece (that piece is then read again from its start once there is more), or the file ends.
    /// </summary>
    private Step Parse(out ExchangeReview? review)
    {
        review = null;
        if (_where == Where.Done)
        {
            return Step.End;
        }
        if (_where == Where.Start && _final && _end == _start)
        {
            Problems.Add("$", "the file is empty");
            return Stop();
        }
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        long committed = 0;
        var problems = Problems.Count;
        var depth = _path.Depth;
        var where = _where;
        try
        {
            while (true)
            {
                problems = Problems.Count;
                depth = _path.Depth;
                where = _where;
                var step = Piece(ref reader, out review);
                committed = reader.BytesConsumed;
                _state = reader.CurrentState;
                if (step == Step.Review || _where == Where.Done)
                {
                    _start += (int)committed;
                    return _where == Where.Done ? Finish() : Step.Review;
                }
            }
        }
        catch (NeedMoreData)
        {
            if (_final)
            {
                // Not expected: the parser reports a file that ends too soon as not valid JSON.
                Problems.Add(_path.Current(), "the file ends too soon");
                return Stop();
            }
            Problems.TruncateTo(problems);
            _path.PopTo(depth);
            _where = where;
            _start += (int)committed;
            return Step.NeedMore;
        }
        catch (JsonException e)
        {
            Problems.Add(_path.Current(), NotJson(e));
            return Stop();
        }
    }

    private Step Stop()
    {
        _stoppedEarly = true;
        _where = Where.Done;
        return Finish();
    }

    /// <summary>The checks that need the whole file: the format was given; each review's board is one of the file's boards.</summary>
    private Step Finish()
    {
        if (_finished)
        {
            return Step.End;
        }
        _finished = true;
        if (_stoppedEarly)
        {
            return Step.End;
        }
        if ((_rootSeen & 1) == 0)
        {
            Problems.Add("$.format", "required");
        }
        if (_boardsListed)
        {
            foreach (var (board, (first, reviews)) in _reviewBoards.OrderBy(b => b.Value.FirstReview))
            {
                if (!_boardIndexes.ContainsKey(board))
                {
                    Problems.Add($"$.reviews[{first}].board", $"{Quote(board)} is not one of the file's boards"
                        + (reviews > 1 ? string.Create(CultureInfo.InvariantCulture, $" (nor for {reviews - 1:N0} later reviews)") : ""));
                }
            }
        }
        return Step.End;
    }

    /// <summary>One piece of the file, from where the reader stands.</summary>
    private Step Piece(ref Utf8JsonReader r, out ExchangeReview? review)
    {
        review = null;
        switch (_where)
        {
            case Where.Start:
                Next(ref r);
                if (r.TokenType != JsonTokenType.StartObject)
                {
                    Problems.Add("$", $"must be an object with \"format\": \"{Format}\", not {Describe(ref r)}");
                    Stop();
                    return Step.End;
                }
                _where = Where.Root;
                return Step.NeedMore;

            case Where.Root:
                Next(ref r);
                if (r.TokenType == JsonTokenType.EndObject)
                {
                    _where = Where.End;
                    return Step.NeedMore;
                }
                var name = Utf8(ref r);
                var field = RootFields.IndexOf(name);
                var isX = name.SequenceEqual("x"u8);
                var unknown = field < 0 && !isX ? Encoding.UTF8.GetString(name) : null;
                Next(ref r);
                if (field >= 0 && (_rootSeen & (1UL << field)) != 0)
                {
                    Problem(RootFields[field], "given more than once");
                    Skip(ref r);
                    return Step.NeedMore;
                }
                if (field >= 0)
                {
                    _rootSeen |= 1UL << field;
                }
                switch (field)
                {
                    case 0:
                        ReadFormat(ref r);
                        break;
                    case 1 or 2 when r.TokenType == JsonTokenType.StartArray:
                        _path.Push(RootFields[field]);
                        _where = field == 1 ? Where.Boards : Where.Reviews;
                        _boardsListed |= field == 1;
                        break;
                    case 1 or 2:
                        Problem(RootFields[field], $"must be a list, not {Describe(ref r)}");
                        Skip(ref r);
                        break;
                    default:
                        if (unknown is not null)
                        {
                            Problem(unknown, "unknown field");
                        }
                        Skip(ref r);
                        break;
                }
                return Step.NeedMore;

            case Where.Boards:
                Next(ref r);
                if (r.TokenType == JsonTokenType.EndArray)
                {
                    _path.Pop();
                    _where = Where.Root;
                    return Step.NeedMore;
                }
                _path.Push(_boardIndex);
                ReadBoard(ref r);
                _path.Pop();
                _boardIndex++;
                return Step.NeedMore;

            case Where.Reviews:
                Next(ref r);
                if (r.TokenType == JsonTokenType.EndArray)
                {
                    _path.Pop();
                    _where = Where.Root;
                    return Step.NeedMore;
                }
                _path.Push(_reviewIndex);
                review = ReadReview(ref r);
                _path.Pop();
                _reviewIndex++;
                return review is null ? Step.NeedMore : Step.Review;

            default:
                // After the root object: only white space may follow, which the reader checks once the file has ended.
                if (!_final)
                {
                    throw NeedMoreData.Instance;
                }
                if (r.Read())
                {
                    Problems.Add("$", "the file goes on after the end of its object");
                }
                _where = Where.Done;
                return Step.End;
        }
    }

    private void ReadFormat(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.String && r.ValueTextEquals(Format))
        {
            return;
        }
        var found = Describe(ref r);
        Skip(ref r);
        Problem("format", $"must be \"{Format}\", not {found}: this reader reads version 1 of the exchange format only");
        Stop();
    }

    private void ReadBoard(ref Utf8JsonReader r)
    {
        if (!IsObject(ref r, null, optional: false))
        {
            return;
        }
        var problems = Problems.Count;
        string? id = null, name = null;
        var region = Region.NotKnown;
        ulong seen = 0;
        int field;
        while ((field = NextField(ref r, BoardFields, ref seen)) >= 0)
        {
            switch (field)
            {
                case 0:
                    id = RequiredText(ref r, "id");
                    break;
                case 1:
                    name = Text(ref r, "name", keep: true);
                    break;
                default:
                    region = Enum(ref r, "region", ExchangeNames.Region, Region.NotKnown);
                    break;
            }
        }
        if (id is null)
        {
            Problem("id", "required");
        }
        if (Problems.Count != problems || id is null)
        {
            return;
        }
        if (_boardIndexes.TryGetValue(id, out var first))
        {
            Problem("id", $"{Quote(id)} is already the id of $.boards[{first}]");
            return;
        }
        _boardIndexes[id] = _boardIndex;
        _boards.Add(new ExchangeBoard(id, name, region));
    }

    private ExchangeReview? ReadReview(ref Utf8JsonReader r)
    {
        if (!IsObject(ref r, null, optional: false))
        {
            return null;
        }
        var problems = Problems.Count;
        string? reference = null, board = null;
        var kind = ExchangeReviewKind.NotKnown;
        var guidance = GuidanceEdition.NotKnown;
        ExchangeIncident? incident = null;
        var children = ValueList<ExchangeChild>.Empty;
        var parentsEthnicity = Ethnicity.NotKnown;
        var themes = ValueList<ReviewTheme>.Empty;
        ExchangeDecision? decision = null;
        ExchangeReport? report = null;
        bool? recommendationsKnown = null;
        ValueList<ExchangeRecommendation>? recommendations = null;
        ExchangeActionPlan? actionPlan = null;
        ulong seen = 0;
        int field;
        while ((field = NextField(ref r, ReviewFields, ref seen)) >= 0)
        {
            switch (field)
            {
                case 0:
                    reference = RequiredText(ref r, "reference");
                    break;
                case 1:
                    board = Board(ref r);
                    break;
                case 2:
                    kind = Enum(ref r, "kind", ExchangeNames.Kind, ExchangeReviewKind.NotKnown);
                    break;
                case 3:
                    guidance = Enum(ref r, "guidance", ExchangeNames.Guidance, GuidanceEdition.NotKnown);
                    break;
                case 4:
                    incident = ReadIncident(ref r);
                    break;
                case 5:
                    children = ReadChildren(ref r);
                    break;
                case 6:
                    parentsEthnicity = Enum(ref r, "parentsEthnicity", ExchangeNames.Ethnicity, Ethnicity.NotKnown);
                    break;
                case 7:
                    themes = ReadThemes(ref r);
                    break;
                case 8:
                    decision = ReadDecision(ref r);
                    break;
                case 9:
                    report = ReadReport(ref r);
                    break;
                case 10:
                    recommendationsKnown = Bool(ref r, "recommendationsKnown");
                    break;
                case 11:
                    recommendations = ReadRecommendations(ref r);
                    break;
                default:
                    actionPlan = ReadActionPlan(ref r);
                    break;
            }
        }
        if (reference is null)
        {
            Problem("reference", "required");
        }
        if (board is null)
        {
            Problem("board", "required");
        }
        if (reference is null || board is null)
        {
            return null;
        }
        var (firstOfBoard, reviewsOfBoard) = _reviewBoards.GetValueOrDefault(board, (_reviewIndex, 0));
        _reviewBoards[board] = (firstOfBoard, reviewsOfBoard + 1);
        // A board not among the file's boards is reported at the end, once, since the boards may be listed after the reviews.
        var key = ReferenceKey(board, reference);
        if (!_references.TryAdd(key, _reviewIndex))
        {
            Problem("reference", $"{Quote(reference)} is already the reference of $.reviews[{_references[key]}] of board {Quote(board)}");
        }
        if (Problems.Count != problems)
        {
            return null;
        }
        return new ExchangeReview
        {
            Reference = reference,
            Board = board,
            Kind = kind,
            Guidance = guidance,
            Incident = incident,
            Children = children,
            ParentsEthnicity = parentsEthnicity,
            Themes = themes,
            Decision = decision,
            Report = report,
            RecommendationsKnown = recommendationsKnown ?? recommendations is not null,
            Recommendations = recommendations ?? ValueList<ExchangeRecommendation>.Empty,
            ActionPlan = actionPlan,
        };
    }

    /// <summary>A review's board id; the same string as the last review's when it is the same board.</summary>
    private string? Board(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.String && _lastBoard is not null && !r.ValueIsEscaped && r.ValueTextEquals(_lastBoard))
        {
            return _lastBoard;
        }
        var board = RequiredText(ref r, "board");
        _lastBoard = board ?? _lastBoard;
        return board;
    }

    /// <summary>16 bytes of SHA-256 of the board and the reference: one small key per review, whatever the length of either.</summary>
    private static UInt128 ReferenceKey(string board, string reference)
    {
        var length = Encoding.UTF8.GetMaxByteCount(board.Length + reference.Length) + 1;
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> bytes = rented ?? stackalloc byte[512];
        var written = Encoding.UTF8.GetBytes(board, bytes);
        bytes[written++] = 0xFF; // never in UTF-8, so no board and reference can run together into another pair
        written += Encoding.UTF8.GetBytes(reference, bytes[written..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes[..written], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
        return new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
    }

    private ExchangeIncident? ReadIncident(ref Utf8JsonReader r)
    {
        if (!IsObject(ref r, "incident"))
        {
            return null;
        }
        _path.Push("incident");
        var type = IncidentType.NotKnown;
        DateOnly? date = null, notified = null;
        ulong seen = 0;
        int field;
        while ((field = NextField(ref r, IncidentFields, ref seen)) >= 0)
        {
            switch (field)
            {
                case 0:
                    type = Enum(ref r, "type", ExchangeNames.Incident, IncidentType.NotKnown);
                    break;
                case 1:
                    date = Date(ref r, "date");
                    break;
                default:
                    notified = Date(ref r, "notifiedToBoard");
                    break;
            }
        }
        _path.Pop();
        return new ExchangeIncident(type, date, notified);
    }

    private ValueList<ExchangeChild> ReadChildren(ref Utf8JsonReader r)
    {
        if (!IsArray(ref r, "children"))
        {
            return ValueList<ExchangeChild>.Empty;
        }
        _path.Push("children");
        _children.Clear();
        var index = 0;
        while (NextItem(ref r))
        {
            _path.Push(index++);
            if (ReadChild(ref r) is { } child)
            {
                _children.Add(child);
            }
            _path.Pop();
        }
        _path.Pop();
        return ValueList<ExchangeChild>.Own([.. _children]);
    }

    private ExchangeChild? ReadChild(ref Utf8JsonReader r)
    {
        if (!IsObject(ref r, null, optional: false))
        {
            return null;
        }
        int? age = null;
        IncidentType? harm = null;
        var sex = Sex.NotKnown;
        var ethnicity = Ethnicity.NotKnown;
        var disability = YesNoNotKnown.NotKnown;
        var plan = ChildProtectionPlanStatus.NotKnown;
        var legal = LegalStatus.NotKnown;
        ulong seen = 0;
        int field;
        while ((field = NextField(ref r, ChildFields, ref seen)) >= 0)
        {
            switch (field)
            {
                case 0:
                    age = Count(ref r, "ageAtIncidentMonths", 0, ExchangeChild.MaximumAgeMonths, "months (under 18 years)");
                    break;
                case 1:
                    harm = r.TokenType == JsonTokenType.Null ? null : Enum(ref r, "harm", ExchangeNames.Incident, IncidentType.NotKnown);
                    break;
                case 2:
                    sex = Enum(ref r, "sex", ExchangeNames.Sex, Sex.NotKnown);
                    break;
                case 3:
                    ethnicity = Enum(ref r, "ethnicity", ExchangeNames.Ethnicity, Ethnicity.NotKnown);
                    break;
                case 4:
                    disability = Enum(ref r, "disability", ExchangeNames.YesNo, YesNoNotKnown.NotKnown);
                    break;
                case 5:
                    plan = Enum(ref r, "childProtectionPlan", ExchangeNames.ChildProtectionPlan, ChildProtectionPlanStatus.NotKnown);
                    break;
                default:
                    legal = Enum(ref r, "legalStatus", ExchangeNames.LegalStatus, LegalStatus.NotKnown);
                    break;
            }
        }
        return new ExchangeChild(age, harm, sex, ethnicity, disability, plan, legal);
    }

    private ValueList<ReviewTheme> ReadThemes(ref Utf8JsonReader r)
    {
        if (!IsArray(ref r, "themes"))
        {
            return ValueList<ReviewTheme>.Empty;
        }
        _path.Push("themes");
        _themes.Clear();
        var index = 0;
        while (NextItem(ref r))
        {
            var value = r.TokenType == JsonTokenType.String ? Utf8(ref r) : default;
            if (r.TokenType == JsonTokenType.String && ExchangeNames.Theme.TryParse(value, out var theme))
            {
                _themes.Add(theme);
            }
            else
            {
                Problems.Add(_path.Current() + $"[{index}]", $"must be one of {ExchangeNames.Theme.Allowed}, not {Describe(ref r)}");
                Skip(ref r);
            }
            index++;
        }
        _path.Pop();
        return ValueList<ReviewTheme>.Own([.. _themes]);
    }

    private ExchangeDecision? ReadDecision(ref Utf8JsonReader r)
    {
        if (!IsObject(ref r, "decision"))
        {
            return null;
        }
        _path.Push("decision");
        var outcome = ExchangeDecisionOutcome.NotKnown;
        DateOnly? decidedOn = null, reported = null;
        string? rationale = null;
        ExchangePanelAnswer? panel = null;
        ulong seen = 0;
        int field;
        while ((field = NextField(ref r, DecisionFields, ref seen)) >= 0)
        {
            switch (field)
            {
                case 0:
                    outcome = Enum(ref r, "outcome", ExchangeNames.Outcome, ExchangeDecisionOutcome.NotKnown);
                    break;
                case 1:
                    decidedOn = Date(ref r, "decidedOn");
                    break;
                case 2:
                    rationale = Text(ref r, "rationale");
                    break;
                case 3:
                    reported = Date(ref r, "reportedToPanelOn");
                    break;
                default:
                    panel = ReadPanelAnswer(ref r);
                    break;
            }
        }
        _path.Pop();
        return new ExchangeDecision(outcome, decidedOn, rationale, reported, panel);
    }

    private ExchangePanelAnswer? ReadPanelAnswer(ref Utf8JsonReader r)
    {
        if (!IsObject(ref r, "panel"))
        {
            return null;
        }
        _path.Push("panel");
        PanelResponse? response = null;
        ChallengeOutcome? challenge = null;
        ulong seen = 0;
        int field;
        while ((field = NextField(ref r, PanelFields, ref seen)) >= 0)
        {
            if (field == 0)
            {
                response = NullableEnum(ref r, "response", ExchangeNames.PanelResponse);
            }
            else
            {
                challenge = NullableEnum(ref r, "challengeOutcome", ExchangeNames.ChallengeOutcome);
            }
        }
        if (challenge is not null && response != PanelResponse.Challenged)
        {
            Problem("challengeOutcome", "only a decision the Panel challenged has an outcome of the challenge (response \"challenged\")");
        }
        _path.Pop();
        return new ExchangePanelAnswer(response, challenge);
    }

    private ExchangeReport? ReadReport(ref Utf8JsonReader r)
    {
        if (!IsObject(ref r, "report"))
        {
            return null;
        }
        _path.Push("report");
        DateOnly? completed = null;
        var author = AuthorStatus.NotKnown;
        int? pages = null;
        ExchangeOutline? outline = null;
        ExchangePublication? publication = null;
        ulong seen = 0;
        int field;
        while ((field = NextField(ref r, ReportFields, ref seen)) >= 0)
        {
            switch (field)
            {
                case 0:
                    completed = Date(ref r, "completedOn");
                    break;
                case 1:
                    author = Enum(ref r, "authorStatus", ExchangeNames.AuthorStatus, AuthorStatus.NotKnown);
                    break;
                case 2:
                    pages = Count(ref r, "pages", 0, 100_000, "pages");
                    break;
                case 3:
                    outline = ReadOutline(ref r);
                    break;
                default:
                    publication = ReadPublication(ref r);
                    break;
            }
        }
        _path.Pop();
        return new ExchangeReport(completed, author, pages, outline, publication);
    }

    private ExchangeOutline? ReadOutline(ref Utf8JsonReader r)
    {
        if (!IsObject(ref r, "outline"))
        {
            return null;
        }
        _path.Push("outline");
        var outline = new ExchangeOutline();
        ulong seen = 0;
        int field;
        while ((field = NextField(ref r, OutlineFields, ref seen)) >= 0)
        {
            outline[(OutlineItem)field] = Enum(ref r, OutlineFields[field], ExchangeNames.OutlineAnswer, OutlineAnswer.NotKnown);
        }
        _path.Pop();
        return outline;
    }

    private ExchangePublication? ReadPublication(ref Utf8JsonReader r)
    {
        if (!IsObject(ref r, "publication"))
        {
            return null;
        }
        _path.Push("publication");
        var decision = PublicationDecision.NotKnown;
        DateOnly? sent = null, published = null;
        PublicationPanelResponse? response = null;
        ulong seen = 0;
        int field;
        while ((field = NextField(ref r, PublicationFields, ref seen)) >= 0)
        {
            switch (field)
            {
                case 0:
                    decision = Enum(ref r, "decision", ExchangeNames.Publication, PublicationDecision.NotKnown);
                    break;
                case 1:
                    sent = Date(ref r, "sentToPanelOn");
                    break;
                case 2:
                    response = ReadPublicationPanel(ref r);
                    break;
                default:
                    published = Date(ref r, "publishedOn");
                    break;
            }
        }
        if (response is not null && decision != PublicationDecision.NotPublish)
        {
            Problem("panel", "only a decision not to publish has the Panel's response (decision \"not-publish\")");
        }
        _path.Pop();
        return new ExchangePublication(decision, sent, response, published);
    }

    private PublicationPanelResponse? ReadPublicationPanel(ref Utf8JsonReader r)
    {
        if (!IsObject(ref r, "panel"))
        {
            return null;
        }
        _path.Push("panel");
        var response = PublicationPanelResponse.NotKnown;
        ulong seen = 0;
        while (NextField(ref r, PublicationPanelFields, ref seen) >= 0)
        {
            response = Enum(ref r, "response", ExchangeNames.PublicationResponse, PublicationPanelResponse.NotKnown);
        }
        _path.Pop();
        return response;
    }

    private ValueList<ExchangeRecommendation>? ReadRecommendations(ref Utf8JsonReader r)
    {
        if (!IsArray(ref r, "recommendations"))
        {
            return null;
        }
        _path.Push("recommendations");
        _recommendations.Clear();
        var index = 0;
        while (NextItem(ref r))
        {
            _path.Push(index++);
            if (ReadRecommendation(ref r) is { } recommendation)
            {
                _recommendations.Add(recommendation);
            }
            _path.Pop();
        }
        _path.Pop();
        return ValueList<ExchangeRecommendation>.Own([.. _recommendations]);
    }

    private ExchangeRecommendation? ReadRecommendation(ref Utf8JsonReader r)
    {
        if (!IsObject(ref r, null, optional: false))
        {
            return null;
        }
        int? number = null;
        string? text = null, addressedTo = null, outcome = null, measure = null;
        var focus = RecommendationFocus.NotKnown;
        ulong seen = 0;
        int field;
        while ((field = NextField(ref r, RecommendationFields, ref seen)) >= 0)
        {
            switch (field)
            {
                case 0:
                    number = Count(ref r, "number", 1, int.MaxValue, "");
                    break;
                case 1:
                    text = Text(ref r, "text");
                    break;
                case 2:
                    addressedTo = Text(ref r, "addressedTo");
                    break;
                case 3:
                    focus = Enum(ref r, "focus", ExchangeNames.Focus, RecommendationFocus.NotKnown);
                    break;
                case 4:
                    outcome = Text(ref r, "desiredOutcome");
                    break;
                default:
                    measure = Text(ref r, "measure");
                    break;
            }
        }
        return new ExchangeRecommendation(number, text, addressedTo, focus, outcome, measure);
    }

    private ExchangeActionPlan? ReadActionPlan(ref Utf8JsonReader r)
    {
        if (!IsObject(ref r, "actionPlan"))
        {
            return null;
        }
        _path.Push("actionPlan");
        var judgements = new ActionPlanAnswer[PlanItems];
        Array.Fill(judgements, ActionPlanAnswer.NotKnown);
        bool? actionsKnown = null;
        ValueList<ExchangeAction>? actions = null;
        ulong seen = 0;
        int field;
        while ((field = NextField(ref r, ActionPlanFields, ref seen)) >= 0)
        {
            if (field < PlanItems)
            {
                judgements[field] = Enum(ref r, ActionPlanFields[field], ExchangeNames.PlanAnswer, ActionPlanAnswer.NotKnown);
            }
            else if (field == PlanItems)
            {
                actionsKnown = Bool(ref r, "actionsKnown");
            }
            else
            {
                actions = ReadActions(ref r);
            }
        }
        _path.Pop();
        return new ExchangeActionPlan(actionsKnown ?? actions is not null, ValueList<ActionPlanAnswer>.Own(judgements),
            actions ?? ValueList<ExchangeAction>.Empty);
    }

    private ValueList<ExchangeAction>? ReadActions(ref Utf8JsonReader r)
    {
        if (!IsArray(ref r, "actions"))
        {
            return null;
        }
        _path.Push("actions");
        _actions.Clear();
        var index = 0;
        while (NextItem(ref r))
        {
            _path.Push(index++);
            if (ReadAction(ref r) is { } action)
            {
                _actions.Add(action);
            }
            _path.Pop();
        }
        _path.Pop();
        return ValueList<ExchangeAction>.Own([.. _actions]);
    }

    private ExchangeAction? ReadAction(ref Utf8JsonReader r)
    {
        if (!IsObject(ref r, null, optional: false))
        {
            return null;
        }
        int? recommendation = null;
        string? text = null, lead = null, outcome = null, status = null, evidence = null;
        DateOnly? due = null;
        ulong seen = 0;
        int field;
        while ((field = NextField(ref r, ActionFields, ref seen)) >= 0)
        {
            switch (field)
            {
                case 0:
                    recommendation = Count(ref r, "recommendation", 1, int.MaxValue, "(a recommendation's number)");
                    break;
                case 1:
                    text = Text(ref r, "text");
                    break;
                case 2:
                    lead = Text(ref r, "lead");
                    break;
                case 3:
                    due = Date(ref r, "due");
                    break;
                case 4:
                    outcome = Text(ref r, "intendedOutcome");
                    break;
                case 5:
                    status = Text(ref r, "status");
                    break;
                default:
                    evidence = Text(ref r, "evidenceOfImpact");
                    break;
            }
        }
        return new ExchangeAction(recommendation, text, lead, due, outcome, status, evidence);
    }

    // --- Tokens -------------------------------------------------------------------------------------------------------------

    /// <summary>The next token; when the buffer ends first, the piece is read again once there is more.</summary>
    private static void Next(ref Utf8JsonReader r)
    {
        if (!r.Read())
        {
            throw NeedMoreData.Instance;
        }
    }

    /// <summary>Past the value the reader is on (an object or list with all it holds).</summary>
    private static void Skip(ref Utf8JsonReader r)
    {
        if (!r.TrySkip())
        {
            throw NeedMoreData.Instance;
        }
    }

    /// <summary>
    /// The next field of an object, with the reader on its value; -1 at the end of the object. Fields under "x" are passed
    /// over; a field not in <paramref name="fields"/> or given twice is a problem.
    /// </summary>
    private int NextField(ref Utf8JsonReader r, FieldSet fields, ref ulong seen)
    {
        while (true)
        {
            Next(ref r);
            if (r.TokenType == JsonTokenType.EndObject)
            {
                return -1;
            }
            var name = Utf8(ref r);
            var index = fields.IndexOf(name);
            string? unknown = null;
            if (index < 0 && !name.SequenceEqual("x"u8))
            {
                unknown = Encoding.UTF8.GetString(name);
            }
            Next(ref r);
            if (index >= 0)
            {
                var bit = 1UL << index;
                if ((seen & bit) == 0)
                {
                    seen |= bit;
                    return index;
                }
                Problem(fields[index], "given more than once");
            }
            else if (unknown is not null)
            {
                Problem(unknown, "unknown field");
            }
            Skip(ref r);
        }
    }

    /// <summary>Moves to the next item of a list; false at its end.</summary>
    private static bool NextItem(ref Utf8JsonReader r)
    {
        Next(ref r);
        return r.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>Whether the value is an object; null is no object, and a problem unless the field is optional.</summary>
    private bool IsObject(ref Utf8JsonReader r, string? field, bool optional = true)
    {
        if (r.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }
        if (r.TokenType != JsonTokenType.Null || !optional)
        {
            Problem(field, $"must be an object, not {Describe(ref r)}");
        }
        Skip(ref r);
        return false;
    }

    private bool IsArray(ref Utf8JsonReader r, string field)
    {
        if (r.TokenType == JsonTokenType.StartArray)
        {
            return true;
        }
        if (r.TokenType != JsonTokenType.Null)
        {
            Problem(field, $"must be a list, not {Describe(ref r)}");
        }
        Skip(ref r);
        return false;
    }

    /// <summary>The token's text as UTF-8, unescaped (into a scratch buffer only when the file escaped it).</summary>
    private ReadOnlySpan<byte> Utf8(ref Utf8JsonReader r)
    {
        if (!r.ValueIsEscaped)
        {
            return r.ValueSpan;
        }
        if (_scratch.Length < r.ValueSpan.Length)
        {
            _scratch = new byte[Math.Max(r.ValueSpan.Length, _scratch.Length * 2)];
        }
        return _scratch.AsSpan(0, r.CopyString(_scratch));
    }

    private bool IsNotKnown(ref Utf8JsonReader r) =>
        r.TokenType == JsonTokenType.String && Utf8(ref r).SequenceEqual("not-known"u8);

    private string? RequiredText(ref Utf8JsonReader r, string field)
    {
        if (r.TokenType != JsonTokenType.String)
        {
            Problem(field, r.TokenType == JsonTokenType.Null ? "required" : $"must be text, not {Describe(ref r)}");
            Skip(ref r);
            return null;
        }
        var text = r.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Problem(field, "must not be empty");
            return null;
        }
        return text;
    }

    private string? Text(ref Utf8JsonReader r, string field, bool keep = false)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                return keep || _options.KeepText ? r.GetString() : null;
            case JsonTokenType.Null:
                return null;
            default:
                Problem(field, $"must be text, not {Describe(ref r)}");
                Skip(ref r);
                return null;
        }
    }

    private T Enum<T>(ref Utf8JsonReader r, string field, ExchangeEnum<T> names, T notKnown)
        where T : struct, Enum
    {
        if (r.TokenType == JsonTokenType.String && names.TryParse(Utf8(ref r), out var value))
        {
            return value;
        }
        if (r.TokenType == JsonTokenType.Null)
        {
            return notKnown;
        }
        Problem(field, $"must be one of {names.Allowed}, not {Describe(ref r)}");
        Skip(ref r);
        return notKnown;
    }

    /// <summary>A value of an enum without "not-known": null when the file leaves it out or says "not-known".</summary>
    private T? NullableEnum<T>(ref Utf8JsonReader r, string field, ExchangeEnum<T> names)
        where T : struct, Enum
    {
        if (r.TokenType == JsonTokenType.Null || IsNotKnown(ref r))
        {
            return null;
        }
        if (r.TokenType == JsonTokenType.String && names.TryParse(Utf8(ref r), out var value))
        {
            return value;
        }
        Problem(field, $"must be one of {names.Allowed}, {ExchangeNames.NotKnown} or null, not {Describe(ref r)}");
        Skip(ref r);
        return null;
    }

    private bool? Bool(ref Utf8JsonReader r, string field)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                if (IsNotKnown(ref r))
                {
                    return null;
                }
                Problem(field, $"must be true or false, not {Describe(ref r)}");
                Skip(ref r);
                return null;
        }
    }

    private int? Count(ref Utf8JsonReader r, string field, int minimum, int maximum, string unit)
    {
        if (r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }
        if (r.TokenType == JsonTokenType.Null || IsNotKnown(ref r))
        {
            return null;
        }
        var range = maximum == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"a whole number from {minimum}")
            : string.Create(CultureInfo.InvariantCulture, $"a whole number of {unit} from {minimum} to {maximum}");
        Problem(field, $"must be {range} or \"{ExchangeNames.NotKnown}\", not {Describe(ref r)}");
        Skip(ref r);
        return null;
    }

    private DateOnly? Date(ref Utf8JsonReader r, string field)
    {
        if (r.TokenType == JsonTokenType.String)
        {
            var text = Utf8(ref r);
            if (ParseDate(text) is { } date)
            {
                return date;
            }
            if (text.SequenceEqual("not-known"u8))
            {
                return null;
            }
        }
        else if (r.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        Problem(field, $"must be a date written YYYY-MM-DD or \"{ExchangeNames.NotKnown}\", not {Describe(ref r)}");
        Skip(ref r);
        return null;
    }

    /// <summary>A calendar date written exactly YYYY-MM-DD; null for anything else.</summary>
    internal static DateOnly? ParseDate(ReadOnlySpan<byte> text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return null;
        }
        var year = Digits(text[..4]);
        var month = Digits(text.Slice(5, 2));
        var day = Digits(text.Slice(8, 2));
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static int Digits(ReadOnlySpan<byte> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    // --- Problems -----------------------------------------------------------------------------------------------------------

    private void Problem(string? field, string message) => Problems.Add(_path.Current(field), message);

    /// <summary>The value the reader is on, briefly, for a message.</summary>
    private string Describe(ref Utf8JsonReader r)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                return Quote(Encoding.UTF8.GetString(Utf8(ref r)));
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(r.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Null:
                return "null";
            case JsonTokenType.StartObject:
                return "an object";
            case JsonTokenType.StartArray:
                return "a list";
            default:
                return r.TokenType.ToString();
        }
    }

    private static string Quote(string text)
    {
        const int Longest = 60;
        var shown = text.Length > Longest ? text[..Longest] + "…" : text;
        return $"\"{shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
    }

    private static string NotJson(JsonException e)
    {
        // The parser's own words, without its "LineNumber: 0 | BytePositionInLine: 12." (given here counting from 1).
        var message = e.Message;
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (at > 0)
        {
            message = message[..at];
        }
        return e.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"not valid JSON at line {line + 1}, byte {e.BytePositionInLine + 1}: {message}")
            : $"not valid JSON: {message}";
    }

    /// <summary>The buffer ended in the middle of a piece: read more, then read that piece again from its start.</summary>
    private sealed class NeedMoreData : Exception
    {
        public static readonly NeedMoreData Instance = new();
    }

    /// <summary>The field names of one kind of object, matched against the file's UTF-8 bytes.</summary>
    private sealed class FieldSet
    {
        private readonly string[] _names;
        private readonly byte[][] _utf8;

        public FieldSet(params string[] names)
        {
            if (names.Length > 64)
            {
                throw new ArgumentException("At most 64 fields.", nameof(names));
            }
            _names = names;
            _utf8 = names.Select(Encoding.UTF8.GetBytes).ToArray();
        }

        public string this[int index] => _names[index];

        public int IndexOf(ReadOnlySpan<byte> name)
        {
            for (var i = 0; i < _utf8.Length; i++)
            {
                if (name.SequenceEqual(_utf8[i]))
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
