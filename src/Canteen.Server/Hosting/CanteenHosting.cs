using Canteen.Engine;
using Canteen.Engine.Idempotency;
using Canteen.Engine.Inventory;
using Canteen.Engine.Ordering;
using Canteen.Engine.Outbox;
using Canteen.Engine.Payments;
using Canteen.Payments.Sandbox;
using Canteen.Server.Api;
using Canteen.Server.Api.Contracts;
using Canteen.Server.Auth;
using Canteen.Server.Edge;
using Canteen.Server.Observability;
using Microsoft.AspNetCore.Http.Features;

namespace Canteen.Server.Hosting;

/// <summary>Composition root: which adapters run in which mode, and the HTTP pipeline.</summary>
public static class CanteenHosting
{
    /// <summary>Largest request body accepted anywhere; order bodies have their own, smaller limit.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddCanteen(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ShippedSettings.AddIfMissing(builder);
        var config = builder.Configuration;
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBodyBytes);
        builder.AddCanteenObservability();

        services.Configure<EngineOptions>(config.GetSection(EngineOptions.Section));
        services.Configure<OrderingOptions>(config.GetSection(OrderingOptions.Section));
        services.Configure<InventoryOptions>(config.GetSection(InventoryOptions.Section));
        services.Configure<OutboxOptions>(config.GetSection(OutboxOptions.Section));
        services.Configure<IdempotencyOptions>(config.GetSection(IdempotencyOptions.Section));
        services.AddOptions<PaymentOptions>().Bind(config.GetSection(PaymentOptions.Section))
            .Validate(PaymentOptionsRules.IsValid, PaymentOptionsRules.Message).ValidateOnStart();
        services.AddCanteenEngine();
        services.AddCanteenAdapters(config);
        services.AddCanteenPayments(config);

        services.ConfigureHttpJsonOptions(o =>
        {
            // Same settings as ApiJsonContext, whose options apply only when it serialises directly (orders, replays).
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            o.SerializerOptions.DefaultIgnoreCondition = ApiJsonContext.Default.Options.DefaultIgnoreCondition;
            o.SerializerOptions.NumberHandling = ApiJsonContext.Default.Options.NumberHandling;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Framework-made problems (routing 404, 405, bad requests) get a code too, so clients can always switch on it.
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                var code = Problems.CodeOfStatus(status);
                ctx.ProblemDetails.Extensions["code"] = code;
                ctx.ProblemDetails.Type = Problems.TypeOf(code);
            }

            ctx.ProblemDetails.Extensions.Remove("exception");
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<CanteenExceptionHandler>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        services.AddOpenApi();
        services.AddCanteenAuth(config);
        services.AddCanteenRateLimits(config);
        services.AddCanteenCors(config);
        StartupConfiguration.ValidateAllOnStart(services);
        return builder;
    }

    public static WebApplication UseCanteen(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseCors();

        app.MapOpenApi().AllowAnonymous();

        // Before authentication on purpose: the Swagger page is static and public (its API calls still need a token).
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Canteen API v1");
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "Canteen API";
        });
        // Before authentication on purpose: under overload most placements are refused here, at the lowest cost.
        app.Use(app.Services.GetRequiredService<OrderAdmission>().InvokeAsync);
        app.UseAuthentication();
        app.UseAuthorization();

        // After authentication, so buckets are per token subject rather than per client address.
        app.UseRateLimiter();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapCanteenObservability();

        var api = app.MapGroup("/api/v1");
        api.MapAuthApi();
        api.MapUsersApi();
        api.MapStoresApi();
        api.MapStockApi();
        api.MapOrdersApi();
        api.MapPaymentsApi();
        if (app.Services.GetService<SandboxCustomer>() is not null)
        {
            api.MapSandboxApi(app);
        }

        api.MapAdminApi();
        api.MapEventsApi();
        return app;
    }
}
