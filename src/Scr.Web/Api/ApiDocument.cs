using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Scr.Web.Api;

/// <summary>Titles the OpenAPI document and declares the personal-access-token scheme every operation requires.</summary>
public sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Serious case reviews API";
        document.Info.Description = "Cases: list, read, notify and move through the lifecycle; stage 1 (the chair's acknowledgement, "
            + "records secured, short file reviews, the business unit's summary, the sub-group's recommendation against the criteria, "
            + "peer review, notifying the National Panel), who was told what and when; a review's timetable (milestones, changes of "
            + "timeline the chair agrees, parallel processes and their constraints); documents (list, upload, download); the review panel "
            + "and team (minimum membership, appointments with declarations through the conflict rule, the chair's exceptions, matching a "
            + "case to reviewers) and the reviewer register (entries, training, affiliations, mentoring pairs), the genogram (named or "
            + "anonymised, as JSON or SVG, changed a person, relationship or household at a time), with the same rules as the site. Enums are written as their names "
            + "(SeriousInjury); criteria answers as yes, no or not-known. Refusals: 400 with the fields at fault, 403 for what you may "
            + "see but not do, 404 for what you may not see, 409 when the case changed since the version you send. "
            + "Authenticate with a personal access token (Account › API tokens): Authorization: Bearer scr_…";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token beginning scr_",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
