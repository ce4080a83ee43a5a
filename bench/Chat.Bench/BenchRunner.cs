using System.Globalization;
using Chat.Bench.Hosting;
using Chat.Bench.Load;
using Chat.Bench.Reporting;
using Chat.Bench.Targets;

namespace Chat.Bench;

/// <summary>Measures each target in turn with the same clients and load, then prints them side by side.</summary>
internal static class BenchRunner
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        Progress.Say($"load average before the run: {MachineLoad.Describe()}");
        var targets = new List<Func<IBenchTarget>>();
        if (options.RunRelay)
        {
            targets.Add(() => new RelayTarget());
        }
        if (options.RunChat)
        {
            var root = RepositoryRoot.Locate(options.RepositoryRoot);
            if (options.BuildService)
            {
                Progress.Say($"building the service ({options.ServiceConfiguration})");
                await ServiceBuild.BuildAsync(root, options.ServiceConfiguration);
            }
            targets.Add(() => new ChatServiceTarget(root, options.ServiceConfiguration));
        }

        var results = new List<RunResult>();
        foreach (var createTarget in targets)
        {
            await using var target = createTarget();
            results.AddRange(await MeasureAsync(target, options));
        }
        ResultTable.Print(results, options, Console.Out);
        return 0;
    }

    private static async Task<List<RunResult>> MeasureAsync(IBenchTarget target, BenchOptions options)
    {
        Progress.Say($"{target.Name}: starting");
        await target.StartAsync();
        var slot = new MeasurementSlot();
        Progress.Say($"{target.Name}: connecting {options.Clients} clients in rooms of {BenchOptions.RoomSize}");
        var clients = await ClientPool.ConnectAsync(target, options.Clients, BenchOptions.RoomSize, slot);
        var load = new LoadContext(clients, slot, () => target.ServerProcessorTime);
        var results = new List<RunResult>();
        try
        {
            Progress.Say($"{target.Name}: warming up for {options.Warmup.TotalSeconds:0}s");
            await SaturationLoad.RunAsync(load, options.Depth, options.Warmup);

            if (options.RunSaturation)
            {
                Progress.Say($"{target.Name}: saturation for {options.Duration.TotalSeconds:0}s");
                var measurement = await SaturationLoad.RunAsync(load, options.Depth, options.Duration);
                results.Add(measurement.Summarise(target.Name, "saturation", clients.Count, $"{options.Depth} in flight per client"));
            }
            if (options.RunSteady)
            {
                Progress.Say($"{target.Name}: steady {options.SteadyRate} msg/s for {options.Duration.TotalSeconds:0}s");
                var outcome = await SteadyLoad.RunAsync(load, options.SteadyRate, options.Duration);
                var result = outcome.Measurement.Summarise(target.Name, "steady", clients.Count, "");
                var sustained = outcome.Sustained(options.SteadyRate, result);
                var verdict = sustained ? "sustained" : "NOT sustained";
                var note = string.Create(CultureInfo.InvariantCulture, $"{outcome.Accepted}/{outcome.Scheduled} accepted, {verdict}; generator lag p99 {outcome.GeneratorLag.P99:0.0} ms");
                results.Add(result with { Note = note, Sustained = sustained });
            }
        }
        finally
        {
            await ClientPool.DisconnectAsync(clients);
        }
        return results;
    }
}
