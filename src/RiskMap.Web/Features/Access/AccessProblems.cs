using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Access;

/// <summary>The problems authentication and authorization answer with, for cookies and bearer tokens alike.</summary>
public static class AccessProblems
{
    public static readonly IResult SignInRequired =
        ApiProblems.SignInRequired("Sign in (POST /api/auth/login) or send a bearer token from POST /api/auth/token.");

    public static readonly IResult RoleMissing =
        ApiProblems.OutOfScope("Your role does not include this.");
}
