namespace Canteen.Core.Shared;

/// <summary>One problem with a request, addressed by a JSON-path-like field name (e.g. <c>items[2].quantity</c>).</summary>
public sealed record ValidationError(string Field, string Message);
