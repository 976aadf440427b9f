using Canteen.Stock.Postgres;
using Npgsql;

namespace Canteen.Integration.Tests.Inventory;

/// <summary>The pool settings the stock authority chooses when the connection string is silent, and respects when it is not.</summary>
public sealed class StockDataSourceTests
{
    private const string Base = "Host=127.0.0.1;Username=canteen;Password=secret;Database=canteen";

    [Fact]
    public async Task Create_SilentConnectionString_PreparesStatementsAndSkipsTheResetOnReturn()
    {
        var settings = await SettingsAsync(Base);

        Assert.Equal(32, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
    }

    [Theory]
    [InlineData("No Reset On Close=false")]
    [InlineData("NoResetOnClose=false")]
    public async Task Create_ExplicitResetSetting_IsKept(string setting)
    {
        var settings = await SettingsAsync($"{Base};{setting};Max Auto Prepare=5");

        Assert.False(settings.NoResetOnClose);
        Assert.Equal(5, settings.MaxAutoPrepare);
    }

    private static async Task<NpgsqlConnectionStringBuilder> SettingsAsync(string connectionString)
    {
        await using var source = StockDataSource.Create(connectionString);
        return new NpgsqlConnectionStringBuilder(source.ConnectionString);
    }
}
