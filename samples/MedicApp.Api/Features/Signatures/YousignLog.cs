namespace MedicApp.Api.Features.Signatures;

internal static partial class YousignLog
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Yousign webhook {EventName} about a signature request this API did not create")]
    public static partial void UnknownRequest(ILogger logger, string eventName);
}
