using Chat.Browser.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(ChatSite))]

// One service and one browser shared by scenarios that each drive two users: run them
// one at a time so the timing a person would see is not distorted by the others.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
