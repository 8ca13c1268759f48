using Autoscaler.Deploy.Tests.Support;
using Autoscaler.Ports.Actuation;
using k8s.Models;

namespace Autoscaler.Deploy.Tests;

/// <summary>The RBAC rules against the requests the Kubernetes actuator really sends (recorded from the actuator itself).</summary>
public sealed class KubernetesRbacTests
{
    private readonly IReadOnlyList<object> _objects = KubernetesManifests.LoadAll();

    [Fact]
    public async Task The_role_grants_exactly_the_verbs_and_resources_the_actuator_uses()
    {
        var used = await ActuatorCalls.KubernetesPermissionsAsync();
        var granted = _objects.OfType<V1ClusterRole>().Single().Rules
            .SelectMany(rule => rule.ApiGroups.SelectMany(group => rule.Resources.SelectMany(resource => rule.Verbs.Select(verb =>
                new RbacPermission(group, resource, verb)))))
            .ToHashSet();

        Assert.Equal(used.OrderBy(p => p.ToString()), granted.OrderBy(p => p.ToString()));
    }

    [Fact]
    public void The_rules_use_no_wildcards_and_no_resource_names()
    {
        var rules = _objects.OfType<V1ClusterRole>().Single().Rules;

        Assert.All(rules, rule =>
        {
            Assert.DoesNotContain("*", rule.ApiGroups.Concat(rule.Resources).Concat(rule.Verbs));
            Assert.Null(rule.ResourceNames);
            Assert.Null(rule.NonResourceURLs);
        });
    }

    [Theory]
    [InlineData("daemonset")]
    [InlineData("replicationcontroller")]
    public async Task The_actuator_scales_no_other_kind_than_the_rules_cover(string kind)
    {
        // If the actuator learns a new built-in kind, this fails, and the kind joins ActuatorCalls.KubernetesResourceKinds
        // (and so the RBAC test). Any other resource needs its group and version, and its own rule (scale-custom-resources/).
        var (calls, results) = await ActuatorCalls.KubernetesAsync(
            new Dictionary<string, string> { ["name"] = "web", ["namespace"] = "shop", ["resource"] = kind });

        Assert.Empty(calls);
        Assert.All(results, r => Assert.Equal(ScaleTargetErrorKind.Invalid, r.ErrorKind));
    }

    [Theory]
    [InlineData("redis-cluster.yaml", "redis.redis.opstreelabs.in", "v1beta2", "redisclusters")]
    [InlineData("argo-rollouts.yaml", "argoproj.io", "v1alpha1", "rollouts")]
    public async Task Each_custom_resource_role_grants_exactly_what_scaling_that_resource_uses(string file, string group, string version, string resource)
    {
        var (calls, results) = await ActuatorCalls.KubernetesAsync(new Dictionary<string, string>
        {
            ["name"] = "web", ["namespace"] = "shop", ["resource"] = resource, ["group"] = group, ["version"] = version,
        });
        var objects = KubernetesManifests.Load($"scale-custom-resources/{file}");
        var role = objects.OfType<V1ClusterRole>().Single();
        var granted = role.Rules
            .SelectMany(rule => rule.ApiGroups.SelectMany(g => rule.Resources.SelectMany(r => rule.Verbs.Select(verb => new RbacPermission(g, r, verb)))))
            .ToHashSet();

        Assert.All(results.SkipLast(2), r => Assert.True(r.Succeeded, r.Message));
        Assert.All(results.TakeLast(2), r => Assert.Equal(ScaleTargetErrorKind.Invalid, r.ErrorKind)); // no rollout restart or resize for custom resources, and no request
        Assert.Equal(calls.Select(RbacPermission.Of).ToHashSet().OrderBy(p => p.ToString()), granted.OrderBy(p => p.ToString()));
        Assert.All(role.Rules, rule => Assert.DoesNotContain("*", rule.ApiGroups.Concat(rule.Resources).Concat(rule.Verbs)));
        var binding = objects.OfType<V1RoleBinding>().Single();
        Assert.Equal(role.Metadata.Name, binding.RoleRef.Name);
        Assert.Equal("autoscaler", Assert.Single(binding.Subjects).Name);
    }

    [Fact]
    public void The_binding_gives_the_role_to_the_silos_service_account()
    {
        var binding = _objects.OfType<V1RoleBinding>().Single();
        var role = _objects.OfType<V1ClusterRole>().Single();
        var account = _objects.OfType<V1ServiceAccount>().Single();

        Assert.Equal(("rbac.authorization.k8s.io", "ClusterRole", role.Metadata.Name), (binding.RoleRef.ApiGroup, binding.RoleRef.Kind, binding.RoleRef.Name));
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("ServiceAccount", account.Metadata.Name), (subject.Kind, subject.Name));
    }
}
