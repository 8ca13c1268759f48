namespace Autoscaler.Adapters.Actuators.Aurora;

/// <summary>Which capacity of an Aurora cluster a target scales (binding setting <c>dimension</c>).</summary>
public enum AuroraDimension
{
    /// <summary>The number of reader instances (<c>readers</c>; AWS calls it <c>rds:cluster:ReadReplicaCount</c>).</summary>
    Readers,

    /// <summary>The Serverless v2 minimum capacity in ACUs (<c>serverlessV2MinCapacity</c>), with an optional max headroom.</summary>
    ServerlessV2MinCapacity,
}
