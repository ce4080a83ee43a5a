using Chat.Application;
using Chat.Application.Common.Interfaces;
using Chat.Domain.Users;
using Chat.Infrastructure.Tests.Persistence.Databases;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NSubstitute;

namespace Chat.Infrastructure.Tests.Persistence.UseCases;

/// <summary>
/// The use cases over the real infrastructure, composed as the web host composes
/// them (<c>AddApplication</c> + <c>AddInfrastructure</c>) but without the web: each
/// <see cref="Send{TResponse}"/> runs in a DI scope of its own, as one request would,
/// on behalf of the given caller. The hosted services (the group-commit message
/// log) run as in the host. Real-time broadcasts go to a substitute.
/// </summary>
internal sealed class UseCaseRunner : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private UseCaseRunner(ServiceProvider services) => _services = services;

    public static async Task<UseCaseRunner> Start(TestDatabase database, CancellationToken cancellationToken)
    {
        var configuration = database.Configuration;
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(configuration)
            .AddApplication()
            .AddInfrastructure(configuration)
            .AddSingleton(Substitute.For<IChatBroadcaster>())
            .AddScoped<TestCurrentUser>()
            .AddScoped<ICurrentUser>(sp => sp.GetRequiredService<TestCurrentUser>());
        var useCases = new UseCaseRunner(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
        foreach (var hosted in useCases._services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(cancellationToken);
        }

        return useCases;
    }

    /// <summary>Runs a use case as <paramref name="caller"/>, or anonymously when null.</summary>
    public async Task<TResponse> Send<TResponse>(ICommand<TResponse> command, User? caller, CancellationToken cancellationToken)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestCurrentUser>().SignInAs(caller);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    /// <summary>Runs a query as <paramref name="caller"/>, or anonymously when null.</summary>
    public async Task<TResponse> Ask<TResponse>(IQuery<TResponse> query, User? caller, CancellationToken cancellationToken)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestCurrentUser>().SignInAs(caller);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    /// <summary>A singleton of the composed use cases, such as the message log itself.</summary>
    public T Singleton<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>().Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }

    /// <summary>The caller of one scope, as the auth cookie would name them.</summary>
    private sealed class TestCurrentUser : ICurrentUser
    {
        public int? Id { get; private set; }

        public string? Username { get; private set; }

        public void SignInAs(User? user) => (Id, Username) = (user?.Id, user?.Username);
    }
}
