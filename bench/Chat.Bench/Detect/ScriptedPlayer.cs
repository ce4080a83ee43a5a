using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Chat.Bench.Clients;
using Chat.Bench.Targets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Bench.Detect;

/// <summary>
/// A person in a game, played by script: signs in, hosts or joins over REST and
/// enters the room over the hub as the web page does, chats from
/// <see cref="SmallTalkLines"/> at a person's pace (<see cref="HumanTiming"/>), and
/// votes when the vote opens. It keeps everything it sees, and what it had seen when
/// the vote opened is its <see cref="View"/>.
/// </summary>
internal sealed class ScriptedPlayer : IAsyncDisposable
{
    /// <summary>How likely a player answers a line that asks something or names them...</summary>
    private const double AnswersWhenAsked = 0.85;

    /// <summary>...and any other line.</summary>
    private const double AnswersOtherwise = 0.45;

    private readonly string _room;
    private readonly HumanTiming _timing;
    private readonly Random _random;
    private readonly ChatServiceApi _api;
    private readonly HubConnection _connection;
    private readonly Channel<RoomLine> _heard = Channel.CreateUnbounded<RoomLine>();
    private readonly SortedDictionary<long, RoomLine> _lines = [];
    private readonly HashSet<string> _said = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _chatOpened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _voteOpened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _over = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Cancelled when the vote opens: whatever the player was typing goes unsent.</summary>
    private readonly CancellationTokenSource _chatOver = new();
    private IReadOnlyList<string> _players = [];
    private string _host = "";
    private string? _robot;

    public ScriptedPlayer(string name, string room, Uri baseUri, HumanTiming timing, Random random)
    {
        Name = name;
        _room = room;
        _timing = timing;
        _random = random;
        var cookies = new CookieContainer();
        _api = new ChatServiceApi(baseUri, cookies);
        _connection = BenchHubConnection.Create(new Uri(baseUri, "/chat"), cookies);
        _connection.On<JsonElement>("message", m => Keep(RoomLine.Read(m)));
        _connection.On<JsonElement>("session_updated", OnSessionUpdated);
        _connection.On<JsonElement>("game_updated", OnGameUpdated);
    }

    public string Name { get; }

    /// <summary>What the player had seen when the vote opened; null if it never did.</summary>
    public PlayerView? View { get; private set; }

    /// <summary>The robot, once revealed.</summary>
    public string? Robot
    {
        get
        {
            lock (_gate)
            {
                return _robot;
            }
        }
    }

    public Task RegisterAsync(CancellationToken cancellationToken) => _api.RegisterAsync(Name, cancellationToken);

    public Task HostAsync(int humanPlaces, string robot, CancellationToken cancellationToken) =>
        _api.HostGameAsync(_room, humanPlaces, robot, cancellationToken);

    /// <summary>Comes to the room a while after it was opened, as a player who found it in the lobby: joins, then enters.</summary>
    public async Task ArriveAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(_timing.Arrival(), cancellationToken);
        await _api.JoinAsync(_room, cancellationToken);
        await EnterAsync(cancellationToken);
    }

    /// <summary>Connects to the hub and enters the room, as the page does right after hosting or joining.</summary>
    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        await _connection.StartAsync(cancellationToken);
        var entered = await _connection.InvokeAsync<JsonElement>("join", new { room = _room, username = Name }, cancellationToken);
        foreach (var message in entered.GetProperty("messages").EnumerateArray())
        {
            Keep(RoomLine.Read(message));
        }

        var session = entered.GetProperty("session");
        OnSessionUpdated(session);
        if (session.TryGetProperty("game", out var game) && game.ValueKind == JsonValueKind.Object)
        {
            OnGameUpdated(game);
        }
    }

    /// <summary>Chats until the vote opens, then votes and waits for the reveal.</summary>
    public async Task PlayAsync(CancellationToken gameOver)
    {
        await _chatOpened.Task.WaitAsync(gameOver);
        using (var chatOver = CancellationTokenSource.CreateLinkedTokenSource(gameOver, _chatOver.Token))
        {
            await ChatAsync(chatOver.Token);
        }

        await _voteOpened.Task.WaitAsync(gameOver);
        View = See(await _api.ListUsersAsync(gameOver));
        await Task.Delay(_timing.BeforeVoting(), gameOver);
        var cue = Cues.All[_random.Next(Cues.All.Count)];
        try
        {
            await _connection.InvokeAsync("vote", new { room = _room, suspect = cue.Suspect(View, _random) }, gameOver);
        }
        catch (HubException)
        {
            // The vote closed first, or the suspect left: the game ends without this ballot.
        }

        await _over.Task.WaitAsync(gameOver);
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        try
        {
            // Signed out, the player leaves the users listing that later games read.
            await _api.LogoutAsync(CancellationToken.None);
        }
        catch (HttpRequestException)
        {
            // The service is already gone at the end of the run.
        }

        _api.Dispose();
        _chatOver.Dispose();
    }

    private async Task ChatAsync(CancellationToken chatOver)
    {
        try
        {
            while (!chatOver.IsCancellationRequested)
            {
                var heard = await NextLineAsync(_timing.Lull(), chatOver);
                if (heard is not null && _random.NextDouble() >= AnswerChance(heard))
                {
                    continue;
                }

                var (line, pause) = heard is null
                    ? (Pick(SmallTalkLines.Openers), _timing.Thinking())
                    : (Pick(heard.Asks ? SmallTalkLines.Answers : SmallTalkLines.Reactions), _timing.Reading(heard.Text.Length) + _timing.Thinking());
                await Task.Delay(pause, chatOver);
                await _connection.InvokeAsync("typing", new { room = _room }, chatOver);
                await Task.Delay(_timing.Typing(line.Length), chatOver);
                await _connection.InvokeAsync("message", new { from = Name, room = _room, message = line }, chatOver);
            }
        }
        catch (OperationCanceledException) when (chatOver.IsCancellationRequested)
        {
            // The vote opened: the chat is over.
        }
    }

    /// <summary>The latest line heard since this player last looked, or, if none comes within <paramref name="lull"/>, null.</summary>
    private async Task<RoomLine?> NextLineAsync(TimeSpan lull, CancellationToken cancellationToken)
    {
        RoomLine? latest = null;
        while (_heard.Reader.TryRead(out var line))
        {
            latest = line;
        }

        if (latest is not null)
        {
            return latest;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(lull);
        try
        {
            return await _heard.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private double AnswerChance(RoomLine heard) =>
        heard.Asks || heard.Text.Contains(Name, StringComparison.OrdinalIgnoreCase) ? AnswersWhenAsked : AnswersOtherwise;

    /// <summary>A line this player has not said yet in this game, if one is left.</summary>
    private string Pick(IReadOnlyList<string> lines)
    {
        var fresh = lines.Where(l => !_said.Contains(l)).ToList();
        var line = fresh.Count > 0 ? fresh[_random.Next(fresh.Count)] : lines[_random.Next(lines.Count)];
        _said.Add(line);
        return line;
    }

    private PlayerView See(IReadOnlyList<string> users)
    {
        lock (_gate)
        {
            var players = _players;
            var inGame = new HashSet<string>(players, StringComparer.OrdinalIgnoreCase);
            // The session names its host, and a robot never hosts: nobody suspects the host.
            return new PlayerView(
                Name,
                [.. players.Where(p => !PlayerView.Same(p, Name) && !PlayerView.Same(p, _host))],
                [.. _lines.Values.Where(l => !l.IsNotice)],
                [.. _lines.Values.Select(l => l.Joined).OfType<string>()],
                players,
                [.. users.Where(inGame.Contains)]);
        }
    }

    /// <summary>Keeps a message by its seq (history and events may both hold it) and passes others' lines on to the chat.</summary>
    private void Keep(RoomLine line)
    {
        lock (_gate)
        {
            if (!_lines.TryAdd(line.Seq, line))
            {
                return;
            }

            _robot ??= line.Revealed;
        }

        if (!line.IsNotice && !PlayerView.Same(line.From, Name))
        {
            _heard.Writer.TryWrite(line);
        }
    }

    private void OnSessionUpdated(JsonElement session)
    {
        string[] players = [.. session.GetProperty("players").EnumerateArray().Select(p => p.GetString() ?? "")];
        if (players.Length == 0)
        {
            // The game's last update frees every seat; the list worth keeping is the one before.
            return;
        }

        lock (_gate)
        {
            _players = players;
            _host = session.GetProperty("host").GetString() ?? "";
        }
    }

    private void OnGameUpdated(JsonElement game)
    {
        switch (game.GetProperty("phase").GetString())
        {
            case "chat":
                _chatOpened.TrySetResult();
                break;
            case "vote":
                OpenVote();
                break;
            case "over":
                if (game.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object)
                {
                    lock (_gate)
                    {
                        _robot ??= result.GetProperty("robot").GetString();
                    }
                }

                OpenVote();
                _over.TrySetResult();
                break;
        }
    }

    private void OpenVote()
    {
        _chatOpened.TrySetResult();
        if (_voteOpened.TrySetResult())
        {
            _chatOver.Cancel();
        }
    }
}
