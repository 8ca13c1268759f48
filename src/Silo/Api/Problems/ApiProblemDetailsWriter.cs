using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Api.Problems;

/// <summary>Writes every problem as <c>application/problem+json</c>, whatever the request's <c>Accept</c> header. ASP.NET
/// Core's default writer declines when a browser asks for HTML, and the fallback then skips the customization
/// (<c>instance</c>, <c>traceId</c>); the API's error format should not depend on who is asking.</summary>
internal sealed class ApiProblemDetailsWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var problem = context.ProblemDetails;
        problem.Status ??= response.StatusCode;
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(response.WriteAsJsonAsync(
            problem, problem.GetType(), Json, "application/problem+json", context.HttpContext.RequestAborted));
    }
}
