using System.Globalization;
using Chat.Bench.Clients;
using Chat.Bench.Detect;
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
        if (options.RunDetect)
        {
            return await DetectabilityCheck.RunAsync(options, await ServiceSourceAsync(options));
        }

        var targets = new List<IBenchTarget>();
        // The targets that the idle mode measures again on fresh processes, after the loads.
        var freshIdle = new List<Func<IBenchTarget>>();
        // The relay has no REST endpoints: a run of the REST mode alone needs only the service.
        if (options.RunRelay && (options.RunSaturation || options.RunSteady || options.RunIdle))
        {
            targets.Add(new RelayTarget());
            freshIdle.Add(() => new RelayTarget());
        }
        if (options.RunRelayStored && (options.RunSaturation || options.RunSteady || options.RunIdle))
        {
            targets.Add(new RelayTarget(stores: true));
        }
        if (options.RunsService)
        {
            var root = await ServiceSourceAsync(options);
            if (options.RunChat)
            {
                targets.Add(new ChatServiceTarget("chat", root, options.ServiceConfiguration, new SqliteServiceDatabase()));
                freshIdle.Add(() => new ChatServiceTarget("chat", root, options.ServiceConfiguration, new SqliteServiceDatabase()));
            }
            if (options.RunChatChecked)
            {
                targets.Add(new ChatServiceTarget("chat-checked", root, options.ServiceConfiguration, new SqliteServiceDatabase(), isChecked: true));
            }
            if (options.RunChatPostgreSql)
            {
                targets.Add(new ChatServiceTarget("chat-pg", root, options.ServiceConfiguration, new PostgreSqlServiceDatabase()));
            }
            if (options.RunChatTwoNodes)
            {
                targets.Add(new TwoNodesTarget(root, options.ServiceConfiguration));
            }
        }

        var runs = new List<TargetRun>();
        try
        {
            foreach (var target in targets)
            {
                runs.Add(await TargetRun.StartAsync(target, options));
            }
            var warmUps = new List<string>();
            var results = await MeasureAsync(runs, options, warmUps);
            var rest = await MeasureRestAsync(runs, options, warmUps);
            var idle = await MeasureIdleAsync(runs, options);
            var idleFresh = await MeasureIdleOnFreshProcessesAsync(freshIdle, options);
            Console.Out.WriteLine();
            Console.Out.WriteLine($"{Environment.ProcessorCount} cores; load average {MachineLoad.Describe()}.");
            WarmUpReport.Print(warmUps, Console.Out);
            ResultTable.Print(results, options, Console.Out);
            NodesTable.Print(results, Console.Out);
            RestTable.Print(rest.Measurements, rest.ListedSessions, options.RestSignedIn, Console.Out);
            IdleTable.Print(idle, idleFresh.Count > 0 ? "after the loads" : "fresh processes", Console.Out);
            IdleTable.Print(idleFresh, "fresh processes", Console.Out);
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

    /// <summary>The repository whose service is run, built first unless asked not to.</summary>
    private static async Task<string> ServiceSourceAsync(BenchOptions options)
    {
        var root = RepositoryRoot.Locate(options.RepositoryRoot);
        if (options.BuildService)
        {
            Progress.Say($"building the service ({options.ServiceConfiguration})");
            await ServiceBuild.BuildAsync(root, options.ServiceConfiguration);
        }
        return root;
    }

    private static async Task<List<RunResult>> MeasureAsync(IReadOnlyList<TargetRun> runs, BenchOptions options, List<string> warmUps)
    {
        var results = new List<RunResult>();
        if (!options.RunSaturation && !options.RunSteady)
        {
            return results;
        }
        if (options.RunSaturation)
        {
            foreach (var depth in options.Depths)
            {
                // Warmed up at each depth: a deeper load may make other code hot. When it does not,
                // the first check finds the compiler quiet and costs a few seconds.
                await WarmUpAsync(runs, depth, options, warmUps);
                for (var round = 1; round <= options.Rounds; round++)
                {
                    var order = round % 2 == 1 ? runs : runs.Reverse();
                    foreach (var run in order)
                    {
                        Progress.Say($"{run.Target.Name}: saturation at depth {depth}, round {round} of {options.Rounds}, {options.Duration.TotalSeconds:0}s");
                        var measurement = await SaturationLoad.RunAsync(run.Load, depth, options.Duration);
                        var note = string.Create(CultureInfo.InvariantCulture, $"round {round}; {depth} in flight per client");
                        results.Add(measurement.Summarise(run.Target.Name, "saturation", run.Clients.Count, note) with
                        {
                            Round = round,
                            Depth = depth,
                            ServerPeakBytes = run.Target.ServerPeakWorkingSetBytes,
                        });
                    }
                }
            }
        }
        if (options.RunSteady)
        {
            if (!options.RunSaturation)
            {
                await WarmUpAsync(runs, options.Depths[0], options, warmUps);
            }
            // In rounds that alternate the order, as the saturation mode's: one window's p99 is
            // the fiftieth-slowest of 5,000 deliveries a second, and moves with whatever else the
            // two shared cores did in it.
            for (var round = 1; round <= options.Rounds; round++)
            {
                var order = round % 2 == 1 ? runs : runs.Reverse();
                foreach (var run in order)
                {
                    Progress.Say($"{run.Target.Name}: steady {options.SteadyRate} msg/s, round {round} of {options.Rounds}, {options.Duration.TotalSeconds:0}s");
                    var outcome = await SteadyLoad.RunAsync(run.Load, options.SteadyRate, options.Duration);
                    var result = outcome.Measurement.Summarise(run.Target.Name, "steady", run.Clients.Count, "");
                    var sustained = outcome.Sustained(options.SteadyRate, result);
                    var verdict = sustained ? "sustained" : "NOT sustained";
                    var note = string.Create(CultureInfo.InvariantCulture, $"round {round}; {outcome.Accepted}/{outcome.Scheduled} accepted, {verdict}; generator lag p99 {outcome.GeneratorLag.P99:0.0} ms");
                    results.Add(result with { Note = note, Round = round, Sustained = sustained, ServerPeakBytes = run.Target.ServerPeakWorkingSetBytes });
                }
            }
        }
        return results;
    }

    private static async Task WarmUpAsync(IReadOnlyList<TargetRun> runs, int depth, BenchOptions options, List<string> warmUps)
    {
        var what = string.Create(CultureInfo.InvariantCulture, $"at depth {depth}");
        foreach (var run in runs)
        {
            warmUps.Add(await WarmUp.RunAsync(run.Target, what, options.Warmup, window => SaturationLoad.RunAsync(run.Load, depth, window)));
        }
    }

    /// <summary>
    /// The lobby's reads, on the service only (once per database and deployment:
    /// `chat`, `chat-pg` and `chat-2nodes`, whichever are among the targets;
    /// `chat-checked` reads as `chat` does), in rounds that alternate the order of
    /// the paths. Runs before the idle mode, whose thousands of sign-ins would
    /// otherwise swell the listings.
    /// </summary>
    private static async Task<(List<RestMeasurement> Measurements, int ListedSessions)> MeasureRestAsync(IReadOnlyList<TargetRun> runs, BenchOptions options, List<string> warmUps)
    {
        var measurements = new List<RestMeasurement>();
        var listed = 0;
        if (!options.RunRest)
        {
            return (measurements, listed);
        }
        foreach (var chat in runs.Select(r => r.Target).OfType<ILobbyTarget>().Where(t => t.ReadsLobby))
        {
            listed = await RestLoad.FillLobbyAsync(chat.NodeUris[0]);
            using var readers = new LobbyReaders(chat.NodeUris, options.HttpClients);
            if (options.RestSignedIn)
            {
                await readers.SignInAsync();
            }
            foreach (var path in RestLoad.Paths)
            {
                warmUps.Add(await WarmUp.RunAsync(chat, path, options.Warmup, window => RestLoad.RunAsync(readers, path, options.HttpClients, window, () => chat.ServerProcessorTime)));
            }
            for (var round = 1; round <= options.Rounds; round++)
            {
                var order = round % 2 == 1 ? RestLoad.Paths : Enumerable.Reverse(RestLoad.Paths);
                foreach (var path in order)
                {
                    Progress.Say($"{chat.Name}: rest, {path} with {options.HttpClients} clients over {chat.NodeUris.Count} node(s), round {round} of {options.Rounds}, {options.Duration.TotalSeconds:0}s");
                    var measurement = await RestLoad.RunAsync(readers, path, options.HttpClients, options.Duration, () => chat.ServerProcessorTime);
                    measurements.Add(measurement with { Target = chat.Name, Round = round });
                }
            }
        }
        return (measurements, listed);
    }

    private static async Task<List<IdleResult>> MeasureIdleAsync(IReadOnlyList<TargetRun> runs, BenchOptions options)
    {
        var results = new List<IdleResult>();
        if (options.RunIdle)
        {
            foreach (var run in runs)
            {
                results.Add(await IdleConnectionsMode.RunAsync(run.Target, options.IdleConnections));
            }
        }
        return results;
    }

    /// <summary>
    /// The idle mode once more, on a relay and a service started for it (each with
    /// the other modes' clients connected, nothing sent), when other modes ran first.
    /// After the loads, each process's resident memory holds what its collector kept
    /// from them, and new connections fill that free space or not: after the same
    /// loads the relay's new connections cost it less resident memory than their live
    /// objects. Fresh processes compare the connections alone.
    /// </summary>
    private static async Task<List<IdleResult>> MeasureIdleOnFreshProcessesAsync(IReadOnlyList<Func<IBenchTarget>> fresh, BenchOptions options)
    {
        var results = new List<IdleResult>();
        if (!options.RunIdle || !(options.RunSaturation || options.RunSteady || options.RunRest))
        {
            return results;
        }
        foreach (var start in fresh)
        {
            var target = start();
            TargetRun? run = null;
            try
            {
                Progress.Say($"{target.Name}: idle on a fresh process");
                run = await TargetRun.StartAsync(target, options);
                results.Add(await IdleConnectionsMode.RunAsync(target, options.IdleConnections));
            }
            finally
            {
                if (run is not null)
                {
                    await run.DisposeAsync();
                }
                else
                {
                    await target.DisposeAsync();
                }
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
            return new TargetRun(target, new LoadContext(clients, slot, () => target.ProcessorTimes));
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
