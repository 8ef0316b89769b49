using BackendPrep.Discord.Models;
using BackendPrep.Discord.Rest;

namespace BackendPrep.Discord.Interactions.Http;

/// <summary>
/// The open HTTP request of one interaction, as the place its initial callback goes. A callback without files
/// becomes the 200 body; one with files cannot be inlined, so it goes to Discord's callback endpoint (multipart)
/// and the request is answered 202 with no body, as Discord's docs allow.
/// </summary>
internal sealed class PendingHttpResponse(DiscordRestClient rest, Interaction interaction)
{
    private readonly TaskCompletionSource<HttpInteractionResponse> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<HttpInteractionResponse> Response => _response.Task;

    public async Task DeliverAsync(InteractionCallback callback, CancellationToken ct)
    {
        if (_response.Task.IsCompleted)
            throw new InvalidOperationException("This interaction's HTTP request was already answered.");
        if (callback.Message?.Files is { Count: > 0 })
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, callback, ct);
            _response.TrySetResult(HttpInteractionResponse.Accepted);
            return;
        }

        PayloadValidator.Validate(callback);
        var body = RequestBodies.Callback(callback);
        if (!_response.TrySetResult(new HttpInteractionResponse(200, body, Written)))
            throw new InvalidOperationException("This interaction's HTTP request was already answered.");
        await _written.Task.WaitAsync(ct);
    }

    /// <summary>Ends a request nobody answered, so the connection is not held until Discord gives up.</summary>
    public void Abandon() => _response.TrySetResult(HttpInteractionResponse.Unanswered);

    private void Written(Exception? error)
    {
        if (error is null)
            _written.TrySetResult();
        else
            _written.TrySetException(new IOException("The interaction's HTTP response could not be written.", error));
    }
}
