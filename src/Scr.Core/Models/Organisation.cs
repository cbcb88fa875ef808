namespace Scr.Core.Models;

public enum OrganisationKind
{
    Board,
    Agency,
    NationalPanel,
}

/// <summary>The regions of the exchange format (England, as in the 2001–2003 study).</summary>
public enum Region
{
    London,
    NorthWest,
    NorthEast,
    WestMidlands,
    EastMidlands,
    YorkshireHumber,
    Central,
    SouthWest,
    SouthEast,
    Eastern,
    NotKnown,
}

public enum AgencyType
{
    ChildrensSocialCare,
    HealthTrust,
    Police,
    Education,
    Probation,
    Other,
}

/// <summary>A safeguarding children board, an agency that serves one or more boards, or the National Panel.</summary>
public class Organisation : IVersioned
{
    private readonly List<AgencyBoard> _boardsServed = [];

    private Organisation()
    {
        Name = "";
        Key = "";
    }

    public Guid Id { get; private set; }
    public OrganisationKind Kind { get; private set; }

    /// <summary>Short stable identifier (the exchange format's board id), lower-case with hyphens.</summary>
    public string Key { get; private set; }
    public string Name { get; private set; }
    public Region? Region { get; private set; }
    public AgencyType? AgencyType { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid Version { get; set; }

    /// <summary>For an agency: the boards whose area it serves.</summary>
    public IReadOnlyCollection<AgencyBoard> BoardsServed => _boardsServed;

    public static Organisation NewBoard(string key, string name, Region region, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Kind = OrganisationKind.Board,
        Key = key,
        Name = name,
        Region = region,
        CreatedAt = now,
        Version = Guid.NewGuid(),
    };

    public static Organisation NewAgency(string key, string name, AgencyType type, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Kind = OrganisationKind.Agency,
        Key = key,
        Name = name,
        AgencyType = type,
        CreatedAt = now,
        Version = Guid.NewGuid(),
    };

    public static Organisation NewNationalPanel(DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Kind = OrganisationKind.NationalPanel,
        Key = "national-panel",
        Name = "National Panel of Independent Experts",
        CreatedAt = now,
        Version = Guid.NewGuid(),
    };

    public void Rename(string name) => Name = name;

    public void MoveToRegion(Region region)
    {
        if (Kind != OrganisationKind.Board)
        {
            throw new InvalidOperationException("Only a board has a region.");
        }
        Region = region;
    }

    public void ServeBoard(Organisation board)
    {
        if (Kind != OrganisationKind.Agency || board.Kind != OrganisationKind.Board)
        {
            throw new InvalidOperationException("Only an agency serves a board.");
        }
        if (_boardsServed.All(b => b.BoardId != board.Id))
        {
            _boardsServed.Add(new AgencyBoard(Id, board.Id));
        }
    }

    public void StopServingBoard(Guid boardId) => _boardsServed.RemoveAll(b => b.BoardId == boardId);
}

/// <summary>An agency serves the area of a board.</summary>
public class AgencyBoard(Guid agencyId, Guid boardId)
{
    public Guid AgencyId { get; private set; } = agencyId;
    public Guid BoardId { get; private set; } = boardId;
}
