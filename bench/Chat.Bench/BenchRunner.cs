using System.Globalization;
using Chat.Bench.Clients;
using Chat.Bench.Hosting;
using Chat.Bench.Load;
using Chat.Bench.Reporting;
using Chat.Bench.Targets;

namespace Chat.Bench;

/// <summary>
/// Starts every target with its own clients, then measures them with the same load.
/// Saturation is measured in rounds that alternate the targets (relay, chat, then
/// chat, relay, ...), so that a neighbour's burst on a shared machine falls on both
/// sides rather than on one; the ratio reported is the median of the rounds'.
/// </summary>
internal static class BenchRunner
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        Progress.Say($"load average before the run: {MachineLoad.Describe()}");
        var targets = new List<IBenchTarget>();
        if (options.RunRelay)
        {
            targets.Add(new RelayTarget());
        }
        if (options.RunChat || options.RunChatChecked)
        {
            var root = RepositoryRoot.Locate(options.RepositoryRoot);
            if (options.BuildService)
            {
                Progress.Say($"building the service ({options.ServiceConfiguration})");
                await ServiceBuild.BuildAsync(root, options.ServiceConfiguration);
            }
            if (options.RunChat)
            {
                targets.Add(new ChatServiceTarget(root, options.ServiceConfiguration, isChecked: false));
            }
            if (options.RunChatChecked)
            {
                targets.Add(new ChatServiceTarget(root, options.ServiceConfiguration, isChecked: true));
            }
        }

        var runs = new List<TargetRun>();
        try
        {
            foreach (var target in targets)
            {
                runs.Add(await TargetRun.StartAsync(target, options));
            }
            var results = await MeasureAsync(runs, options);
            ResultTable.Print(results, options, Console.Out);
            return 0;
        }
        finally
        {
            foreach (var run in runs)
            {
                await run.DisposeAsync();
            }
            foreach (var target in targets.Where(t => runs.All(r => r.Target != t)))
            {
                await target.DisposeAsync();
            }
        }
    }

    private static async Task<List<RunResult>> MeasureAsync(IReadOnlyList<TargetRun> runs, BenchOptions options)
    {
        foreach (var run in runs)
        {
            Progress.Say($"{run.Target.Name}: warming up for {options.Warmup.TotalSeconds:0}s");
            await SaturationLoad.RunAsync(run.Load, options.Depth, options.Warmup);
        }

        var results = new List<RunResult>();
        if (options.RunSaturation)
        {
            for (var round = 1; round <= options.Rounds; round++)
            {
                var order = round % 2 == 1 ? runs : runs.Reverse();
                foreach (var run in order)
                {
                    Progress.Say($"{run.Target.Name}: saturation round {round} of {options.Rounds}, {options.Duration.TotalSeconds:0}s");
                    var measurement = await SaturationLoad.RunAsync(run.Load, options.Depth, options.Duration);
                    var note = string.Create(CultureInfo.InvariantCulture, $"round {round}; {options.Depth} in flight per client");
                    results.Add(measurement.Summarise(run.Target.Name, "saturation", run.Clients.Count, note) with
                    {
                        Round = round,
                        ServerPeakBytes = run.Target.ServerPeakWorkingSetBytes,
                    });
                }
            }
        }
        if (options.RunSteady)
        {
            foreach (var run in runs)
            {
                Progress.Say($"{run.Target.Name}: steady {options.SteadyRate} msg/s for {options.Duration.TotalSeconds:0}s");
                var outcome = await SteadyLoad.RunAsync(run.Load, options.SteadyRate, options.Duration);
                var result = outcome.Measurement.Summarise(run.Target.Name, "steady", run.Clients.Count, "");
                var sustained = outcome.Sustained(options.SteadyRate, result);
                var verdict = sustained ? "sustained" : "NOT sustained";
                var note = string.Create(CultureInfo.InvariantCulture, $"{outcome.Accepted}/{outcome.Scheduled} accepted, {verdict}; generator lag p99 {outcome.GeneratorLag.P99:0.0} ms");
                results.Add(result with { Note = note, Sustained = sustained, ServerPeakBytes = run.Target.ServerPeakWorkingSetBytes });
            }
        }
        return results;
    }

    /// <summary>A started target with its clients connected and seated.</summary>
    private sealed class TargetRun : IAsyncDisposable
    {
        private TargetRun(IBenchTarget target, LoadContext load)
        {
            Target = target;
            Load = load;
        }

        public IBenchTarget Target { get; }

        public IReadOnlyList<BenchClient> Clients => Load.Clients;

        public LoadContext Load { get; }

        public static async Task<TargetRun> StartAsync(IBenchTarget target, BenchOptions options)
        {
            Progress.Say($"{target.Name}: starting");
            await target.StartAsync();
            var slot = new MeasurementSlot();
            Progress.Say($"{target.Name}: connecting {options.Clients} clients in rooms of {BenchOptions.RoomSize}");
            var clients = await ClientPool.ConnectAsync(target, options.Clients, BenchOptions.RoomSize, slot);
            return new TargetRun(target, new LoadContext(clients, slot, () => target.ServerProcessorTime));
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await ClientPool.DisconnectAsync(Clients);
            }
            finally
            {
                await Target.DisposeAsync();
            }
        }
    }
}
