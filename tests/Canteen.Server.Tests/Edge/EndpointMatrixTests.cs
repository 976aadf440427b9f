using System.Net;
using Canteen.Server.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Canteen.Server.Tests.Edge;

/// <summary>Every endpoint × every role, from <see cref="EndpointTable"/>; an endpoint missing from it fails the build of trust.</summary>
public sealed class EndpointMatrixTests(EdgeFixture fixture) : IClassFixture<EdgeFixture>
{
    [Fact]
    public void Table_EveryMappedEndpoint_HasARule()
    {
        var mapped = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => m + " " + Normalize(e.RoutePattern.RawText)))
            .ToHashSet(StringComparer.Ordinal);
        var ruled = EndpointTable.Rules.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(mapped.Except(ruled).Order(StringComparer.Ordinal));
        Assert.Empty(ruled.Except(mapped).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, Role> Cells()
    {
        var data = new TheoryData<string, Role>();
        foreach (var rule in EndpointTable.Rules)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                data.Add(rule.Key, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Endpoint_CalledByRole_AnswersAsTheTableSays(string endpoint, Role role)
    {
        var rule = EndpointTable.Rules.Single(r => r.Key == endpoint);
        using var request = await rule.Request(fixture);
        using var response = await fixture[role].SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode)rule.ExpectedFor(role), response.StatusCode);
        if ((int)response.StatusCode >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var code = (await response.JsonAsync()).Code();
            Assert.Equal(response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => "unauthorized",
                HttpStatusCode.Forbidden => "forbidden",
                HttpStatusCode.NotFound => "not_found",
                HttpStatusCode.BadRequest => "callback_rejected",
                _ => "invalid_transition",
            }, code);
        }
    }

    private static string Normalize(string? pattern)
    {
        var text = "/" + (pattern ?? "").Trim('/');
        return text;
    }
}
