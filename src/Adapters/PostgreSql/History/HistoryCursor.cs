using System.Globalization;
using System.Text;

namespace Autoscaler.Adapters.PostgreSql.History;

/// <summary>
/// The position after the last entry of a page: its time (UTC ticks, as read back from the database) and id. Opaque to
/// callers (base64url), so the encoding can change without changing the port.
/// </summary>
internal sealed record HistoryCursor(DateTimeOffset At, string Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{At.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{Id}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static HistoryCursor Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var ticks = long.Parse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture);
            return new HistoryCursor(new DateTimeOffset(ticks, TimeSpan.Zero), text[(colon + 1)..]);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException)
        {
            throw new ArgumentException("the history cursor is not one this store returned", nameof(cursor), exception);
        }
    }
}
