using System.Collections.Concurrent;
using MedicApp.Api.Infrastructure;

namespace MedicApp.Api.Features.Drill;

/// <summary>
/// Keeps the last link or code sent to each drill contact, instead of sending it: a drill reads them back through
/// <c>GET /internal/drill/messages</c> to verify its patients as a patient would. Other recipients never get here.
/// </summary>
internal sealed class DrillMailbox
{
    private readonly ConcurrentDictionary<(string Recipient, MessagePurpose Purpose), string> _last = new();

    public void Keep(OutgoingMessage message) => _last[(message.Recipient, message.Purpose)] = message.Secret;

    public IReadOnlyDictionary<MessagePurpose, string> For(string recipient)
        => _last.Where(entry => entry.Key.Recipient == recipient).ToDictionary(static entry => entry.Key.Purpose, static entry => entry.Value);
}
