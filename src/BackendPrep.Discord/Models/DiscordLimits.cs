namespace BackendPrep.Discord.Models;

/// <summary>
/// Documented Discord limits (docs win over the OpenAPI spec where they differ). Sources: developers/resources/
/// message.mdx "Embed Limits", developers/components/reference.mdx, developers/interactions/application-commands.mdx.
/// </summary>
public static class DiscordLimits
{
    public const int MessageContent = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int EmbedFieldName = 256;
    public const int EmbedFieldValue = 1024;
    public const int EmbedFooterText = 2048;
    public const int EmbedAuthorName = 256;
    public const int EmbedTotal = 6000;
    public const int CustomId = 100;
    public const int ActionRowsPerMessage = 5;
    public const int ButtonsPerRow = 5;
    public const int ButtonLabel = 80;
    public const int SelectOptions = 25;
    public const int SelectOptionText = 100;
    public const int ModalTitle = 45;
    public const int ModalComponents = 5;
    public const int LabelText = 45;
    public const int TextInputLength = 4000;
    public const int AttachmentsPerMessage = 10;
    public const int Choices = 25;
    public const int ChoiceName = 100;
    public const int ChoiceValue = 100;
    public const int CommandName = 32;
    public const int CommandDescription = 100;
    public const int CommandOptions = 25;
    public const int CommandTotalText = 8000;
    public const int GlobalChatInputCommands = 100;

    /// <summary>
    /// Lowercase command/option name. .NET regex has no \p{sc=…}; the Devanagari/Thai blocks approximate the scripts.
    /// Letters must already be lowercase, which is checked separately.
    /// </summary>
    public const string CommandNamePattern = @"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$";
}
