using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Net.Http.Headers;

namespace Autoscaler.Silo.Api.Security;

/// <summary>Keeps credentials out of ASP.NET Core's HTTP logging even if someone turns it on and lists the headers:
/// applied after every other configuration, it drops <c>Authorization</c>, <c>X-Api-Key</c> and the cookies from the
/// headers HTTP logging may print (it then writes them as <c>[Redacted]</c>).</summary>
internal static class CredentialLogRedaction
{
    public static void Apply(HttpLoggingOptions options)
    {
        options.RequestHeaders.Remove(HeaderNames.Authorization);
        options.RequestHeaders.Remove(ApiCredentials.ApiKeyHeader);
        options.RequestHeaders.Remove(HeaderNames.Cookie);
        options.ResponseHeaders.Remove(HeaderNames.SetCookie);
    }
}
