namespace Waymark.Domain.Retention;

/// <summary>The kinds of record Waymark keeps for a set period. The audit log is not one: it is kept for good.</summary>
public enum RetentionRecordType
{
    /// <summary>A child's whole record, for a child who has never been looked after.</summary>
    ChildRecord,

    /// <summary>A child's whole record, for a child who has ever been looked after (a case record).</summary>
    LookedAfterChildRecord,

    /// <summary>One academic year of a pupil's attendance register entries (marks and their corrections).</summary>
    AttendanceRegister,
}

/// <summary>What a record due under its rule needs.</summary>
public enum RetentionAction
{
    /// <summary>Due within <see cref="RetentionRules.ReviewMonths"/> months: check nothing needs it kept longer.</summary>
    Review,

    /// <summary>Past its period and not on legal hold.</summary>
    Delete,

    /// <summary>Past its period but on legal hold, so it is kept until the hold is lifted.</summary>
    Held,
}
