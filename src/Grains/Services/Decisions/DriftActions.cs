namespace Autoscaler.Grains.Services.Decisions;

/// <summary>The drift actions a target may name (<c>TargetDefinition.DriftAction</c>), as every border spells them.</summary>
internal static class DriftActions
{
    /// <summary>Take the observed capacity as the one in effect (the default, as HPA and AWS Application Auto Scaling read it).</summary>
    public const string Adopt = "adopt";

    /// <summary>Apply the capacity in effect again.</summary>
    public const string Reassert = "reassert";

    /// <summary>Only flag the drift.</summary>
    public const string None = "none";

    /// <summary>The action <paramref name="name"/> names (null: <see cref="Adopt"/>); null for an unknown name.</summary>
    public static string? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        null or "" or Adopt => Adopt,
        Reassert => Reassert,
        None => None,
        _ => null,
    };
}
