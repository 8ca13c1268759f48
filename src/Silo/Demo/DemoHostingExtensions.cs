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

        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<DemoLoadGenerator>();
        return builder;
    }
}
