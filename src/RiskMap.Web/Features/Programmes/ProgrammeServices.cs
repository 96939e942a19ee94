using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RiskMap.Web.Features.Programmes;

public static class ProgrammeServices
{
    public static IServiceCollection AddProgrammes(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProgrammeClock>();
        services.AddSingleton<EffectivenessReport>();
        return services;
    }
}
