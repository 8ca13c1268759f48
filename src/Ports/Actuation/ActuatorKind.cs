namespace Autoscaler.Ports.Actuation;

/// <summary>Which kind of system a scale target lives in; selects the <see cref="IScaleTargetClient"/> that drives it.</summary>
public enum ActuatorKind
{
    /// <summary>An in-process model of a service (demo, tests).</summary>
    Simulated,

    /// <summary>An Amazon ECS service (<c>UpdateService</c> desired count).</summary>
    Ecs,

    /// <summary>A Docker Compose service (<c>docker compose up --scale</c>).</summary>
    Compose,

    /// <summary>A Kubernetes resource with a <c>scale</c> subresource (Deployment, StatefulSet, custom resources).</summary>
    Kubernetes,

    /// <summary>An HTTP endpoint that receives signed scale requests.</summary>
    Webhook,

    /// <summary>An Amazon Aurora DB cluster: its reader count or its Serverless v2 minimum capacity.</summary>
    Aurora,
}
