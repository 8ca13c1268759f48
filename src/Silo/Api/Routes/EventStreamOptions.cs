using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>The server-sent-events stream (section <c>Api:Events</c>).</summary>
public sealed class EventStreamOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Api:Events";

    /// <summary>How often an idle stream sends a <c>: ping</c> comment (default 15 s, so proxies keep it open).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Events buffered per client; a client further behind loses its oldest events.</summary>
    [Range(1, 65_536)]
    public int ClientBuffer { get; set; } = 256;
}
