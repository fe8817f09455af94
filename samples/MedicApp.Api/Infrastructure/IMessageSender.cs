namespace MedicApp.Api.Infrastructure;

/// <summary>Sends verification links and codes to patients (email, SMS). Replace it with your provider.</summary>
internal interface IMessageSender
{
    void Send(OutgoingMessage message);
}
