namespace Canteen.Redis;

/// <summary>The authority's Lua scripts (embedded <c>Scripts/*.lua</c>), one per operation.</summary>
internal sealed class StockScripts
{
    public RedisScript Try { get; } = Read("try");

    public RedisScript Confirm { get; } = Read("confirm");

    public RedisScript Cancel { get; } = Read("cancel");

    public RedisScript Return { get; } = Read("return");

    public RedisScript SetTotal { get; } = Read("settotal");

    public RedisScript ResetDay { get; } = Read("resetday");

    public RedisScript Levels { get; } = Read("levels");

    public RedisScript Seed { get; } = Read("seed");

    public IEnumerable<RedisScript> All => [Try, Confirm, Cancel, Return, SetTotal, ResetDay, Levels, Seed];

    private static RedisScript Read(string name)
    {
        var resource = $"Canteen.Redis.Scripts.{name}.lua";
        using var stream = typeof(StockScripts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return new RedisScript(name, reader.ReadToEnd());
    }
}
