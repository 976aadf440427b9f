using Canteen.Bench.Naive;
using Npgsql;

// Same host defaults as Canteen and the hello baseline: only what happens per order differs.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Limits.MaxRequestBodySize = 256 * 1024;
    k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
});
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, NaiveJsonContext.Default));
var options = builder.Configuration.GetSection(NaiveOptions.Section).Get<NaiveOptions>() ?? new NaiveOptions();
var dataSource = NpgsqlDataSource.Create(options.ResolveConnectionString());
var limited = await NaiveSchema.ResetAsync(dataSource, options);
builder.Services.AddSingleton(dataSource);
builder.Services.AddSingleton(new NaiveOrderStore(dataSource, limited, TimeProvider.System));
var app = builder.Build();
app.MapNaiveApi();
app.Run();
