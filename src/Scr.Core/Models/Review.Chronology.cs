using Scr.Core.Rules;

namespace Scr.Core.Models;

/// <summary>The agencies' chronologies of the case, the key practice episodes, and whether the merged view is shared (issue 6).</summary>
public partial class Review
{
    private readonly List<AgencyChronology> _chronologies = [];
    private readonly List<MarkedEpisode> _keyPracticeEpisodes = [];

    public IReadOnlyList<AgencyChronology> Chronologies => _chronologies;

    public IReadOnlyList<MarkedEpisode> KeyPracticeEpisodes => _keyPracticeEpisodes;

    /// <summary>When the business unit or the review team shared the integrated chronology with the involved agencies.</summary>
    public DateTimeOffset? ChronologySharedAt { get; private set; }

    public Guid? ChronologySharedById { get; private set; }

    /// <summary>Chronologies are gathered once the chair has decided to hold a review, while it is open.</summary>
    public bool TakesChronologies => IsOpen && Stage != ReviewStage.Identification;

    public AgencyChronology? ChronologyOf(Guid agencyId) => _chronologies.FirstOrDefault(c => c.AgencyId == agencyId);

    /// <summary>
    /// A new version of an agency's chronology: its current entries are replaced, the old version kept. Refused for an
    /// agency not involved in the case. The caller stores the entries under the version returned.
    /// </summary>
    public AgencyChronologyVersion NewChronologyVersion(Guid agencyId, ChronologyVersionSource source, string? fileName, int entryCount, Guid by,
        DateTimeOffset now) =>
        ChronologyFor(agencyId).AddVersion(source, fileName, entryCount, by, now);

    /// <summary>A typed entry joins the agency's current version (the first version, when there is none).</summary>
    public AgencyChronologyVersion AddTypedChronologyEntry(Guid agencyId, Guid by, DateTimeOffset now)
    {
        var chronology = ChronologyFor(agencyId);
        var version = chronology.Current ?? chronology.AddVersion(ChronologyVersionSource.Typed, null, 0, by, now);
        version.Added(1);
        return version;
    }

    /// <summary>An entry of the agency's current version was changed.</summary>
    public AgencyChronologyVersion ChangeChronologyEntry(Guid agencyId)
    {
        var version = ChronologyFor(agencyId).Current ?? throw new RuleViolationException("The agency has no chronology yet.");
        version.Changed();
        return version;
    }

    /// <summary>An entry of the agency's current version was removed.</summary>
    public AgencyChronologyVersion RemoveChronologyEntry(Guid agencyId)
    {
        var version = ChronologyFor(agencyId).Current ?? throw new RuleViolationException("The agency has no chronology yet.");
        version.Removed();
        return version;
    }

    public MarkedEpisode MarkKeyPracticeEpisode(KeyPracticeEpisodeInput input, Guid by, DateTimeOffset now)
    {
        RequireChronologies();
        RuleViolationException.ThrowIfAny(Rules.Chronology.KeyPracticeEpisodes.Check(
            new KeyPracticeEpisode { Title = input.Title, WhyItMatters = input.WhyItMatters, From = input.From, To = input.To }));
        var episode = new MarkedEpisode(Id, input, by, now);
        _keyPracticeEpisodes.Add(episode);
        return episode;
    }

    /// <summary>Shares the merged view with the involved agencies. Once shared it stays shared.</summary>
    public void ShareChronology(Guid by, DateTimeOffset now)
    {
        RequireChronologies();
        if (ChronologySharedAt is not null)
        {
            throw new RuleViolationException("The integrated chronology is already shared with the agencies.");
        }
        ChronologySharedAt = now;
        ChronologySharedById = by;
    }

    private AgencyChronology ChronologyFor(Guid agencyId)
    {
        RequireChronologies();
        var agency = _agencies.FirstOrDefault(a => a.AgencyId == agencyId)
            ?? throw new RuleViolationException([new RuleProblem("agencyId", "Select an agency involved in the case")]);
        var chronology = ChronologyOf(agencyId);
        if (chronology is null)
        {
            chronology = new AgencyChronology(Id, agencyId, agency.Agency?.Name ?? "");
            _chronologies.Add(chronology);
        }
        return chronology;
    }

    private void RequireChronologies()
    {
        if (!IsOpen)
        {
            throw new RuleViolationException("The review is closed: its chronology can no longer change.");
        }
        if (Stage == ReviewStage.Identification)
        {
            throw new RuleViolationException("Chronologies are gathered once the chair has decided to hold a review.");
        }
    }
}
