namespace RiskMap.Web.Hosting;

/// <summary>RFC 9457 problem responses with a machine-readable code and the parameter at fault.</summary>
public static class ApiProblems
{
    public static IResult BadParameter(string parameter, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid parameter", detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = "invalid-parameter", ["parameter"] = parameter });

    public static IResult NotFound(string what, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Unknown {what}", detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = "not-found" });
}
