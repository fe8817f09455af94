using System.Collections.Concurrent;

namespace MedicApp.Api.Infrastructure;

/// <summary>
/// Keeps the last message per recipient and purpose in memory instead of sending it: the development, demo and test
/// stand-in for an email and SMS provider. Nothing is written to logs; the demo and the tests read it in-process.
/// </summary>
internal sealed class DevelopmentOutbox : IMessageSender
{
    private readonly ConcurrentDictionary<(string Recipient, MessagePurpose Purpose), string> _last = new();

    public void Send(OutgoingMessage message) => _last[(message.Recipient, message.Purpose)] = message.Secret;

    public string LastSecret(string recipient, MessagePurpose purpose)
        => _last.TryGetValue((recipient, purpose), out var secret) ? secret : throw new InvalidOperationException($"Nothing was sent to that recipient for {purpose}.");
}
