namespace BackendPrep.Bot.Interactions;

/// <summary>Bad input or a refused action: the message is shown to the user as is, and nothing is logged as an error.</summary>
public sealed class UserFacingException(string message) : Exception(message);
