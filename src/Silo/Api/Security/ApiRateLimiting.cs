using System.Globalization;
using System.Threading.RateLimiting;
using Autoscaler.Silo.Api.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace Autoscaler.Silo.Api.Security;

/// <summary>The <c>/api</c> rate limiter: a fixed window per credential (<c>key:&lt;name&gt;</c>, <c>jwt:&lt;name&gt;</c>) and
/// per client IP for callers without a valid credential. Rejections answer 429 with <c>Retry-After</c> and problem+json.</summary>
internal static class ApiRateLimiting
{
    public static void Configure(RateLimiterOptions limiter, ApiSecurityOptions options, ApiKeyStore keys)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options.RateLimit, keys));
        limiter.OnRejected = (context, _) => RejectAsync(context, options.RateLimit.Window);
    }

    private static RateLimitPartition<string> Partition(HttpContext context, ApiRateLimitOptions options, ApiKeyStore keys)
    {
        if (!ApiPaths.IsApi(context.Request.Path))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var user = context.User;
        string partition;
        int permits;
        if (user.Identity is { IsAuthenticated: true, Name: { } name })
        {
            var kind = user.FindFirst(ApiClaimTypes.CredentialKind)?.Value ?? "credential";
            partition = $"{kind}:{name}";
            permits = (kind == "api-key" ? keys.PermitLimitFor(name) : null) ?? options.PermitLimit;
        }
        else
        {
            partition = $"ip:{context.Connection.RemoteIpAddress}";
            permits = options.AnonymousPermitLimit;
        }

        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = options.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, TimeSpan window)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.Status(StatusCodes.Status429TooManyRequests,
                $"Too many requests for this credential or address; retry after {seconds} s.")
            .ExecuteAsync(context.HttpContext);
    }
}
