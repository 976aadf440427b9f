using Canteen.Engine.Errors;
using Canteen.Server.Hosting;
using Canteen.Server.Tests.Crash;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Canteen.Server.Tests.Hosting;

/// <summary>A bad setting stops the real server at start-up with exit code 2 and one line naming it.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("--Canteen:Ordering:PaymentTimeout=00:00:60", "'Canteen:Ordering:PaymentTimeout'")]
    // Bound only on first use before: the server reported ready and answered every request 500.
    [InlineData("--Canteen:Limits:OrderConcurrencyLimit=abc", "'Canteen:Limits:OrderConcurrencyLimit'")]
    [InlineData("--Canteen:Telemetry:SamplingRatio=2", "Canteen:Telemetry:SamplingRatio is '2'")]
    [InlineData("--Canteen:Sqlite:Synchronous=SOMETIMES", "got 'SOMETIMES'")]
    [InlineData("--Canteen:Storage=mysql", "Canteen:Storage is 'mysql'")]
    [InlineData("--Canteen:Auth:ValidatedTokenCacheSize=-1", "Canteen:Auth:ValidatedTokenCacheSize must be 0 (off) or")]
    // Checked by a hosted service as the host starts, after the pipeline is built.
    [InlineData("--Canteen:Auth:BootstrapAdmin:Username=a", "Canteen:Auth:BootstrapAdmin:Username must be")]
    // The payment adapters' own checks: a key that does not parse crashed start-up with a stack trace before.
    [InlineData(
        "--Canteen:Payments:Alipay:AppId=2021000 --Canteen:Payments:Alipay:AppPrivateKey=not-a-key "
        + "--Canteen:Payments:Alipay:AlipayPublicKey=not-a-key --Canteen:Payments:Alipay:NotifyUrl=https://canteen.example/notify",
        "Canteen:Payments:Alipay:AppPrivateKey is not a valid RSA private key")]
    [InlineData("--Canteen:Payments:WeChatPay:MchId=1900000000", "Canteen:Payments:WeChatPay:")]
    public async Task Main_InvalidSetting_ExitsWithOneLineNamingIt(string settings, string expected)
    {
        var run = await FailedStart.RunAsync(new Uri($"http://127.0.0.1:{ServerCommand.FreeLoopbackPort()}"), settings.Split(' '));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Canteen cannot start: invalid configuration.", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        // The host may still log the failure as a JSON record (with its exception, for the log pipeline); what it
        // must not do is crash with the runtime's plain-text dump.
        Assert.DoesNotContain("Unhandled exception", run.Output + line, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_BinderFailureInsideOtherExceptions_NamesKeyValueAndReason()
    {
        var binder = Assert.ThrowsAny<InvalidOperationException>(() => new ConfigurationBuilder()
            .AddInMemoryCollection([new("Window", "00:00:60")])
            .Build()
            .Get<Settings>());

        var reason = StartupConfiguration.Describe(new AggregateException(new InvalidOperationException("wrapper", binder)));

        Assert.NotNull(reason);
        Assert.Contains("'00:00:60' at 'Window'", reason, StringComparison.Ordinal);
        Assert.Contains("out of range", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_OptionsValidationAndOwnCheck_GiveTheirMessages()
    {
        var validation = new OptionsValidationException("x", typeof(Settings), ["Window must be positive."]);

        Assert.Equal("Window must be positive.", StartupConfiguration.Describe(validation));
        Assert.Equal("Key is 'v'.", StartupConfiguration.Describe(new InvalidConfigurationException("Key is 'v'.")));
    }

    [Fact]
    public void Describe_AnyOtherFailure_IsNotAConfigurationProblem()
    {
        Assert.Null(StartupConfiguration.Describe(new InvalidOperationException("Failed to convert configuration value 'x'.")));
        Assert.Null(StartupConfiguration.Describe(new IOException("disk full", new UnauthorizedAccessException())));
    }

    private sealed class Settings
    {
        public TimeSpan Window { get; set; }
    }
}
