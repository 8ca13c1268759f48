using Autoscaler.Silo.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Api.Security;

/// <summary>Registers the API's security: API keys and optional OIDC tokens, role policies, rate limits, body limits and
/// problem+json errors. Pair with <see cref="ApiSecurityApplicationBuilderExtensions.UseAutoscalerApiSecurity"/>.</summary>
public static class ApiSecurityServiceCollectionExtensions
{
    /// <summary>Adds authentication, authorization, rate limiting and problem details, configured from section <c>Api</c>.</summary>
    public static IServiceCollection AddAutoscalerApiSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ApiSecurityOptions.Section);
        services.AddOptions<ApiSecurityOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiSecurityOptions>, ApiSecurityOptionsValidator>();
        services.AddSingleton<ApiKeyStore>();
        services.AddHostedService<ApiSecurityAnnouncer>();

        // Which schemes exist is decided at start-up; their settings are read from options.
        var jwtEnabled = (section.GetSection("Jwt").Get<ApiJwtOptions>() ?? new ApiJwtOptions()).Enabled;
        var authentication = services.AddAuthentication(ApiAuthenticationSchemes.Default)
            .AddPolicyScheme(ApiAuthenticationSchemes.Default, "API key or bearer token",
                o => o.ForwardDefaultSelector = context => ApiCredentials.SelectScheme(context, jwtEnabled))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiAuthenticationSchemes.ApiKey, null)
            .AddCookie(ApiAuthenticationSchemes.DashboardCookie, DashboardSession.ConfigureCookie);
        if (jwtEnabled)
        {
            authentication.AddJwtBearer(ApiAuthenticationSchemes.Jwt, _ => { });
            services.AddOptions<JwtBearerOptions>(ApiAuthenticationSchemes.Jwt)
                .Configure<IOptions<ApiSecurityOptions>>((jwt, api) => ConfigureJwt(jwt, api.Value.Jwt));
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Ingest, new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireAssertion(c => ApiRoles.Of(c.User) is ApiRole.Ingest or >= ApiRole.Operator)
                .Build())
            .AddPolicy(ApiPolicies.Viewer, RolePolicy(ApiRole.Viewer))
            .AddPolicy(ApiPolicies.Operator, RolePolicy(ApiRole.Operator))
            .AddPolicy(ApiPolicies.Admin, RolePolicy(ApiRole.Admin))
            .SetDefaultPolicy(RolePolicy(ApiRole.Viewer))
            // Endpoints under /api or /dashboard that forget to declare a policy still need a viewer credential.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAssertion(c => c.Resource is HttpContext http &&
                                       (!ApiPaths.IsProtected(http.Request.Path) || ApiRoles.Of(c.User) >= ApiRole.Viewer))
                .Build());

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<ApiSecurityOptions>, ApiKeyStore>((limiter, api, keys) => ApiRateLimiting.Configure(limiter, api.Value, keys));

        // Registered before AddProblemDetails so it is asked first.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ApiProblemDetailsWriter>());
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblems.Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Malformed bodies and parameters reach the exception handler, which names the field, instead of a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.PostConfigure<HttpLoggingOptions>(CredentialLogRedaction.Apply);
        services.Configure<StaticFileOptions>(o => o.OnPrepareResponse = ApiResponseHeaders.AddDashboardHeaders);
        return services;
    }

    private static AuthorizationPolicy RolePolicy(ApiRole role) => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(c => ApiRoles.Of(c.User) >= role)
        .Build();

    private static void ConfigureJwt(JwtBearerOptions jwt, ApiJwtOptions options)
    {
        jwt.Authority = options.Authority;
        jwt.Audience = options.Audience;
        jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
        // Keep claim names as the token spells them, so RoleClaim and NameClaim mean what the configuration says.
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.NameClaimType = ApiClaimTypes.Name;
        jwt.TokenValidationParameters.RoleClaimType = ApiClaimTypes.Role;
        jwt.Events = new JwtBearerEvents { OnTokenValidated = context => JwtRoleMapper.OnTokenValidatedAsync(context, options) };
    }
}
