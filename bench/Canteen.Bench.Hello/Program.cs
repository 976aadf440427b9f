using System.Globalization;
using Canteen.Bench.Hello;

// The same host defaults as Canteen (CreateBuilder, the same Kestrel settings and logging levels), so the ratio
// of the two measures Canteen's own work and nothing else.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Limits.MaxRequestBodySize = 256 * 1024;
    k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
});
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, HelloJsonContext.Default));
var app = builder.Build();

long next = 0;
app.MapGet("/hello", () => TypedResults.Ok(new HelloReply("hello")));

// The order route with nothing behind it: the body is left for Kestrel to drain, and the answer is a small
// object with a Location, the shape the load tool reads from Canteen.
app.MapPost("/api/v1/stores/{storeId}/orders", (string storeId) =>
{
    var id = Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
    return TypedResults.Created("/api/v1/orders/" + id, new HelloOrder(id, storeId, "created"));
});

app.Run();
