using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Messages;
using Scr.Core.Services.Reviews;

namespace Scr.Core.Services.TermsOfReference;

/// <summary>
/// A case's terms of reference as one person may see them: the versions they may read (drafts only for the board and
/// the review team), who saved and signed off each, and what they may do.
/// </summary>
public sealed record TermsOfReferenceView(ReviewView View, IReadOnlyList<TermsOfReferenceVersion> Versions, IReadOnlyDictionary<Guid, string> People,
    bool MaySeeDrafts, bool MayEdit, bool MaySignOff)
{
    public Review Review => View.Review;

    /// <summary>The version to show first: the latest the person may read.</summary>
    public TermsOfReferenceVersion? Current => Versions.Count == 0 ? null : Versions[^1];

    /// <summary>The draft being worked on, for those who may read drafts.</summary>
    public TermsOfReferenceVersion? Draft => MaySeeDrafts ? Review.TermsDraft : null;

    /// <summary>The terms in force: the latest version the chair signed off.</summary>
    public TermsOfReferenceVersion? SignedOff => Review.SignedOffTerms;

    public TermsOfReferenceFacts Facts => new(Review.BoardId, Review.IncidentDate);

    public string NameOf(Guid? userId) => userId is { } id && People.TryGetValue(id, out var name) ? name : "Unknown";

    public IReadOnlyList<TermsWarning> WarningsFor(TermsOfReferenceVersion version) => TermsOfReferenceRules.Warnings(version.Content, Facts);

    /// <summary>What a draft still lacks before the chair can sign it off (nothing for a signed-off version).</summary>
    public IReadOnlyList<RuleProblem> MissingFor(TermsOfReferenceVersion version) =>
        version.IsSignedOff ? [] : TermsOfReferenceRules.MissingForSignOff(version.Content);
}

/// <summary>A signed-off version as a Word document.</summary>
public sealed record TermsOfReferenceFile(string FileName, byte[] Content)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

/// <summary>
/// The terms of reference of a review (seed 000 Stage 2): the business unit and the review team save the draft, as often
/// as they need; the chair signs it off, which freezes that version; a later change starts a new draft; a signed-off
/// version exports as a Word document. Who may do what is <see cref="ReviewAccessRules"/>; what the terms must say is
/// <see cref="TermsOfReferenceRules"/>. Every change is audited; so is every read and every export.
/// </summary>
public sealed class TermsOfReferenceService(ScrDbContext db, ReviewService reviews, AuditLog audit, Messenger messenger, TimeProvider clock)
{
    /// <summary>The case's terms of reference as the person may read them (the read is audited); others are refused.</summary>
    public async Task<TermsOfReferenceView> GetAsync(Guid id, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: false, cancellationToken);
        var result = await BuildAsync(view, principal, cancellationToken);
        await audit.RecordNowAsync(actor, AuditActions.TermsOfReferenceRead, view.Review.BoardId, "review", id.ToString(),
            $"versions={result.Versions.Count}", cancellationToken);
        return result;
    }

    /// <summary>One version, if the person may read it (a draft is not found for an involved agency).</summary>
    public async Task<(TermsOfReferenceView Terms, TermsOfReferenceVersion Version)> GetVersionAsync(Guid id, int number, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: false, cancellationToken);
        var terms = await BuildAsync(view, principal, cancellationToken);
        var version = terms.Versions.FirstOrDefault(v => v.Number == number) ?? throw new NotFoundException("That version of the terms of reference");
        await audit.RecordNowAsync(actor, AuditActions.TermsOfReferenceRead, view.Review.BoardId, "review", id.ToString(), $"version={number}",
            cancellationToken);
        return (terms, version);
    }

    private async Task<TermsOfReferenceView> BuildAsync(ReviewView view, Principal principal, CancellationToken cancellationToken)
    {
        var review = view.Review;
        if (!ReviewAccessRules.MaySeeSignedOffTerms(principal, view.Access, review))
        {
            throw new ForbiddenException("Only the board, the review team and the agencies involved read the terms of reference.");
        }
        var drafts = ReviewAccessRules.MaySeeTermsDrafts(view.Access);
        var versions = review.TermsVersions.Where(v => drafts || v.IsSignedOff).ToList();
        var people = versions.SelectMany(v => new Guid?[] { v.CreatedById, v.SavedById, v.SignedOffById }).OfType<Guid>().Distinct().ToList();
        var names = people.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new TermsOfReferenceView(view, versions, names, drafts, ReviewAccessRules.MayEditTerms(principal, review),
            ReviewAccessRules.MaySignOffTerms(principal, review));
    }

    /// <summary>
    /// The boards terms of reference may name (every board), and the agencies: those serving the case's board or another
    /// board named, and those already involved in the case.
    /// </summary>
    public async Task<TermsOfReferenceOptions> OptionsAsync(Review review, IEnumerable<Guid>? boardIds = null, CancellationToken cancellationToken = default)
    {
        var boards = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Board)
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var served = (boardIds ?? []).Append(review.BoardId).Concat(review.TermsOfReference.SelectMany(t => t.OtherBoards.Select(b => b.Id)))
            .Distinct().ToList();
        var caseAgencies = review.Agencies.Select(a => a.AgencyId).ToList();
        var agencies = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Agency
                && (caseAgencies.Contains(o.Id) || db.AgencyBoards.Any(a => a.AgencyId == o.Id && served.Contains(a.BoardId))))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return new TermsOfReferenceOptions(boards, agencies);
    }

    /// <summary>
    /// What a new draft starts from: the draft itself, else the terms signed off last (a change starts from them), else
    /// what the case already says: its board leads, its agencies, the period up to the incident, the methodology the
    /// sub-group proposed and the parallel processes on its timetable.
    /// </summary>
    public static TermsOfReferenceContent Starting(Review review)
    {
        if ((review.TermsDraft ?? review.SignedOffTerms) is { } latest)
        {
            return latest.Content;
        }
        var processes = review.ParallelProcesses.OrderBy(p => p.RecordedAt)
            .Select(p => Labels.Of(p.Kind) + (p.Description is null ? "" : $": {p.Description}")
                + (p.HearingOn is { } hearing ? $" (trial or hearing {Labels.Date(hearing)})" : ""))
            .ToList();
        return TermsOfReferenceContent.Empty with
        {
            PeriodTo = review.IncidentDate,
            LeadBoard = new NamedOrganisation(review.BoardId, review.Board?.Name ?? ""),
            Agencies = review.Agencies.Select(a => new NamedOrganisation(a.AgencyId, a.Agency?.Name ?? "")).OrderBy(a => a.Name, StringComparer.Ordinal).ToList(),
            ParallelProcesses = processes.Count == 0 ? null : string.Join('\n', processes),
            Methodology = review.Recommendation?.Methodology,
        };
    }

    /// <summary>
    /// Saves the draft (the business unit or the review team): updates the draft being worked on, or starts a new version
    /// after the chair signed off the last. Checked by <see cref="TermsOfReferenceRules.Check"/>; refuses a stale version of
    /// the case. Warnings do not stop it.
    /// </summary>
    public async Task<TermsOfReferenceVersion> SaveDraftAsync(Guid id, TermsOfReferenceInput input, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        if (!ReviewAccessRules.MayEditTerms(principal, review))
        {
            RequireTermsStage(review);
            throw new ForbiddenException("Only the business unit and the review team write the terms of reference.");
        }
        var options = await OptionsAsync(review, (input.OtherBoardIds ?? []).Append(input.LeadBoardId ?? Guid.Empty), cancellationToken);
        var (content, problems) = TermsOfReferenceRules.Check(input, options, UkTime.DateOf(clock.GetUtcNow()));
        RuleViolationException.ThrowIfAny(problems);
        reviews.ExpectVersion(review, expectedVersion);
        var started = review.TermsDraft is null;
        var version = review.SaveTermsDraft(content!, principal.UserId, clock.GetUtcNow());
        var warnings = TermsOfReferenceRules.Warnings(version.Content, new TermsOfReferenceFacts(review.BoardId, review.IncidentDate));
        audit.Record(actor, AuditActions.TermsOfReferenceDraftSaved, review.BoardId, "review", review.Id.ToString(),
            $"version={version.Number}; {(started ? "started" : "updated")}; lines={version.KeyLinesOfEnquiry.Count}; "
            + $"period={Iso(version.PeriodFrom)}..{Iso(version.PeriodTo)}; methodology={version.Methodology?.ToString() ?? "none"}"
            + (warnings.Count == 0 ? "" : $"; warnings={string.Join(",", warnings.Select(w => w.Key))}"));
        await reviews.SaveAsync(cancellationToken);
        return version;
    }

    /// <summary>
    /// The chair signs off the draft, which freezes it; the business unit, the review team and the agencies involved are
    /// told. Refused while the draft lacks what terms of reference must say, or for a stale version of the case.
    /// </summary>
    public async Task<TermsOfReferenceVersion> SignOffAsync(Guid id, string? note, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: true, cancellationToken);
        var review = view.Review;
        if (!ReviewAccessRules.MaySignOffTerms(principal, review))
        {
            RequireTermsStage(review);
            throw new ForbiddenException("Only the chair signs off the terms of reference.");
        }
        if (note?.Trim().Length > TermsOfReferenceVersion.TextMaxLength)
        {
            throw new RuleViolationException([new RuleProblem("note", "The note must be 8,000 characters or fewer")]);
        }
        reviews.ExpectVersion(review, expectedVersion);
        var version = review.SignOffTerms(principal.UserId, note, clock.GetUtcNow());
        audit.Record(actor, AuditActions.TermsOfReferenceSignedOff, review.BoardId, "review", review.Id.ToString(), $"version={version.Number}");
        var link = $"/cases/{review.Id}/terms-of-reference";
        var subject = $"Terms of reference signed off: case {review.Reference}";
        var board = await messenger.HoldersAsync(review.BoardId, [Role.BusinessUnitOfficer], cancellationToken);
        var team = review.Team.Where(t => t.User is { DisabledAt: null })
            .Select(t => new Recipient(t.UserId, t.User!.DisplayName, t.User.Email ?? ""));
        messenger.Tell(board.Concat(team).DistinctBy(r => r.UserId).Where(r => r.UserId != principal.UserId), review.Id, subject,
            $"{principal.Name} signed off version {version.Number} of the terms of reference.", link);
        var agencyContacts = new List<Recipient>();
        foreach (var agency in review.Agencies)
        {
            agencyContacts.AddRange(await messenger.AgencyContactsAsync(agency.AgencyId, cancellationToken));
        }
        messenger.Tell(agencyContacts.DistinctBy(r => r.UserId), review.Id, subject,
            "The chair has signed off the terms of reference: read what the review asks of your agency.", link);
        await reviews.SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return version;
    }

    /// <summary>A signed-off version as a Word document, for anyone who may read it; the export is audited. A draft does not export.</summary>
    public async Task<TermsOfReferenceFile> ExportAsync(Guid id, int number, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: false, cancellationToken);
        var terms = await BuildAsync(view, principal, cancellationToken);
        var version = terms.Versions.FirstOrDefault(v => v.Number == number && v.IsSignedOff)
            ?? throw new NotFoundException("A signed-off version of the terms of reference");
        var review = view.Review;
        var now = clock.GetUtcNow();
        var content = TermsOfReferenceDocument.Build(new TermsOfReferenceDocumentData(review.Reference, review.Board?.Name ?? "", review.Kind, version,
            terms.NameOf(version.SignedOffById), now));
        await audit.RecordNowAsync(actor, AuditActions.TermsOfReferenceExported, review.BoardId, "review", id.ToString(),
            $"version={number}; bytes={content.Length}", cancellationToken);
        return new TermsOfReferenceFile($"terms-of-reference-{review.Reference}-v{number}.docx", content);
    }

    private static void RequireTermsStage(Review review)
    {
        if (!review.TakesTermsOfReference)
        {
            throw new RuleViolationException(review.IsOpen
                ? "Terms of reference are written once the chair has decided to hold a review."
                : "The review is closed: its terms of reference can no longer change.");
        }
    }

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";
}
