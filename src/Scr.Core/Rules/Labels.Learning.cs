using Scr.Core.Exchange;
using Scr.Core.Services.Learning;

namespace Scr.Core.Rules;

/// <summary>The words for the learning repository's facets and their values (stored in the exchange format's words).</summary>
public static partial class Labels
{
    public static string Facet(string facet) => facet switch
    {
        ReportFacets.Region => "Region",
        ReportFacets.Year => "Year of the incident",
        ReportFacets.Harm => "Harm to the child",
        ReportFacets.Theme => "Themes",
        ReportFacets.AgeBand => "Age of the child",
        ReportFacets.Guidance => "Guidance edition",
        ReportFacets.Kind => "Kind of review",
        _ => facet,
    };

    public static string FacetValue(string facet, string value)
    {
        if (value == ExchangeNames.NotKnown)
        {
            return "Not known";
        }
        return facet switch
        {
            ReportFacets.Region when ExchangeNames.Region.TryParse(value, out var region) => Of(region),
            ReportFacets.Harm when ExchangeNames.Incident.TryParse(value, out var harm) => Of(harm),
            ReportFacets.AgeBand => value switch
            {
                "under-1" => "Under 1 year",
                "16-17" => "16 to 17 years",
                "15" => "15 years",
                _ => value.Replace("-", " to ", StringComparison.Ordinal) + " years",
            },
            ReportFacets.Guidance when value.StartsWith("wt", StringComparison.Ordinal) => "Working Together " + value[2..],
            ReportFacets.Guidance when value == "wales-2012" => "Wales 2012",
            _ => char.ToUpperInvariant(value[0]) + value[1..].Replace('-', ' '),
        };
    }
}
