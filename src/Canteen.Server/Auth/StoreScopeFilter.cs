using Canteen.Engine.Errors;

namespace Canteen.Server.Auth;

/// <summary>
/// Store-level authorization for routes with a <c>{storeId}</c>: the caller must be allowed to act in that store
/// (<see cref="Caller.MayActIn"/>), else 403 <c>forbidden</c>. Stores are public (they are listed), so saying "not
/// yours" leaks nothing, unlike an order id.
/// </summary>
public sealed class StoreScopeFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Request.RouteValues.TryGetValue("storeId", out var value) && value is string storeId && !Caller.MayActIn(http.User, storeId))
        {
            return Api.Problems.Of(FailureCodes.Forbidden, $"This token may not act in store '{storeId}'.", http);
        }

        return await next(context);
    }
}
