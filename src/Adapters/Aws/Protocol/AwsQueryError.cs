using System.Net;
using System.Xml;
using System.Xml.Linq;

namespace Autoscaler.Adapters.Aws.Protocol;

/// <summary>
/// Reads the error answer of an AWS Query protocol service:
/// <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type&gt;Sender&lt;/Type&gt;&lt;Code&gt;Throttling&lt;/Code&gt;&lt;Message&gt;...&lt;/Message&gt;&lt;/Error&gt;...</c>
/// (EC2's <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;</c> reads the same). The code decides whether the call is worth another
/// attempt, as for the JSON protocol (<see cref="AwsJsonError.IsRetryable"/>); a body that is not XML (a proxy's page)
/// leaves the status code to decide.
/// </summary>
public static class AwsQueryError
{
    /// <summary>The code and message of an error body; nulls when the body has none.</summary>
    public static (string? Code, string? Message) Parse(string body)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var error = XDocument.Load(reader).Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            return (Child(error, "Code"), Child(error, "Message"));
        }
        catch (XmlException)
        {
            return (null, null);
        }
    }

    /// <summary>The failed attempt an error answer makes: its code (or <c>Throttling</c> for a bare 429, else <c>Http{status}</c>).</summary>
    public static AwsAttempt ToAttempt(HttpStatusCode status, string body, string serviceName)
    {
        var (code, message) = Parse(body);
        var statusCode = (int)status;
        code ??= status == HttpStatusCode.TooManyRequests ? "Throttling" : $"Http{statusCode}";
        return AwsAttempt.Failure(
            code, statusCode, message ?? $"{serviceName} returned HTTP {statusCode} ({code}).", AwsJsonError.IsRetryable(code, statusCode));
    }

    private static string? Child(XElement? parent, string name)
    {
        var value = parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
