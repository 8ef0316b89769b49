namespace BackendPrep.Core.Drills;

/// <summary>How well the user recalled a card. The numeric values are FSRS's grades and are persisted.</summary>
public enum Rating
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

/// <summary>
/// Where a card is in its life. There are no learning or relearning steps in this scheduler, so a card goes
/// straight from <see cref="New"/> to <see cref="Review"/> on its first rating and stays there (lapses included).
/// </summary>
public enum CardState
{
    New = 0,
    Review = 2,
}
