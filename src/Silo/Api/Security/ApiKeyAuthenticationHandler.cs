using System.Security.Claims;
using System.Text.Encodings.Web;
using Autoscaler.Silo.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Autoscaler.Silo.Api.Security;

/// <summary>Authenticates API keys against <see cref="ApiKeyStore"/>. Challenges answer 401 with
/// <c>WWW-Authenticate: Bearer</c> and problem+json; forbidden answers 403 naming the caller's role.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ApiCredentials.Read(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // The failure message is logged by ASP.NET Core: it must not contain the presented value.
        if (keys.Find(presented) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ApiClaimTypes.Name, key.Name),
                new Claim(ApiClaimTypes.Role, ApiRoles.ToName(key.Role)),
                new Claim(ApiClaimTypes.CredentialKind, "api-key"),
            ],
            Scheme.Name, ApiClaimTypes.Name, ApiClaimTypes.Role);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(ticket));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var invalid = result.Failure is not null;
        Response.Headers[HeaderNames.WWWAuthenticate] = invalid ? "Bearer error=\"invalid_token\"" : "Bearer";
        var detail = invalid
            ? "The presented API key is not valid."
            : "Present an API key as 'Authorization: Bearer <key>' (or 'X-Api-Key: <key>'), or an OIDC bearer token.";
        await ApiProblems.Status(StatusCodes.Status401Unauthorized, detail).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Status(StatusCodes.Status403Forbidden,
                $"The credential '{Context.User.Identity?.Name}' has role '{ApiRoles.ToName(ApiRoles.Of(Context.User))}', " +
                "which does not allow this operation.")
            .ExecuteAsync(Context);
}
