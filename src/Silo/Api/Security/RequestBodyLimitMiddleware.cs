using Autoscaler.Silo.Api.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Api.Security;

/// <summary>Caps request bodies on <c>/api</c>: the endpoint's <see cref="IRequestSizeLimitMetadata"/> if it declares one,
/// else 64 KiB for telemetry and 1 MiB for the rest (configurable). A declared <c>Content-Length</c> over the limit is
/// refused at once with 413; a chunked body is cut off by the server when it crosses the limit, which answers 413 too.</summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ApiSecurityOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiPaths.IsApi(context.Request.Path))
        {
            await next(context);
            return;
        }

        var limit = LimitFor(context);
        if (limit is { } max && context.Request.ContentLength > max)
        {
            await ApiProblems.Status(StatusCodes.Status413PayloadTooLarge,
                    $"The request body is {context.Request.ContentLength} bytes; this endpoint accepts at most {max}.")
                .ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }

    private long? LimitFor(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } declared)
        {
            return declared.MaxRequestBodySize;
        }

        var limits = options.Value.BodyLimits;
        return context.Request.Path.StartsWithSegments(ApiPaths.Telemetry, StringComparison.OrdinalIgnoreCase)
            ? limits.TelemetryBytes
            : limits.DefaultBytes;
    }
}
