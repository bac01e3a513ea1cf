using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.CommonTransfer;
using Waymark.Domain.Transitions;

namespace Waymark.Web.Features.Transitions.Overview;

/// <summary>A child's transition on one page: stage, destination, profile, meetings, interventions, sharing and follow-up.</summary>
public sealed class IndexModel(WaymarkDbContext db, TransitionGate gate, TransitionSharing sharing) : TransitionPageModel(gate)
{
    public TransitionStage Stage { get; private set; }

    public IReadOnlyDictionary<ProfileSection, TransitionProfileSection> Sections { get; private set; } = new Dictionary<ProfileSection, TransitionProfileSection>();

    public IReadOnlyList<PcpMeeting> Meetings { get; private set; } = [];

    public IReadOnlyList<InterventionEnrolment> Interventions { get; private set; } = [];

    public IReadOnlyList<InformationShare> Shares { get; private set; } = [];

    public IReadOnlyList<FollowUpReview> FollowUps { get; private set; } = [];

    public Consent? Consent { get; private set; }

    public string? WhyNotShared { get; private set; }

    /// <summary>Why the common transfer file cannot be made yet, or null when it can.</summary>
    public string? WhyNoCommonTransferFile { get; private set; }

    public int OverdueActions { get; private set; }

    public int MeetingsArranged => Meetings.Count(m => m.Status != MeetingStatus.Cancelled);

    public InformationShare? ShareInForce => Shares.FirstOrDefault(s => s.EndedAtUtc is null);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "overview") is IActionResult refused)
        {
            return refused;
        }

        var t = View.Transition;
        Sections = await db.ProfileSections.AsNoTracking().Where(s => s.TransitionId == id).ToDictionaryAsync(s => s.Section);
        Shares = await db.InformationShares.AsNoTracking().Include(s => s.RecipientSchool).Include(s => s.AcknowledgedBy)
            .Where(s => s.TransitionId == id).OrderByDescending(s => s.SharedAtUtc).ToListAsync();
        FollowUps = await db.FollowUpReviews.AsNoTracking().Where(f => f.TransitionId == id).OrderBy(f => f.Kind).ToListAsync();
        if (View.Rights.SeePlanning)
        {
            Meetings = await db.PcpMeetings.AsNoTracking().Include(m => m.Invitees).Include(m => m.Actions)
                .Where(m => m.TransitionId == id).OrderBy(m => m.Date).ThenBy(m => m.StartTime).ToListAsync();
            Interventions = await db.InterventionEnrolments.AsNoTracking().Include(e => e.Intervention)
                .Where(e => e.ChildId == t.ChildId).OrderBy(e => e.StartDate).ToListAsync();
            Consent = await sharing.ConsentInForceAsync(t.ChildId);
            var today = View.Today;
            OverdueActions = Meetings.SelectMany(m => m.Actions).Count(a => a.DoneOn is null && a.ByWhen < today)
                + await db.SupportPlanActions.CountAsync(a => a.TransitionId == id && a.DoneOn == null && a.ByWhen < today);
        }

        WhyNoCommonTransferFile = CtfCodes.WhyNoFileForTransition(t.DestinationSchool is not null, t.DestinationStatus);
        WhyNotShared = Sharing.WhyNotShareable(t.Decision, t.DestinationSchoolId is not null, t.DestinationStatus, Consent is not null || ShareInForce is not null);
        var share = ShareInForce;
        Stage = TransitionStages.Of(new TransitionFacts(
            t.Decision,
            Sections.Values.Count(s => s.Status != SectionStatus.NotStarted),
            Sections.Values.Count(s => s.Status == SectionStatus.Complete),
            share is not null,
            share?.AcknowledgedAtUtc is not null,
            View.HasMoved,
            FollowUps.Any(f => f.Kind == FollowUpKind.EndOfFirstTerm)));
        return Page();
    }

    public SectionStatus StatusOf(ProfileSection section) => Sections.TryGetValue(section, out var s) ? s.Status : SectionStatus.NotStarted;

    public SharingLevel SharingOf(ProfileSection section) =>
        Sections.TryGetValue(section, out var s) ? s.Sharing : ProfileSections.Get(section).DefaultSharing;
}
