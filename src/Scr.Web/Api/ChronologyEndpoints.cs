using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Chronology;
using Scr.Core.Services.Chronology;
using Scr.Core.Services.ChronologyReview;
using Scr.Web.Pages.Cases.Chronology;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>
/// The chronologies of a case (issue 6): the integrated chronology paged and filtered, an agency's import, and the exports.
/// Each calls <see cref="ChronologyService"/>, with the same access as the pages: an agency sees its own entries until the
/// merged view is shared.
/// </summary>
public static class ChronologyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var chronology = api.MapGroup("/cases/{id:guid}").WithTags("Chronology");
        chronology.MapGet("/chronology", List).WithName("GetChronology").Refusals()
            .WithSummary("The integrated chronology as the person may see it: one page of entries in time order, with the filters of the page")
            .WithDescription("agency (id), from and to (dd/mm/yyyy or yyyy-mm-dd), contactType, childSeen (Yes, No, NotRecorded), episode (id), page, "
                + "pageSize (at most 500). An agency sees only its own entries until the integrated chronology is shared. The read is audited.");
        chronology.MapPost("/chronology/import", Import).WithName("ImportChronology").Refusals().DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Import an agency's chronology (CSV or XLSX on the template), all or nothing: a new version of the agency's chronology")
            .WithDescription("Form fields: agencyId, file. Any problem refuses the whole file (400), every problem named as \"row 14, column 'Date': …\" "
                + "under file; nothing is stored.");
        chronology.MapGet("/chronology/analysis", Analysis).WithName("GetChronologyAnalysis").Refusals()
            .WithSummary("The analysis of the integrated chronology as the person may see it: gaps longer than gapDays (28 unless given), the child "
                + "seen and heard in all and per agency, and where agencies' accounts differ. The read is audited.");
        chronology.MapPost("/chronology/share", Share).WithName("ShareChronology").Refusals()
            .WithSummary("Share the integrated chronology with the agencies involved (the business unit or the review team, once)");
        chronology.MapPost("/chronology/episodes", MarkEpisode).WithName("MarkKeyPracticeEpisode").Refusals()
            .WithSummary("Mark a key practice episode: a title, why it matters, and the days it runs from and to (yyyy-mm-dd)");
        chronology.MapPost("/chronology/entries", AddEntry).WithName("AddChronologyEntry").Refusals()
            .WithSummary("An agency adds an entry to its own chronology, on the template's columns; it joins the agency's current version")
            .WithDescription("Problems come back under the template's column keys (date, time, practitionerRole, contactType, …).");
        chronology.MapPut("/chronology/entries/{entryId:guid}", ChangeEntry).WithName("ChangeChronologyEntry").Refusals()
            .WithSummary("An agency changes an entry of its own current chronology; another agency's entry is not found");
        chronology.MapDelete("/chronology/entries/{entryId:guid}", RemoveEntry).WithName("RemoveChronologyEntry").Refusals()
            .WithSummary("An agency removes an entry of its own current chronology; audited");
        chronology.MapGet("/chronology/export.xlsx", (Guid id, [AsParameters] ChronologyQuery query, CurrentUser me, ChronologyService service, CancellationToken ct) =>
                Export(id, query, ChronologyExportFormat.Xlsx, me, service, ct)).WithName("ExportChronologyXlsx").Refusals()
            .WithSummary("The integrated chronology as XLSX, watermarked with the reader's name and date; audited");
        chronology.MapGet("/chronology/export.docx", (Guid id, [AsParameters] ChronologyQuery query, CurrentUser me, ChronologyService service, CancellationToken ct) =>
                Export(id, query, ChronologyExportFormat.Docx, me, service, ct)).WithName("ExportChronologyDocx").Refusals()
            .WithSummary("The integrated chronology as DOCX (landscape, the header row repeated), watermarked with the reader's name and date; audited");
    }

    /// <summary>The filters, as query parameters.</summary>
    public sealed record ChronologyQuery(Guid? Agency, string? From, string? To, ContactType? ContactType, ChildSeen? ChildSeen, Guid? Episode, int? Page,
        int? PageSize)
    {
        public ChronologyFilter Filter => new(Agency, IndexModel.ReadDate(From, out _), IndexModel.ReadDate(To, out _), ContactType, ChildSeen, Episode,
            Page ?? 1, PageSize ?? ChronologyFilter.DefaultPageSize);
    }

    private static async Task<Ok<ChronologyPage>> List(Guid id, [AsParameters] ChronologyQuery query, CurrentUser me, ChronologyService service,
        CancellationToken cancellationToken)
    {
        var view = await service.GetAsync(id, query.Filter, await me.GetAsync(cancellationToken), me.Actor, withAnalysis: false, cancellationToken: cancellationToken);
        return TypedResults.Ok(new ChronologyPage(view.Filter.Page, view.Filter.PageSize, view.Total, view.SeesAll,
            view.Groups.SelectMany(g => g.Entries.Select(e => ChronologyEntryDetail.Of(e, g.IsMultiAgency, view.EntryKeys.GetValueOrDefault(e)?.Id))).ToList()));
    }

    private static async Task<Results<Ok<ChronologyImported>, ValidationProblem>> Import(Guid id, [FromForm] Guid? agencyId, IFormFile? file, CurrentUser me,
        ChronologyService service, CancellationToken cancellationToken)
    {
        var format = file is null ? null : ChronologyReader.FormatOf(file.FileName);
        if (agencyId is null)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("agencyId", "Send the agency whose chronology this is"));
        }
        if (file is null || format is null)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("file", "Send a CSV or XLSX file on the template"));
        }
        try
        {
            await using var stream = file.OpenReadStream();
            var version = await service.ImportAsync(id, agencyId.Value, stream, format.Value, Path.GetFileName(file.FileName), await me.GetAsync(cancellationToken),
                me.Actor, cancellationToken: cancellationToken);
            return TypedResults.Ok(new ChronologyImported(version.Number, version.EntryCount));
        }
        catch (ChronologyImportException e)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("file", e.Problems.Select(p => p.ToString()).ToArray()));
        }
    }

    private static async Task<Ok<ChronologyAnalysisDetail>> Analysis(Guid id, int? gapDays, CurrentUser me, ChronologyService service,
        CancellationToken cancellationToken)
    {
        var (analysis, seesAll) = await service.GetAnalysisAsync(id, await me.GetAsync(cancellationToken), me.Actor,
            gapDays ?? ChronologyGapOptions.DefaultThresholdDays, cancellationToken);
        return TypedResults.Ok(new ChronologyAnalysisDetail(analysis.GapThresholdDays, seesAll,
            analysis.Gaps.Overall.Concat(analysis.Gaps.ByAgency).Select(g => new ChronologyGapDetail(g.Agency, g.From, g.To, g.Days)).ToList(),
            analysis.ChildVoice.Total, analysis.ChildVoice.ByAgency.Select(a => new AgencyChildVoiceDetail(a.Agency, a.Counts)).ToList(),
            analysis.Discrepancies.Select(d => new ChronologyDiscrepancyDetail(d.Kind, d.Date, d.Entry.Agency, d.OtherAgency, d.Description)).ToList()));
    }

    private static async Task<NoContent> Share(Guid id, CurrentUser me, ChronologyService service, CancellationToken cancellationToken)
    {
        await service.ShareAsync(id, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<KeyPracticeEpisodeDetail>> MarkEpisode(Guid id, KeyPracticeEpisodeBody body, CurrentUser me, ChronologyService service,
        CancellationToken cancellationToken)
    {
        var episode = await service.MarkEpisodeAsync(id, body.Title, body.WhyItMatters, body.From, body.To, await me.GetAsync(cancellationToken), me.Actor,
            cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{id}/chronology?episode={episode.Id}",
            new KeyPracticeEpisodeDetail(episode.Id, episode.Title, episode.WhyItMatters, episode.From, episode.To));
    }

    private static async Task<Created<ChronologyEntryDetail>> AddEntry(Guid id, ChronologyEntryBody body, CurrentUser me, ChronologyService service,
        CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        var agencyId = body.AgencyId ?? throw new RuleViolationException([new RuleProblem("agencyId", "Send the agency whose chronology this is")]);
        var entry = await service.AddEntryAsync(id, agencyId, body.Cells, principal, me.Actor, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{id}/chronology", ChronologyEntryDetail.Of(entry, false, null));
    }

    private static async Task<NoContent> ChangeEntry(Guid id, Guid entryId, ChronologyEntryBody body, CurrentUser me, ChronologyService service,
        CancellationToken cancellationToken)
    {
        await service.ChangeEntryAsync(id, entryId, body.Cells, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveEntry(Guid id, Guid entryId, CurrentUser me, ChronologyService service, CancellationToken cancellationToken)
    {
        await service.RemoveEntryAsync(id, entryId, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<FileContentHttpResult> Export(Guid id, ChronologyQuery query, ChronologyExportFormat format, CurrentUser me, ChronologyService service,
        CancellationToken cancellationToken)
    {
        var export = await service.ExportAsync(id, query.Filter, format, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.File(export.Content, export.ContentType, export.FileName);
    }
}

/// <summary>One page of the integrated chronology: the entries in time order, and whether they are every agency's or the reader's own.</summary>
public sealed record ChronologyPage(int Page, int PageSize, int Total, bool EveryAgency, IReadOnlyList<ChronologyEntryDetail> Entries);

/// <summary>An entry as an agency types it: the template's columns as it writes them (dates day first), and for a new entry the agency.</summary>
public sealed record ChronologyEntryBody(Guid? AgencyId, string? Date, string? Time, string? Approximate, string? PractitionerRole, string? ContactType,
    string? Present, string? ChildSeen, string? Wishes, string? WishesText, string? WhatHappened, string? DecisionOrAction, string? SourceDocument)
{
    public IReadOnlyDictionary<ChronologyColumn, string?> Cells => new EntryPageModel.EntryForm
    {
        Date = Date,
        Time = Time,
        Approximate = Approximate ?? ChronologyTemplate.YesNo[1],
        PractitionerRole = PractitionerRole,
        ContactType = ContactType,
        Present = Present,
        ChildSeen = ChildSeen,
        Wishes = Wishes ?? Labels.Of(WishesAndFeelings.NotRecorded),
        WishesText = WishesText,
        WhatHappened = WhatHappened,
        DecisionOrAction = DecisionOrAction,
        SourceDocument = SourceDocument,
    }.Cells;
}

/// <summary>
/// An entry as the API gives it, with its id (to change or remove it): the practitioner's role, never a name; sameTime marks
/// entries of several agencies at the same time.
/// </summary>
public sealed record ChronologyEntryDetail(Guid? Id, string Date, DatePrecision Precision, bool Approximate, string? Time, string Agency, string PractitionerRole,
    ContactType ContactType, string? Present, ChildSeen ChildSeen, WishesAndFeelings Wishes, string? WishesText, string WhatHappened, string? DecisionOrAction,
    string? SourceDocument, bool SameTime)
{
    public static ChronologyEntryDetail Of(ChronologyEntry e, bool sameTime, Guid? id) => new(id, e.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        e.Precision, e.Approximate, e.Time is { } t ? ChronologyDates.FormatTime(t) : null, e.Agency, e.PractitionerRole, e.ContactType, e.Present, e.ChildSeen,
        e.Wishes, e.WishesText, e.WhatHappened, e.DecisionOrAction, e.SourceDocument, sameTime);
}

/// <summary>The version an import made and how many entries it holds.</summary>
public sealed record ChronologyImported(int Version, int Entries);

/// <summary>The analysis panels of the integrated chronology; everyAgency says whether they cover every agency or the reader's own.</summary>
public sealed record ChronologyAnalysisDetail(int GapThresholdDays, bool EveryAgency, IReadOnlyList<ChronologyGapDetail> Gaps, ChildVoiceCounts ChildVoice,
    IReadOnlyList<AgencyChildVoiceDetail> ByAgency, IReadOnlyList<ChronologyDiscrepancyDetail> Discrepancies);

/// <summary>A period with no contact: from every agency when agency is null, else from that agency.</summary>
public sealed record ChronologyGapDetail(string? Agency, DateOnly From, DateOnly To, int Days);

/// <summary>How often an agency saw the child and recorded their wishes and feelings.</summary>
public sealed record AgencyChildVoiceDetail(string Agency, ChildVoiceCounts Counts);

/// <summary>Two agencies' accounts that differ, in a sentence.</summary>
public sealed record ChronologyDiscrepancyDetail(DiscrepancyKind Kind, DateOnly Date, string Agency, string OtherAgency, string Description);

/// <summary>A key practice episode to mark.</summary>
public sealed record KeyPracticeEpisodeBody(string? Title, string? WhyItMatters, DateOnly? From, DateOnly? To);

/// <summary>A key practice episode as marked.</summary>
public sealed record KeyPracticeEpisodeDetail(Guid Id, string Title, string WhyItMatters, DateOnly From, DateOnly To);
