using Canteen.Stock.Postgres;

namespace Canteen.Integration.Tests.Inventory;

/// <summary>The contract against <see cref="PostgresStockAuthority"/> with each Try its own transaction.</summary>
public sealed class PostgresUnbatchedStockAuthorityContractTests : PostgresStockAuthorityContractTests
{
    protected override bool BatchTries => false;
}
