using Autoscaler.Deploy.Tests.Support;
using k8s;
using k8s.Models;

namespace Autoscaler.Deploy.Tests;

/// <summary>deploy/kubernetes, loaded into the client library's typed objects (unknown fields are errors).</summary>
public sealed class KubernetesManifestTests
{
    private readonly IReadOnlyList<object> _objects = KubernetesManifests.LoadAll();

    private V1Deployment Deployment => _objects.OfType<V1Deployment>().Single();

    private V1Container Silo => Deployment.Spec.Template.Spec.Containers.Single();

    [Fact]
    public void Kustomization_lists_every_manifest_and_each_holds_the_expected_kinds()
    {
        var files = Directory.GetFiles(RepositoryFiles.PathOf(KubernetesManifests.Directory), "*.yaml")
            .Select(Path.GetFileName)
            .Where(f => f != "kustomization.yaml")
            .Order();

        Assert.Equal(files, KubernetesManifests.Resources().Order());
        Assert.Equal(
            ["ClusterRole", "Deployment", "PodDisruptionBudget", "RoleBinding", "Service", "ServiceAccount"],
            _objects.Cast<IKubernetesObject>().Select(o => o.Kind).Order());
    }

    [Fact]
    public void Manifests_name_no_namespace()
    {
        Assert.All(_objects.Cast<IMetadata<V1ObjectMeta>>(), o => Assert.Null(o.Metadata.NamespaceProperty));
        Assert.All(_objects.OfType<V1RoleBinding>().SelectMany(b => b.Subjects), s => Assert.Null(s.NamespaceProperty));
    }

    [Fact]
    public void Two_silos_run_as_the_service_account_and_every_selector_matches_them()
    {
        Assert.Equal(2, Deployment.Spec.Replicas);
        Assert.Equal(_objects.OfType<V1ServiceAccount>().Single().Metadata.Name, Deployment.Spec.Template.Spec.ServiceAccountName);

        var labels = Deployment.Spec.Template.Metadata.Labels;
        Assert.All(Deployment.Spec.Selector.MatchLabels, l => Assert.Equal(l.Value, labels[l.Key]));
        Assert.All(_objects.OfType<V1Service>().Single().Spec.Selector, l => Assert.Equal(l.Value, labels[l.Key]));
        var budget = _objects.OfType<V1PodDisruptionBudget>().Single();
        Assert.All(budget.Spec.Selector.MatchLabels, l => Assert.Equal(l.Value, labels[l.Key]));
        Assert.InRange(int.Parse(budget.Spec.MinAvailable.Value, System.Globalization.CultureInfo.InvariantCulture), 1, Deployment.Spec.Replicas!.Value - 1);
    }

    [Fact]
    public void Probes_use_the_silo_health_routes_on_its_HTTP_port()
    {
        Assert.Equal(HealthRoutes.Ready, Silo.ReadinessProbe.HttpGet.Path);
        Assert.Equal(HealthRoutes.Live, Silo.LivenessProbe.HttpGet.Path);
        Assert.Equal(HealthRoutes.Live, Silo.StartupProbe.HttpGet.Path);
        foreach (var probe in new[] { Silo.ReadinessProbe, Silo.LivenessProbe, Silo.StartupProbe })
        {
            Assert.Equal(SiloImage.HttpPort, ContainerPort(probe.HttpGet.Port));
        }

        var service = _objects.OfType<V1Service>().Single().Spec.Ports.Single();
        Assert.Equal(SiloImage.HttpPort, ContainerPort(service.TargetPort));
    }

    [Fact]
    public void Container_ports_are_the_ports_the_silo_listens_on()
    {
        Assert.Equal(
            new Dictionary<string, int> { ["http"] = SiloImage.HttpPort, ["silo"] = SiloImage.SiloPort, ["gateway"] = SiloImage.GatewayPort },
            Silo.Ports.ToDictionary(p => p.Name, p => p.ContainerPort));
        Assert.DoesNotContain(Silo.Env, e => e.Name is "Silo__SiloPort" or "Silo__GatewayPort" or "Urls");
    }

    [Fact]
    public void Each_silo_advertises_its_pod_IP_and_is_named_after_its_pod()
    {
        Assert.Equal("status.podIP", Env("Silo__AdvertisedAddress").ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.name", Env("Silo__Name").ValueFrom.FieldRef.FieldPath);
    }

    [Fact]
    public void The_connection_string_and_key_hash_come_from_a_secret()
    {
        foreach (var name in new[] { "ConnectionStrings__Autoscaler", "Api__Keys__0__Hash" })
        {
            var variable = Env(name);
            Assert.Null(variable.Value);
            Assert.False(string.IsNullOrEmpty(variable.ValueFrom.SecretKeyRef.Name));
            Assert.False(string.IsNullOrEmpty(variable.ValueFrom.SecretKeyRef.Key));
        }
    }

    [Fact]
    public void The_silo_runs_unprivileged_with_resources_set()
    {
        Assert.True(Deployment.Spec.Template.Spec.SecurityContext.RunAsNonRoot);
        Assert.False(Silo.SecurityContext.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], Silo.SecurityContext.Capabilities.Drop);
        Assert.True(Silo.Resources.Requests.ContainsKey("cpu") && Silo.Resources.Requests.ContainsKey("memory"));
        Assert.True(Silo.Resources.Limits.ContainsKey("memory"));
        // A read-only root needs a writable /tmp.
        Assert.True(Silo.SecurityContext.ReadOnlyRootFilesystem);
        Assert.Contains(Silo.VolumeMounts, m => m.MountPath == "/tmp");
    }

    private V1EnvVar Env(string name) => Silo.Env.Single(e => e.Name == name);

    private int ContainerPort(IntOrString port) =>
        int.TryParse(port.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : Silo.Ports.Single(p => p.Name == port.Value).ContainerPort;
}
