using NetArchTest.Rules;

namespace Canteen.Server.Tests;

/// <summary>Dependencies point inward only: Server → Engine → Core; adapters → Engine → Core (DESIGN §2).</summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Core = typeof(Canteen.Core.Shared.Money).Assembly;
    private static readonly System.Reflection.Assembly Engine = typeof(Canteen.Engine.EngineOptions).Assembly;
    private static readonly System.Reflection.Assembly Sqlite = typeof(Canteen.Storage.Sqlite.SqliteStorageOptions).Assembly;
    private static readonly System.Reflection.Assembly Postgres = typeof(Canteen.Storage.Postgres.PostgresStorageOptions).Assembly;
    private static readonly System.Reflection.Assembly Redis = typeof(Canteen.Redis.RedisStockOptions).Assembly;
    private static readonly System.Reflection.Assembly StockPostgres = typeof(Canteen.Stock.Postgres.PostgresStockOptions).Assembly;
    private static readonly System.Reflection.Assembly Payments = typeof(Canteen.Payments.Sandbox.SandboxProvider).Assembly;

    [Fact]
    public void Core_DependsOnNothingOfOursNorOnInfrastructure()
    {
        var result = Types.InAssembly(Core).ShouldNot()
            .HaveDependencyOnAny("Canteen.Engine", "Canteen.Storage", "Canteen.Server", "Microsoft.AspNetCore", "Microsoft.Data", "Microsoft.Extensions", "System.Net.Http")
            .GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Engine_DependsOnlyOnCore()
    {
        var result = Types.InAssembly(Engine).ShouldNot()
            .HaveDependencyOnAny("Canteen.Storage", "Canteen.Stock", "Canteen.Redis", "Canteen.Server", "Microsoft.AspNetCore", "Microsoft.Data", "Npgsql", "StackExchange.Redis")
            .GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    public static TheoryData<string> Adapters() => ["sqlite", "postgres", "redis", "stock-postgres", "payments"];

    [Theory]
    [MemberData(nameof(Adapters))]
    public void Adapters_DoNotDependOnTheServer(string adapter)
    {
        var assembly = adapter switch
        {
            "sqlite" => Sqlite,
            "postgres" => Postgres,
            "redis" => Redis,
            "payments" => Payments,
            _ => StockPostgres,
        };
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny("Canteen.Server", "Microsoft.AspNetCore").GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Rules_CanSeeDependencies_ServerUsesEngine()
    {
        // Guards the rules above against passing vacuously (e.g. if no dependency were ever detected).
        var dependents = Types.InAssembly(typeof(Program).Assembly).That().HaveDependencyOn("Canteen.Engine").GetTypes();

        Assert.Contains(dependents, t => t.Name == "OrdersApi");
    }

    private static string Describe(NetArchTest.Rules.TestResult result) =>
        "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
