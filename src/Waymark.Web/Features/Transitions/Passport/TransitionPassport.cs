using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;

namespace Waymark.Web.Features.Transitions.Passport;

/// <summary>One answer on the passport. <see cref="ChildsOwnWords"/> answers are quoted exactly as written.</summary>
public sealed record PassportEntry(string? Label, string Text, bool ChildsOwnWords);

public sealed record PassportAction(string What, string Who, DateOnly ByWhen, bool Done);

public sealed record PassportPart(string Heading, IReadOnlyList<PassportEntry> Entries, IReadOnlyList<PassportAction> Actions);

/// <summary>
/// The Transition Passport as plain data, made once and drawn by both the web page and the PDF.
/// It is made only from shareable sections, whoever asks, because it is the document that is shared.
/// </summary>
public sealed record TransitionPassport(
    string KnownAs,
    string? PrimarySchool,
    string? SecondarySchool,
    DateOnly ProducedOn,
    IReadOnlyList<PassportPart> Parts)
{
    public const string Title = "My Transition Passport";

    public const string OwnWordsNote = "Words in quotation marks are my own words.";

    public bool IsEmpty => Parts.Count == 0;

    /// <summary>"From Larkfield Primary School to Hollins Academy", for the foot of the passport.</summary>
    public string Journey => $"From {PrimarySchool ?? "primary school"} to {SecondarySchool ?? "a secondary school not yet known"}";

    public string Produced => $"Produced on {ProducedOn:d MMMM yyyy}";

    /// <summary>The passport's headings, in the child's voice, and which question of which section goes under each.</summary>
    internal static IReadOnlyList<(string Heading, IReadOnlyList<(ProfileSection Section, string Key, string? Label)> Fields)> Layout { get; } =
    [
        ("About me",
        [
            (ProfileSection.AboutMe, "like-about-me", "What people like about me"),
            (ProfileSection.AboutMe, "important-to-me", "What is important to me"),
            (ProfileSection.AboutMe, "support-me", "How best to support me"),
        ]),
        ("What I'm good at and enjoy",
        [
            (ProfileSection.StrengthsAndInterests, "good-at", "What I'm good at"),
            (ProfileSection.StrengthsAndInterests, "enjoy", "What I enjoy"),
        ]),
        ("What I'm looking forward to",
        [
            (ProfileSection.WorriesAboutMoving, "looking-forward", null),
        ]),
        ("What I'm worried about",
        [
            (ProfileSection.WorriesAboutMoving, "worries", "My worries about moving"),
            (ProfileSection.WorriesAboutMoving, "would-help", "What would help"),
        ]),
        ("What helps me",
        [
            (ProfileSection.CommunicationAndLearning, "communication", "How I communicate"),
            (ProfileSection.CommunicationAndLearning, "works-in-class", "What works in class"),
            (ProfileSection.CommunicationAndLearning, "primary-need", "My main learning need"),
            (ProfileSection.CommunicationAndLearning, "sen", "Help I get with my learning"),
            (ProfileSection.Behaviour, "triggers", "What can upset me"),
            (ProfileSection.Behaviour, "calms", "What calms me"),
            (ProfileSection.AttendanceAndPunctuality, "helps", "What helps me get to school"),
            (ProfileSection.WhatHasWorked, "worked", "What has worked for me"),
            (ProfileSection.WhatHasWorked, "not-worked", "What has not worked"),
            (ProfileSection.HealthAndMedical, "conditions", "My health"),
            (ProfileSection.HealthAndMedical, "wellbeing", "How I am feeling"),
        ]),
        ("My key adult",
        [
            (ProfileSection.VisitsAndKeyAdult, "key-adult-name", "Name"),
            (ProfileSection.VisitsAndKeyAdult, "key-adult-role", "Their role"),
        ]),
        ("My visits",
        [
            (ProfileSection.VisitsAndKeyAdult, "visits", null),
        ]),
        ("My support plan",
        [
            (ProfileSection.SupportPlan, "summary", null),
        ]),
    ];

    /// <summary>
    /// Builds the passport. Sections not marked shareable are dropped here, whatever the caller loaded;
    /// the support plan's actions appear only while the support plan section is shareable.
    /// </summary>
    public static TransitionPassport From(Transition transition, IEnumerable<TransitionProfileSection> sections,
        IEnumerable<SupportPlanAction> actions, DateOnly producedOn)
    {
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(actions);
        var all = sections.ToList();
        var shareable = all.Where(s => s.Sharing == SharingLevel.Shareable).ToDictionary(s => s.Section);
        var planSharing = all.FirstOrDefault(s => s.Section == ProfileSection.SupportPlan)?.Sharing
            ?? ProfileSections.Get(ProfileSection.SupportPlan).DefaultSharing;
        var planActions = planSharing == SharingLevel.Shareable
            ? actions.OrderBy(a => a.ByWhen).ThenBy(a => a.Id).Select(a => new PassportAction(a.Action, a.Owner, a.ByWhen, a.DoneOn is not null)).ToList()
            : [];

        var parts = new List<PassportPart>();
        foreach (var (heading, fields) in Layout)
        {
            var entries = new List<PassportEntry>();
            foreach (var (section, key, label) in fields)
            {
                var field = ProfileSections.Get(section).Fields.Single(f => f.Key == key);
                var answer = shareable.TryGetValue(section, out var row) ? row.Answer(key) : null;
                if (!string.IsNullOrWhiteSpace(answer))
                {
                    // Only surrounding blank space is dropped: the words themselves are never changed.
                    entries.Add(new PassportEntry(label, answer.Trim(), field.ChildsVoice));
                }
            }

            var partActions = fields.Any(f => f.Section == ProfileSection.SupportPlan) ? planActions : [];
            if (entries.Count > 0 || partActions.Count > 0)
            {
                parts.Add(new PassportPart(heading, entries, partActions));
            }
        }

        return new TransitionPassport(transition.Child?.KnownAsName ?? "", transition.SendingSchool?.Name, transition.DestinationSchool?.Name,
            producedOn, parts);
    }

    public static string Describe(PassportAction action) =>
        $"{action.What} ({action.Who}, by {action.ByWhen:d MMMM yyyy}{(action.Done ? ", done" : "")})";
}

/// <summary>Loads what a passport is made of: the shareable sections only, so restricted answers are never even read.</summary>
public static class PassportQuery
{
    public static async Task<TransitionPassport> LoadAsync(Waymark.Data.WaymarkDbContext db, TransitionView view, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(view);
        var id = view.Transition.Id;
        var sections = await db.ProfileSections.AsNoTracking()
            .Where(s => s.TransitionId == id && s.Sharing == SharingLevel.Shareable).ToListAsync(ct);
        var planRestricted = await db.ProfileSections
            .AnyAsync(s => s.TransitionId == id && s.Section == ProfileSection.SupportPlan && s.Sharing == SharingLevel.Restricted, ct);
        var actions = planRestricted
            ? []
            : await db.SupportPlanActions.AsNoTracking().Where(a => a.TransitionId == id).ToListAsync(ct);
        return TransitionPassport.From(view.Transition, sections, actions, view.Today);
    }
}
