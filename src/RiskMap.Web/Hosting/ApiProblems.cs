namespace RiskMap.Web.Hosting;

/// <summary>RFC 9457 problem responses with a machine-readable code and the parameter at fault.</summary>
public static class ApiProblems
{
    public static IResult BadParameter(string parameter, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid parameter", detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = "invalid-parameter", ["parameter"] = parameter });

    /// <summary>400 for a request header that cannot be understood; <c>header</c> names it.</summary>
    public static IResult BadHeader(string header, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid header", detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = "invalid-header", ["header"] = header });

    /// <summary>401: the caller must sign in (cookie) or send a bearer token.</summary>
    public static IResult SignInRequired(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required", detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = "sign-in-required" });

    /// <summary>403: signed in, but the role or scope does not reach this.</summary>
    public static IResult OutOfScope(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside your access", detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = "forbidden" });

    public static IResult NotFound(string what, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Unknown {what}", detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = "not-found" });
}
