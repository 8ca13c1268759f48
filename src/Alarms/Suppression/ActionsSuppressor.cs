namespace Autoscaler.Alarms.Suppression;

/// <summary>
/// A composite alarm's actions suppressor, as CloudWatch has it: while <see cref="Alarm"/> is in ALARM the composite's
/// actions do not run. When the composite goes to ALARM and the suppressor is not in ALARM, the actions wait up to
/// <see cref="WaitPeriodSeconds"/> for it to get there; after the suppressor leaves ALARM they wait
/// <see cref="ExtensionPeriodSeconds"/> more. Typical use: a maintenance or "deploying" alarm that silences its fallout.
/// </summary>
/// <param name="Alarm">The suppressor alarm's name.</param>
/// <param name="WaitPeriodSeconds">How long to wait for the suppressor to go to ALARM (default 60).</param>
/// <param name="ExtensionPeriodSeconds">How long suppression lasts after the suppressor leaves ALARM (default 60).</param>
public sealed record ActionsSuppressor(string Alarm, int WaitPeriodSeconds = 60, int ExtensionPeriodSeconds = 60);
