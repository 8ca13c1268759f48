using Autoscaler.Deploy.Tests.Support;

namespace Autoscaler.Deploy.Tests;

/// <summary>The key catalog the template checks rely on: complete over the silo's options classes, and strict.</summary>
public sealed class ConfigurationKeyCatalogTests
{
    [Fact]
    public void Every_options_class_of_the_silo_is_in_the_catalog()
    {
        Assert.Contains(ConfigurationKeyCatalog.SiloAssemblies(), a => a.GetName().Name == "Autoscaler.Adapters.Actuators");
        Assert.Empty(ConfigurationKeyCatalog.Undeclared());
    }

    [Theory]
    [InlineData("Urls", typeof(string))]
    [InlineData("ConnectionStrings:Autoscaler", typeof(string))]
    [InlineData("Silo:AdvertisedAddress", typeof(string))]
    [InlineData("silo:siloport", typeof(int))]
    [InlineData("Api:Keys:0:Hash", typeof(string))]
    [InlineData("Api:Jwt:RoleMap:platform-admins", typeof(string))]
    [InlineData("Api:Events:HeartbeatInterval", typeof(TimeSpan))]
    [InlineData("Sources:2:Interval", typeof(TimeSpan))]
    [InlineData("Orleans:ClusterMembership:ProbeTimeout", typeof(TimeSpan))]
    [InlineData("Actuators:Kubernetes:MaxAttempts", typeof(int))]
    [InlineData("Optimization:Targets:web:MemoryGiB", typeof(double))]
    public void Resolves_keys_the_silo_binds(string key, Type type)
    {
        Assert.Equal(type, ConfigurationKeyCatalog.Resolve(key));
    }

    [Theory]
    [InlineData("Silo:AdvertisedAdress")]       // misspelt
    [InlineData("Silo")]                        // a section, not a value
    [InlineData("Silo:SiloPort:Extra")]         // below a value
    [InlineData("Api:Keys:first:Hash")]         // a list needs an index
    [InlineData("Sources:0:Key")]               // not publicly settable
    [InlineData("ConnectionStrings:Other")]     // a connection string nobody reads
    [InlineData("Nats_Url")]                    // one underscore is not a separator
    public void Rejects_keys_nothing_binds(string key)
    {
        Assert.Null(ConfigurationKeyCatalog.Resolve(key));
    }

    [Theory]
    [InlineData("Silo:SiloPort", "11111", true)]
    [InlineData("Silo:SiloPort", "silo", false)]
    [InlineData("Nats:RetryOnInitialConnect", "true", true)]
    [InlineData("Nats:RetryOnInitialConnect", "yes", false)]
    [InlineData("Api:Events:HeartbeatInterval", "00:00:15", true)]
    [InlineData("Api:Events:HeartbeatInterval", "15s", false)]
    public void Converts_values_as_the_binder_does(string key, string value, bool converts)
    {
        Assert.Equal(converts, ConfigurationKeyCatalog.Converts(key, value));
    }
}
