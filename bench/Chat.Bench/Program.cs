using Chat.Bench;
using Chat.Bench.Relay;

// The bench starts itself again as the relay server, so that the relay, like
// the chat service, runs in a process of its own next to the load generator.
if (args is [RelayServer.Verb, .. var relayArgs])
{
    await RelayServer.RunAsync(relayArgs);
    return 0;
}

if (!BenchOptions.TryParse(args, out var options, out var error))
{
    await Console.Error.WriteLineAsync(error);
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}

return await BenchRunner.RunAsync(options);
