namespace RiskMap.Web.Hosting;

/// <summary>Turns a bad query parameter found by <see cref="QueryParameters"/> into its 400 problem response.</summary>
internal sealed class InvalidParameterFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (QueryParameters.Invalid invalid)
        {
            return invalid.Problem;
        }
    }
}
