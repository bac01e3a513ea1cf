using Waymark.Domain.Calendar;

namespace Waymark.Domain.EarlyHelp;

/// <summary>The two consents a Family Early Help Plan asks for (002:L3965-L4021).</summary>
public enum EarlyHelpConsentKind
{
    /// <summary>To share the family's information with those supporting the plan. Without it there is no plan.</summary>
    ShareWithSupporters,

    /// <summary>To share with the Supporting Families programme for research and evaluation. Optional: a plan goes ahead without it.</summary>
    SupportingFamilies,
}

/// <summary>
/// Who may consent. From 16 a young person is presumed to have capacity (Mental Capacity Act 2005); under 16 they consent
/// if competent (Gillick); the plan's form lets a young person sign from 12 if they understand (002:L4021).
/// </summary>
public static class EarlyHelpConsentRules
{
    public const int YoungestSignature = 12;

    public const int PresumedCapacity = 16;

    public static string KindName(EarlyHelpConsentKind kind) => kind switch
    {
        EarlyHelpConsentKind.ShareWithSupporters => "Share the family's information with those supporting the plan",
        EarlyHelpConsentKind.SupportingFamilies => "Share with the Supporting Families programme",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// What is wrong with a young person signing for themselves, or null. A parent or carer signs whatever their age;
    /// a child of the family may sign from 12, and under 16 only if the practitioner judged them competent.
    /// </summary>
    public static string? YoungPersonProblem(DateOnly dateOfBirth, DateOnly signedOn, bool judgedCompetent, string name)
    {
        if (signedOn < dateOfBirth)
        {
            return $"{name} was not born on the date consent was given";
        }

        var age = Age.On(dateOfBirth, signedOn);
        if (age < YoungestSignature)
        {
            return $"{name} is {age}: a young person can sign their own consent from {YoungestSignature}, so a parent or carer must give it";
        }

        return age < PresumedCapacity && !judgedCompetent
            ? $"{name} is {age}: confirm that they understand what they are agreeing to (competence), or ask a parent or carer"
            : null;
    }

    /// <summary>The basis recorded with a young person's own consent.</summary>
    public static string Basis(int age) => age >= PresumedCapacity ? "capacity (16 or over)" : "competence (under 16, judged able to understand)";
}
