namespace Canteen.Storage.Postgres.Json;

/// <summary>A selected option inside a <see cref="LineDocument"/>; <see cref="PriceDelta"/> in minor units.</summary>
internal sealed record OptionDocument(string Id, string Name, long PriceDelta);
