using Autoscaler.Silo.Demo;

namespace Autoscaler.Integration.Tests.Demo;

public sealed class DailyLoadCurveTests
{
    [Fact]
    public void Nights_are_quiet_business_hours_peak_and_every_hour_stays_within_bounds()
    {
        Assert.True(DailyLoadCurve.At(3) < 0.1);
        Assert.True(DailyLoadCurve.At(10.5) > 0.9);
        Assert.True(DailyLoadCurve.At(12.5) < DailyLoadCurve.At(10.5));
        for (var hour = 0.0; hour < 48; hour += 0.25)
        {
            Assert.InRange(DailyLoadCurve.At(hour), 0.05, 1.0);
        }
    }

    [Fact]
    public void The_morning_ramp_rises_so_the_demo_starts_with_scale_outs()
    {
        Assert.True(DailyLoadCurve.At(8.5) > DailyLoadCurve.At(7.5));
        Assert.True(DailyLoadCurve.At(9.5) > DailyLoadCurve.At(8.5));
    }
}
