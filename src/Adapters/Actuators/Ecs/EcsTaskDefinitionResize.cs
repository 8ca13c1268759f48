using System.Globalization;
using System.Text.Json.Nodes;

namespace Autoscaler.Adapters.Actuators.Ecs;

/// <summary>
/// The RegisterTaskDefinition body for a resize: the running revision's definition as DescribeTaskDefinition returned
/// it, with only the task-level <c>cpu</c> (vCPU × 1024 units) and <c>memory</c> (MiB) changed. Fields that
/// DescribeTaskDefinition reports but RegisterTaskDefinition does not take (ARN, revision, status, registration
/// stamps, computed compatibilities and attributes) are left out; container-level reservations stay as they are.
/// </summary>
public static class EcsTaskDefinitionResize
{
    private static readonly string[] OutputOnly =
    [
        "taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities",
        "registeredAt", "registeredBy", "deregisteredAt",
    ];

    /// <summary>ECS CPU units for <paramref name="vcpu"/>, or null when it is not a whole number of units of at least 128.</summary>
    public static int? CpuUnits(double vcpu) => Whole(vcpu * 1024, 128);

    /// <summary>MiB for <paramref name="memoryGiB"/>, or null when it is not a whole number of MiB of at least 512.</summary>
    public static int? MemoryMiB(double memoryGiB) => Whole(memoryGiB * 1024, 512);

    /// <summary>The registration body for <paramref name="running"/> at the new size.</summary>
    public static JsonObject Registration(JsonObject running, int cpuUnits, int memoryMiB)
    {
        ArgumentNullException.ThrowIfNull(running);
        var registration = (JsonObject)running.DeepClone();
        foreach (var field in OutputOnly)
        {
            registration.Remove(field);
        }

        // ECS takes the task-level sizes as strings ("512", "1024") and answers them as strings too.
        registration["cpu"] = cpuUnits.ToString(CultureInfo.InvariantCulture);
        registration["memory"] = memoryMiB.ToString(CultureInfo.InvariantCulture);
        return registration;
    }

    private static int? Whole(double value, int minimum)
    {
        var rounded = Math.Round(value);
        return Math.Abs(value - rounded) < 1e-6 && rounded >= minimum && rounded <= int.MaxValue ? (int)rounded : null;
    }
}
