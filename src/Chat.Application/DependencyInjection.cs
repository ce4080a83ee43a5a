using Chat.Application.Common;
using Chat.Application.Common.Behaviours;
using Chat.Application.Common.DueTimes;
using Chat.Application.Games.AdvanceGame;
using Chat.Application.Rooms.SayTyping;
using Chat.Application.Sessions.Common;
using Chat.Application.Sessions.HostSession;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Application;

public static class DependencyInjection
{
    /// <summary>
    /// The use cases, the mediator pipeline and the validators. The pipeline, outermost
    /// first: logging; the slow-use-case warning, which times what the caller waits for
    /// (validation and every retry included); validation; retry on conflict (each
    /// attempt in a new transaction); transaction.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator((Mediator.MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(PerformanceBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(RetryOnConflictBehaviour<,>),
                typeof(TransactionBehaviour<,>),
            ];
        });
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<Announcements>();
        services.AddScoped<SessionCommitter>();
        services.AddScoped<RobotRecruiter>();
        services.AddScoped<IDueWork, DueGames>();
        services.AddSingleton<TypingThrottle>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
