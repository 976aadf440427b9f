namespace Canteen.Engine.Storage.Json;

/// <summary>A selected option inside a <see cref="LineDocument"/>; <see cref="PriceDelta"/> in minor units.</summary>
internal sealed record OptionDocument(string Id, string Name, long PriceDelta);
