using Canteen.Redis;

namespace Canteen.Integration.Tests.Inventory;

/// <summary>
/// The contract against <see cref="RedisStockAuthority"/> in its cluster protocol (the order index claimed by its own
/// SET NX GET before the Try script), run on the single test node so that this path is tested too.
/// </summary>
public sealed class RedisTwoStepStockAuthorityContractTests : RedisStockAuthorityContractTests
{
    protected override bool? ClaimOrderInScript => false;
}
