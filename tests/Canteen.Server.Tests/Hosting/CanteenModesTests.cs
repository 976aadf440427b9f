using Canteen.Server.Hosting;
using Canteen.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Canteen.Server.Tests.Hosting;

/// <summary>The embedded store's settings reach the adapter from configuration, as the README's table says.</summary>
public sealed class CanteenModesTests
{
    [Fact]
    public void AddCanteenAdapters_SqliteSettings_ReachTheStorageOptions()
    {
        var options = SqliteOptionsFrom(
            ("Canteen:DataDirectory", "/var/lib/canteen-test"),
            ("Canteen:Sqlite:Synchronous", "normal"),
            ("Canteen:Sqlite:IdempotencyFilterCapacity", "1000"));

        Assert.Equal("/var/lib/canteen-test", options.DataDirectory);
        Assert.Equal("normal", options.Synchronous);
        Assert.Equal(1000, options.IdempotencyFilterCapacity);
    }

    [Fact]
    public void AddCanteenAdapters_NoSqliteSettings_KeepsTheDurableDefaults()
    {
        var options = SqliteOptionsFrom();

        Assert.Equal("./data", options.DataDirectory);
        Assert.Equal("FULL", options.Synchronous);
        Assert.Equal(2_000_000, options.IdempotencyFilterCapacity);
    }

    [Fact]
    public void AddCanteenAdapters_UnknownSynchronousMode_StopsStartUpNamingTheChoices()
    {
        var services = Services(("Canteen:Sqlite:Synchronous", "sometimes"));

        // Refused by the options' validation, which the host runs at start (StartupConfigurationTests runs the process).
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<SqliteStorage>());
        Assert.Contains("OFF, NORMAL, FULL, EXTRA", error.Message, StringComparison.Ordinal);
        Assert.Contains("sometimes", error.Message, StringComparison.Ordinal);
    }

    private static SqliteStorageOptions SqliteOptionsFrom(params (string Key, string Value)[] settings) =>
        Services(settings).GetRequiredService<IOptions<SqliteStorageOptions>>().Value;

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddCanteenAdapters(config).BuildServiceProvider();
    }
}
