using Autoscaler.Adapters.Actuators.Ecs;
using Autoscaler.Adapters.Actuators.Hosting;
using Autoscaler.Adapters.Actuators.Webhook;
using Autoscaler.Adapters.Tests.Aws;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Tests.Actuators;

/// <summary>On ECS everything is set by environment variable: <c>Actuators__Ecs__Region</c> and friends.</summary>
[Collection(EnvironmentVariableCollection.Name)]
public sealed class EnvironmentVariableConfigurationTests
{
    [Fact]
    public void Double_underscore_environment_variables_reach_the_options()
    {
        const string Prefix = "AUTOSCALER_ACTUATOR_TEST_";
        var variables = new Dictionary<string, string>
        {
            [Prefix + "Actuators__Ecs__Region"] = "ap-southeast-2",
            [Prefix + "Actuators__Ecs__MaxAttempts"] = "2",
            [Prefix + "Actuators__Webhook__Secret"] = "secret-from-the-environment",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(Prefix).Build();
            using var services = new ServiceCollection().AddLogging().AddAutoscalerActuators(configuration).BuildServiceProvider();

            var ecs = services.GetRequiredService<IOptions<EcsActuatorOptions>>().Value;
            Assert.Equal(("ap-southeast-2", 2), (ecs.Region, ecs.MaxAttempts));
            Assert.Equal("secret-from-the-environment", services.GetRequiredService<IOptions<WebhookActuatorOptions>>().Value.Secret);
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }
}
