using System.ComponentModel.DataAnnotations;
using Autoscaler.Adapters.PostgreSql;
using Autoscaler.Deploy.Tests.Support;
using Autoscaler.Silo.Api.Security;
using Microsoft.Extensions.Configuration;

namespace Autoscaler.Deploy.Tests;

/// <summary>
/// Each template's environment as configuration (<c>__</c> becomes <c>:</c>, as the environment-variable provider
/// translates it) bound into the silo's options classes by
/// <c>ConfigurationBinder</c> with unknown keys as errors; the bound options must then pass the classes' own
/// validation attributes, and API key roles must be roles. Values a template takes from a secret get a stand-in.
/// </summary>
public sealed class TemplateBindingTests
{
    private const string SecretStandIn = "from-a-secret";

    public static TheoryData<string> Sources => [.. TemplateEnvironment.Sources];

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_environment_binds_into_the_options_with_no_unknown_key_and_passes_their_validation(string source)
    {
        var configuration = Configuration(source);

        foreach (var section in ConfigurationKeyCatalog.Sections.Where(s => s.Shape != typeof(string)))
        {
            var bound = configuration.GetSection(section.Path).Get(section.Shape, o => o.ErrorOnUnknownConfiguration = true);
            if (bound is PostgreSqlOptions postgres)
            {
                // As AddAutoscalerPostgreSql composes it: the connection string lives under ConnectionStrings.
                postgres.ConnectionString = configuration.GetConnectionString(PostgreSqlOptions.ConnectionStringName) ?? postgres.ConnectionString;
            }

            if (bound is not null && section.Shape == section.Declarer)
            {
                var errors = new List<ValidationResult>();
                Assert.True(Validator.TryValidateObject(bound, new ValidationContext(bound), errors, validateAllProperties: true),
                    $"{source}: {section.Path}: {string.Join("; ", errors.Select(e => e.ErrorMessage))}");
            }
        }

        var keys = configuration.GetSection(ApiSecurityOptions.Section).Get<ApiSecurityOptions>()?.Keys ?? [];
        Assert.All(keys, key => Assert.NotNull(ApiRoles.Parse(key.Role)));
    }

    private static IConfiguration Configuration(string source)
    {
        var settings = TemplateEnvironment.Of(source)
            .Select(s => KeyValuePair.Create(s.Name.Replace("__", ":", StringComparison.Ordinal), (string?)(s.Value ?? SecretStandIn)));
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
