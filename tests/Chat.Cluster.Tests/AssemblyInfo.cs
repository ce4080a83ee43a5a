using Chat.Cluster.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(ChatCluster))]

// The tests share one cluster and some of them stop its parts (Redis, PostgreSQL, a
// node) for a while: they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
