using System.Globalization;

namespace Waymark.Domain.Attendance;

/// <summary>
/// Why a pupil is on a reduced (part-time) timetable. Working Together to Improve School Attendance
/// (Aug 2024) allows one only in the pupil's best interests, in very exceptional circumstances.
/// </summary>
public enum ReducedTimetableReason
{
    MedicalNeeds,

    /// <summary>Reintegration after a suspension, an exclusion or a long absence.</summary>
    Reintegration,

    /// <summary>Special educational needs: awaiting the provision or placement the pupil needs.</summary>
    SendAwaitingProvision,

    /// <summary>Emotional wellbeing, including emotionally based school avoidance (EBSA).</summary>
    EmotionalWellbeing,

    /// <summary>Another reason, described in the detail.</summary>
    Other,

    /// <summary>
    /// Never accepted: a reduced timetable must not be used to manage behaviour. It is named so the refusal
    /// is explicit wherever it is offered or imported.
    /// </summary>
    ManagingBehaviour,
}

/// <summary>The details of a reduced timetable as entered, before they are saved.</summary>
public sealed record ReducedTimetableDetails(
    DateOnly Start,
    DateOnly PlannedEnd,
    decimal HoursPerWeek,
    ReducedTimetableReason Reason,
    string? ReasonDetail,
    string? ParentAgreedBy,
    DateOnly? ParentAgreedOn,
    string? PlanToFullTime,
    bool? EarlyHelpConsidered,
    string? EarlyHelpOutcome,
    DateOnly? SocialWorkerInformedOn);

/// <summary>A review of a reduced timetable as entered.</summary>
public sealed record ReducedTimetableReviewDetails(
    DateOnly ReviewedOn,
    string? Attendees,
    string? Outcome,
    decimal? NewHoursPerWeek,
    DateOnly? NextReviewOn);

/// <summary>The rules for reduced (part-time) timetables: standards §4.2, from Working Together (Aug 2024).</summary>
public static class ReducedTimetables
{
    /// <summary>
    /// What "full time" means here: a 32.5-hour school week, the DfE's expected minimum for mainstream schools
    /// (Length of the school week guidance, 2023). A reduced timetable is anything less.
    /// </summary>
    public const decimal FullTimeHoursPerWeek = 32.5m;

    /// <summary>Six weeks, in days: a timetable longer than this is tracked by the LA.</summary>
    public const int SixWeeksInDays = 42;

    /// <summary>A new timetable's first review is due within two weeks of its start.</summary>
    public const int FirstReviewWithinDays = 14;

    public const int MaxTextLength = 4000;

    public const int MaxNameLength = 200;

    /// <summary>The guidance the refusal quotes.</summary>
    public const string BehaviourRefusal =
        "A reduced timetable must not be used to manage behaviour: “a part-time timetable must not be used to manage a pupil’s behaviour” " +
        "(Working Together to Improve School Attendance, August 2024). Use the school’s behaviour policy, or choose the reason that is in the pupil’s best interests";

    /// <summary>The reasons a school may choose, in the order offered.</summary>
    public static IReadOnlyList<ReducedTimetableReason> Offered { get; } =
    [
        ReducedTimetableReason.MedicalNeeds, ReducedTimetableReason.Reintegration, ReducedTimetableReason.SendAwaitingProvision,
        ReducedTimetableReason.EmotionalWellbeing, ReducedTimetableReason.Other,
    ];

    public static string Describe(ReducedTimetableReason reason) => reason switch
    {
        ReducedTimetableReason.MedicalNeeds => "Medical needs",
        ReducedTimetableReason.Reintegration => "Reintegration after exclusion or absence",
        ReducedTimetableReason.SendAwaitingProvision => "SEND: awaiting provision",
        ReducedTimetableReason.EmotionalWellbeing => "Emotional wellbeing or school avoidance (EBSA)",
        ReducedTimetableReason.Other => "Other",
        ReducedTimetableReason.ManagingBehaviour => "To manage behaviour (not allowed)",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown reason."),
    };

    /// <summary>
    /// True when a free-text reason says the timetable is for managing behaviour. Any mention of behaviour
    /// counts: a pupil's behaviour is never itself a reason, and a real reason (e.g. reintegration) has its own choice.
    /// </summary>
    public static bool IsAboutBehaviour(string? text) =>
        text is not null && (text.Contains("behaviour", StringComparison.OrdinalIgnoreCase)
                             || text.Contains("behavior", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads hours a week as typed ("15", "12.5", "12.5 hours"); null with a message when it is not a number
    /// with at most two decimal places.
    /// </summary>
    public static decimal? ParseHours(string? text, out string? problem)
    {
        problem = null;
        var value = text?.Trim();
        if (value is not null && value.EndsWith("hours", StringComparison.OrdinalIgnoreCase))
        {
            value = value[..^5].Trim();
        }

        if (string.IsNullOrEmpty(value))
        {
            problem = "Enter the hours a week";
            return null;
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var hours) || decimal.Round(hours, 2) != hours)
        {
            problem = "Hours a week must be a number, like 15 or 12.5";
            return null;
        }

        return hours;
    }

    /// <summary>Null when the hours are part time; otherwise why not.</summary>
    public static string? HoursProblem(decimal hours) => hours switch
    {
        <= 0 => "Hours a week must be more than 0",
        >= FullTimeHoursPerWeek => $"Hours a week must be fewer than {FullTimeHoursPerWeek.ToString(CultureInfo.InvariantCulture)}, a full school week: this is not a reduced timetable",
        _ => null,
    };

    /// <summary>Checks a timetable before it is saved. Returns (field, message) pairs; none when it may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(ReducedTimetableDetails d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        var errors = new List<(string, string)>();
        if (d.PlannedEnd <= d.Start)
        {
            errors.Add(("PlannedEndDate", "The planned end date must be after the start date"));
        }

        if (HoursProblem(d.HoursPerWeek) is string hours)
        {
            errors.Add(("HoursPerWeek", hours));
        }

        if (d.Reason == ReducedTimetableReason.ManagingBehaviour)
        {
            errors.Add(("Reason", BehaviourRefusal));
        }
        else if (d.Reason == ReducedTimetableReason.Other && string.IsNullOrWhiteSpace(d.ReasonDetail))
        {
            errors.Add(("ReasonDetail", "Enter the reason for the reduced timetable"));
        }
        else if (IsAboutBehaviour(d.ReasonDetail))
        {
            errors.Add(("ReasonDetail", BehaviourRefusal));
        }

        TooLong(errors, "ReasonDetail", "The reason", d.ReasonDetail, MaxTextLength);

        // Working Together: the parent the pupil normally lives with must agree; without it there is no timetable.
        if (string.IsNullOrWhiteSpace(d.ParentAgreedBy))
        {
            errors.Add(("ParentAgreedBy", "Enter the name of the parent who agreed to the reduced timetable: it cannot be recorded without a parent’s agreement"));
        }

        TooLong(errors, "ParentAgreedBy", "The parent’s name", d.ParentAgreedBy, MaxNameLength);
        if (d.ParentAgreedOn is not DateOnly agreed)
        {
            errors.Add(("ParentAgreedOn", "Enter the date the parent agreed: a reduced timetable cannot be recorded without a parent’s agreement"));
        }
        else if (agreed > today)
        {
            errors.Add(("ParentAgreedOn", "The date the parent agreed must be today or in the past"));
        }
        else if (agreed > d.Start)
        {
            errors.Add(("ParentAgreedOn", "The parent must have agreed on or before the start date"));
        }

        // The plan back may not be agreed on day one; a timetable without one is recorded and flagged to the LA
        // (ReducedTimetableChecks) until a review adds it.
        TooLong(errors, "PlanToFullTime", "The plan back to full time", d.PlanToFullTime, MaxTextLength);
        if (d.EarlyHelpConsidered is null)
        {
            errors.Add(("EarlyHelpConsidered", "Select whether an early help assessment was considered"));
        }
        else if (d.EarlyHelpConsidered == true && string.IsNullOrWhiteSpace(d.EarlyHelpOutcome))
        {
            errors.Add(("EarlyHelpOutcome", "Enter the outcome of considering an early help assessment"));
        }

        TooLong(errors, "EarlyHelpOutcome", "The early help outcome", d.EarlyHelpOutcome, MaxTextLength);
        if (d.SocialWorkerInformedOn > today)
        {
            errors.Add(("SocialWorkerInformedOn", "The date the social worker was informed must be today or in the past"));
        }

        return errors;
    }

    /// <summary>Checks a review before it is saved. <paramref name="start"/> is the timetable's start.</summary>
    public static IReadOnlyList<(string Field, string Message)> ValidateReview(ReducedTimetableReviewDetails r, DateOnly start, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(r);
        var errors = new List<(string, string)>();
        if (r.ReviewedOn > today)
        {
            errors.Add(("ReviewedOn", "The review date must be today or in the past"));
        }
        else if (r.ReviewedOn < start)
        {
            errors.Add(("ReviewedOn", $"The review date must be on or after the timetable started on {start:d MMMM yyyy}"));
        }

        if (string.IsNullOrWhiteSpace(r.Attendees))
        {
            errors.Add(("Attendees", "Enter who attended the review"));
        }

        TooLong(errors, "Attendees", "Who attended", r.Attendees, MaxTextLength);
        if (string.IsNullOrWhiteSpace(r.Outcome))
        {
            errors.Add(("Outcome", "Enter the outcome of the review"));
        }

        TooLong(errors, "Outcome", "The outcome", r.Outcome, MaxTextLength);
        if (r.NewHoursPerWeek is decimal hours && HoursProblem(hours) is string problem)
        {
            errors.Add(("NewHoursPerWeek", problem));
        }

        if (r.NextReviewOn is not DateOnly next)
        {
            errors.Add(("NextReviewOn", "Enter the date of the next review"));
        }
        else if (next <= r.ReviewedOn)
        {
            errors.Add(("NextReviewOn", "The next review must be after this review"));
        }

        return errors;
    }

    /// <summary>Checks the return to full time that ends a timetable.</summary>
    public static IReadOnlyList<(string Field, string Message)> ValidateEnd(DateOnly endedOn, DateOnly start, DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (endedOn > today)
        {
            errors.Add(("EndedOn", "The date of the return to full time must be today or in the past"));
        }
        else if (endedOn < start)
        {
            errors.Add(("EndedOn", $"The date of the return to full time must be on or after the timetable started on {start:d MMMM yyyy}"));
        }

        return errors;
    }

    private static void TooLong(List<(string, string)> errors, string field, string subject, string? text, int max)
    {
        if (text is not null && text.Trim().Length > max)
        {
            errors.Add((field, $"{subject} must be {max.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer"));
        }
    }
}
