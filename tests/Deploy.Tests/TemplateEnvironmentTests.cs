using Autoscaler.Deploy.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Autoscaler.Deploy.Tests;

/// <summary>
/// Every environment variable a template gives the silo must name a configuration key the silo binds (<c>__</c> is
/// <c>:</c>), checked against <see cref="ConfigurationKeyCatalog"/>, which walks the options classes themselves; literal
/// values must convert to the bound type. A misspelt key is otherwise ignored in silence by configuration binding.
/// </summary>
public sealed class TemplateEnvironmentTests
{
    private const string HostPrefix = "ASPNETCORE_";

    public static TheoryData<string> Sources => [.. TemplateEnvironment.Sources];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_variable_is_a_key_the_silo_binds(string source)
    {
        var settings = TemplateEnvironment.Of(source);

        Assert.NotEmpty(settings);
        Assert.DoesNotContain(settings, s => !IsHostSetting(s.Name) && ConfigurationKeyCatalog.Resolve(Key(s.Name)) is null);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Literal_values_convert_to_the_bound_type(string source)
    {
        var literals = TemplateEnvironment.Of(source)
            .Where(s => s.Value is not null && !IsHostSetting(s.Name) && !s.Value.Contains("${", StringComparison.Ordinal));

        Assert.DoesNotContain(literals, s => !ConfigurationKeyCatalog.Converts(Key(s.Name), s.Value!));
    }

    // ASPNETCORE_-prefixed variables are host settings (WebHostDefaults keys, and the forwarded-headers switch
    // ForwardedHeadersSettingTests shows the host honours), not the silo's configuration.
    private static bool IsHostSetting(string name) =>
        name.StartsWith(HostPrefix, StringComparison.Ordinal)
        && typeof(WebHostDefaults).GetFields().Select(f => f.GetValue(null) as string).Append(ForwardedHeadersSettingTests.Key)
            .Contains(name[HostPrefix.Length..], StringComparer.OrdinalIgnoreCase);

    private static string Key(string variable) => variable.Replace("__", ":", StringComparison.Ordinal);
}
