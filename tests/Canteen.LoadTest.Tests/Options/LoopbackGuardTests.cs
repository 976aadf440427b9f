using Canteen.LoadTest.Options;

namespace Canteen.LoadTest.Tests.Options;

public sealed class LoopbackGuardTests
{
    [Theory]
    [InlineData("http://localhost:5080")]
    [InlineData("http://LocalHost")]
    [InlineData("https://localhost/")]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://127.1.2.3")]
    [InlineData("http://127.255.255.254:80/api")]
    [InlineData("http://[::1]:5080")]
    public void IsLoopback_ThisMachine_IsAccepted(string url)
    {
        Assert.True(LoopbackGuard.IsLoopback(new Uri(url)));
    }

    // Names that merely start like a loopback name resolve to anywhere, so they must not pass.
    [Theory]
    [InlineData("http://10.0.0.1")]
    [InlineData("http://example.com")]
    [InlineData("http://192.168.1.10:5080")]
    [InlineData("http://128.0.0.1")]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://[::2]")]
    [InlineData("http://[2001:db8::1]:5080")]
    [InlineData("http://localhost.example.com")]
    [InlineData("http://127.0.0.1.nip.io")]
    [InlineData("ftp://localhost")]
    [InlineData("file:///tmp/x")]
    public void IsLoopback_AnotherMachineOrScheme_IsRefused(string url)
    {
        Assert.False(LoopbackGuard.IsLoopback(new Uri(url)));
    }
}
