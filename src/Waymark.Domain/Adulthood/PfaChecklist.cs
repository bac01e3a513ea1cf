namespace Waymark.Domain.Adulthood;

/// <summary>What someone entered for one checklist item, before it is saved.</summary>
public sealed record PfaItemEntry(
    PfaItem Item,
    PfaItemStatus Status,
    string? Owner,
    DateOnly? DueOn,
    string? EvidenceNote,
    AscOutcome? AscOutcome = null,
    DateOnly? ProgrammeStart = null,
    DateOnly? ProgrammeEnd = null,
    bool? RetainedEmployment = null);

/// <summary>A field of an entry and what is wrong with it.</summary>
public sealed record PfaProblem(string Field, string Message);

/// <summary>The checklist's rules: due dates, overdue items, completion and what a saved item must hold.</summary>
public static class PfaChecklist
{
    public const int MaxOwnerLength = 200;

    public const int MaxNoteLength = 2000;

    /// <summary>When an item falls due for a young person, from <see cref="PfaItems.DueAge"/>; the worker may agree another date.</summary>
    public static DateOnly DefaultDueOn(PfaItem item, DateOnly dateOfBirth)
    {
        var (years, months) = PfaItems.DueAge(item);
        return PfaAges.ReachesAge(dateOfBirth, years, months);
    }

    public static bool IsClosed(PfaItemStatus status) => status is PfaItemStatus.Done or PfaItemStatus.NotNeeded;

    /// <summary>Overdue from the day after the due date, while not done or agreed not needed.</summary>
    public static bool IsOverdue(PfaItemStatus status, DateOnly dueOn, DateOnly today) => !IsClosed(status) && today > dueOn;

    /// <summary>
    /// Share of the items that apply which are done, 0 to 1: items agreed not needed are left out of both sides, so a
    /// young person with every item not needed is complete (1).
    /// </summary>
    public static decimal CompletionShare(IEnumerable<PfaItemStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var applying = statuses.Where(s => s != PfaItemStatus.NotNeeded).ToList();
        return applying.Count == 0 ? 1m : (decimal)applying.Count(s => s == PfaItemStatus.Done) / applying.Count;
    }

    /// <summary>Whole-number percentage of <see cref="CompletionShare"/>, rounded down so that 100% means everything is done.</summary>
    public static int CompletionPercent(IEnumerable<PfaItemStatus> statuses) => (int)Math.Floor(CompletionShare(statuses) * 100);

    /// <summary>Everything wrong with an entry, field by field, in the form's order; empty when it may be saved.</summary>
    public static IReadOnlyList<PfaProblem> Problems(PfaItemEntry entry, DateOnly dateOfBirth, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var problems = new List<PfaProblem>();
        if (entry.Owner is { Length: > MaxOwnerLength })
        {
            problems.Add(new("Owner", $"The owner must be {MaxOwnerLength} characters or fewer"));
        }

        if (entry.Status != PfaItemStatus.NotStarted && string.IsNullOrWhiteSpace(entry.Owner))
        {
            problems.Add(new("Owner", "Enter who owns this item: a name and their service"));
        }

        if (entry.DueOn is DateOnly due && due < PfaAges.ChecklistStartsOn(dateOfBirth))
        {
            problems.Add(new("DueOn", "The due date must be on or after the start of the young person's Year 9"));
        }

        if (entry.EvidenceNote is { Length: > MaxNoteLength })
        {
            problems.Add(new("EvidenceNote", $"The evidence note must be {MaxNoteLength:N0} characters or fewer"));
        }

        if (IsClosed(entry.Status) && string.IsNullOrWhiteSpace(entry.EvidenceNote))
        {
            problems.Add(new("EvidenceNote", entry.Status == PfaItemStatus.Done
                ? "Enter the evidence that this item is done, for example what was given to whom and when"
                : "Enter why this item is not needed and who agreed it"));
        }

        if (entry.Item == PfaItem.AscAssessmentOutcome && entry.Status == PfaItemStatus.Done && entry.AscOutcome is null)
        {
            problems.Add(new("AscOutcome", "Select what the Adult Social Care assessment found"));
        }

        if (entry.Item != PfaItem.AscAssessmentOutcome && entry.AscOutcome is not null)
        {
            problems.Add(new("AscOutcome", "Only the assessment outcome item records an Adult Social Care outcome"));
        }

        if (entry.Item == PfaItem.EmploymentOrEducationProgramme)
        {
            if (entry.ProgrammeStart is DateOnly start && start > today)
            {
                problems.Add(new("ProgrammeStart", "The programme's start date must be today or in the past"));
            }

            if (entry.ProgrammeEnd is DateOnly end)
            {
                if (entry.ProgrammeStart is null)
                {
                    problems.Add(new("ProgrammeStart", "Enter the programme's start date as well as its end date"));
                }
                else if (end < entry.ProgrammeStart)
                {
                    problems.Add(new("ProgrammeEnd", "The programme's end date must be on or after its start date"));
                }
            }

            if (entry.RetainedEmployment is not null && entry.ProgrammeEnd is null)
            {
                problems.Add(new("RetainedEmployment", "Say whether employment was retained only once the programme has an end date"));
            }

            if (entry.Status == PfaItemStatus.Done && entry.ProgrammeStart is null)
            {
                problems.Add(new("ProgrammeStart", "Enter the programme's start date before marking it done"));
            }
        }
        else if (entry.ProgrammeStart is not null || entry.ProgrammeEnd is not null || entry.RetainedEmployment is not null)
        {
            problems.Add(new("ProgrammeStart", "Only the employment or education programme item records programme dates"));
        }

        return problems;
    }
}
