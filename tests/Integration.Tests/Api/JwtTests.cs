using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Autoscaler.Silo.Api.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Autoscaler.Integration.Tests.Api;

/// <summary>OIDC tokens signed with a local RSA key; the discovery document is supplied in-process (no network).</summary>
public sealed class JwtTests : IAsyncLifetime
{
    private const string Issuer = "https://issuer.autoscaler.test";
    private const string Audience = "autoscaler-api";

    private readonly RsaSecurityKey _signingKey = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly RsaSecurityKey _strangerKey = new(RSA.Create(2048)) { KeyId = "test-key" };
    private ApiTestHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = TestKeys.Settings();
        settings["Api:Jwt:Authority"] = Issuer;
        settings["Api:Jwt:Audience"] = Audience;
        settings["Api:Jwt:NameClaim"] = "preferred_username";
        settings["Api:Jwt:RoleClaim"] = "groups";
        settings["Api:Jwt:RoleMap:autoscaler-admins"] = "admin";
        settings["Api:Jwt:RoleMap:sre"] = "operator";
        _host = await ApiTestHost.StartAsync(settings, services =>
            services.Configure<JwtBearerOptions>(ApiAuthenticationSchemes.Jwt, jwt =>
            {
                var discovery = new OpenIdConnectConfiguration { Issuer = Issuer };
                discovery.SigningKeys.Add(_signingKey);
                jwt.Configuration = discovery;
            }));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(new[] { "sre" }, "operator")]
    [InlineData(new[] { "autoscaler-admins" }, "admin")]
    [InlineData(new[] { "viewer" }, "viewer")]
    [InlineData(new[] { "viewer", "sre", "unrelated" }, "operator")]
    [InlineData(new[] { "unrelated" }, "none")]
    public async Task Token_groups_map_to_the_highest_api_role(string[] groups, string role)
    {
        using var client = _host.Client(Token(groups));

        using var response = await client.GetAsync("/api/autoscaling/whoami");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var who = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("alice", who.GetProperty("name").GetString());
        Assert.Equal(role, who.GetProperty("role").GetString());
        Assert.Equal("jwt", who.GetProperty("credential").GetString());
    }

    [Fact]
    public async Task A_mapped_role_opens_its_policies_and_no_more()
    {
        using var sre = _host.Client(Token(["sre"]));
        using var scaled = await sre.PostAsync("/api/probe/scale", AuthorizationTests.JsonContent("""{ "replicas": 2, "reason": "x" }"""));
        Assert.Equal(HttpStatusCode.OK, scaled.StatusCode);

        using var admin = await sre.PostAsync("/api/probe/admin", null);
        await Problem.AssertAsync(admin, 403);

        using var nobody = _host.Client(Token(["unrelated"]));
        using var read = await nobody.GetAsync("/api/probe/read");
        await Problem.AssertAsync(read, 403);
    }

    [Fact]
    public async Task A_token_cannot_grant_itself_the_api_role_claim()
    {
        using var client = _host.Client(Token(["unrelated"], new Claim(ApiClaimTypes.Role, "admin")));

        using var response = await client.PostAsync("/api/probe/admin", null);

        await Problem.AssertAsync(response, 403);
    }

    [Fact]
    public async Task Tokens_signed_by_another_key_expired_or_for_another_audience_get_401()
    {
        foreach (var token in new[]
                 {
                     Token(["sre"], signingKey: _strangerKey),
                     Token(["sre"], expires: DateTime.UtcNow.AddMinutes(-10)),
                     Token(["sre"], audience: "someone-else"),
                 })
        {
            using var client = _host.Client(token);
            using var response = await client.GetAsync("/api/probe/read");

            await Problem.AssertAsync(response, 401);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    [Fact]
    public async Task Api_keys_keep_working_beside_tokens()
    {
        using var client = _host.Client(TestKeys.Operator);

        using var response = await client.GetAsync("/api/autoscaling/whoami");

        var who = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("operator", who.GetProperty("role").GetString());
        Assert.Equal("api-key", who.GetProperty("credential").GetString());
    }

    private string Token(
        string[] groups, Claim? extra = null, RsaSecurityKey? signingKey = null, DateTime? expires = null, string audience = Audience)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "user-17",
            ["preferred_username"] = "alice",
            ["groups"] = groups,
        };
        if (extra is not null)
        {
            claims[extra.Type] = extra.Value;
        }

        var notAfter = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = notAfter.AddMinutes(-20),
            NotBefore = notAfter.AddMinutes(-20),
            Expires = notAfter,
            SigningCredentials = new SigningCredentials(signingKey ?? _signingKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
