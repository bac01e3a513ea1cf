namespace Waymark.Domain.Transitions;

/// <summary>The sections of the Transition Planning Profile Tool (TPPT), in the order the form asks them.</summary>
public enum ProfileSection
{
    AboutMe,
    StrengthsAndInterests,
    WorriesAboutMoving,
    CommunicationAndLearning,
    AttendanceAndPunctuality,
    Behaviour,
    HealthAndMedical,
    FamilyAndProfessionals,
    WhatHasWorked,
    SupportPlan,
    VisitsAndKeyAdult,
}

/// <summary>Who may read a section: the receiving school too, or only the LA and social care.</summary>
public enum SharingLevel
{
    Shareable,
    Restricted,
}

public enum SectionStatus
{
    NotStarted,
    InProgress,
    Complete,
}

/// <summary>One question of a section. Answers marked <see cref="ChildsVoice"/> are the child's own words and are quoted, never paraphrased.</summary>
public sealed record ProfileField(string Key, string Label, string? Hint = null, bool ChildsVoice = false);

public sealed record ProfileSectionDefinition(
    ProfileSection Section,
    string Slug,
    string Title,
    string Summary,
    SharingLevel DefaultSharing,
    IReadOnlyList<ProfileField> Fields);

public static class ProfileSections
{
    public const int MaxAnswerLength = 4000;

    private const string OwnWords = "Write down what the child says, in their own words.";

    public static IReadOnlyList<ProfileSectionDefinition> All { get; } =
    [
        new(ProfileSection.AboutMe, "about-me", "About me", "What people like about me, what is important to me, how best to support me",
            SharingLevel.Shareable,
            [
                new("like-about-me", "What people like and admire about me", OwnWords, ChildsVoice: true),
                new("important-to-me", "What is important to me", OwnWords, ChildsVoice: true),
                new("support-me", "How best to support me", OwnWords, ChildsVoice: true),
            ]),
        new(ProfileSection.StrengthsAndInterests, "strengths-and-interests", "Strengths and interests", "What I am good at and what I enjoy",
            SharingLevel.Shareable,
            [
                new("good-at", "What I am good at", OwnWords, ChildsVoice: true),
                new("enjoy", "What I enjoy and am interested in", OwnWords, ChildsVoice: true),
            ]),
        new(ProfileSection.WorriesAboutMoving, "worries", "Worries about moving", "What worries me and what I am looking forward to",
            SharingLevel.Shareable,
            [
                new("worries", "What I am worried about when I move to secondary school", OwnWords, ChildsVoice: true),
                new("looking-forward", "What I am looking forward to", OwnWords, ChildsVoice: true),
                new("would-help", "What would help with these worries"),
            ]),
        new(ProfileSection.CommunicationAndLearning, "communication-and-learning", "Communication and learning needs", "SEN, primary need, what works in class",
            SharingLevel.Shareable,
            [
                new("sen", "Special educational needs and the support in place", "For example SEN support or an EHC plan, and the provision the child receives"),
                new("primary-need", "Primary need", "For example speech, language and communication needs"),
                new("communication", "How the child communicates, and how best to communicate with them"),
                new("works-in-class", "What works in class"),
            ]),
        new(ProfileSection.AttendanceAndPunctuality, "attendance", "Attendance and punctuality", "The attendance picture, what gets in the way and what helps",
            SharingLevel.Shareable,
            [
                new("picture", "Attendance and punctuality this year and last", "Include the attendance rate and any pattern, such as Mondays or after holidays"),
                new("barriers", "What gets in the way of coming to school, and on time"),
                new("helps", "What has helped"),
            ]),
        new(ProfileSection.Behaviour, "behaviour", "Behaviour, triggers and what calms", "Behaviour in school, what can trigger it and what calms",
            SharingLevel.Shareable,
            [
                new("behaviour", "Behaviour in school"),
                new("triggers", "What can upset the child or trigger difficult behaviour"),
                new("calms", "What calms the child", "Include anything the child says helps them, in their own words"),
            ]),
        new(ProfileSection.HealthAndMedical, "health", "Health and medical", "Conditions, medication, care plans, emotional wellbeing",
            SharingLevel.Shareable,
            [
                new("conditions", "Medical conditions, medication and care plans"),
                new("wellbeing", "Emotional health and wellbeing"),
            ]),
        new(ProfileSection.FamilyAndProfessionals, "family-and-professionals", "Family context and professionals involved", "Family circumstances, safeguarding context and the professionals working with the family",
            SharingLevel.Restricted,
            [
                new("family", "Family context"),
                new("safeguarding", "Safeguarding context", "Only what the LA and social care need to know"),
                new("professionals", "Professionals involved", "Names, roles and how to contact them"),
            ]),
        new(ProfileSection.WhatHasWorked, "what-has-worked", "What has worked and what has not", "Approaches that have and have not helped",
            SharingLevel.Shareable,
            [
                new("worked", "What has worked"),
                new("not-worked", "What has not worked"),
            ]),
        new(ProfileSection.SupportPlan, "support-plan", "Transition support plan", "The actions that will support the move, who does them and by when",
            SharingLevel.Shareable,
            [
                new("summary", "Summary of the support plan", "The actions themselves are listed below the summary, each with an owner and a date"),
            ]),
        new(ProfileSection.VisitsAndKeyAdult, "visits-and-key-adult", "Extra visits and key adult", "Extra visits to the secondary school and the named key adult there",
            SharingLevel.Shareable,
            [
                new("visits", "Extra visits to the secondary school", "Dates, and what the child will do or see on each visit"),
                new("key-adult-name", "Named key adult at the secondary school"),
                new("key-adult-role", "The key adult's role", "For example pastoral lead or learning mentor"),
            ]),
    ];

    public static ProfileSectionDefinition Get(ProfileSection section) =>
        All.FirstOrDefault(d => d.Section == section)
        ?? throw new ArgumentOutOfRangeException(nameof(section), section, "Unknown profile section.");

    public static ProfileSectionDefinition? FromSlug(string? slug) =>
        All.FirstOrDefault(d => string.Equals(d.Slug, slug, StringComparison.Ordinal));

    public static string DisplayName(SharingLevel level) => level switch
    {
        SharingLevel.Shareable => "Shareable with the receiving school",
        SharingLevel.Restricted => "Restricted to the LA and social care",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown sharing level."),
    };

    public static string DisplayName(SectionStatus status) => status switch
    {
        SectionStatus.NotStarted => "Not started",
        SectionStatus.InProgress => "In progress",
        SectionStatus.Complete => "Completed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown section status."),
    };

    /// <summary>
    /// Checks a section's answers before saving. A section marked complete must have every
    /// question answered; nothing may be longer than <see cref="MaxAnswerLength"/>.
    /// Returns (field key, message) pairs, empty when the answers can be saved.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(
        ProfileSection section, IReadOnlyDictionary<string, string?> answers, SectionStatus status)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new List<(string, string)>();
        foreach (var field in Get(section).Fields)
        {
            var answer = answers.TryGetValue(field.Key, out var value) ? value?.Trim() : null;
            if (answer is { Length: > MaxAnswerLength })
            {
                errors.Add((field.Key, $"{field.Label} must be {MaxAnswerLength:N0} characters or fewer"));
            }
            else if (status == SectionStatus.Complete && string.IsNullOrEmpty(answer))
            {
                errors.Add((field.Key, $"Answer ‘{field.Label}’, or mark the section as in progress"));
            }
        }

        return errors;
    }
}
