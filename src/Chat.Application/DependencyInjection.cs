using Chat.Application.Common;
using Chat.Application.Common.Behaviours;
using Chat.Application.Common.DueTimes;
using Chat.Application.Games.AdvanceGame;
using Chat.Application.Robots.AnnounceRobot;
using Chat.Application.Rooms.SayTyping;
using Chat.Application.Sessions.Common;
using Chat.Application.Sessions.HostSession;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chat.Application;

public static class DependencyInjection
{
    /// <summary>
    /// The use cases, the mediator pipeline and the validators. The pipeline, outermost
    /// first: logging; the slow-use-case warning, which times what the caller waits for
    /// (validation and every retry included); validation; retry on conflict (each
    /// attempt in a new transaction); transaction. The last two are generic over their
    /// marker (<c>IRetryOnConflict</c>, <c>ITransactional</c>), and the generated
    /// pipeline of a message that is not marked leaves them out.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator((Mediator.MediatorOptions options) =>
        {
            // Transient, not scoped: the mediator, the handlers and the behaviours hold no state
            // of their own, and a scope keeps a table entry for every scoped service it hands
            // out, one more table to grow for each hub call (ADR-004). What they depend on
            // keeps its own lifetime: a handler still gets its request's database context.
            options.ServiceLifetime = ServiceLifetime.Transient;
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
        services.AddScoped<IDueWork, DueRobotEntrances>();
        services.AddSingleton<TypingThrottle>();
        services.AddSingleton(TimeProvider.System);

        // The chance the rules draw on (a new host); thread-safe, and tests give their own.
        services.TryAddSingleton(Random.Shared);
        return services;
    }
}
