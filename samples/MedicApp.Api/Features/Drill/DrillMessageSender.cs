using MedicApp.Api.Infrastructure;

namespace MedicApp.Api.Features.Drill;

/// <summary>Sends as the application's sender does, except to drill contacts, whose messages go to the <see cref="DrillMailbox"/>.</summary>
internal sealed class DrillMessageSender(IMessageSender inner, DrillMailbox mailbox) : IMessageSender
{
    public void Send(OutgoingMessage message)
    {
        if (DrillContacts.IsDrillRecipient(message.Recipient))
        {
            mailbox.Keep(message);
        }
        else
        {
            inner.Send(message);
        }
    }
}
