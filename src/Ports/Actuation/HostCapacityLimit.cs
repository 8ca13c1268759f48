namespace Autoscaler.Ports.Actuation;

/// <summary>
/// An actuator applied less than asked because the target's host had no room for the rest (a Docker host short of memory
/// or CPU): <see cref="Granted"/> is the capacity it set instead, <see cref="Explanation"/> says what the host had and
/// what each replica needs.
/// </summary>
/// <param name="Requested">The capacity the decision asked for.</param>
/// <param name="Granted">The capacity applied: the current one plus the replicas that fit.</param>
/// <param name="Explanation">One line for the decision's explanation.</param>
public sealed record HostCapacityLimit(int Requested, int Granted, string Explanation);
