using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Autoscaler.Silo.Api.Security;

/// <summary>Declares the API's two ways to present a credential in the OpenAPI document, <c>Authorization: Bearer</c>
/// (an API key or an OIDC token) and <c>X-Api-Key</c>, and requires one of them on every operation, so the Scalar page
/// and generated clients authenticate. The document itself and the health probes stay public.</summary>
internal sealed class OpenApiSecuritySchemes : IOpenApiDocumentTransformer
{
    /// <summary>The scheme name of <c>Authorization: Bearer</c>.</summary>
    public const string Bearer = "bearer";

    /// <summary>The scheme name of the <c>X-Api-Key</c> header.</summary>
    public const string ApiKey = "apiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key (ask_...) or, when Api:Jwt:Authority is set, an OIDC access token.",
        };
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiCredentials.ApiKeyHeader,
            Description = "An API key, as an alternative to the Authorization header.",
        };
        // Either one satisfies the API: two requirements, each naming one scheme.
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKey, document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
