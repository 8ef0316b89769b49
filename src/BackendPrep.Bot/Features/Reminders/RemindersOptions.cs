using BackendPrep.Core.Reminders;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Features.Reminders;

/// <summary><c>Reminders:*</c>.</summary>
public sealed class RemindersOptions
{
    public const string Section = "Reminders";

    /// <summary>A reminder missed while the bot was down is still posted if it comes back within this window.</summary>
    public TimeSpan GraceWindow { get; set; } = TimeSpan.FromHours(6);
}

internal sealed class RemindersOptionsValidation : IValidateOptions<RemindersOptions>
{
    public ValidateOptionsResult Validate(string? name, RemindersOptions options) =>
        options.GraceWindow < TimeSpan.Zero || options.GraceWindow > ReminderPlan.MaxGrace
            ? ValidateOptionsResult.Fail($"Reminders:GraceWindow must be between 00:00 and {ReminderPlan.MaxGrace:hh\\:mm}; it is {options.GraceWindow}.")
            : ValidateOptionsResult.Success;
}
