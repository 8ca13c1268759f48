using Autoscaler.Adapters.Nats.Hosting;
using Autoscaler.Silo.Health;
using Autoscaler.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddAutoscalerOrleans();
builder.Services.AddAutoscalerHealth();
builder.Services.AddAutoscalerNats(builder.Configuration);

var app = builder.Build();
app.MapAutoscalerHealth();
app.Run();

/// <summary>Entry point, visible to tests that host the silo in-process.</summary>
public partial class Program;
