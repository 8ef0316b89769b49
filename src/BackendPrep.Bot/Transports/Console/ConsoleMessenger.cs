using System.Globalization;
using BackendPrep.Core.Replies;

namespace BackendPrep.Bot.Transports.Console;

/// <summary>In console mode every channel and DM is the terminal; posted messages get local ids so edits can name them.</summary>
internal sealed class ConsoleMessenger(ConsoleChat chat) : IChannelMessenger
{
    private long _nextId;

    public async Task<PostedMessage> PostAsync(Destination destination, Reply reply, CancellationToken cancellationToken)
    {
        var where = destination.DirectToUserId is not null ? "(direct message)" : $"(posted in #{destination.ChannelId})";
        await chat.PostAsync(reply with { Text = $"{where} {reply.Text}".TrimEnd() }, cancellationToken);
        return new PostedMessage(destination.ChannelId ?? "dm", Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture));
    }

    public Task EditAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken) =>
        chat.PostAsync(reply with { Text = $"(message {message.MessageId} updated) {reply.Text}".TrimEnd() }, cancellationToken);
}
