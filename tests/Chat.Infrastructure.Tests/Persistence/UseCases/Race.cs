namespace Chat.Infrastructure.Tests.Persistence.UseCases;

/// <summary>Who won and how the others lost, after every racer has finished.</summary>
internal sealed record RaceOutcome<TRacer>(IReadOnlyList<TRacer> Winners, IReadOnlyList<Exception> Failures);

/// <summary>Lets every racer loose at the same moment, each on a task of its own.</summary>
internal static class Race
{
    public static async Task<RaceOutcome<TRacer>> Run<TRacer>(IEnumerable<TRacer> racers, Func<TRacer, Task> attempt)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = racers.Select(racer => Task.Run(async () =>
        {
            await go.Task;
            try
            {
                await attempt(racer);
                return (Racer: racer, Failure: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (Racer: racer, Failure: ex);
            }
        })).ToList();

        go.SetResult();
        var results = await Task.WhenAll(runs);
        return new RaceOutcome<TRacer>(
            [.. results.Where(r => r.Failure is null).Select(r => r.Racer)],
            [.. results.Select(r => r.Failure).OfType<Exception>()]);
    }
}
