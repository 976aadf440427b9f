using Canteen.Storage.Postgres;
using Npgsql;

namespace Canteen.Integration.Tests.Storage;

/// <summary>The pool settings the adapter chooses when the connection string is silent, and respects when it is not.</summary>
public sealed class PostgresDataSourceFactoryTests
{
    private const string Base = "Host=127.0.0.1;Username=canteen;Password=secret;Database=canteen";

    [Fact]
    public async Task Create_SilentConnectionString_PreparesHotStatementsAndSkipsTheResetOnReturn()
    {
        var settings = await SettingsAsync(Base);

        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal("app", settings.SearchPath);
        Assert.Equal("canteen", settings.ApplicationName);
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
        await using var source = PostgresDataSourceFactory.Create(new PostgresStorageOptions { ConnectionString = connectionString, Schema = "app" });
        return new NpgsqlConnectionStringBuilder(source.ConnectionString);
    }
}
