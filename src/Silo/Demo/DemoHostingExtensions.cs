namespace Autoscaler.Silo.Demo;

/// <summary>Wires the demo fleet (off unless <c>Demo:Enabled</c> or <c>--demo</c>).</summary>
public static class DemoHostingExtensions
{
    /// <summary>Registers the demo; <c>--demo</c> among <paramref name="args"/> turns it on.</summary>
    public static WebApplicationBuilder AddAutoscalerDemo(this WebApplicationBuilder builder, string[] args)
    {
        if (args.Contains("--demo", StringComparer.Ordinal))
        {
            builder.Configuration[$"{DemoOptions.Section}:Enabled"] = "true";
        }

        if (builder.Configuration.GetValue<bool>($"{DemoOptions.Section}:Enabled"))
        {
            // Sizes for the optimiser, and a synthetic past so its recommendations appear within minutes (docs/optimization.md).
            SetDefault(builder.Configuration, DemoFleet.Supervisor, "2", "8");
            SetDefault(builder.Configuration, DemoFleet.Gateway, "1", "2");
            SetDefault(builder.Configuration, DemoFleet.Worker, "1", "4");
            builder.Services.AddSingleton<Optimization.ITraceBackfill, DemoTraceBackfill>();
        }

        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<DemoLoadGenerator>();
        return builder;
    }

    private static void SetDefault(IConfiguration configuration, string target, string vcpu, string memoryGiB)
    {
        var section = $"Optimization:Targets:{target}";
        if (configuration[$"{section}:Vcpu"] is null && configuration[$"{section}:MemoryGiB"] is null)
        {
            configuration[$"{section}:Vcpu"] = vcpu;
            configuration[$"{section}:MemoryGiB"] = memoryGiB;
        }
    }
}
