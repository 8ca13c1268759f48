namespace Autoscaler.Adapters.Tests;

public sealed class PlaceholderTests
{
    [Fact]
    public void Builds() => Assert.Equal(2, 1 + 1);
}
