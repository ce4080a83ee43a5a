using Chat.Domain.Games;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat.Infrastructure.Persistence.Configurations;

/// <summary>
/// A session's game and its votes, owned by the session: loaded with it, saved with it,
/// and guarded by its <see cref="ChatSession.Version"/>, so two nodes closing the same
/// vote, or two racing ballots, cannot both be saved over one state.
/// </summary>
internal static class GameConfiguration
{
    public static void Configure(OwnedNavigationBuilder<ChatSession, Game> game)
    {
        game.ToTable("Games");
        game.WithOwner().HasForeignKey("SessionId");
        game.HasKey("SessionId");
        game.Property(g => g.Phase).HasConversion<string>().HasMaxLength(16);
        game.Property(g => g.Robot).HasMaxLength(Username.MaxStoredLength);

        // The due-time sweep looks for running games.
        game.HasIndex(g => g.Phase);
        game.Ignore(g => g.IsRunning);
        game.Ignore(g => g.NextDueAt);
        game.Ignore(g => g.Result);

        game.OwnsMany(g => g.Votes, vote =>
        {
            vote.ToTable("GameVotes");
            vote.WithOwner().HasForeignKey("SessionId");
            vote.Property<int>("Id");
            vote.HasKey("Id");
            vote.Property(v => v.Voter).HasMaxLength(Username.MaxStoredLength).IsRequired();
            vote.Property(v => v.Suspect).HasMaxLength(Username.MaxStoredLength).IsRequired();
            vote.HasIndex("SessionId", nameof(Vote.VoterId)).IsUnique().HasDatabaseName("UX_GameVotes_OneVotePerVoter");
        });
        game.Navigation(g => g.Votes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
