using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services.Exchange;

namespace Scr.Core.Services.Learning;

/// <summary>
/// The values of a published report's coded data that its search counts and filters on, each in the exchange format's words:
/// the one place they are taken from a review's record. Stored per report (<see cref="PublishedReportFacet"/>) when a report
/// is published and whenever its review's record changes (a new import, a settled coding).
/// </summary>
public static class ReportFacets
{
    public const string Region = "region";
    public const string Year = "year";
    public const string Harm = "harm";
    public const string Theme = "theme";
    public const string AgeBand = "age";
    public const string Guidance = "guidance";
    public const string Kind = "kind";

    /// <summary>Every facet, in the order a search page lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Region, Year, Harm, Theme, AgeBand, Guidance, Kind];

    /// <summary>A review's values: one region, incident year, guidance edition and kind; each child's harm and age band; each theme.</summary>
    public static IReadOnlySet<(string Facet, string Value)> Of(LearningReview held)
    {
        var review = ExchangeService.ReviewOf(held.Record);
        var incident = review.Incident?.Type ?? IncidentType.NotKnown;
        var values = new HashSet<(string, string)>
        {
            (Region, ExchangeNames.Region.Name(held.Region)),
            (Year, held.IncidentDate?.Year.ToString(CultureInfo.InvariantCulture) ?? ExchangeNames.NotKnown),
            (Guidance, ExchangeNames.Guidance.Name(review.Guidance)),
            (Kind, ExchangeNames.Kind.Name(review.Kind)),
        };
        foreach (var child in review.Children)
        {
            // A child's harm defaults to the incident's type, as the format says.
            values.Add((Harm, ExchangeNames.Incident.Name(child.Harm ?? incident)));
            values.Add((AgeBand, AnalysisTables.AgeBands[AnalysisTables.AgeBand(child.AgeAtIncidentMonths)]));
        }
        if (review.Children.Count == 0)
        {
            values.Add((Harm, ExchangeNames.Incident.Name(incident)));
        }
        foreach (var theme in review.Themes)
        {
            values.Add((Theme, ExchangeNames.Theme.Name(theme)));
        }
        return values;
    }

    /// <summary>
    /// Brings the stored values of these reviews' published reports (if any) into line with their records: only the rows that
    /// differ are removed or added, with the caller's next save.
    /// </summary>
    public static async Task RefreshAsync(ScrDbContext db, IReadOnlyCollection<LearningReview> reviews, CancellationToken cancellationToken)
    {
        if (reviews.Count == 0)
        {
            return;
        }
        var ids = reviews.Select(r => r.Id).ToList();
        var reports = await db.PublishedReports.Where(p => ids.Contains(p.LearningReviewId))
            .Select(p => new { p.Id, p.LearningReviewId }).ToListAsync(cancellationToken);
        if (reports.Count == 0)
        {
            return;
        }
        var reportIds = reports.Select(r => r.Id).ToList();
        var stored = (await db.PublishedReportFacets.Where(f => reportIds.Contains(f.ReportId)).ToListAsync(cancellationToken))
            .ToLookup(f => f.ReportId);
        var byId = reviews.ToDictionary(r => r.Id);
        var changed = false;
        foreach (var report in reports)
        {
            var wanted = Of(byId[report.LearningReviewId]);
            var held = stored[report.Id].ToList();
            var gone = held.Where(f => !wanted.Contains((f.Facet, f.Value))).ToList();
            var kept = held.Select(f => (f.Facet, f.Value)).ToHashSet();
            var added = wanted.Where(w => !kept.Contains(w)).Select(w => new PublishedReportFacet(report.Id, w.Facet, w.Value)).ToList();
            db.PublishedReportFacets.RemoveRange(gone);
            db.PublishedReportFacets.AddRange(added);
            changed |= gone.Count > 0 || added.Count > 0;
        }
        if (changed)
        {
            // Every instance's copy of the values in memory is out of date from this save on.
            var version = await db.PublishedReportFacetsVersions.FindAsync([PublishedReportFacetsVersion.Only], cancellationToken);
            if (version is null)
            {
                db.PublishedReportFacetsVersions.Add(new PublishedReportFacetsVersion());
            }
            else
            {
                version.Change();
            }
        }
    }
}
